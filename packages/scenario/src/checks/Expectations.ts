/**
 * Expectations: thresholds name things that exist, and an expected trace speaks the trace's vocabulary.
 */
import { type TraceEvent, TraceEventFields, TraceEvents } from "../Expectations.ts"
import { describeFound, issue, type ScenarioIssue } from "../Problem.ts"
import { didYouMean, listOf } from "../Suggest.ts"
import type { Check } from "./Context.ts"
import { showClock } from "./Context.ts"
import { resolveTime } from "./Script.ts"

/** Metrics that are fractions: their thresholds lie in [0, 1]. */
const FRACTIONS = new Set(["service-level", "abandon-rate", "answer-rate", "occupancy", "utilisation"])

/** Threshold scopes name a known queue, tenant, agent or an interval of the day; fractions are in [0, 1]. */
export const thresholds: Check = (context) => {
  const { scenario, day, intervalMs, queueIds, tenantIds, agents, entries } = context
  const out: Array<ScenarioIssue> = []
  scenario.expect.thresholds.forEach((threshold, t) => {
    const path = ["expect", "thresholds", t]
    const [kind, ...rest] = threshold.scope.split(":")
    const name = rest.join(":")
    const known = (set: Iterable<string>, what: string) => {
      const names = [...set]
      if (!names.includes(name)) {
        out.push(
          issue([...path, "scope"], `${what} of the scenario`, describeFound(threshold.scope), didYouMean(name, names))
        )
      }
    }
    if (kind === "queue") known(queueIds, "a queue")
    if (kind === "tenant") known(tenantIds, "a tenant")
    if (kind === "agent") known([...agents.keys(), ...entries.keys()], "an agent")
    if (kind === "interval" && day !== undefined) {
      const [h, m] = name.split(":").map(Number)
      const start = (h! * 60 + m!) * 60_000
      if (start < day.open || start >= day.close) {
        out.push(
          issue(
            [...path, "scope"],
            `an interval from ${showClock(day.open)} to before ${showClock(day.close)}`,
            describeFound(threshold.scope)
          )
        )
      } else if (scenario.run.duration !== undefined && start !== day.open) {
        out.push(
          issue(
            [...path, "scope"],
            `interval:${showClock(day.open)}, the run's one interval (run.duration reports a single steady-state period)`,
            describeFound(threshold.scope)
          )
        )
      } else if ((start - day.open) % intervalMs !== 0) {
        out.push(
          issue(
            [...path, "scope"],
            `the start of a ${intervalMs / 60_000}-minute interval from ${showClock(day.open)}`,
            describeFound(threshold.scope)
          )
        )
      }
    }
    if (FRACTIONS.has(threshold.metric) && (threshold.value < 0 || threshold.value > 1)) {
      out.push(
        issue(
          [...path, "value"],
          `a fraction between 0 and 1 for ${threshold.metric}`,
          String(threshold.value),
          threshold.value > 1 && threshold.value <= 100 ? ` (did you mean ${threshold.value / 100}?)` : ""
        )
      )
    }
  })
  return out
}

/** Expected trace steps: known event names, calls and agents; times in order. */
export const expectedTrace: Check = ({ scenario, day, agents, queueIds }) => {
  const out: Array<ScenarioIssue> = []
  const trace = scenario.expect.trace
  if (trace === undefined) return out
  const events: ReadonlyArray<string> = TraceEvents
  trace.events?.forEach((event, e) => {
    if (!events.includes(event))
      out.push(
        issue(["expect", "trace", "events", e], "a trace event name", describeFound(event), didYouMean(event, events))
      )
  })
  const callIds = new Set(scenario.script.calls.map((call, i) => call.id ?? `s${i + 1}`))
  const onlyScripted = scenario.traffic.length === 0
  let previous = Number.NEGATIVE_INFINITY
  const open = day?.open ?? scenario.time.open ?? 0
  trace.steps.forEach((step, s) => {
    const path = ["expect", "trace", "steps", s]
    if (!events.includes(step.event)) {
      out.push(
        issue([...path, "event"], "a trace event name", describeFound(step.event), didYouMean(step.event, events))
      )
    } else {
      // Every event has `t`; `at` and `event` are the step's own keys.
      const fields = TraceEventFields[step.event as TraceEvent]
      for (const key of Object.keys(step)) {
        if (key === "at" || key === "event" || key === "t" || fields.includes(key)) continue
        out.push(
          issue(
            [...path, key],
            fields.length === 0
              ? `no fields: a ${step.event} event has none besides t`
              : `a field of ${step.event}: ${listOf(fields, "or")}`,
            `the field ${key}`,
            `${didYouMean(key, fields)}: ${step.event} events never have it, so the step could never match`,
            true
          )
        )
      }
    }
    if (step.call !== undefined && onlyScripted && !callIds.has(step.call)) {
      out.push(
        issue(
          [...path, "call"],
          "the id of a scripted call",
          describeFound(step.call),
          didYouMean(step.call, [...callIds])
        )
      )
    }
    if (step.agent !== undefined && !agents.has(step.agent)) {
      out.push(
        issue(
          [...path, "agent"],
          "the id of an agent",
          describeFound(step.agent),
          didYouMean(step.agent, [...agents.keys()])
        )
      )
    }
    const queue = step.queue
    if (typeof queue === "string" && !queueIds.has(queue)) {
      out.push(issue([...path, "queue"], "the id of a queue", describeFound(queue), didYouMean(queue, [...queueIds])))
    }
    const at = resolveTime(step.at, open)
    if (at < previous) {
      out.push(
        issue(
          [...path, "at"],
          `a time no earlier than the step before (${showClock(previous)})`,
          showClock(at),
          ": steps are listed in trace order"
        )
      )
    }
    previous = Math.max(previous, at)
  })
  return out
}
