/**
 * The scenario: the whole file format, one Schema.
 */
import { Schema } from "effect"
import { Agent } from "./Agents.ts"
import { Count, CountBetween, NonNegative, withDefault } from "./Common.ts"
import { ClockTime, Duration } from "./Duration.ts"
import { Expectations } from "./Expectations.ts"
import { MAX_REPLICATIONS } from "./Limits.ts"
import { CustomerDirectory, Queue, Tenant, Workflow } from "./Routing.ts"
import { Script } from "./Script.ts"
import { Settings } from "./Settings.ts"
import { LoadMultiplier, Traffic } from "./Traffic.ts"

const Replications = CountBetween(1, MAX_REPLICATIONS, "confidence intervals stop narrowing long before")

/** The simulated day: clock times, or a duration from 00:00. */
export const Time = Schema.Struct({
  open: Schema.optionalKey(ClockTime).annotateKey({
    description: "Opening time; 00:00 when only a duration is given."
  }),
  close: Schema.optionalKey(ClockTime).annotateKey({ description: "Closing time (no new arrivals after it)." }),
  duration: Schema.optionalKey(Duration).annotateKey({ description: "Length of the day, instead of `close`." }),
  intervalMinutes: Schema.Literals([15, 30, 60])
    .pipe(withDefault(30))
    .annotateKey({ description: "Reporting interval in minutes." }),
  date: Schema.optionalKey(
    Schema.String.check(Schema.isPattern(/^\d{4}-\d{2}-\d{2}$/, { message: "expected a date YYYY-MM-DD" }))
  ).annotateKey({ description: "Calendar date, for reports only (YYYY-MM-DD)." }),
  timeZone: Schema.optionalKey(Schema.String).annotateKey({ description: "IANA time zone, for reports only." })
})
export type Time = typeof Time.Type

/**
 * How a run is measured: a terminating day (starts empty at opening, runs after closing until every call has
 * left) or a steady state with its warm-up deleted (a fixed length or MSER-5).
 */
export const Run = Schema.Struct({
  mode: Schema.Literals(["terminating", "steady-state"]).pipe(withDefault("terminating")).annotateKey({
    description:
      "`terminating`: the day starts empty at opening and runs until every call has left; `steady-state`: the warm-up is deleted and the rest measured."
  }),
  warmup: Schema.Union([Duration, Schema.Literal("mser-5")])
    .pipe(withDefault("mser-5"))
    .annotateKey({ description: "Steady state only: a fixed warm-up, or `mser-5` to detect it." }),
  duration: Schema.optionalKey(Duration).annotateKey({
    description:
      "Steady state only: length of each replication from opening (e.g. `30d`), instead of the day; the run is reported as one steady-state period (a single interval). Needs constant rates and no shifts."
  }),
  loadMultiplier: LoadMultiplier.pipe(withDefault(1)).annotateKey({
    description: "Multiplies every traffic source's volume (load tests: 1.5 = 150 % of forecast)."
  }),
  targetRelativeHalfWidth: Schema.optionalKey(NonNegative).annotateKey({
    description:
      "With `autoReplications`, add replications until the relative half-width of the chosen metrics is ≤ this."
  }),
  maxReplications: Replications.pipe(withDefault(200)).annotateKey({
    description: "Upper bound on replications when `targetRelativeHalfWidth` is set."
  })
})
export type Run = typeof Run.Type

/** A whole scenario file. */
export const Scenario = Schema.Struct({
  name: Schema.String.check(Schema.isMinLength(1, { message: "expected a non-empty name" })).annotateKey({
    description: "Shown in reports and used as the output folder name."
  }),
  description: Schema.optionalKey(Schema.String).annotateKey({
    description: "Free text for people reading the scenario; shown in reports."
  }),
  seed: Count.pipe(withDefault(1)).annotateKey({
    description: "Seed of the random streams: the same scenario and seed give the same results."
  }),
  replications: Replications.pipe(withDefault(1)).annotateKey({
    description: "Independent runs of the day; confidence intervals come from their spread."
  }),
  time: Time.annotateKey({
    description: "The simulated day: opening, closing (or duration) and the reporting interval."
  }),
  run: Run.pipe(withDefault({})).annotateKey({
    description: "How the run is measured: a terminating day or a steady state with warm-up deletion."
  }),
  settings: Settings.pipe(withDefault({})).annotateKey({
    description: "Engine behaviour where the seed text is silent; each setting has a default."
  }),
  tenants: Schema.Array(Tenant)
    .pipe(withDefault([]))
    .annotateKey({ description: "Brands (tenant accounts) and the tracking numbers that belong to them (R2)." }),
  customerDirectory: CustomerDirectory.pipe(withDefault({})).annotateKey({
    description:
      "Which callers are known (linked to a customer record) and how long a search takes for the others (R2)."
  }),
  queues: Schema.Array(Queue)
    .pipe(withDefault([]))
    .annotateKey({ description: "Queues with their routing parameters (R3–R15)." }),
  workflows: Schema.Array(Workflow)
    .pipe(withDefault([]))
    .annotateKey({ description: "Entry points (tracking numbers) and the steps a call takes through queues." }),
  agents: Schema.Array(Agent).pipe(withDefault([])).annotateKey({
    description: "Agents or groups of identical agents: memberships, direct lines, shifts, behaviour."
  }),
  traffic: Schema.Array(Traffic)
    .pipe(withDefault([]))
    .annotateKey({ description: "Where calls come from: queue callers, direct-line callers and internal calls." }),
  script: Script.pipe(withDefault({})).annotateKey({
    description: "Calls and agent actions at exact times, for deterministic rule tests."
  }),
  expect: Expectations.pipe(withDefault({})).annotateKey({
    description: "Thresholds on the results and an expected trace, checked by `ccsim test`."
  })
}).annotate({ title: "ccsim scenario", description: "A contact-center scenario for the ccsim simulator" })

/** A decoded scenario. */
export type Scenario = typeof Scenario.Type
/** A scenario as written in a file. */
export type ScenarioInput = typeof Scenario.Encoded
