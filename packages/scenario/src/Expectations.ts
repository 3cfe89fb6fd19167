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
  metric: Schema.Literals(ThresholdMetrics).annotateKey({
    description: "The metric: counts, rates (fractions in [0, 1]) or times (seconds)."
  }),
  scope: Scope.pipe(withDefault("total")).annotateKey({
    description: "Where it applies: `total`, `queue:<id>`, `tenant:<id>`, `agent:<id>` or `interval:<HH:MM>`."
  }),
  op: Schema.Literals(Comparisons).annotateKey({ description: "Comparison of the metric with `value`." }),
  value: Schema.Finite.annotateKey({
    description: "The bound: a fraction for rates, seconds for times, a count for counts."
  }),
  confidence: Schema.optionalKey(Probability).annotateKey({
    description:
      "With a confidence level, the whole confidence interval must satisfy the condition, not just the mean (e.g. `0.95`: the lower bound of the 95 % interval of the service level must be ≥ 0.8)."
  }),
  strict: Schema.Boolean.pipe(withDefault(true)).annotateKey({
    description: "A failing threshold with `strict: false` is reported as a warning and does not fail the run."
  })
})
export type Threshold = typeof Threshold.Type

/**
 * The engine's trace event names (`{ t, at, event, ...fields }`), for expected traces. Scripted calls appear under
 * their `id`.
 */
export const TraceEvents = [
  "call-arrived",
  "call-routed",
  "call-queued",
  "call-rolled-over",
  "offer-started",
  "offer-accepted",
  "offer-rejected",
  "offer-missed",
  "offer-cancelled",
  "call-held",
  "call-resumed",
  "call-abandoned",
  "call-ended",
  "wrap-up-started",
  "wrap-up-ended",
  "agent-status-changed",
  "agent-overtime-started",
  "outbound-started",
  "redial-scheduled",
  "simulation-ended"
] as const
export type TraceEvent = (typeof TraceEvents)[number]

/**
 * The fields each trace event can carry besides `t`, `at` and `event` (the engine's Trace.ts; fields that are −1
 * there are left out, so a listed field may be absent). A static copy, so this package does not import the engine;
 * a test pins it to a golden list, and the engine can cross-check it against its recorder.
 */
export const TraceEventFields: Readonly<Record<TraceEvent, ReadonlyArray<string>>> = {
  "call-arrived": ["call", "kind", "tenant", "known", "source", "redialOf"],
  "call-routed": ["call", "step", "target"],
  "call-queued": ["call", "queue"],
  "call-rolled-over": ["call", "queue", "reason"],
  "offer-started": ["call", "agent", "queue", "tenant"],
  "offer-accepted": ["call", "agent", "queue"],
  "offer-rejected": ["call", "agent", "queue"],
  "offer-missed": ["call", "agent", "queue"],
  "offer-cancelled": ["call", "agent", "queue", "reason"],
  "call-held": ["call", "agent", "reason", "duration"],
  "call-resumed": ["call", "agent"],
  "call-abandoned": ["call", "queue", "stage"],
  "call-ended": ["call", "agent", "outcome"],
  "wrap-up-started": ["agent", "call", "queue", "duration"],
  "wrap-up-ended": ["agent"],
  "agent-status-changed": ["agent", "status", "cause", "reason"],
  "agent-overtime-started": ["agent"],
  "outbound-started": ["call", "agent"],
  "redial-scheduled": ["call", "redialAt"],
  "simulation-ended": []
}

/** Values an expected trace step may pin. */
const StepValue = Schema.Union([Schema.String, Schema.Finite, Schema.Boolean, Schema.Null]).annotate({
  expected: "a text, number, true/false or null value to compare with the event's field"
})

/**
 * One expected trace step: the event name, its time, and any fields of the event to compare
 * (`call`, `agent`, `queue`, `reason`, `status`, ...). Fields not listed are not compared.
 */
export const ExpectedStep = Schema.StructWithRest(
  Schema.Struct({
    at: TimePoint,
    event: Schema.String.annotateKey({ description: "Trace event name, e.g. `offer-started`." }),
    call: Schema.optionalKey(Id).annotateKey({ description: "Call id (scripted calls appear under their `id`)." }),
    agent: Schema.optionalKey(Id).annotateKey({ description: "Agent id." })
  }),
  // The rest record also covers the declared keys, so it must admit the decoded `at` ({ kind, ms }).
  [Schema.Record(Schema.String, Schema.Union([StepValue, Schema.toType(TimePoint)]))]
)
export type ExpectedStep = typeof ExpectedStep.Type

/** The expected trace of a scripted scenario. */
export const ExpectedTrace = Schema.Struct({
  match: Schema.Literals(["exact", "contains"]).pipe(withDefault("exact")).annotateKey({
    description:
      "`exact`: the trace is exactly these steps; `contains`: these steps occur in this order, others may come between."
  }),
  events: Schema.optionalKey(Schema.Array(Schema.String)).annotateKey({
    description: "Only events of these names are compared (all when omitted), so a test can ignore wrap-up noise."
  }),
  steps: Schema.Array(ExpectedStep).annotateKey({ description: "The expected events, in order." })
})
export type ExpectedTrace = typeof ExpectedTrace.Type

/** The expectations of a scenario. */
export const Expectations = Schema.Struct({
  thresholds: Schema.Array(Threshold)
    .pipe(withDefault([]))
    .annotateKey({ description: "Gates on the results (k6-style): each names a metric, a scope and a bound." }),
  trace: Schema.optionalKey(ExpectedTrace).annotateKey({ description: "The expected trace of a scripted scenario." }),
  noViolations: Schema.Boolean.pipe(withDefault(true)).annotateKey({
    description: "The conformance checker must find no violation (on by default for `ccsim test`)."
  })
})
export type Expectations = typeof Expectations.Type
