/**
 * The metrics of a summary, as tables: each call-scope and agent metric with the counters it reads, and how a
 * list of per-replication counters becomes estimates. Summary.ts applies them to every scope and interval.
 */
import type { ServiceLevelDefinition } from "@ccsim/scenario"
import { mergeSparse, type SparseHistogram, sparseQuantile } from "../stats/Histogram.ts"
import { AGENT_COUNTERS, type AgentCounterName, type AgentCounts, type CallCounts } from "./Counters.ts"
import {
  type Estimate,
  estimate,
  type PercentileEstimate,
  percentileEstimate,
  type RateEstimate,
  rateEstimate
} from "./Estimate.ts"
import type { AgentMetricsSchema, CallMetricsSchema } from "./ResultsSchema.ts"

/** The four service-level definitions with their result keys. */
export const SERVICE_LEVEL_KEYS = {
  "answered-of-offered": "serviceLevelAnsweredOfOffered",
  "answered-of-offered-minus-short-abandons": "serviceLevelAnsweredOfOfferedMinusAbandonedWithin",
  "answered-of-answered": "serviceLevelAnsweredOfAnswered",
  "answered-and-short-abandons-of-offered": "serviceLevelAnsweredAndAbandonedWithinOfOffered"
} as const satisfies Record<ServiceLevelDefinition, string>

/** Count metrics of call scopes (per replication) and the counters they read. */
const CALL_COUNT_METRICS = {
  offered: "offered",
  answered: "answered",
  abandoned: "abandoned",
  shortAbandoned: "shortAbandoned",
  answeredWithinThreshold: "answeredWithin",
  abandonedWithinThreshold: "abandonedWithin",
  waited: "waited",
  rolledOver: "rolledOver",
  rolledOverMaxWait: "rolledOverMaxWait",
  rolledOverQueueFull: "rolledOverQueueFull",
  rolledOverNoAgents: "rolledOverNoAgents",
  rolledOverAfterHours: "rolledOverAfterHours",
  answeringService: "answeringService",
  voicemail: "voicemail",
  hungUp: "hungUp",
  unanswered: "unanswered",
  inSystemAtEnd: "inSystemAtEnd",
  connectedAtEnd: "connectedAtEnd",
  redials: "redials",
  handled: "handled",
  holds: "holds",
  heldAbandons: "heldAbandons",
  wrapUps: "wrapUps"
} as const satisfies Record<string, keyof CallCounts>

/** Calls whose outcome is known: offered minus those still waiting when the run stopped. */
const resolved = (c: CallCounts): number => c.offered - c.inSystemAtEnd

/** Ratio metrics of call scopes: numerator, denominator, scale (1000 ms → s). */
const CALL_RATE_METRICS = {
  serviceLevelAnsweredOfOffered: [(c) => c.answeredWithin, resolved, 1],
  serviceLevelAnsweredOfOfferedMinusAbandonedWithin: [
    (c) => c.answeredWithin,
    (c) => resolved(c) - c.abandonedWithin,
    1
  ],
  serviceLevelAnsweredOfAnswered: [(c) => c.answeredWithin, (c) => c.answered, 1],
  serviceLevelAnsweredAndAbandonedWithinOfOffered: [(c) => c.answeredWithin + c.abandonedWithin, resolved, 1],
  abandonRate: [(c) => c.abandoned, resolved, 1],
  shortAbandonRate: [(c) => c.shortAbandoned, resolved, 1],
  answerRate: [(c) => c.answered, resolved, 1],
  waitProbability: [(c) => c.waited, resolved, 1],
  rolloverRate: [(c) => c.rolledOver, resolved, 1],
  asa: [(c) => c.waitAnsweredMs, (c) => c.answered, 1e-3],
  meanWait: [(c) => c.waitAllMs, resolved, 1e-3],
  meanAbandonWait: [(c) => c.waitAbandonedMs, (c) => c.abandoned, 1e-3],
  aht: [(c) => c.talkMs + c.holdMs + c.wrapUpMs, (c) => c.handled, 1e-3],
  meanTalk: [(c) => c.talkMs, (c) => c.handled, 1e-3],
  meanHold: [(c) => c.holdMs, (c) => c.handled, 1e-3],
  meanWrapUp: [(c) => c.wrapUpMs, (c) => c.handled, 1e-3],
  meanConnectedAtEnd: [(c) => c.connectedAtEndMs, (c) => c.connectedAtEnd, 1e-3]
} as const satisfies Record<string, readonly [(c: CallCounts) => number, (c: CallCounts) => number, number]>

/** Wait percentiles of answered calls, read from the histograms. */
export const WAIT_PERCENTILES = { waitP50: 0.5, waitP80: 0.8, waitP90: 0.9, waitP95: 0.95, waitP99: 0.99 } as const

/** The count metrics of call scopes, in table order (the results schema's fields). */
export const CALL_COUNT_KEYS = Object.keys(CALL_COUNT_METRICS) as Array<keyof typeof CALL_COUNT_METRICS>

/** The ratio metrics of call scopes, in table order. */
export const CALL_RATE_KEYS = Object.keys(CALL_RATE_METRICS) as Array<keyof typeof CALL_RATE_METRICS>

/** The wait percentiles, in table order. */
export const WAIT_PERCENTILE_KEYS = Object.keys(WAIT_PERCENTILES) as Array<keyof typeof WAIT_PERCENTILES>

/** Metrics of a call scope (and of each of its intervals); the results schema's (ResultsSchema.ts). */
export type CallMetrics = typeof CallMetricsSchema.Type

/** Agent metrics (an agent, a group or all agents); the results schema's (ResultsSchema.ts). */
export type AgentMetrics = typeof AgentMetricsSchema.Type

const SERVICE_LEVEL_KEY_SET: ReadonlySet<string> = new Set(Object.values(SERVICE_LEVEL_KEYS))
const NO_RATE: RateEstimate = {
  n: 0,
  ratio: null,
  standardError: null,
  halfWidth: null,
  ci: null,
  meanOfRatios: { n: 0, mean: null, sd: null, halfWidth: null, ci: null }
}

/** The call metrics of a scope over replications (counts, histograms per replication, in index order). */
export const callMetrics = (
  definition: ServiceLevelDefinition,
  counts: ReadonlyArray<CallCounts>,
  durations: ReadonlyArray<number>,
  histograms: ReadonlyArray<SparseHistogram> | undefined,
  hasServiceLevel: boolean
): CallMetrics => {
  const out: Record<string, Estimate | RateEstimate | PercentileEstimate> = {}
  for (const [key, counter] of Object.entries(CALL_COUNT_METRICS)) out[key] = estimate(counts.map((c) => c[counter]))
  const rates: Record<string, RateEstimate> = {}
  for (const [key, [num, den, scale]] of Object.entries(CALL_RATE_METRICS)) {
    // Direct, internal and outbound calls have no service-level threshold, hence no service level.
    rates[key] =
      hasServiceLevel || !SERVICE_LEVEL_KEY_SET.has(key)
        ? rateEstimate(counts.map(num), counts.map(den), scale)
        : NO_RATE
  }
  out.serviceLevel = rates[SERVICE_LEVEL_KEYS[definition]]!
  Object.assign(out, rates)
  out.queueLength = rateEstimate(
    counts.map((c) => c.waitingMs),
    durations,
    1
  )
  out.maxWait = estimate(counts.map((c) => (c.offered - c.inSystemAtEnd > 0 ? c.maxWaitMs / 1000 : Number.NaN)))
  out.maxWaitAnswered = estimate(counts.map((c) => (c.answered > 0 ? c.maxWaitAnsweredMs / 1000 : Number.NaN)))
  if (histograms !== undefined) {
    let pooled: SparseHistogram = []
    for (const h of histograms) pooled = mergeSparse(pooled, h)
    for (const [key, p] of Object.entries(WAIT_PERCENTILES)) {
      out[key] = percentileEstimate(
        histograms.map((h) => sparseQuantile(h, p) / 1000),
        sparseQuantile(pooled, p) / 1000
      )
    }
  }
  return out as CallMetrics
}

/** Sums agents' counters (all agents of a replication). */
export const sumAgentCounts = (list: ReadonlyArray<AgentCounts>): AgentCounts => {
  const out = {} as AgentCounts
  for (const name of AGENT_COUNTERS) {
    let s = 0
    for (const c of list) s += c[name]
    out[name] = s
  }
  return out
}

/** Agent times, s per replication, and the counters they read. */
const AGENT_TIMES = {
  signedInTime: "signedInMs",
  scheduledTime: "scheduledMs",
  availableTime: "availableMs",
  idleTime: "idleMs",
  unavailableTime: "unavailableMs",
  unavailableMissTime: "unavailableMissMs",
  busyTime: "busyMs",
  workTime: "workMs",
  talkTime: "talkMs",
  holdTime: "holdMs",
  wrapUpTime: "wrapUpMs",
  overtime: "overtimeMs"
} as const satisfies Record<string, keyof AgentCounts>

/** The agent time metrics, in table order. */
export const AGENT_TIME_KEYS = Object.keys(AGENT_TIMES) as Array<keyof typeof AGENT_TIMES>

/** The agent counters that are counts, not times (every counter but the `…Ms` integrals), in counter order. */
export const AGENT_COUNT_KEYS = AGENT_COUNTERS.filter(
  (name): name is Exclude<AgentCounterName, `${string}Ms`> => !name.endsWith("Ms")
)

/** The agent metrics over replications. */
export const agentMetrics = (counts: ReadonlyArray<AgentCounts>): AgentMetrics => {
  const out: Record<string, Estimate | RateEstimate> = {}
  for (const [key, counter] of Object.entries(AGENT_TIMES)) out[key] = estimate(counts.map((c) => c[counter] / 1000))
  out.occupancy = rateEstimate(
    counts.map((c) => c.busyMs),
    counts.map((c) => c.signedInMs)
  )
  out.utilisation = rateEstimate(
    counts.map((c) => c.busyMs),
    counts.map((c) => c.scheduledMs)
  )
  out.missRate = rateEstimate(
    counts.map((c) => c.misses),
    counts.map((c) => c.queueOffers)
  )
  out.rejectRate = rateEstimate(
    counts.map((c) => c.rejects),
    counts.map((c) => c.queueOffers)
  )
  for (const key of AGENT_COUNT_KEYS) out[key] = estimate(counts.map((c) => c[key]))
  return out as AgentMetrics
}
