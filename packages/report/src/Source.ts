/**
 * What `toReportData` reads: the results document of a run. The summary, thresholds and violations are the
 * engine's own types (`Summary` of `summarize`, the rows of `evaluateThresholds`, the checker's `Violation`);
 * they are described here structurally, field for field as the report reads them, so the report depends on
 * their shape and not on the engine's code. The `report` field is the report's own (Layout.ts, Sampler.ts).
 * Times: ms after midnight, as in the engine, unless a name says seconds.
 */
import type { ReportLayout } from "./Layout.ts"
import type { ReplicationSample } from "./Sampler.ts"

/** A per-replication quantity over replications (the engine's `Estimate`). */
export interface EstimateLike {
  readonly mean: number | null
  readonly ci: readonly [number, number] | null
}

/** A rate or average over replications (the engine's `RateEstimate`). */
export interface RateLike {
  readonly meanOfReplications: number | null
  readonly pooled: number | null
  readonly ci: readonly [number, number] | null
}

/** The call metrics the report reads (of a scope, or of one of its intervals). Times in seconds. */
export interface CallMetricsLike {
  readonly offered: EstimateLike
  readonly answered: EstimateLike
  readonly abandoned: EstimateLike
  readonly rolledOver: EstimateLike
  readonly redials: EstimateLike
  readonly answeringService: EstimateLike
  readonly voicemail: EstimateLike
  readonly holds: EstimateLike
  readonly heldAbandons: EstimateLike
  readonly wrapUps: EstimateLike
  readonly serviceLevel: RateLike
  readonly asa: RateLike
  readonly abandonRate: RateLike
  /** Mean number of waiting calls, time-weighted. */
  readonly queueLength: RateLike
  readonly waitP50?: RateLike
  readonly waitP80?: RateLike
  readonly waitP90?: RateLike
  readonly waitP95?: RateLike
  readonly waitP99?: RateLike
}

/** Histogram bins `[fromMs, toMs, count]`, counts pooled over replications. */
export type HistogramBinsLike = ReadonlyArray<readonly [number, number, number]>

/** A call scope: the total, a queue or a tenant. */
export interface CallScopeLike {
  readonly id: string
  readonly serviceLevelDefinition: string
  readonly serviceLevelThresholdSeconds: number | null
  readonly metrics: CallMetricsLike
  readonly waitHistogram: HistogramBinsLike
  readonly abandonHistogram: HistogramBinsLike
  readonly intervals?: ReadonlyArray<{ readonly start: number; readonly metrics: CallMetricsLike }>
}

/** The agent metrics the report reads. Times in seconds per replication. */
export interface AgentMetricsLike {
  readonly occupancy: RateLike
  readonly signedInTime: EstimateLike
  readonly busyTime: EstimateLike
  readonly unavailableMissTime: EstimateLike
  readonly offers: EstimateLike
  readonly queueOffers: EstimateLike
  readonly answered: EstimateLike
  readonly misses: EstimateLike
  readonly rejects: EstimateLike
  readonly holds: EstimateLike
  readonly wrapUps: EstimateLike
  readonly missUnavailable: EstimateLike
}

/** An agent (or all agents together). */
export interface AgentScopeLike {
  readonly id: string
  readonly group: string
  readonly metrics: AgentMetricsLike
}

/** One interval of the total, with the time-weighted staffing levels. */
export interface IntervalLike {
  readonly start: number
  readonly metrics: CallMetricsLike & {
    readonly agentsSignedIn: RateLike
    readonly agentsBusy: RateLike
    readonly agentsAvailable: RateLike
  }
}

/** The summary of the replications (the engine's `Summary`). */
export interface SummaryLike {
  readonly replications: number
  readonly serviceLevelDefinition: string
  /** Violations per replication; null when the checker did not run. */
  readonly violations: EstimateLike | null
  readonly total: CallScopeLike
  readonly allAgents: AgentScopeLike
  readonly queues: ReadonlyArray<CallScopeLike>
  readonly tenants: ReadonlyArray<CallScopeLike>
  readonly agents: ReadonlyArray<AgentScopeLike>
  readonly intervals: ReadonlyArray<IntervalLike>
}

/** An evaluated threshold (a row of the engine's `evaluateThresholds`). */
export interface ThresholdLike {
  readonly ok: boolean
  readonly strict: boolean
  readonly scope: string
  readonly metric: string
  readonly op: string
  readonly value: number
  readonly observed: number | null
  readonly ci: readonly [number, number] | null
  /** Why the threshold could not be evaluated, if it could not. */
  readonly message?: string | undefined
}

/** A conformance violation (the checker's `Violation`). */
export interface ViolationLike {
  readonly t: number
  readonly event: string
  readonly call?: string | undefined
  readonly agent?: string | undefined
  readonly rule: string
  readonly message: string
}

/**
 * What the report adds to the results document (results.json, field `report`): everything it draws that the
 * summary does not hold. All of it is deterministic, so results stay byte-identical for the same seed.
 *
 * @category models
 */
export interface ReportExtras {
  /** Names, queue settings and members, and shifts (from `reportLayout(model)`). */
  readonly layout?: ReportLayout | null | undefined
  /** The state timeline and paths of one replication (from a `ReplicationSampler`). */
  readonly sample?: ReplicationSample | null | undefined
  /** The checker's violations (all of them, or the first ones). */
  readonly violations?: ReadonlyArray<ViolationLike> | null | undefined
}

/**
 * The results document of a run (the engine's `ResultsDocument`, written as results.json), as
 * `toReportData` reads it, plus the report's own `report` field.
 *
 * @category models
 */
export interface ReportSource {
  readonly scenario: {
    readonly name: string
    readonly description?: string | null | undefined
    /** Opening and closing, ms after midnight; the reporting interval in ms. */
    readonly open: number
    readonly close: number
    readonly intervalMs: number
  }
  readonly seed: number
  readonly replications: number
  readonly engineVersion: string
  /** `terminating` or `steady-state`. */
  readonly runMode?: string | undefined
  readonly summary: SummaryLike
  readonly thresholds?: ReadonlyArray<ThresholdLike> | undefined
  readonly report?: ReportExtras | null | undefined
}
