/**
 * `report.html` from a results document, via `@ccsim/report`. The run date is not in results.json (which stays
 * byte-identical between runs); it is given here: the time of the run, or for `ccsim report` the time the
 * results file was written.
 */
import type { ReportSource } from "@ccsim/report"
import { renderReportEffect, toReportData } from "@ccsim/report"
import { Clock, Effect } from "effect"

/** Why the report could not be drawn: the data (exit 2 for `ccsim report`) or the environment. */
export interface ReportProblem {
  readonly invalidData: boolean
  readonly message: string
}

const problemOf = (error: unknown): ReportProblem => ({
  invalidData: typeof error === "object" && error !== null && "_tag" in error && error._tag === "InvalidReportData",
  message: error instanceof Error ? error.message : String(error)
})

/**
 * Renders the report chart by chart, yielding between charts so that an interrupt is seen while drawing; a
 * failure (e.g. the viewer bundle is not built) is returned, not thrown.
 */
export const renderReportFile = (source: ReportSource, runDate?: Date): Effect.Effect<string, ReportProblem> =>
  Effect.gen(function* () {
    const date = runDate ?? new Date(yield* Clock.currentTimeMillis)
    const data = yield* Effect.try({
      try: () => toReportData(source, { runDate: date.toISOString() }),
      catch: problemOf
    })
    yield* Effect.yieldNow
    return yield* renderReportEffect(data).pipe(Effect.mapError(problemOf))
  })
