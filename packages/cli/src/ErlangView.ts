/**
 * `ccsim erlang`: checking the flags and printing the calculator's answer. The formulas are `@ccsim/analytic`'s;
 * this file only turns planner input into a query and the answer into text or JSON.
 */
import type { ErlangSummary, ServiceLevelDefinition, StaffingResult } from "@ccsim/analytic"
import { erlang, requiredAgents, serviceLevelFormulas } from "@ccsim/analytic"
import { formatDuration, MAX_AGENTS, parseDurationText } from "@ccsim/scenario"
import { Effect } from "effect"
import { InputError } from "./Error.ts"
import { fixed, percent, seconds } from "./Format.ts"
import type { Style } from "./Style.ts"
import { renderTable } from "./Table.ts"

/** The flags of `ccsim erlang`, as parsed (durations still text). */
export interface ErlangFlags {
  readonly rate: number
  readonly aht: string
  readonly agents: number | undefined
  readonly threshold: string
  readonly patience: string | undefined
  readonly target: number | undefined
  readonly maxOccupancy: number | undefined
  readonly shrinkage: number | undefined
  readonly slDefinition: ServiceLevelDefinition
}

/** The checked query, times in seconds. */
export interface ErlangRequest {
  readonly ratePerHour: number
  readonly ahtSeconds: number
  readonly thresholdSeconds: number
  readonly patienceSeconds: number | undefined
  readonly serviceLevelDefinition: ServiceLevelDefinition
  readonly mode:
    | { readonly _tag: "agents"; readonly agents: number }
    | {
        readonly _tag: "staffing"
        readonly target: number
        readonly maxOccupancy: number | undefined
        readonly shrinkage: number | undefined
      }
}

const DURATION_EXPECTED = "a duration like 180s, 3m, 1m30s or a number of seconds"

/** Parses a duration flag (`180s`, `3m`, or plain seconds) to seconds. */
export const parseDurationFlag = (
  flag: string,
  text: string,
  options: { readonly positive: boolean }
): Effect.Effect<number, InputError> => {
  const trimmed = text.trim()
  const asNumber = trimmed === "" ? Number.NaN : Number(trimmed)
  const ms = Number.isFinite(asNumber) ? asNumber * 1000 : parseDurationText(trimmed)
  if (ms === undefined || !Number.isFinite(ms)) {
    return Effect.fail(new InputError({ subject: flag, expected: DURATION_EXPECTED, found: JSON.stringify(text) }))
  }
  if (options.positive ? ms <= 0 : ms < 0) {
    return Effect.fail(
      new InputError({
        subject: flag,
        expected: options.positive ? "a duration greater than 0" : "a duration of 0 or more",
        found: JSON.stringify(text)
      })
    )
  }
  return Effect.succeed(ms / 1000)
}

const requireRange = (
  flag: string,
  value: number | undefined,
  ok: (value: number) => boolean,
  expected: string
): Effect.Effect<void, InputError> =>
  value === undefined || ok(value)
    ? Effect.void
    : Effect.fail(new InputError({ subject: flag, expected, found: String(value) }))

/** Checks the flags; every problem is an {@link InputError} naming the flag (exit 2). */
export const checkErlangFlags = Effect.fnUntraced(function* (flags: ErlangFlags) {
  yield* requireRange("--rate", flags.rate, (v) => v >= 0, "calls per hour, a number of 0 or more")
  const ahtSeconds = yield* parseDurationFlag("--aht", flags.aht, { positive: true })
  const thresholdSeconds = yield* parseDurationFlag("--threshold", flags.threshold, { positive: false })
  const patienceSeconds =
    flags.patience === undefined
      ? undefined
      : yield* parseDurationFlag("--patience", flags.patience, { positive: true })
  yield* requireRange(
    "--agents",
    flags.agents,
    (v) => v >= 1 && v <= MAX_AGENTS,
    `a whole number of agents from 1 to ${MAX_AGENTS.toLocaleString("en-US")} (the scenario limit)`
  )
  // The formulas and the staffing search take work in proportion to the agents: a typo like --rate 1e12 must
  // not run for ever. The limit is the scenarios' own: no more load than MAX_AGENTS agents could carry.
  const offeredLoad = (flags.rate / 3600) * ahtSeconds
  if (offeredLoad > MAX_AGENTS) {
    return yield* new InputError({
      subject: "--rate",
      expected: `an offered load (rate × AHT) of at most ${MAX_AGENTS.toLocaleString("en-US")} Erlangs, the most agents a scenario may have`,
      found: `${flags.rate} calls per hour × ${ahtSeconds} s = ${offeredLoad.toPrecision(3)} Erlangs`
    })
  }
  yield* requireRange(
    "--target",
    flags.target,
    (v) => v >= 0 && v <= 1,
    "a service-level target between 0 and 1, like 0.8"
  )
  yield* requireRange(
    "--max-occupancy",
    flags.maxOccupancy,
    (v) => v > 0 && v <= 1,
    "a fraction above 0 and at most 1, like 0.85"
  )
  yield* requireRange(
    "--shrinkage",
    flags.shrinkage,
    (v) => v >= 0 && v < 1,
    "a fraction from 0 up to (not including) 1, like 0.3"
  )
  const base = {
    ratePerHour: flags.rate,
    ahtSeconds,
    thresholdSeconds,
    patienceSeconds,
    serviceLevelDefinition: flags.slDefinition
  }
  if (flags.target !== undefined) {
    if (flags.agents !== undefined) {
      return yield* new InputError({
        subject: "--agents",
        expected: "either --agents <n> (evaluate) or --target <fraction> (staff), not both",
        found: `--agents ${flags.agents} with --target ${flags.target}`
      })
    }
    const mode = {
      _tag: "staffing" as const,
      target: flags.target,
      maxOccupancy: flags.maxOccupancy,
      shrinkage: flags.shrinkage
    }
    return { ...base, mode } satisfies ErlangRequest
  }
  if (flags.agents === undefined) {
    return yield* new InputError({
      subject: "ccsim erlang",
      expected: "--agents <n> (evaluate a staffing) or --target <fraction> (find the staffing)",
      found: "neither"
    })
  }
  for (const [flag, value] of [
    ["--max-occupancy", flags.maxOccupancy],
    ["--shrinkage", flags.shrinkage]
  ] as const) {
    if (value !== undefined) {
      return yield* new InputError({ subject: flag, expected: "--target <fraction> with it", found: "--agents" })
    }
  }
  return { ...base, mode: { _tag: "agents" as const, agents: flags.agents } } satisfies ErlangRequest
})

/** The calculator's answer: the metrics at the evaluated or required staffing, and the staffing search if any. */
export interface ErlangAnswer {
  readonly summary: ErlangSummary
  readonly staffing: StaffingResult | undefined
}

const summaryAt = (request: ErlangRequest, agents: number): ErlangSummary =>
  erlang({
    ratePerHour: request.ratePerHour,
    ahtSeconds: request.ahtSeconds,
    agents,
    thresholdSeconds: request.thresholdSeconds,
    ...(request.patienceSeconds === undefined ? {} : { patienceSeconds: request.patienceSeconds }),
    serviceLevelDefinition: request.serviceLevelDefinition
  })

/** Runs the formulas. A RangeError from them (input beyond what they accept) becomes an input error. */
export const computeErlang = (request: ErlangRequest): Effect.Effect<ErlangAnswer, InputError> =>
  Effect.try({
    try: (): ErlangAnswer => {
      if (request.mode._tag === "agents")
        return { summary: summaryAt(request, request.mode.agents), staffing: undefined }
      const { target, maxOccupancy, shrinkage } = request.mode
      const staffing = requiredAgents({
        arrivalRate: request.ratePerHour / 3600,
        aht: request.ahtSeconds,
        threshold: request.thresholdSeconds,
        serviceLevelTarget: target,
        serviceLevelDefinition: request.serviceLevelDefinition,
        ...(request.patienceSeconds === undefined ? {} : { patience: request.patienceSeconds }),
        ...(maxOccupancy === undefined ? {} : { maxOccupancy }),
        ...(shrinkage === undefined ? {} : { shrinkage })
      })
      return { summary: summaryAt(request, staffing.agents), staffing }
    },
    catch: (error) =>
      new InputError({
        subject: "ccsim erlang",
        expected: "values the Erlang formulas accept",
        found: error instanceof Error ? error.message : String(error)
      })
  })

/**
 * The `--json` object: exactly `model`, `agents`, `offeredLoad`, `pWait`, `serviceLevel`, `asa` (seconds),
 * `occupancy`, and `pAbandon` for Erlang A; with `--target` also `fractionalAgents`, `scheduled` and `binding`.
 * Unbounded values (ASA in overload) are `null`, as JSON has no infinity.
 */
export const erlangJson = (answer: ErlangAnswer): string => {
  const staffing =
    answer.staffing === undefined
      ? {}
      : {
          fractionalAgents: answer.staffing.fractionalAgents,
          scheduled: answer.staffing.scheduled,
          binding: answer.staffing.binding
        }
  return JSON.stringify({ ...answer.summary, ...staffing })
}

const bindingText: Record<string, string> = {
  "service-level": "the service-level target",
  asa: "the ASA target",
  abandonment: "the abandonment target",
  occupancy: "the occupancy cap",
  stability: "stability (more agents than Erlangs of load)",
  none: "nothing (the smallest staffing meets every goal)"
}

/** Everything that fails with one agent fewer, in the search's priority order ("… and …"). */
const setBy = (staffing: StaffingResult): string => {
  const names = staffing.failingWithOneFewer.map((c) => bindingText[c] ?? c)
  if (names.length === 0) return bindingText[staffing.binding] ?? staffing.binding
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`
}

/** The human-readable answer. */
export const renderErlang = (request: ErlangRequest, answer: ErlangAnswer, style: Style): Array<string> => {
  const s = answer.summary
  const threshold = formatDuration(Math.round(request.thresholdSeconds * 1000))
  const aht = formatDuration(Math.round(request.ahtSeconds * 1000))
  const title =
    s.model === "erlang-c"
      ? "Erlang C (M/M/N: callers wait as long as it takes)"
      : `Erlang A (M/M/N+M: callers hang up after ${formatDuration(Math.round((request.patienceSeconds ?? 0) * 1000))} on average)`
  const table = (rows: ReadonlyArray<ReadonlyArray<string>>) =>
    renderTable([{ header: "" }, { header: "", align: "right" }, { header: "" }], rows, { indent: "  " }).slice(1)
  const lines: Array<string> = [
    style.bold(title),
    `  ${request.ratePerHour} calls/h × AHT ${aht} = ${fixed(s.offeredLoad, 2)} Erlangs offered`,
    ""
  ]
  if (answer.staffing !== undefined && request.mode._tag === "staffing") {
    const st = answer.staffing
    const goal = `${percent(request.mode.target, 0)} within ${threshold}`
    lines.push(
      ...table([
        ["required agents", style.bold(String(st.agents)), `fewest on the phones for ${goal}; set by ${setBy(st)}`],
        ["fractional", fixed(st.fractionalAgents, 2), "before rounding up (sum these across intervals)"],
        ["scheduled", String(st.scheduled), `with ${percent(request.mode.shrinkage ?? 0, 0)} shrinkage`]
      ]),
      "",
      style.dim(`  with ${st.agents} agents:`)
    )
  }
  const overloaded = s.model === "erlang-c" && s.agents <= s.offeredLoad
  const rows: Array<Array<string>> = [
    [
      "agents",
      String(s.agents),
      overloaded ? style.red("overloaded: agents ≤ offered load, the queue grows without end") : ""
    ],
    ["P(wait)", percent(s.pWait), "calls that find every agent busy"],
    [
      "service level",
      percent(s.serviceLevel),
      `within ${threshold}: ${serviceLevelFormulas[s.model === "erlang-c" ? "answered-of-offered" : request.serviceLevelDefinition]}`
    ],
    ["ASA", seconds(s.asa), s.model === "erlang-c" ? "mean wait of all calls" : "mean wait of answered calls"],
    ["occupancy", percent(s.occupancy), s.model === "erlang-c" ? "offered load / agents" : "answered load / agents"]
  ]
  if (s.model === "erlang-a") rows.push(["P(abandon)", percent(s.pAbandon), "callers who hang up before an answer"])
  lines.push(...table(rows))
  return lines
}
