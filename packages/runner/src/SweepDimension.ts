/**
 * What a sweep varies, parsed from its flags: the volume (`--load FROM:TO:STEP`, run.loadMultiplier), an agent
 * entry's count (`--agents ENTRY=FROM:TO`), or any field (`--set PATH=V1,V2,…`), and the values it takes.
 * Every dimension is applied as an override of the scenario (`run.loadMultiplier`, `agents[ENTRY].count`, PATH).
 */
import { Result, Runtime, Schema } from "effect"

/** Most points a sweep runs (each point is a full set of replications). */
export const MAX_SWEEP_POINTS = 200

/**
 * A sweep's flags are wrong: a malformed range, too many points, an unknown override path or agent entry, a
 * value the scenario rejects. Exit 2; one line naming the flag.
 *
 * @category errors
 */
export class InvalidSweep extends Schema.TaggedError<InvalidSweep>()("InvalidSweep", {
  /** The flag (or the scenario file) the problem is in, e.g. `--load`. */
  subject: Schema.String,
  reason: Schema.String
}) {
  override readonly [Runtime.errorExitCode] = 2
  override get message(): string {
    return `${this.subject}: ${this.reason}`
  }
}

/** The swept dimension. `path` is the override it sets. */
export type SweepDimension =
  | {
      readonly kind: "load"
      readonly path: "run.loadMultiplier"
      readonly from: number
      readonly to: number
      /** The grid's step; none with `--find-break`, which bisects between FROM and TO. */
      readonly step: number | undefined
    }
  | {
      readonly kind: "agents"
      readonly path: string
      readonly entry: string
      readonly from: number
      readonly to: number
    }
  | { readonly kind: "set"; readonly path: string; readonly values: ReadonlyArray<string> }

/** Digits kept of a grid value, so `0.8 + 3 × 0.1` is 1.1 and not 1.1000000000000001. */
const GRID_DIGITS = 10

const tidy = (x: number): number => Number(x.toFixed(GRID_DIGITS))

const number = (text: string): number | undefined => {
  const n = Number(text)
  return text.trim() === "" || !Number.isFinite(n) ? undefined : n
}

/**
 * `--load FROM:TO:STEP`: multipliers from FROM to TO (inclusive) by STEP. With `grid: false` (`--find-break`)
 * the STEP may be left out.
 */
export const parseLoad = (text: string, grid = true): Result.Result<SweepDimension, InvalidSweep> => {
  const fail = (reason: string) => Result.fail(new InvalidSweep({ subject: "--load", reason }))
  const parts = text.split(":").map(number)
  const [from, to, step] = parts
  const shape = grid ? "FROM:TO:STEP" : "FROM:TO or FROM:TO:STEP"
  if (
    !(parts.length === 3 || (!grid && parts.length === 2)) ||
    from === undefined ||
    to === undefined ||
    (parts.length === 3 && step === undefined)
  ) {
    return fail(`expected ${shape} (numbers, e.g. 0.8:1.5:0.1), found ${JSON.stringify(text)}`)
  }
  if (!(from > 0)) return fail(`expected FROM above 0 (a volume multiplier), found ${from}`)
  if (from > to) return fail(`expected FROM ≤ TO, found ${from} > ${to}`)
  if (step === undefined) return Result.succeed({ kind: "load", path: "run.loadMultiplier", from, to, step })
  if (!(step > 0)) return fail(`expected a STEP above 0, found ${step}`)
  const points = Math.floor(tidy((to - from) / step)) + 1
  if (points > MAX_SWEEP_POINTS) {
    return fail(`expected at most ${MAX_SWEEP_POINTS} points, found ${points} (${from} to ${to} by ${step})`)
  }
  return Result.succeed({ kind: "load", path: "run.loadMultiplier", from, to, step })
}

/** `--agents ENTRY=FROM:TO`: the count of agent entry ENTRY from FROM to TO (whole numbers). */
export const parseAgents = (text: string): Result.Result<SweepDimension, InvalidSweep> => {
  const fail = (reason: string) => Result.fail(new InvalidSweep({ subject: "--agents", reason }))
  const eq = text.indexOf("=")
  const entry = eq < 0 ? "" : text.slice(0, eq)
  const parts = text
    .slice(eq + 1)
    .split(":")
    .map(number)
  const [from, to] = parts
  if (entry === "" || parts.length !== 2 || from === undefined || to === undefined) {
    return fail(
      `expected ENTRY=FROM:TO (an agent entry's id and whole numbers, e.g. team=8:14), found ${JSON.stringify(text)}`
    )
  }
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1) {
    return fail(`expected whole numbers of agents of 1 or more, found ${from}:${to}`)
  }
  if (from > to) return fail(`expected FROM ≤ TO, found ${from} > ${to}`)
  if (to - from + 1 > MAX_SWEEP_POINTS) {
    return fail(`expected at most ${MAX_SWEEP_POINTS} points, found ${to - from + 1} (${from} to ${to})`)
  }
  return Result.succeed({ kind: "agents", path: `agents[${entry}].count`, entry, from, to })
}

/** `--set PATH=V1,V2,…`: the values of one override path, in the order given. */
export const parseSet = (text: string): Result.Result<SweepDimension, InvalidSweep> => {
  const fail = (reason: string) => Result.fail(new InvalidSweep({ subject: "--set", reason }))
  const eq = text.indexOf("=")
  const path = eq < 0 ? "" : text.slice(0, eq)
  const values = text
    .slice(eq + 1)
    .split(",")
    .map((v) => v.trim())
  if (path === "" || values.some((v) => v === "")) {
    return fail(`expected PATH=V1,V2,… (e.g. queues[service].ringTimeout=10s,20s,30s), found ${JSON.stringify(text)}`)
  }
  if (values.length > MAX_SWEEP_POINTS) {
    return fail(`expected at most ${MAX_SWEEP_POINTS} points, found ${values.length} values`)
  }
  if (new Set(values).size !== values.length) return fail(`expected distinct values, found ${values.join(",")}`)
  return Result.succeed({ kind: "set", path, values })
}

/** The grid's values, in the order they are listed (load and agents ascending, set values as given). */
export const gridValues = (dimension: SweepDimension): Array<string> => {
  switch (dimension.kind) {
    case "load": {
      const { from, to, step } = dimension
      if (step === undefined) return [String(from), String(to)]
      const n = Math.floor(tidy((to - from) / step)) + 1
      return Array.from({ length: n }, (_, i) => String(tidy(from + i * step)))
    }
    case "agents":
      return Array.from({ length: dimension.to - dimension.from + 1 }, (_, i) => String(dimension.from + i))
    case "set":
      return [...dimension.values]
  }
}

/**
 * Whether the scenario gets harder as the value grows (load), or as it shrinks (agents). The breaking point is
 * read in the direction of growing stress; `--set` values are taken as listed, from easiest to hardest.
 */
export const stressGrowsWithValue = (dimension: SweepDimension): boolean => dimension.kind !== "agents"
