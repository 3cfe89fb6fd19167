/**
 * What every chart is given: the whole report and the scope the selector shows. A chart appends its figure to
 * `parent` and returns it; it is a pure function of its inputs (same inputs, same markup).
 */
import { type ScaleLinear, scaleLinear } from "d3"
import type { ReportData, ScopeView } from "../ReportData.ts"
import type { El } from "./Frame.ts"

/** The inputs of a chart. */
export interface ChartInput {
  readonly data: ReportData
  readonly scope: ScopeView
}

/** A chart: draws into `parent` and returns the figure it appended. */
export type Chart = (parent: El<Element>, input: ChartInput) => El<HTMLElement>

/** The time span charts share: from opening to the end of the last interval or the last call, whichever is later. */
export const timeDomain = (data: ReportData, scope: ScopeView): readonly [number, number] => {
  const lastInterval = scope.intervals.at(-1)?.end ?? data.time.close
  return [data.time.open, Math.max(data.time.close, data.time.end, lastInterval)]
}

/** A time scale over the chart's width. */
export const timeScale = (domain: readonly [number, number], width: number): ScaleLinear<number, number> =>
  scaleLinear().domain([domain[0], domain[1]]).range([0, width])

/** The largest finite value of a list, at least `floor` (so empty or all-zero charts still get an axis). */
export const maxOf = (values: Iterable<number>, floor = 1): number => {
  let max = floor
  for (const v of values) if (Number.isFinite(v) && v > max) max = v
  return max
}
