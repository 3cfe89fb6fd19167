/**
 * Compares a trace with a scenario's expected trace: `exact` (the filtered trace is exactly the steps) or
 * `contains` (the steps occur in this order, other events may come between). Only the fields an expected step
 * lists are compared; `at` is resolved like scripted times (a clock time, or `+offset` after opening).
 */
import { type ExpectedStep, type ExpectedTrace, formatClockTime, parseDurationText } from "@ccsim/scenario"
import type { Model } from "./Model.ts"
import type { TraceEvent } from "./Trace.ts"

/** One difference between the expected and the actual trace. */
export interface TraceMismatch {
  /** Index of the expected step (0-based), or the step count when the trace has extra events. */
  readonly step: number
  readonly expected: string | undefined
  readonly actual: string | undefined
  readonly message: string
}

/** The result of {@link matchTrace}. */
export interface TraceMatch {
  readonly ok: boolean
  /** The first difference (empty when ok). */
  readonly mismatches: ReadonlyArray<TraceMismatch>
  /** A readable report: the steps around the first difference, expected vs actual. */
  readonly diff: string
}

type Value = string | number | boolean | null

const stepTime = (step: ExpectedStep, model: Model): number =>
  step.at.kind === "clock" ? step.at.ms : model.open + step.at.ms

/** The compared fields of an expected step, `at` and `event` excluded. */
const stepFields = (step: ExpectedStep): ReadonlyArray<readonly [string, Value]> =>
  Object.entries(step).filter(([k]) => k !== "at" && k !== "event") as ReadonlyArray<readonly [string, Value]>

const sameValue = (expected: Value, actual: string | number | boolean | undefined): boolean => {
  if (expected === null) return actual === undefined
  if (actual === undefined) return false
  if (typeof expected === typeof actual) return expected === actual
  // Durations may be written as text (`30s`) where the trace has milliseconds.
  if (typeof expected === "string" && typeof actual === "number") return parseDurationText(expected) === actual
  return false
}

const stepMatches = (step: ExpectedStep, event: TraceEvent, model: Model): boolean =>
  step.event === event.event &&
  stepTime(step, model) === event.t &&
  stepFields(step).every(([k, v]) => sameValue(v, event[k]))

const showStep = (step: ExpectedStep, model: Model): string => {
  const fields = stepFields(step)
    .map(([k, v]) => `${k}=${v === null ? "(none)" : String(v)}`)
    .join(" ")
  return `${formatClockTime(stepTime(step, model))} ${step.event}${fields === "" ? "" : ` ${fields}`}`
}

/** A trace event on one line: `08:00:05 offer-started call=s1 agent=alice queue=sales`. */
export const showEvent = (event: TraceEvent): string => {
  const fields = Object.entries(event)
    .filter(([k]) => k !== "t" && k !== "at" && k !== "event")
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(" ")
  return `${event.at} ${event.event}${fields === "" ? "" : ` ${fields}`}`
}

/** Why a step does not match an event, in words. */
const explain = (step: ExpectedStep, event: TraceEvent, model: Model): string => {
  if (step.event !== event.event) return `expected event ${step.event}, got ${event.event}`
  if (stepTime(step, model) !== event.t) {
    return `${step.event}: expected at ${formatClockTime(stepTime(step, model))}, got ${event.at}`
  }
  const bad = stepFields(step).find(([k, v]) => !sameValue(v, event[k]))
  return bad === undefined
    ? "matches"
    : `${step.event}: expected ${bad[0]}=${bad[1] === null ? "(none)" : String(bad[1])}, got ${event[bad[0]] === undefined ? "(none)" : String(event[bad[0]])}`
}

/** Compares `events` with the expected trace. */
export const matchTrace = (expected: ExpectedTrace, events: ReadonlyArray<TraceEvent>, model: Model): TraceMatch => {
  const filter = expected.events
  const actual = filter === undefined ? events : events.filter((e) => filter.includes(e.event))
  const steps = expected.steps
  const fail = (m: TraceMismatch, lines: ReadonlyArray<string>): TraceMatch => ({
    ok: false,
    mismatches: [m],
    diff: [m.message, ...lines].join("\n")
  })

  if (expected.match === "exact") {
    const n = Math.max(steps.length, actual.length)
    for (let i = 0; i < n; i++) {
      const step = steps[i]
      const event = actual[i]
      if (step !== undefined && event !== undefined && stepMatches(step, event, model)) continue
      const exp = step !== undefined ? showStep(step, model) : undefined
      const act = event !== undefined ? showEvent(event) : undefined
      const message =
        step === undefined
          ? `step ${i + 1}: unexpected extra event ${act}`
          : event === undefined
            ? `step ${i + 1}: trace ended; expected ${exp}`
            : `step ${i + 1}: ${explain(step, event, model)}`
      const context: Array<string> = []
      for (let k = Math.max(0, i - 3); k < i; k++) context.push(`  ✓ ${showEvent(actual[k]!)}`)
      context.push(`  - expected: ${exp ?? "(end of trace)"}`)
      context.push(`  + actual:   ${act ?? "(end of trace)"}`)
      for (let k = i + 1; k < Math.min(actual.length, i + 4); k++) context.push(`    ${showEvent(actual[k]!)}`)
      return fail({ step: i, expected: exp, actual: act, message }, context)
    }
    return { ok: true, mismatches: [], diff: "" }
  }

  let j = 0
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!
    const from = j
    while (j < actual.length && !stepMatches(step, actual[j]!, model)) j++
    if (j < actual.length) {
      j++
      continue
    }
    const exp = showStep(step, model)
    // The nearest candidate: the next event of the same name after the previous match.
    const near = actual.slice(from).find((e) => e.event === step.event)
    const message = `step ${i + 1}: not found after ${from === 0 ? "the start" : showEvent(actual[from - 1]!)}; expected ${exp}`
    const context = [
      `  - expected: ${exp}`,
      near !== undefined
        ? `  ~ nearest:  ${showEvent(near)} (${explain(step, near, model)})`
        : `  ~ no ${step.event} event follows`
    ]
    return fail({ step: i, expected: exp, actual: near !== undefined ? showEvent(near) : undefined, message }, context)
  }
  return { ok: true, mismatches: [], diff: "" }
}
