/**
 * The automatic replication count: with `run.targetRelativeHalfWidth`, replications are added until the 95 %
 * confidence intervals of the chosen metrics (total scope) are narrow enough, up to `run.maxReplications`. The
 * count kept is the fewest that meet the target, computed from the results alone, so a parallel run adding
 * replications in batches keeps the same count as a sequential one.
 */
import type { ReplicationResult, SummaryView } from "@ccsim/engine"
import { metricEstimate, pointEstimate, summarizeTotal } from "@ccsim/engine"
import type { Scenario, ThresholdMetric } from "@ccsim/scenario"

/** Metrics whose precision decides the automatic replication count, on the total scope. */
export const DEFAULT_PRECISION_METRICS: ReadonlyArray<ThresholdMetric> = ["service-level", "asa"]

/** The least number of replications before precision is judged (a t interval needs spread to be meaningful). */
export const MIN_AUTO_REPLICATIONS = 3

/** Precision of the chosen metrics in a summary. */
export interface Precision {
  readonly reached: boolean
  /** Relative half-width (half-width / |mean|) per metric; 0 when mean and half-width are both 0. */
  readonly relativeHalfWidths: Record<string, number | null>
}

/**
 * Whether every chosen metric of the total scope has a relative half-width ≤ `target`. A metric whose mean is 0
 * with no spread counts as precise; an undefined one (no data, or one replication) does not.
 */
export const precisionOf = (
  summary: SummaryView,
  target: number,
  metrics: ReadonlyArray<ThresholdMetric> = DEFAULT_PRECISION_METRICS
): Precision => {
  const relativeHalfWidths: Record<string, number | null> = {}
  let reached = true
  for (const metric of metrics) {
    const e = metricEstimate(summary, "total", metric)
    const mean = e === undefined ? null : pointEstimate(e)
    const h = e?.halfWidth ?? null
    const rel = mean === null || h === null ? null : h === 0 ? 0 : mean === 0 ? null : h / Math.abs(mean)
    relativeHalfWidths[metric] = rel
    if (rel === null || rel > target) reached = false
  }
  return { reached, relativeHalfWidths }
}

/**
 * The automatic replication count for results of replications 0 … k−1 (in any order): the smallest n ≥
 * `minimum` at which the first n replications reach the precision target, or undefined if none does yet.
 */
export const sufficientReplications = (
  results: ReadonlyArray<ReplicationResult>,
  target: number,
  options: { readonly minimum?: number; readonly metrics?: ReadonlyArray<ThresholdMetric> } = {}
): number | undefined => {
  const sorted = [...results].sort((a, b) => a.replications[0]! - b.replications[0]!)
  const minimum = Math.max(MIN_AUTO_REPLICATIONS, options.minimum ?? 0)
  for (let n = minimum; n <= sorted.length; n++) {
    if (precisionOf(summarizeTotal(sorted.slice(0, n)), target, options.metrics).reached) return n
  }
  return undefined
}

/** How many replications a scenario runs: a fixed count, or a first count and a ceiling with a precision target. */
export interface ReplicationPlan {
  readonly initial: number
  readonly maximum: number
  readonly target: number | undefined
}

/** The scenario's replication plan (`replications`, `run.targetRelativeHalfWidth`, `run.maxReplications`). */
export const replicationPlan = (scenario: Scenario): ReplicationPlan => {
  const target = scenario.run.targetRelativeHalfWidth
  const initial = target === undefined ? scenario.replications : Math.max(scenario.replications, MIN_AUTO_REPLICATIONS)
  const maximum = target === undefined ? initial : Math.max(initial, scenario.run.maxReplications)
  return { initial, maximum, target }
}
