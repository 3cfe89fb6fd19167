/**
 * The summary of R replications: for every metric of every scope, the mean over replications with its
 * standard deviation and 95 % t confidence interval; rates also pooled (Σ numerator / Σ denominator).
 * Replications are taken in index order whatever order they arrive in, so the same set of replications
 * always gives byte-identical JSON. Field-by-field description: RESULTS.md.
 */

import { Data } from "effect"
import { bucketLower, bucketUpper, mergeSparse, type SparseHistogram } from "../stats/Histogram.ts"
import { type Estimate, estimate, rateEstimate, SUMMARY_CONFIDENCE } from "./Estimate.ts"
import { agentMetrics, callMetrics, sumAgentCounts } from "./MetricSets.ts"
import { type AgentResult, RESULTS_VERSION, type ReplicationResult } from "./Result.ts"
import type {
  AgentSummarySchema,
  CallScopeSummarySchema,
  HistogramBinsSchema,
  IntervalMetricsSchema,
  IntervalSummarySchema,
  ScopeIntervalSummarySchema,
  SummarySchema
} from "./ResultsSchema.ts"

export { type AgentMetrics, type CallMetrics, SERVICE_LEVEL_KEYS, WAIT_PERCENTILES } from "./MetricSets.ts"

/** Thrown when the replications given to {@link summarize} cannot be summarised together. */
export class SummaryError extends Data.TaggedError("SummaryError")<{ readonly message: string }> {}

/** Histogram bins for charts: `[fromMs, toMs, count]`, `toMs` exclusive, counts pooled over replications. */
export type HistogramBins = typeof HistogramBinsSchema.Type

/** Per-interval metrics of a queue, tenant or call-type scope. */
export type ScopeIntervalSummary = typeof ScopeIntervalSummarySchema.Type

/** A call scope: the total (queue calls), a queue, a tenant or a call type. */
export type CallScopeSummary = typeof CallScopeSummarySchema.Type

/** An agent or a group. */
export type AgentSummary = typeof AgentSummarySchema.Type

/** Interval metrics of the total: queue calls by arrival interval, plus time-weighted staffing. */
export type IntervalMetrics = typeof IntervalMetricsSchema.Type

/** One reporting interval of the total. */
export type IntervalSummary = typeof IntervalSummarySchema.Type

/** The summary of a set of replications (fields: ResultsSchema.ts and RESULTS.md). */
export type Summary = typeof SummarySchema.Type

/** `HH:MM` of ms after midnight. */
export const intervalLabel = (ms: number): string => {
  const minutes = Math.floor(ms / 60_000)
  const pad = (n: number) => String(n).padStart(2, "0")
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}

const toBins = (h: SparseHistogram): HistogramBins => h.map(([b, c]) => [bucketLower(b), bucketUpper(b), c])

const agentSummaries = (
  runs: ReadonlyArray<ReplicationResult>,
  pick: (r: ReplicationResult) => ReadonlyArray<AgentResult>
): Array<AgentSummary> =>
  pick(runs[0]!).map((first, k) => ({
    id: first.id,
    group: first.group,
    agents: first.agents,
    metrics: agentMetrics(runs.map((r) => pick(r)[k]!.counts))
  }))

const orderReplications = (results: ReadonlyArray<ReplicationResult>): Array<ReplicationResult> => {
  if (results.length === 0) throw new SummaryError({ message: "cannot summarise zero replications" })
  for (const r of results) {
    if (r.resultsVersion !== RESULTS_VERSION) {
      throw new SummaryError({ message: `cannot summarise results of version ${r.resultsVersion}` })
    }
    if (r.replications.length !== 1) {
      throw new SummaryError({
        message: `summarize needs one result per replication; got one merging replications ${r.replications.join(", ")}`
      })
    }
  }
  const sorted = [...results].sort((a, b) => a.replications[0]! - b.replications[0]!)
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.replications[0] === sorted[i - 1]!.replications[0]) {
      throw new SummaryError({ message: `replication ${sorted[i]!.replications[0]} appears twice` })
    }
  }
  return sorted
}

type ScopeResult = ReplicationResult["total"]

/** A call scope's summary over replications (already in index order). */
const scopeSummary = (
  runs: ReadonlyArray<ReplicationResult>,
  pick: (r: ReplicationResult) => ScopeResult,
  withIntervals: boolean,
  hasServiceLevel = true
): CallScopeSummary => {
  const first = runs[0]!
  const head = pick(first)
  const all = runs.map(pick)
  const base = {
    id: head.id,
    serviceLevelDefinition: head.serviceLevelDefinition,
    serviceLevelThresholdSeconds: head.serviceLevelThresholdMs === null ? null : head.serviceLevelThresholdMs / 1000,
    metrics: callMetrics(
      head.serviceLevelDefinition,
      all.map((s) => s.counts),
      runs.map((r) => r.measuredMs),
      all.map((s) => s.waitHistogram),
      hasServiceLevel
    ),
    waitHistogram: toBins(all.reduce<SparseHistogram>((acc, s) => mergeSparse(acc, s.waitHistogram), [])),
    abandonHistogram: toBins(all.reduce<SparseHistogram>((acc, s) => mergeSparse(acc, s.abandonHistogram), []))
  }
  if (!withIntervals) return base
  return {
    ...base,
    intervals: head.intervals.map((_, i) => {
      const start = first.intervals[i]!.start
      return {
        start,
        label: intervalLabel(start),
        metrics: callMetrics(
          head.serviceLevelDefinition,
          all.map((s) => s.intervals[i]!),
          runs.map((r) => r.intervals[i]!.durationMs),
          undefined,
          hasServiceLevel
        )
      }
    })
  }
}

const allAgentsSummary = (runs: ReadonlyArray<ReplicationResult>): AgentSummary => ({
  id: "all",
  group: "all",
  agents: runs[0]!.agents.length,
  metrics: agentMetrics(runs.map((r) => sumAgentCounts(r.agents.map((a) => a.counts))))
})

const violationsOf = (runs: ReadonlyArray<ReplicationResult>): Estimate | null =>
  runs.some((r) => r.violations === null) ? null : estimate(runs.map((r) => r.violations!))

/**
 * Only the total, all agents and violations: what precision checks need, without the cost of every scope and
 * interval. Same values as the full {@link summarize}.
 */
export const summarizeTotal = (
  results: ReadonlyArray<ReplicationResult>
): Pick<Summary, "total" | "allAgents" | "violations"> => {
  const runs = orderReplications(results)
  return {
    total: scopeSummary(runs, (r) => r.total, false),
    allAgents: allAgentsSummary(runs),
    violations: violationsOf(runs)
  }
}

/**
 * Summarises one result per replication (in any order; they are sorted by replication index). Every metric of
 * every scope gets its mean, sd and 95 % t interval over replications; rates also their pooled value.
 */
export const summarize = (results: ReadonlyArray<ReplicationResult>): Summary => {
  const runs = orderReplications(results)
  const first = runs[0]!
  const intervals: Array<IntervalSummary> = first.intervals.map((level, i) => {
    const levels = runs.map((r) => r.intervals[i]!)
    const durations = levels.map((l) => l.durationMs)
    const metrics: IntervalMetrics = {
      ...callMetrics(
        first.total.serviceLevelDefinition,
        runs.map((r) => r.total.intervals[i]!),
        durations,
        levels.map((l) => l.waitHistogram),
        true
      ),
      duration: estimate(durations.map((d) => d / 1000)),
      agentsScheduled: rateEstimate(
        levels.map((l) => l.scheduledMs),
        durations
      ),
      agentsSignedIn: rateEstimate(
        levels.map((l) => l.signedInMs),
        durations
      ),
      agentsAvailable: rateEstimate(
        levels.map((l) => l.idleMs),
        durations
      ),
      agentsBusy: rateEstimate(
        levels.map((l) => l.busyMs),
        durations
      ),
      occupancy: rateEstimate(
        levels.map((l) => l.busyMs),
        levels.map((l) => l.signedInMs)
      ),
      utilisation: rateEstimate(
        levels.map((l) => l.busyMs),
        levels.map((l) => l.scheduledMs)
      )
    }
    return { start: level.start, label: intervalLabel(level.start), metrics }
  })
  return {
    resultsVersion: RESULTS_VERSION,
    replications: runs.length,
    confidenceLevel: SUMMARY_CONFIDENCE,
    serviceLevelDefinition: first.serviceLevelDefinition,
    warmup: estimate(runs.map((r) => r.warmupMs / 1000)),
    measured: estimate(runs.map((r) => r.measuredMs / 1000)),
    violations: violationsOf(runs),
    total: scopeSummary(runs, (r) => r.total, false),
    allAgents: allAgentsSummary(runs),
    queues: first.queues.map((_, k) => scopeSummary(runs, (r) => r.queues[k]!, true)),
    tenants: first.tenants.map((_, k) => scopeSummary(runs, (r) => r.tenants[k]!, true)),
    callTypes: first.callTypes.map((type, k) => scopeSummary(runs, (r) => r.callTypes[k]!, true, type.id === "queue")),
    agents: agentSummaries(runs, (r) => r.agents),
    groups: agentSummaries(runs, (r) => r.groups),
    intervals
  }
}
