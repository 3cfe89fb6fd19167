/**
 * Expectations of a scenario: thresholds on metrics (k6-style gates) and expected trace steps.
 */
import { Schema } from "effect"
import { Id, Probability, withDefault } from "./Common.ts"
import { TimePoint } from "./Duration.ts"

/** Metrics a threshold can gate. Rates are fractions in [0, 1]; times are seconds. */
export const ThresholdMetrics = [
  "offered",
  "answered",
  "abandoned",
  "short-abandoned",
  "rolled-over",
  "service-level",
  "abandon-rate",
  "answer-rate",
  "asa",
  "mean-wait",
  "max-wait",
  "wait-p50",
  "wait-p80",
  "wait-p90",
  "wait-p95",
  "wait-p99",
  "occupancy",
  "utilisation",
  "misses",
  "rejects",
  "holds",
  "answering-service",
  "voicemail",
  "violations"
] as const
export type ThresholdMetric = (typeof ThresholdMetrics)[number]

export const Comparisons = ["<", "<=", ">", ">=", "==", "!="] as const
export type Comparison = (typeof Comparisons)[number]

/**
 * Where a threshold applies: `total`, `queue:<id>`, `tenant:<id>`, `interval:<HH:MM>` (the interval starting then),
 * `agent:<id>`.
 */
export const Scope = Schema.String.check(
  Schema.isPattern(/^(total|(queue|tenant|agent):[A-Za-z0-9][A-Za-z0-9_.-]*|interval:([01]?\d|2[0-3]):[0-5]\d)$/, {
    message: "expected a scope: total, queue:<id>, tenant:<id>, agent:<id> or interval:<HH:MM>"
  })
)

/** A threshold: `service-level >= 0.8` in a scope, optionally required with 95 % confidence. */
export const Threshold = Schema.Struct({
  metric: Schema.Literals(ThresholdMetrics),
  scope: Scope.pipe(withDefault("total")),
  op: Schema.Literals(Comparisons),
  value: Schema.Finite,
  /**
   * With a confidence level, the whole confidence interval must satisfy the condition, not just the mean
   * (e.g. `0.95`: the lower bound of the 95 % interval of the service level must be ≥ 0.8).
   */
  confidence: Schema.optionalKey(Probability),
  /** A failing threshold with `strict: false` is reported as a warning and does not fail the run. */
  strict: Schema.Boolean.pipe(withDefault(true))
})
export type Threshold = typeof Threshold.Type

/** Values an expected trace step may pin. */
const StepValue = Schema.Union([Schema.String, Schema.Finite, Schema.Boolean, Schema.Null])

/**
 * One expected trace step: the event name, its time, and any fields of the event to compare
 * (`call`, `agent`, `queue`, `reason`, `status`, ...). Fields not listed are not compared.
 */
export const ExpectedStep = Schema.StructWithRest(
  Schema.Struct({
    at: TimePoint,
    event: Schema.String,
    call: Schema.optionalKey(Id),
    agent: Schema.optionalKey(Id)
  }),
  [Schema.Record(Schema.String, StepValue)]
)
export type ExpectedStep = typeof ExpectedStep.Type

/** The expected trace of a scripted scenario. */
export const ExpectedTrace = Schema.Struct({
  /** `exact`: the trace is exactly these steps; `contains`: these steps occur in this order, others may come between. */
  match: Schema.Literals(["exact", "contains"]).pipe(withDefault("exact")),
  /** Only events of these names are compared (all when omitted), so a test can ignore wrap-up noise. */
  events: Schema.optionalKey(Schema.Array(Schema.String)),
  steps: Schema.Array(ExpectedStep)
})
export type ExpectedTrace = typeof ExpectedTrace.Type

/** The expectations of a scenario. */
export const Expectations = Schema.Struct({
  thresholds: Schema.Array(Threshold).pipe(withDefault([])),
  trace: Schema.optionalKey(ExpectedTrace),
  /** The conformance checker must find no violation (on by default for `ccsim test`). */
  noViolations: Schema.Boolean.pipe(withDefault(true))
})
export type Expectations = typeof Expectations.Type
