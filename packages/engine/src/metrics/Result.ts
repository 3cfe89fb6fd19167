/**
 * The raw result of one replication (or of several merged): plain JSON data holding sufficient statistics
 * (integer counts, integer millisecond sums and time integrals, maxima, sparse histograms), so that merging is
 * exact, associative and order-independent, and `JSON.stringify` of a merge is byte-identical for any
 * grouping. Field-by-field description: RESULTS.md.
 */
import type { ServiceLevelDefinition } from "@ccsim/scenario"
import * as Data from "effect/Data"
import { mergeSparse, type SparseHistogram } from "../stats/Histogram.ts"
import { AGENT_COUNTERS, type AgentCounts, CALL_COUNTERS, type CallCounts, isMaxCounter } from "./Counters.ts"

/** The version of the results format; bumped on any incompatible change. */
export const RESULTS_VERSION = 2 as const

/** A call scope: the total, a queue, a tenant or a call type. */
export interface CallScopeResult {
  readonly id: string
  /** The service-level definition of the scope: the queue's own for queue scopes, the scenario's otherwise. */
  readonly serviceLevelDefinition: ServiceLevelDefinition
  /** Queue scopes: the queue's service-level threshold in ms; other scopes mix queues and say null. */
  readonly serviceLevelThresholdMs: number | null
  readonly counts: CallCounts
  /** Answered calls' waits (ms), as sparse log-linear histogram buckets (see stats/Histogram.ts). */
  readonly waitHistogram: SparseHistogram
  /** Abandoned calls' waits (time to abandon, ms). */
  readonly abandonHistogram: SparseHistogram
  /** Counters per reporting interval; calls by ARRIVAL interval, `waitingMs` by time. */
  readonly intervals: Array<CallCounts>
}

/** One agent, or a group of agents (summed). */
export interface AgentResult {
  readonly id: string
  /** The agent's group id (for a group: its own id). */
  readonly group: string
  /** Number of agents (1 for an agent). */
  readonly agents: number
  readonly counts: AgentCounts
}

/** Time-weighted levels and scheduled staff in one reporting interval. */
export interface IntervalLevels {
  /** Interval start, ms after midnight. */
  readonly start: number
  /** Measured time in the interval (after the warm-up; the last interval includes time after closing). */
  readonly durationMs: number
  /** ∫ agents scheduled on the phones dt (agent·ms). */
  readonly scheduledMs: number
  /** ∫ agents signed in dt. */
  readonly signedInMs: number
  /** ∫ agents Available and idle dt. */
  readonly idleMs: number
  /** ∫ agents busy (a call or wrap-up) dt. */
  readonly busyMs: number
  /** ∫ (calls + wrap-ups in progress) dt over all agents. */
  readonly workMs: number
  /** Answered waits of the queue calls that arrived in this interval. */
  readonly waitHistogram: SparseHistogram
}

/** The raw result of one or more replications. */
export interface ReplicationResult {
  readonly resultsVersion: typeof RESULTS_VERSION
  /** Replication indices merged into this result, ascending (one for a single replication). */
  readonly replications: Array<number>
  /** The scenario's service-level definition (see {@link scenarioServiceLevelDefinition}). */
  readonly serviceLevelDefinition: ServiceLevelDefinition
  /** Σ warm-up deleted, ms from opening (0 in terminating mode). */
  readonly warmupMs: number
  /** Σ measured time, ms. */
  readonly measuredMs: number
  /** Conformance violations found (Σ), or null when the run was not checked. */
  readonly violations: number | null
  /** Queue calls only (SL, ASA and abandonment are queue-call metrics). */
  readonly total: CallScopeResult
  readonly queues: Array<CallScopeResult>
  /** Queue calls by tenant. */
  readonly tenants: Array<CallScopeResult>
  /** Every call by kind: queue, direct, internal, outbound. */
  readonly callTypes: Array<CallScopeResult>
  readonly agents: Array<AgentResult>
  readonly groups: Array<AgentResult>
  readonly intervals: Array<IntervalLevels>
}

/**
 * The scenario's service-level definition, named in every output: the definition its queues share; when
 * queues differ, the first queue's (each queue scope still names its own); `answered-of-offered` without queues.
 */
export const scenarioServiceLevelDefinition = (
  queues: ReadonlyArray<{ readonly serviceLevelDefinition: ServiceLevelDefinition }>
): ServiceLevelDefinition => queues[0]?.serviceLevelDefinition ?? "answered-of-offered"

/** Thrown when results of different scenarios, versions or overlapping replications are merged. */
export class ResultMergeError extends Data.TaggedError("ResultMergeError")<{ readonly message: string }> {}

const mergeCallCounts = (a: CallCounts, b: CallCounts): CallCounts => {
  const out = {} as CallCounts
  for (const name of CALL_COUNTERS) out[name] = isMaxCounter(name) ? Math.max(a[name], b[name]) : a[name] + b[name]
  return out
}

const mergeAgentCounts = (a: AgentCounts, b: AgentCounts): AgentCounts => {
  const out = {} as AgentCounts
  for (const name of AGENT_COUNTERS) out[name] = a[name] + b[name]
  return out
}

const sameLength = <T>(what: string, a: ReadonlyArray<T>, b: ReadonlyArray<T>): void => {
  if (a.length !== b.length)
    throw new ResultMergeError({ message: `cannot merge results: ${what} differ (${a.length} vs ${b.length})` })
}

const sameId = (what: string, a: { readonly id: string }, b: { readonly id: string }): void => {
  if (a.id !== b.id) throw new ResultMergeError({ message: `cannot merge results: ${what} ${a.id} vs ${b.id}` })
}

const mergeCallScope = (a: CallScopeResult, b: CallScopeResult): CallScopeResult => {
  sameId("scopes", a, b)
  sameLength(`intervals of ${a.id}`, a.intervals, b.intervals)
  return {
    id: a.id,
    serviceLevelDefinition: a.serviceLevelDefinition,
    serviceLevelThresholdMs: a.serviceLevelThresholdMs,
    counts: mergeCallCounts(a.counts, b.counts),
    waitHistogram: mergeSparse(a.waitHistogram, b.waitHistogram),
    abandonHistogram: mergeSparse(a.abandonHistogram, b.abandonHistogram),
    intervals: a.intervals.map((x, i) => mergeCallCounts(x, b.intervals[i]!))
  }
}

const mergeScopes = (what: string, a: ReadonlyArray<CallScopeResult>, b: ReadonlyArray<CallScopeResult>) => {
  sameLength(what, a, b)
  return a.map((x, i) => mergeCallScope(x, b[i]!))
}

const mergeAgents = (what: string, a: ReadonlyArray<AgentResult>, b: ReadonlyArray<AgentResult>) => {
  sameLength(what, a, b)
  return a.map((x, i) => {
    const y = b[i]!
    sameId(what, x, y)
    return { id: x.id, group: x.group, agents: x.agents, counts: mergeAgentCounts(x.counts, y.counts) }
  })
}

const mergeIntervals = (a: ReadonlyArray<IntervalLevels>, b: ReadonlyArray<IntervalLevels>) => {
  sameLength("intervals", a, b)
  return a.map((x, i) => {
    const y = b[i]!
    if (x.start !== y.start)
      throw new ResultMergeError({ message: `cannot merge results: interval ${x.start} vs ${y.start}` })
    return {
      start: x.start,
      durationMs: x.durationMs + y.durationMs,
      scheduledMs: x.scheduledMs + y.scheduledMs,
      signedInMs: x.signedInMs + y.signedInMs,
      idleMs: x.idleMs + y.idleMs,
      busyMs: x.busyMs + y.busyMs,
      workMs: x.workMs + y.workMs,
      waitHistogram: mergeSparse(x.waitHistogram, y.waitHistogram)
    }
  })
}

const mergeIndices = (a: ReadonlyArray<number>, b: ReadonlyArray<number>): Array<number> => {
  const out = [...a, ...b].sort((x, y) => x - y)
  for (let i = 1; i < out.length; i++) {
    if (out[i] === out[i - 1])
      throw new ResultMergeError({ message: `cannot merge results: replication ${out[i]} appears twice` })
  }
  return out
}

/**
 * Merges two results of the same scenario: counts and times add, maxima take the maximum, histograms add,
 * replication indices are united (a replication merged twice is an error). Exact: every field is an integer,
 * so the merge is associative and commutative and any grouping gives byte-identical JSON.
 */
export const mergeResults = (a: ReplicationResult, b: ReplicationResult): ReplicationResult => {
  if (a.resultsVersion !== b.resultsVersion) {
    throw new ResultMergeError({
      message: `cannot merge results of versions ${a.resultsVersion} and ${b.resultsVersion}`
    })
  }
  if (a.serviceLevelDefinition !== b.serviceLevelDefinition) {
    throw new ResultMergeError({ message: "cannot merge results with different service-level definitions" })
  }
  return {
    resultsVersion: RESULTS_VERSION,
    replications: mergeIndices(a.replications, b.replications),
    serviceLevelDefinition: a.serviceLevelDefinition,
    warmupMs: a.warmupMs + b.warmupMs,
    measuredMs: a.measuredMs + b.measuredMs,
    violations: a.violations === null || b.violations === null ? null : a.violations + b.violations,
    total: mergeCallScope(a.total, b.total),
    queues: mergeScopes("queues", a.queues, b.queues),
    tenants: mergeScopes("tenants", a.tenants, b.tenants),
    callTypes: mergeScopes("call types", a.callTypes, b.callTypes),
    agents: mergeAgents("agents", a.agents, b.agents),
    groups: mergeAgents("groups", a.groups, b.groups),
    intervals: mergeIntervals(a.intervals, b.intervals)
  }
}

/** Merges any number of results (at least one). */
export const mergeAll = (results: ReadonlyArray<ReplicationResult>): ReplicationResult => {
  if (results.length === 0) throw new ResultMergeError({ message: "cannot merge an empty list of results" })
  let acc = results[0]!
  for (let i = 1; i < results.length; i++) acc = mergeResults(acc, results[i]!)
  return acc
}
