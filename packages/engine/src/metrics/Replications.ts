/**
 * Replications: R runs on independent streams (replication r uses the engine's streams for (seed, r)), each
 * measured by a {@link MetricsCollector}, then summarised. Results depend only on the replication indices, so
 * any split of the indices over workers, merged or summarised together, gives byte-identical output.
 */
import type { ThresholdMetric } from "@ccsim/scenario"
import { ConformanceChecker } from "../checker/Checker.ts"
import { fanOut } from "../FanOut.ts"
import type { Model } from "../Model.ts"
import type { Observer } from "../Observer.ts"
import { type RunStats, runReplication } from "../Simulation.ts"
import { MetricsCollector } from "./Collector.ts"
import { pointEstimate } from "./Estimate.ts"
import { mergeAll, type ReplicationResult } from "./Result.ts"
import { type Summary, summarize, summarizeTotal } from "./Summary.ts"
import { metricEstimate, type SummaryView } from "./Thresholds.ts"
import { resolveWarmUp, type WarmUp } from "./WarmUp.ts"

/** An observer that checks the run and reports its violations (the engine's ConformanceChecker). */
export interface CheckingObserver extends Observer {
  readonly violations: ReadonlyArray<unknown>
}

/** Options of one measured replication. */
export interface MeasureOptions {
  /** Master seed; the scenario's seed when omitted. */
  readonly seed?: number
  readonly replication: number
  /** Check every step against the rules: `true` for the ConformanceChecker, or a factory of another checker. */
  readonly check?: boolean | ((model: Model) => CheckingObserver)
  /** Extra observers for this replication (e.g. a trace recorder). */
  readonly observer?: Observer
  /** Steady-state horizon, ms after midnight (default: closing). */
  readonly horizon?: number
}

/** One measured replication. */
export interface Measured {
  readonly result: ReplicationResult
  readonly stats: RunStats
  readonly warmUp: WarmUp
}

const checkerFor = (model: Model, check: MeasureOptions["check"]): CheckingObserver | undefined =>
  check === true ? new ConformanceChecker(model) : typeof check === "function" ? check(model) : undefined

/** Runs and measures one replication (MSER-5 warm-up: a pilot pass first). */
export const measureReplication = (model: Model, options: MeasureOptions): Measured => {
  const seed = options.seed ?? model.scenario.seed
  const replication = options.replication
  const horizon = options.horizon !== undefined ? { horizon: options.horizon } : {}
  const warmUp = resolveWarmUp(model, { seed, replication, ...horizon })
  const collector = new MetricsCollector(model, Number.isFinite(warmUp.end) ? { warmupEnd: warmUp.end } : {})
  const checker = checkerFor(model, options.check)
  const observers: Array<Observer> = [collector]
  if (checker !== undefined) observers.push(checker)
  if (options.observer !== undefined) observers.push(options.observer)
  const observer = observers.length === 1 ? collector : fanOut(observers)
  const stats = runReplication(model, { seed, replication, observer, ...horizon })
  const result = collector.result(replication, checker === undefined ? null : checker.violations.length)
  return { result, stats, warmUp }
}

/** Runs replications `from` … `to − 1` (a worker's share) and returns their results in index order. */
export const runReplicationRange = (
  model: Model,
  options: {
    readonly seed?: number
    readonly from: number
    readonly to: number
    /** Extra observers per replication (e.g. a trace of replication 0), or undefined for none. */
    readonly observer?: (replication: number) => Observer | undefined
  } & Omit<MeasureOptions, "replication" | "seed" | "observer">
): Array<ReplicationResult> => {
  const out: Array<ReplicationResult> = []
  for (let r = options.from; r < options.to; r++) out.push(measureReplication(model, measureOptions(r, options)).result)
  return out
}

const measureOptions = (
  replication: number,
  options: {
    readonly seed?: number | undefined
    readonly check?: MeasureOptions["check"] | undefined
    readonly horizon?: number | undefined
    readonly observer?: ((replication: number) => Observer | undefined) | undefined
  }
): MeasureOptions => {
  const observer = options.observer?.(replication)
  return {
    replication,
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.check !== undefined ? { check: options.check } : {}),
    ...(options.horizon !== undefined ? { horizon: options.horizon } : {}),
    ...(observer !== undefined ? { observer } : {})
  }
}

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
 * Deterministic, so a CLI computing replications in parallel batches finds the same n as a sequential run.
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

/** Options of {@link runReplications}. */
export interface RunReplicationsOptions {
  /** Master seed; the scenario's seed when omitted. */
  readonly seed?: number
  /** Replications (the first count when automatic); the scenario's `replications` when omitted. */
  readonly replications?: number
  readonly check?: MeasureOptions["check"]
  readonly horizon?: number
  /** Extra observers per replication (e.g. a trace of replication 0), or undefined for none. */
  readonly observer?: (replication: number) => Observer | undefined
  /** Add replications until the relative half-width ≤ this; the scenario's `run.targetRelativeHalfWidth` by default. */
  readonly targetRelativeHalfWidth?: number
  /** Upper bound with a precision target; the scenario's `run.maxReplications` by default. */
  readonly maxReplications?: number
  /** Metrics (total scope) the precision target applies to; service level and ASA by default. */
  readonly precisionMetrics?: ReadonlyArray<ThresholdMetric>
}

/** The outcome of {@link runReplications}. */
export interface ReplicationsOutcome {
  /** One result per replication, in index order. */
  readonly results: Array<ReplicationResult>
  /** All replications merged (pooled counts and histograms). */
  readonly pooled: ReplicationResult
  readonly summary: Summary
  /** With a precision target: whether it was reached and the relative half-widths. */
  readonly precision: Precision | undefined
}

/**
 * Runs R replications in-process and summarises them. With a precision target, replications are added one at a
 * time until {@link sufficientReplications} is met or `maxReplications` is reached.
 */
export const runReplications = (model: Model, options: RunReplicationsOptions = {}): ReplicationsOutcome => {
  const run = model.scenario.run
  const target = options.targetRelativeHalfWidth ?? run.targetRelativeHalfWidth
  const initial = options.replications ?? model.scenario.replications
  const measure = (replication: number) => measureReplication(model, measureOptions(replication, options)).result
  const results: Array<ReplicationResult> = []
  const first = target === undefined ? initial : Math.max(initial, MIN_AUTO_REPLICATIONS)
  for (let r = 0; r < first; r++) results.push(measure(r))
  let precision: Precision | undefined
  if (target !== undefined) {
    const max = Math.max(first, options.maxReplications ?? run.maxReplications)
    const metrics = options.precisionMetrics ?? DEFAULT_PRECISION_METRICS
    precision = precisionOf(summarizeTotal(results), target, metrics)
    while (!precision.reached && results.length < max) {
      results.push(measure(results.length))
      precision = precisionOf(summarizeTotal(results), target, metrics)
    }
  }
  return { results, pooled: mergeAll(results), summary: summarize(results), precision }
}
