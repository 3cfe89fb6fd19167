/**
 * The report's view model: plain JSON (numbers, strings, arrays, `null`), exactly what the charts draw and
 * nothing more. Every chart is a pure function of it. Times are in seconds: times of day are seconds after
 * midnight, durations are seconds. Rates are fractions in [0, 1].
 *
 * The results document of a run becomes a `ReportData` through `toReportData` (FromResults.ts).
 */

/** The version of this view model; the viewer refuses data of another version. */
export const reportDataVersion = 2

/**
 * A mean over replications with its 95 % confidence interval. With one replication (or when the spread is
 * unknown) `lo` and `hi` equal the mean.
 *
 * @category models
 */
export interface Estimate {
  readonly mean: number
  readonly lo: number
  readonly hi: number
}

/**
 * A threshold of the scenario, evaluated: `service-level >= 0.8` in a scope, with the observed value.
 *
 * @category models
 */
export interface ThresholdRow {
  /** `total`, `queue:<id>`, `tenant:<id>`, `agent:<id>` or `interval:<HH:MM>`. */
  readonly scope: string
  /** A metric name of `@ccsim/scenario` ThresholdMetrics, e.g. `service-level`, `asa`. */
  readonly metric: string
  readonly op: string
  readonly value: number
  readonly observed: number
  /** The 95 % interval of the observed value, when known. */
  readonly ci: readonly [number, number] | null
  /** Why the threshold could not be evaluated, if it could not. */
  readonly note: string | null
  readonly ok: boolean
  /** A failing non-strict threshold is a warning, not a failure. */
  readonly strict: boolean
}

/**
 * One key performance indicator of a scope: its estimate (`null` when undefined, e.g. ASA with no answered
 * call) and the scenario's thresholds on it in that scope.
 *
 * @category models
 */
export interface Kpi {
  readonly value: Estimate | null
  readonly thresholds: ReadonlyArray<ThresholdRow>
  /** How the value was obtained when it has no confidence interval of its own (shown instead of the CI). */
  readonly note?: string
}

/**
 * One reporting interval of a scope. Counts are means per replication; calls belong to their arrival interval.
 *
 * @category models
 */
export interface IntervalView {
  /** Start and end, seconds after midnight. */
  readonly start: number
  readonly end: number
  readonly offered: Estimate
  readonly answered: Estimate
  readonly abandoned: Estimate
  readonly rolledOver: Estimate
  /** `null` when the interval has no call for the definition's denominator. */
  readonly serviceLevel: Estimate | null
  readonly asa: Estimate | null
  /** Time-weighted mean numbers of agents over the interval. */
  readonly signedIn: Estimate
  readonly busy: Estimate
  readonly available: Estimate
  /** Time-weighted mean number of waiting calls. */
  readonly queueLength: Estimate
}

/**
 * One bucket of the wait histogram: waits in [lo, hi) seconds, as mean counts per replication.
 *
 * @category models
 */
export interface WaitBin {
  readonly lo: number
  readonly hi: number
  /** Answered calls whose wait fell in the bucket. */
  readonly answered: number
  /** Abandoned calls whose time to abandon fell in the bucket. */
  readonly abandoned: number
}

/**
 * How long callers waited in a scope.
 *
 * @category models
 */
export interface WaitsView {
  readonly bins: ReadonlyArray<WaitBin>
  /** Wait percentiles of answered calls (seconds), when known. */
  readonly percentiles: ReadonlyArray<{ readonly p: number; readonly seconds: number }>
}

/**
 * Equal time columns: column `k` covers `[start + k × step, start + (k + 1) × step)` seconds. One replication's
 * paths and agent states are kept per column (about one per pixel of a chart), so their size does not grow
 * with the calls.
 *
 * @category models
 */
export interface TimeGrid {
  readonly start: number
  readonly step: number
  readonly columns: number
}

/**
 * A quantity's lowest and highest value in each column of a grid (levels held for no time are left out): the
 * envelope a line drawn at the chart's resolution would cover.
 *
 * @category models
 */
export interface Envelope {
  readonly lo: ReadonlyArray<number>
  readonly hi: ReadonlyArray<number>
}

/**
 * The path of one replication in a scope: waiting calls and busy agents over the day, as envelopes.
 *
 * @category models
 */
export interface PathView {
  readonly grid: TimeGrid
  readonly queueLength: Envelope
  readonly busy: Envelope
}

/**
 * How often a rule fired in a scope (mean per replication).
 *
 * @category models
 */
export interface RuleCount {
  /** The rule id of DESIGN.md (R6, R9, …). */
  readonly rule: string
  /** What fired, in the domain's words: `offers`, `misses`, `rollovers`, … */
  readonly name: string
  readonly value: Estimate
}

/**
 * What a scope (the total, one queue or one tenant) shows.
 *
 * @category models
 */
export interface ScopeView {
  /** `total`, `queue:<id>` or `tenant:<id>`: the selector's value and the thresholds' scope. */
  readonly key: string
  readonly kind: "total" | "queue" | "tenant"
  readonly id: string
  readonly label: string
  /**
   * The service-level threshold (seconds) and target (fraction) of the scope; `null` where several queues
   * with different settings mix (the total and tenants of such runs).
   */
  readonly serviceLevelThreshold: number | null
  readonly serviceLevelTarget: number | null
  readonly kpis: {
    readonly serviceLevel: Kpi
    readonly asa: Kpi
    readonly abandonRate: Kpi
    readonly occupancy: Kpi
    readonly offered: Kpi
    readonly answered: Kpi
  }
  readonly intervals: ReadonlyArray<IntervalView>
  readonly waits: WaitsView
  /** The sampled replication's path, when the run kept one. */
  readonly path: PathView | null
  readonly rules: ReadonlyArray<RuleCount>
  /** Ids of the agents shown for this scope (a queue's members; every agent for the total and tenants). */
  readonly agents: ReadonlyArray<string>
}

/**
 * One agent's figures (means per replication).
 *
 * @category models
 */
export interface AgentView {
  readonly id: string
  readonly name: string
  readonly group: string
  readonly occupancy: Estimate | null
  readonly answered: Estimate
  readonly misses: Estimate
  readonly rejects: Estimate
  /** Seconds the agent spent Unavailable because the miss policy (R11) switched them. */
  readonly unavailableByMiss: Estimate
}

/**
 * Agent states of the timeline, in drawing order. A segment's state is an index into this list.
 *
 * @category models
 */
export const TimelineStates = [
  "signed-out",
  "available",
  "unavailable",
  "unavailable-by-miss",
  "ringing",
  "queue-call",
  "direct-or-internal-call",
  "outbound-call",
  "wrap-up"
] as const
export type TimelineState = (typeof TimelineStates)[number]

/**
 * The characters that encode a share of a column (0 … 1 in 63 steps), one per column.
 *
 * @category models
 */
export const shareDigits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"

/** The share of a column a {@link shareDigits} character stands for. */
export const shareOf = (digit: string): number => Math.max(0, shareDigits.indexOf(digit)) / 63

/**
 * One agent's states over the sampled replication, per column of the timeline's grid (one character per
 * column): `states` the state held longest in the column (a digit, index into TimelineStates), `busy` and
 * `signedIn` the share of the column the agent was busy (ringing, on a call, in wrap-up) and signed in
 * ({@link shareDigits}).
 *
 * @category models
 */
export interface AgentTimeline {
  readonly id: string
  readonly states: string
  readonly busy: string
  readonly signedIn: string
}

/**
 * The state timeline of one replication.
 *
 * @category models
 */
export interface TimelineView {
  readonly replication: number
  readonly grid: TimeGrid
  readonly agents: ReadonlyArray<AgentTimeline>
}

/**
 * A time mark drawn on every time chart: opening, closing, shift starts and ends, breaks.
 *
 * @category models
 */
export interface Marker {
  readonly at: number
  readonly kind: "open" | "close" | "shift-start" | "shift-end" | "break-start" | "break-end"
  readonly label: string
}

/**
 * A conformance violation found by the checker.
 *
 * @category models
 */
export interface ViolationView {
  readonly t: number
  readonly rule: string
  readonly event: string
  readonly call: string | null
  readonly agent: string | null
  readonly message: string
}

/**
 * The whole report.
 *
 * @category models
 */
export interface ReportData {
  readonly version: typeof reportDataVersion
  readonly run: {
    readonly scenario: string
    readonly description: string | null
    readonly seed: number
    readonly replications: number
    readonly engineVersion: string
    /** When the run was made (ISO 8601), as the caller says; the report never reads the clock. */
    readonly runDate: string | null
    readonly mode: string
    /** The service-level definition's name (e.g. `answered-of-offered`) and its formula in words. */
    readonly serviceLevelDefinition: string
    readonly serviceLevelFormula: string
  }
  readonly time: {
    readonly open: number
    readonly close: number
    /** When the last call left (the end of the time axis). */
    readonly end: number
    readonly intervalSeconds: number
  }
  readonly markers: ReadonlyArray<Marker>
  /** The total first, then queues, then tenants. */
  readonly scopes: ReadonlyArray<ScopeView>
  readonly agents: ReadonlyArray<AgentView>
  readonly timeline: TimelineView | null
  readonly conformance: {
    /** Whether the conformance checker ran. */
    readonly checked: boolean
    /** Violations found in all replications together. */
    readonly total: number
    /** The violations listed (all of them, or the first ones). */
    readonly violations: ReadonlyArray<ViolationView>
  }
  readonly thresholds: ReadonlyArray<ThresholdRow>
}
