/**
 * The results contract, defined once with effect/Schema: estimates, the metrics of every scope, the summary,
 * threshold rows, violations, the results document (results.json, fields in RESULTS.md) and the catalogue of
 * metrics thresholds can name. The engine's types are these schemas' types; `ccsim report` and the report
 * package decode a results file with {@link decodeResultsDocument}, so a file from another version or a
 * hand-edited one is refused with the field that is wrong, never half-drawn.
 */
import { ServiceLevelDefinitions } from "@ccsim/analytic"
import { Comparisons, type ThresholdMetric, ThresholdMetrics } from "@ccsim/scenario"
import { Cause, Exit, Option, Schema, SchemaIssue } from "effect"
import {
  AGENT_COUNT_KEYS,
  AGENT_TIME_KEYS,
  CALL_COUNT_KEYS,
  CALL_RATE_KEYS,
  WAIT_PERCENTILE_KEYS
} from "./MetricSets.ts"
import { RESULTS_VERSION } from "./Result.ts"

const NullableNumber = Schema.NullOr(Schema.Number)
const Interval = Schema.NullOr(Schema.Tuple([Schema.Number, Schema.Number]))

/** A per-replication quantity over replications: mean, sd and the 95 % t interval (null without data). */
export const EstimateSchema = Schema.Struct({
  n: Schema.Number,
  mean: NullableNumber,
  sd: NullableNumber,
  halfWidth: NullableNumber,
  ci: Interval
})

/**
 * A rate or average: the ratio estimator Σ numerator / Σ denominator over replications (`ratio`, the point
 * estimate), its delta-method standard error and 95 % t interval, and the mean of per-replication ratios as a
 * secondary estimate (`meanOfRatios`, biased when intervals hold few calls; kept for comparison).
 */
export const RateEstimateSchema = Schema.Struct({
  n: Schema.Number,
  ratio: NullableNumber,
  standardError: NullableNumber,
  halfWidth: NullableNumber,
  ci: Interval,
  meanOfRatios: EstimateSchema
})

/** A wait percentile: the mean of per-replication percentiles with its t interval, and the pooled percentile. */
export const PercentileEstimateSchema = Schema.Struct({
  ...EstimateSchema.fields,
  pooled: NullableNumber
})

/** One schema per key: the fields of a struct whose keys come from a metric table. */
const fieldsOf = <K extends string, S extends Schema.Top>(keys: ReadonlyArray<K>, schema: S) =>
  Object.fromEntries(keys.map((key) => [key, schema])) as { readonly [P in K]: S }

/** Metrics of a call scope (and of each of its intervals). Times in seconds, rates as fractions. */
export const CallMetricsSchema = Schema.Struct({
  ...fieldsOf(CALL_COUNT_KEYS, EstimateSchema),
  /** The service level under the scope's definition (also under its own key). */
  serviceLevel: RateEstimateSchema,
  ...fieldsOf(CALL_RATE_KEYS, RateEstimateSchema),
  queueLength: RateEstimateSchema,
  maxWait: EstimateSchema,
  maxWaitAnswered: EstimateSchema,
  ...fieldsOf(WAIT_PERCENTILE_KEYS, Schema.optionalKey(PercentileEstimateSchema))
})

/** Agent metrics (an agent, a group or all agents). Times in seconds per replication. */
export const AgentMetricsSchema = Schema.Struct({
  ...fieldsOf(AGENT_TIME_KEYS, EstimateSchema),
  occupancy: RateEstimateSchema,
  utilisation: RateEstimateSchema,
  missRate: RateEstimateSchema,
  rejectRate: RateEstimateSchema,
  ...fieldsOf(AGENT_COUNT_KEYS, EstimateSchema)
})

/** Histogram bins `[fromMs, toMs, count]`, `toMs` exclusive, counts pooled over replications. */
export const HistogramBinsSchema = Schema.Array(Schema.Tuple([Schema.Number, Schema.Number, Schema.Number]))

const ServiceLevelDefinitionSchema = Schema.Literals(ServiceLevelDefinitions)

/** Per-interval metrics of a queue, tenant or call-type scope. */
export const ScopeIntervalSummarySchema = Schema.Struct({
  start: Schema.Number,
  label: Schema.String,
  metrics: CallMetricsSchema
})

/** A call scope: the total (queue calls), a queue, a tenant or a call type. */
export const CallScopeSummarySchema = Schema.Struct({
  id: Schema.String,
  serviceLevelDefinition: ServiceLevelDefinitionSchema,
  serviceLevelThresholdSeconds: NullableNumber,
  metrics: CallMetricsSchema,
  waitHistogram: HistogramBinsSchema,
  abandonHistogram: HistogramBinsSchema,
  /** Per arrival interval (absent on the total, whose intervals are `Summary.intervals`). */
  intervals: Schema.optionalKey(Schema.Array(ScopeIntervalSummarySchema))
})

/** An agent or a group. */
export const AgentSummarySchema = Schema.Struct({
  id: Schema.String,
  group: Schema.String,
  agents: Schema.Number,
  metrics: AgentMetricsSchema
})

/** Interval metrics of the total: queue calls by arrival interval, plus time-weighted staffing. */
export const IntervalMetricsSchema = Schema.Struct({
  ...CallMetricsSchema.fields,
  duration: EstimateSchema,
  agentsScheduled: RateEstimateSchema,
  agentsSignedIn: RateEstimateSchema,
  agentsAvailable: RateEstimateSchema,
  agentsBusy: RateEstimateSchema,
  occupancy: RateEstimateSchema,
  utilisation: RateEstimateSchema
})

/** One reporting interval of the total. */
export const IntervalSummarySchema = Schema.Struct({
  start: Schema.Number,
  label: Schema.String,
  metrics: IntervalMetricsSchema
})

/** The summary of a set of replications. */
export const SummarySchema = Schema.Struct({
  resultsVersion: Schema.Literal(RESULTS_VERSION),
  replications: Schema.Number,
  confidenceLevel: Schema.Number,
  serviceLevelDefinition: ServiceLevelDefinitionSchema,
  warmup: EstimateSchema,
  measured: EstimateSchema,
  violations: Schema.NullOr(EstimateSchema),
  total: CallScopeSummarySchema,
  allAgents: AgentSummarySchema,
  queues: Schema.Array(CallScopeSummarySchema),
  tenants: Schema.Array(CallScopeSummarySchema),
  callTypes: Schema.Array(CallScopeSummarySchema),
  agents: Schema.Array(AgentSummarySchema),
  groups: Schema.Array(AgentSummarySchema),
  intervals: Schema.Array(IntervalSummarySchema)
})

/** One evaluated threshold. */
export const ThresholdRowSchema = Schema.Struct({
  ok: Schema.Boolean,
  strict: Schema.Boolean,
  scope: Schema.String,
  metric: Schema.Literals(ThresholdMetrics),
  op: Schema.Literals(Comparisons),
  value: Schema.Number,
  /** The point estimate (rates: the ratio Σ numerator / Σ denominator), or null when there is none. */
  observed: NullableNumber,
  /** The confidence interval compared (the threshold's level, else 95 %), or null below two replications. */
  ci: Interval,
  /** The threshold's confidence level, or null when the point estimate was compared. */
  confidence: NullableNumber,
  /** Why a threshold could not be evaluated (unknown scope, metric not measured there, no data). */
  message: Schema.optionalKey(Schema.String)
})

/** A conformance violation: the event that broke a rule, the rule's id and why. */
export const ViolationSchema = Schema.Struct({
  t: Schema.Number,
  at: Schema.String,
  event: Schema.String,
  call: Schema.optionalKey(Schema.String),
  agent: Schema.optionalKey(Schema.String),
  rule: Schema.Literals([
    "R1",
    "R2",
    "R3",
    "R4",
    "R5",
    "R6",
    "R7",
    "R8",
    "R9",
    "R10",
    "R11",
    "R12",
    "R13",
    "R14",
    "R15",
    "I"
  ]),
  message: Schema.String
})

/** The contents of results.json (without the report's section, which the report package adds). */
export const ResultsDocumentSchema = Schema.Struct({
  resultsVersion: Schema.Literal(RESULTS_VERSION),
  scenario: Schema.Struct({
    name: Schema.String,
    description: Schema.NullOr(Schema.String),
    /** `YYYY-MM-DD` from the scenario, for reports only. */
    date: Schema.NullOr(Schema.String),
    timeZone: Schema.NullOr(Schema.String),
    /** Opening and closing, ms after midnight; reporting interval length in ms. */
    open: Schema.Number,
    close: Schema.Number,
    intervalMs: Schema.Number
  }),
  seed: Schema.Number,
  replications: Schema.Number,
  engineVersion: Schema.String,
  runMode: Schema.Literals(["terminating", "steady-state"]),
  /** `none`, a fixed duration in ms, or `mser-5`. */
  warmup: Schema.Union([Schema.Literals(["none", "mser-5"]), Schema.Number]),
  serviceLevelDefinition: ServiceLevelDefinitionSchema,
  summary: SummarySchema,
  thresholds: Schema.Array(ThresholdRowSchema),
  /**
   * Raw per-replication results (`--raw`), or null. Not decoded field by field here: only merging reads them,
   * and it checks them against `ReplicationResult`.
   */
  replicationResults: Schema.NullOr(Schema.Array(Schema.Unknown))
})

/** What kind of number a metric is, and the unit thresholds write it in. */
export type MetricKind = "count" | "rate" | "time" | "level"

/** One entry of the metric catalogue. */
export interface MetricInfo {
  readonly name: ThresholdMetric
  readonly kind: MetricKind
  /** `calls`, `events`, `fraction`, `seconds`, `agents`. */
  readonly unit: string
  /** Which way is better for callers and the center (compare's verdicts); null where neither is (offered, occupancy). */
  readonly better: "higher" | "lower" | null
}

const KIND_UNITS = { count: "calls", rate: "fraction", time: "seconds", level: "agents" } as const

const kinds: { readonly [M in ThresholdMetric]: MetricKind } = {
  "service-level": "rate",
  "abandon-rate": "rate",
  "answer-rate": "rate",
  asa: "time",
  "mean-wait": "time",
  "max-wait": "time",
  "wait-p50": "time",
  "wait-p80": "time",
  "wait-p90": "time",
  "wait-p95": "time",
  "wait-p99": "time",
  offered: "count",
  answered: "count",
  abandoned: "count",
  "short-abandoned": "count",
  "rolled-over": "count",
  occupancy: "rate",
  utilisation: "rate",
  misses: "count",
  rejects: "count",
  holds: "count",
  "answering-service": "count",
  voicemail: "count",
  violations: "count"
}

/** Higher is better for these; neither for those in {@link NEUTRAL}; lower for the rest (waits, abandons, misses). */
const HIGHER_IS_BETTER: ReadonlySet<ThresholdMetric> = new Set(["service-level", "answer-rate", "answered"])
const NEUTRAL: ReadonlySet<ThresholdMetric> = new Set(["offered", "occupancy", "utilisation", "holds"])

const betterOf = (name: ThresholdMetric): MetricInfo["better"] =>
  HIGHER_IS_BETTER.has(name) ? "higher" : NEUTRAL.has(name) ? null : "lower"

/**
 * Every metric a threshold can name, with its kind and unit, in the scenario format's order. Counts are per
 * replication; rates are fractions; times are seconds.
 */
export const METRIC_CATALOGUE: ReadonlyArray<MetricInfo> = ThresholdMetrics.map((name) => ({
  name,
  kind: kinds[name],
  unit: name === "violations" || name === "misses" || name === "rejects" ? "events" : KIND_UNITS[kinds[name]],
  better: betterOf(name)
}))

/** The catalogue entry of `metric`. */
export const metricInfo = (metric: ThresholdMetric): MetricInfo =>
  METRIC_CATALOGUE.find((m) => m.name === metric) ?? { name: metric, kind: kinds[metric], unit: "", better: null }

/** Why a results file could not be read: the field (a JSON path) or the version, what was expected and found. */
export interface ResultsProblem {
  /** `summary.total.metrics.asa.mean`, or empty when the document itself is the problem. */
  readonly path: string
  readonly expected: string
  readonly found?: string
}

/**
 * Decodes a results document (parsed JSON, extra fields allowed), or returns the first problem: another
 * `resultsVersion` is named as such; otherwise the field that is wrong, what was expected and what was found.
 */
export const decodeResultsDocument = (
  input: unknown
):
  | { readonly _tag: "ok"; readonly document: typeof ResultsDocumentSchema.Type }
  | { readonly _tag: "problem"; readonly problem: ResultsProblem } => {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { _tag: "problem", problem: { path: "", expected: "a results document (a JSON object)" } }
  }
  if ("resultsVersion" in input && input.resultsVersion !== RESULTS_VERSION) {
    return {
      _tag: "problem",
      problem: {
        path: "resultsVersion",
        expected: `results version ${RESULTS_VERSION} (written by this ccsim; re-run the scenario to redraw it)`,
        found: JSON.stringify(input.resultsVersion)
      }
    }
  }
  const exit = Schema.decodeUnknownExit(ResultsDocumentSchema)(input)
  if (Exit.isSuccess(exit)) return { _tag: "ok", document: exit.value }
  return { _tag: "problem", problem: schemaProblem(exit, input) }
}

const formatIssue = SchemaIssue.makeFormatterStandardSchemaV1()

const describeValue = (value: unknown): string => {
  if (value === undefined) return "nothing (the field is missing)"
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 40 ? `${text.slice(0, 37)}...` : text
}

/**
 * The first problem of a decoding failure of `input`, as one line: the JSON path of the field (under `root`),
 * what was expected there and what was found.
 */
export const schemaProblem = (
  exit: Exit.Exit<unknown, Schema.SchemaError>,
  input: unknown,
  root: ReadonlyArray<string> = []
): ResultsProblem => {
  const failure = Exit.isFailure(exit) ? Cause.findErrorOption(exit.cause) : Option.none()
  const first = Option.isNone(failure) ? undefined : formatIssue(failure.value.issue).issues[0]
  const keys = (first?.path ?? []).map((key) => (typeof key === "object" ? key.key : key))
  let value: unknown = input
  for (const key of keys) value = typeof value === "object" && value !== null ? (value as never)[key] : undefined
  const path = [...root, ...keys]
    .map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join("")
  const message = first?.message ?? "Expected a results document"
  const expected = message === "Missing key" ? "a value" : message.replace(/^Expected /, "")
  return { path, expected, found: describeValue(value) }
}
