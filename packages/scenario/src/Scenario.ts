/**
 * The scenario: the whole file format, one Schema.
 */
import { Schema } from "effect"
import { Agent } from "./Agents.ts"
import { Count, NonNegative, PositiveCount, withDefault } from "./Common.ts"
import { ClockTime, Duration } from "./Duration.ts"
import { Expectations } from "./Expectations.ts"
import { CustomerDirectory, Queue, Tenant, Workflow } from "./Routing.ts"
import { Script } from "./Script.ts"
import { Settings } from "./Settings.ts"
import { Traffic } from "./Traffic.ts"

/** The simulated day: clock times, or a duration from 00:00. */
export const Time = Schema.Struct({
  /** Opening time; 00:00 when only a duration is given. */
  open: Schema.optionalKey(ClockTime),
  /** Closing time (no new arrivals after it). */
  close: Schema.optionalKey(ClockTime),
  /** Length of the day, instead of `close`. */
  duration: Schema.optionalKey(Duration),
  /** Reporting interval in minutes. */
  intervalMinutes: Schema.Literals([15, 30, 60]).pipe(withDefault(30)),
  /** Calendar date, for reports only (YYYY-MM-DD). */
  date: Schema.optionalKey(
    Schema.String.check(Schema.isPattern(/^\d{4}-\d{2}-\d{2}$/, { message: "expected a date YYYY-MM-DD" }))
  ),
  /** IANA time zone, for reports only. */
  timeZone: Schema.optionalKey(Schema.String)
})
export type Time = typeof Time.Type

/**
 * How a run is measured: a terminating day (starts empty at opening, runs after closing until every call has
 * left) or a steady state with its warm-up deleted (a fixed length or MSER-5).
 */
export const Run = Schema.Struct({
  mode: Schema.Literals(["terminating", "steady-state"]).pipe(withDefault("terminating")),
  /** Steady state only: a fixed warm-up, or `mser-5` to detect it. */
  warmup: Schema.Union([Duration, Schema.Literal("mser-5")]).pipe(withDefault("mser-5")),
  /** Multiplies every traffic source's volume (load tests: 1.5 = 150 % of forecast). */
  loadMultiplier: NonNegative.pipe(withDefault(1)),
  /** With `autoReplications`, add replications until the relative half-width of the chosen metrics is ≤ this. */
  targetRelativeHalfWidth: Schema.optionalKey(NonNegative),
  /** Upper bound on replications when `targetRelativeHalfWidth` is set. */
  maxReplications: PositiveCount.pipe(withDefault(200))
})
export type Run = typeof Run.Type

/** A whole scenario file. */
export const Scenario = Schema.Struct({
  /** Shown in reports and used as the output folder name. */
  name: Schema.String.check(Schema.isMinLength(1, { message: "expected a non-empty name" })),
  description: Schema.optionalKey(Schema.String),
  seed: Count.pipe(withDefault(1)),
  replications: PositiveCount.pipe(withDefault(1)),
  time: Time,
  run: Run.pipe(withDefault({})),
  settings: Settings.pipe(withDefault({})),
  tenants: Schema.Array(Tenant).pipe(withDefault([])),
  customerDirectory: CustomerDirectory.pipe(withDefault({})),
  queues: Schema.Array(Queue).pipe(withDefault([])),
  workflows: Schema.Array(Workflow).pipe(withDefault([])),
  agents: Schema.Array(Agent).pipe(withDefault([])),
  traffic: Schema.Array(Traffic).pipe(withDefault([])),
  script: Script.pipe(withDefault({})),
  expect: Expectations.pipe(withDefault({}))
}).annotate({ title: "ccsim scenario", description: "A contact-center scenario for the ccsim simulator" })

/** A decoded scenario. */
export type Scenario = typeof Scenario.Type
/** A scenario as written in a file. */
export type ScenarioInput = typeof Scenario.Encoded
