/**
 * Judging a simulated staffing, interval by interval and queue by queue: the pooled ratio estimates (Σ over
 * replications of the numerator / Σ of the denominator) of the service level, abandon rate, ASA and occupancy of
 * the callers who arrived in the interval, with their confidence intervals, and whether each target is met.
 *
 * A target is **met** with confidence c when the one-sided c bound is on the right side of it (service level: the
 * lower bound ≥ the target; abandon rate and ASA: the upper bound ≤ it), **failed** when the opposite bound is on
 * the wrong side, and **uncertain** when the target lies inside the interval. One-sided c bounds are the ends of
 * the two-sided (2c − 1) interval. An interval without calls meets every target (there is nobody to serve).
 */
import { type RatioInterval, type ReplicationResult, ratioInterval } from "@ccsim/engine"
import type { StaffMetric, StaffTarget } from "./StaffTargets.ts"
import { targetsOf } from "./StaffTargets.ts"

/** A target's verdict in one interval. */
export type TargetStatus = "met" | "uncertain" | "failed"

/** An estimate with its two-sided confidence interval at the search's confidence (NaN ends when undefined). */
export interface Estimate {
  readonly value: number
  readonly lower: number
  readonly upper: number
}

/** One queue's interval under one staffing. */
export interface IntervalEvaluation {
  readonly offered: number
  readonly serviceLevel: Estimate
  readonly abandonRate: Estimate
  /** Seconds. */
  readonly asa: Estimate
  /** Work (talk, hold, wrap-up) of the interval's callers / agent time staffed in it. */
  readonly occupancy: Estimate
  /** Per target that applies to the queue, in the order given. */
  readonly statuses: ReadonlyArray<{ readonly target: StaffTarget; readonly status: TargetStatus }>
  /** Every target met (or no calls). */
  readonly met: boolean
}

const estimate = (r: RatioInterval, scale = 1): Estimate => ({
  value: r.ratio * scale,
  lower: r.lower * scale,
  upper: r.upper * scale
})

const column = (results: ReadonlyArray<ReplicationResult>, f: (r: ReplicationResult) => number): Float64Array =>
  Float64Array.from(results, f)

/** What a queue's interval is judged on. */
export interface EvaluationInput {
  readonly results: ReadonlyArray<ReplicationResult>
  /** Index of the queue in the results' queue scopes. */
  readonly queueIndex: number
  readonly queue: string
  readonly interval: number
  readonly intervalMs: number
  /** Agents on the phones in the interval (may be fractional: a roster's time-weighted coverage). */
  readonly agents: number
  readonly targets: ReadonlyArray<StaffTarget>
  readonly confidence: number
}

const bounds = (r: RatioInterval): { readonly lower: number; readonly upper: number } =>
  Number.isNaN(r.halfWidth) ? { lower: r.ratio, upper: r.ratio } : { lower: r.lower, upper: r.upper }

/** Judges one queue's interval. */
export const evaluateInterval = (input: EvaluationInput): IntervalEvaluation => {
  const { results, queueIndex, interval } = input
  const counts = (r: ReplicationResult) => r.queues[queueIndex]!.intervals[interval]!
  const definition = results[0]?.queues[queueIndex]?.serviceLevelDefinition ?? "answered-of-offered"
  const offered = column(results, (r) => counts(r).offered)
  const answered = column(results, (r) => counts(r).answered)
  const slNumerator = column(results, (r) => {
    const c = counts(r)
    return definition === "answered-and-short-abandons-of-offered"
      ? c.answeredWithin + c.abandonedWithin
      : c.answeredWithin
  })
  const slDenominator =
    definition === "answered-of-answered"
      ? answered
      : definition === "answered-of-offered-minus-short-abandons"
        ? column(results, (r) => counts(r).offered - counts(r).abandonedWithin)
        : offered
  const staffedMs = input.agents * input.intervalMs
  const ratios = (level: number) => ({
    serviceLevel: ratioInterval(slNumerator, slDenominator, { level }),
    abandonRate: ratioInterval(
      column(results, (r) => counts(r).abandoned),
      offered,
      { level }
    ),
    asa: ratioInterval(
      column(results, (r) => counts(r).waitAnsweredMs),
      answered,
      { level }
    ),
    occupancy: ratioInterval(
      column(results, (r) => counts(r).talkMs + counts(r).holdMs + counts(r).wrapUpMs),
      column(results, () => staffedMs),
      { level }
    )
  })
  const shown = ratios(input.confidence)
  // One-sided bounds at the confidence c are the ends of the two-sided (2c − 1) interval.
  const decided = ratios(Math.max(1e-9, 2 * input.confidence - 1))
  const totalOffered = offered.reduce((a, b) => a + b, 0)
  const statuses = targetsOf(input.targets, input.queue).map((target) => {
    if (totalOffered === 0) return { target, status: "met" as TargetStatus }
    const r = decided[KEY[target.metric]]
    const scale = target.metric === "asa" ? 1000 : 1
    const { lower, upper } = bounds(r)
    const value = target.value * scale
    let status: TargetStatus
    // Calls offered but none answered (an ASA, an answered-of-answered level): nobody was served.
    if (Number.isNaN(r.ratio)) status = "failed"
    else if (target.op === ">=") status = lower >= value ? "met" : upper < value ? "failed" : "uncertain"
    else status = upper <= value ? "met" : lower > value ? "failed" : "uncertain"
    return { target, status }
  })
  return {
    offered: totalOffered / Math.max(1, results.length),
    serviceLevel: estimate(shown.serviceLevel),
    abandonRate: estimate(shown.abandonRate),
    asa: estimate(shown.asa, 1 / 1000),
    occupancy: estimate(shown.occupancy),
    statuses,
    met: statuses.every((s) => s.status === "met")
  }
}

const KEY: { readonly [M in StaffMetric]: "serviceLevel" | "abandonRate" | "asa" } = {
  "service-level": "serviceLevel",
  "abandon-rate": "abandonRate",
  asa: "asa"
}
