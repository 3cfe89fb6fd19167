/**
 * The report's errors.
 */
import { Data } from "effect"

/**
 * The viewer bundle (d3 and the chart code, built by Vite) is missing: the package was not built.
 *
 * @category errors
 */
export class ViewerNotBuilt extends Data.TaggedError("ViewerNotBuilt")<{
  readonly path: string
  readonly message: string
}> {}

/**
 * The data given to `renderReport` is not a report of this version, or has nothing to show.
 *
 * @category errors
 */
export class InvalidReportData extends Data.TaggedError("InvalidReportData")<{
  readonly message: string
}> {}
