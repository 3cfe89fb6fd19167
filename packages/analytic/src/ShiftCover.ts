/**
 * Shift covering: the minimum-cost number of agents on each shift template such that, in every interval of the
 * day, the agents on duty (not on a break) meet the requirement. An integer program solved with HiGHS (WebAssembly,
 * loaded on first use). Uncovered intervals are found directly before solving, so the error names them exactly.
 */
import { Effect, Schema } from "effect"
import type { Highs } from "highs"
import { requireInteger, requireNonNegative } from "./Input.ts"

/** A break inside a shift; times in milliseconds, `start` after midnight. */
export interface CoverBreak {
  readonly start: number
  readonly duration: number
}

/** A shift template; times in milliseconds, `start` after midnight. */
export interface CoverTemplate {
  readonly id: string
  readonly start: number
  readonly length: number
  readonly breaks: ReadonlyArray<CoverBreak>
  /** Cost of one agent on this template (≥ 0). */
  readonly cost: number
  /** Fewest agents on it (default 0). */
  readonly min?: number
  /** Most agents on it; unbounded when absent. */
  readonly max?: number
}

/**
 * How an agent present for part of an interval counts: `fraction` (default) counts the share of the interval on
 * duty (a 15-minute break in a 30-minute interval counts ½), `full` counts only agents on duty for all of it.
 */
export type Presence = "fraction" | "full"

/** The day's requirement and the templates that may cover it. */
export interface ShiftCoverInput {
  /** Start of the first interval, milliseconds after midnight. */
  readonly dayStart: number
  /** Length of every interval, milliseconds. */
  readonly intervalLength: number
  /** Agents needed in each interval (whole numbers ≥ 0). */
  readonly required: ReadonlyArray<number>
  readonly templates: ReadonlyArray<CoverTemplate>
  readonly presence?: Presence
}

/** Agents on one template. */
export interface TemplateCount {
  readonly id: string
  readonly count: number
  /** count × the template's cost. */
  readonly cost: number
}

/** One interval of the roster. */
export interface IntervalCoverage {
  /** Milliseconds after midnight. */
  readonly start: number
  readonly required: number
  /** Agents on duty under the presence rule (fractional with `fraction`). */
  readonly coverage: number
  /** coverage − required (≥ 0). */
  readonly slack: number
}

/** The cheapest roster. */
export interface ShiftCover {
  readonly counts: ReadonlyArray<TemplateCount>
  readonly totalCost: number
  readonly intervals: ReadonlyArray<IntervalCoverage>
}

/** An interval the templates cannot cover, even with every template at its max count. */
export const UncoveredInterval = Schema.Struct({
  /** Clock time of the interval's start, `HH:MM`. */
  start: Schema.String,
  required: Schema.Number,
  /** Most agents the templates can put on duty there (0: no template covers it). */
  available: Schema.Number
})
export type UncoveredInterval = typeof UncoveredInterval.Type

/** No roster meets the requirement: the intervals that cannot be covered, as clock times. */
export class ShiftCoverError extends Schema.TaggedError<ShiftCoverError>()("ShiftCoverError", {
  uncovered: Schema.Array(UncoveredInterval),
  message: Schema.String
}) {}

/**
 * On-duty time of one template in each interval, in milliseconds: the overlap of the shift with the interval,
 * minus the overlap of its breaks.
 */
const presenceByInterval = (
  template: CoverTemplate,
  dayStart: number,
  intervalLength: number,
  intervals: number
): Array<number> => {
  const end = template.start + template.length
  const out: Array<number> = []
  for (let i = 0; i < intervals; i++) {
    const from = dayStart + i * intervalLength
    const to = from + intervalLength
    let present = overlap(template.start, end, from, to)
    for (const pause of template.breaks) present -= overlap(pause.start, pause.start + pause.duration, from, to)
    out.push(Math.max(0, present))
  }
  return out
}

const overlap = (a0: number, a1: number, b0: number, b1: number): number =>
  Math.max(0, Math.min(a1, b1) - Math.max(a0, b0))

/** Coverage of each interval by a roster (`counts[j]` agents on template j), under the presence rule. */
export const rosterCoverage = (input: ShiftCoverInput, counts: ReadonlyArray<number>): Array<number> => {
  const weights = coverageWeights(input)
  return input.required.map((_, i) => weights.reduce((sum, row, j) => sum + row[i]! * counts[j]!, 0) / weights.scale)
}

/**
 * Integer weights: template j puts `weights[j][i] / scale` agents in interval i. Presence in milliseconds divided by
 * the greatest common divisor, so the integer program is exact and its coefficients small (minutes, usually).
 */
const coverageWeights = (input: ShiftCoverInput): Array<Array<number>> & { scale: number } => {
  const n = input.required.length
  const presences = input.templates.map((t) => presenceByInterval(t, input.dayStart, input.intervalLength, n))
  if ((input.presence ?? "fraction") === "full") {
    const rows = presences.map((row) => row.map((ms) => (ms === input.intervalLength ? 1 : 0)))
    return Object.assign(rows, { scale: 1 })
  }
  const divisor = presences.flat().reduce(gcd, input.intervalLength)
  const rows = presences.map((row) => row.map((ms) => ms / divisor))
  return Object.assign(rows, { scale: input.intervalLength / divisor })
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))

const validate = (input: ShiftCoverInput): void => {
  requireInteger("dayStart", input.dayStart, 0)
  requireInteger("intervalLength", input.intervalLength, 1)
  for (const [i, r] of input.required.entries()) requireInteger(`required[${i}]`, r, 0)
  const ids = new Set<string>()
  for (const t of input.templates) {
    if (ids.has(t.id)) throw new RangeError(`template ids must be unique, got ${t.id} twice`)
    ids.add(t.id)
    requireInteger(`${t.id}.start`, t.start, 0)
    requireInteger(`${t.id}.length`, t.length, 0)
    requireNonNegative(`${t.id}.cost`, t.cost)
    requireInteger(`${t.id}.min`, t.min ?? 0, 0)
    if (t.max !== undefined) requireInteger(`${t.id}.max`, t.max, t.min ?? 0)
    let previousEnd = t.start
    for (const b of [...t.breaks].sort((a, c) => a.start - c.start)) {
      requireInteger(`${t.id} break start`, b.start, previousEnd)
      requireInteger(`${t.id} break duration`, b.duration, 1)
      previousEnd = b.start + b.duration
      if (previousEnd > t.start + t.length) throw new RangeError(`${t.id}: a break ends after the shift`)
    }
  }
}

/**
 * Intervals that stay short with every template at its max count: the problem is feasible exactly when there are
 * none, since coverage only grows with the counts.
 */
const uncoveredIntervals = (input: ShiftCoverInput, weights: ReturnType<typeof coverageWeights>) =>
  input.required.flatMap((required, i) => {
    if (required === 0) return []
    let available = 0
    let touched = false
    for (let j = 0; j < weights.length; j++) {
      const w = weights[j]![i]!
      if (w === 0) continue
      touched = true
      const max = input.templates[j]!.max
      if (max === undefined) return []
      available += w * max
    }
    // Compared in integers (weights are whole multiples of the scale's unit).
    if (available >= required * weights.scale) return []
    return [{ index: i, required, available: available / weights.scale, touched }]
  })

/** Clock time `HH:MM` (with `:SS` when not on a minute). */
const clockTime = (ms: number): string => {
  const seconds = Math.floor(ms / 1000)
  const pad = (n: number) => String(n).padStart(2, "0")
  const hm = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}`
  return seconds % 60 === 0 ? hm : `${hm}:${pad(seconds % 60)}`
}

const infeasible = (
  input: ShiftCoverInput,
  short: ReadonlyArray<{
    readonly index: number
    readonly required: number
    readonly available: number
    readonly touched: boolean
  }>
): ShiftCoverError => {
  const at = (i: number) => input.dayStart + i * input.intervalLength
  const uncovered = short.map((s) => ({ start: clockTime(at(s.index)), required: s.required, available: s.available }))
  // Runs of intervals that no template touches read as ranges (07:00–08:00); the others one by one.
  const parts: Array<string> = []
  const none: Array<string> = []
  for (let k = 0; k < short.length; k++) {
    const s = short[k]!
    if (!s.touched) {
      let last = k
      while (short[last + 1]?.touched === false && short[last + 1]!.index === short[last]!.index + 1) last++
      none.push(
        last === k ? clockTime(at(s.index)) : `${clockTime(at(s.index))}–${clockTime(at(short[last]!.index + 1))}`
      )
      k = last
    } else {
      parts.push(`${clockTime(at(s.index))} (${s.required} needed, at most ${round(s.available)} with the max counts)`)
    }
  }
  const message = [
    none.length === 0 ? "" : `no shift template covers ${none.join(", ")}`,
    parts.length === 0 ? "" : `too few agents allowed at ${parts.join(", ")}`
  ]
    .filter((m) => m !== "")
    .join("; ")
  return new ShiftCoverError({ uncovered, message })
}

const round = (x: number) => String(Math.round(x * 100) / 100)

/** The LP-format integer program: minimise cost subject to coverage rows and count bounds. */
const lpText = (input: ShiftCoverInput, weights: ReturnType<typeof coverageWeights>): string => {
  const lines = ["Minimize", ` cost: ${input.templates.map((t, j) => `${t.cost} x${j}`).join(" + ") || "0"}`]
  lines.push("Subject To")
  input.required.forEach((required, i) => {
    if (required === 0) return
    const terms = weights.flatMap((row, j) => (row[i] === 0 ? [] : [`${row[i]} x${j}`]))
    lines.push(` c${i}: ${terms.join(" + ")} >= ${required * weights.scale}`)
  })
  lines.push("Bounds")
  for (const [j, t] of input.templates.entries()) {
    lines.push(t.max === undefined ? ` x${j} >= ${t.min ?? 0}` : ` ${t.min ?? 0} <= x${j} <= ${t.max}`)
  }
  lines.push("Generals", ` ${input.templates.map((_, j) => `x${j}`).join(" ")}`, "End")
  return lines.join("\n")
}

// The package's types describe its CommonJS entry; under `import` its default export is the loader itself.
type LoadHighs = () => Promise<Highs>
let highs: Promise<Highs> | undefined

/** HiGHS, compiled once per process on first use (the wasm ships inside the `highs` package). */
const loadHighs = Effect.promise(() => {
  highs ??= import("highs").then((module) => (module.default as unknown as LoadHighs)())
  return highs
})

/**
 * The minimum-cost roster covering `required` in every interval, or a {@link ShiftCoverError} naming the intervals
 * that no roster within the max counts can cover. Bad arguments (non-integer requirement, max below min) are
 * defects: the scenario decoder validates user files.
 */
export const coverShifts = (input: ShiftCoverInput): Effect.Effect<ShiftCover, ShiftCoverError> =>
  Effect.gen(function* () {
    validate(input)
    const weights = coverageWeights(input)
    const short = uncoveredIntervals(input, weights)
    if (short.length > 0) return yield* Effect.fail(infeasible(input, short))
    const counts = input.required.some((r) => r > 0)
      ? yield* solve(input, weights)
      : input.templates.map((t) => t.min ?? 0)
    return roster(input, weights, counts)
  })

const solve = (input: ShiftCoverInput, weights: ReturnType<typeof coverageWeights>) =>
  Effect.gen(function* () {
    const solver = yield* loadHighs
    // mip_rel_gap 0: the default 1e-4 would accept a roster slightly dearer than the optimum.
    const result = solver.solve(lpText(input, weights), { output_flag: false, mip_rel_gap: 0 })
    if (result.Status !== "Optimal") return yield* Effect.die(new Error(`HiGHS ended with status ${result.Status}`))
    return input.templates.map((_, j) => {
      const primal = result.Columns[`x${j}`]?.Primal ?? 0
      return Math.round(primal)
    })
  })

const roster = (input: ShiftCoverInput, weights: ReturnType<typeof coverageWeights>, counts: ReadonlyArray<number>) => {
  const intervals = input.required.map((required, i) => {
    const scaled = weights.reduce((sum, row, j) => sum + row[i]! * counts[j]!, 0)
    // Checked in integers: the solver works in floating point with tolerances.
    if (scaled < required * weights.scale) throw new Error(`HiGHS returned a roster short at interval ${i}`)
    const coverage = scaled / weights.scale
    return { start: input.dayStart + i * input.intervalLength, required, coverage, slack: coverage - required }
  })
  const templateCounts = input.templates.map((t, j) => ({ id: t.id, count: counts[j]!, cost: t.cost * counts[j]! }))
  const totalCost = templateCounts.reduce((sum, c) => sum + c.cost, 0)
  return { counts: templateCounts, totalCost, intervals }
}
