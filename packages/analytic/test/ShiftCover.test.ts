import { Effect, Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  type CoverTemplate,
  coverShifts,
  type Presence,
  rosterCoverage,
  type ShiftCover,
  type ShiftCoverError,
  type ShiftCoverInput
} from "../src/ShiftCover.ts"

const MINUTE = 60_000
const at = (hours: number, minutes = 0) => (hours * 60 + minutes) * MINUTE

const solve = (input: ShiftCoverInput): Promise<Result.Result<ShiftCover, ShiftCoverError>> =>
  Effect.runPromise(Effect.result(coverShifts(input)))

const solved = async (input: ShiftCoverInput): Promise<ShiftCover> => {
  const result = await solve(input)
  if (Result.isFailure(result)) throw new Error(`expected a roster, got: ${result.failure.message}`)
  return result.success
}

const failed = async (input: ShiftCoverInput): Promise<ShiftCoverError> => {
  const result = await solve(input)
  if (Result.isSuccess(result)) throw new Error("expected no roster, but the solver found one")
  return result.failure
}

// 08:00–10:00 in 30-minute intervals. `long` is on a 15-minute break at 09:00, so it counts ½ in the 09:00 interval
// under the fraction rule and not at all under the full-presence rule; only `long` works 09:30–10:00.
const long: CoverTemplate = {
  id: "long",
  start: at(8),
  length: 2 * 60 * MINUTE,
  breaks: [{ start: at(9), duration: 15 * MINUTE }],
  cost: 2
}
const short: CoverTemplate = { id: "short", start: at(8, 30), length: 60 * MINUTE, breaks: [], cost: 3 }
const early: CoverTemplate = { id: "early", start: at(8), length: 60 * MINUTE, breaks: [], cost: 1 }
const handWorked: ShiftCoverInput = {
  dayStart: at(8),
  intervalLength: 30 * MINUTE,
  required: [1, 2, 1, 1],
  templates: [long, short, early]
}

describe("coverShifts, a hand-worked day", () => {
  it("fraction rule: two agents on long (cost 4) beat long + short (cost 5)", async () => {
    // long ≥ 1 (09:30 only it covers); at 09:00 ½·long + short ≥ 1 needs long = 2 (cost 4) or long = short = 1 (5).
    const cover = await solved(handWorked)
    expect(cover.counts.map((c) => c.count)).toEqual([2, 0, 0])
    expect(cover.totalCost).toBe(4)
    expect(cover.intervals.map((i) => i.coverage)).toEqual([2, 2, 1, 2])
    expect(cover.intervals.map((i) => i.slack)).toEqual([1, 0, 0, 1])
    expect(cover.intervals.map((i) => i.start)).toEqual([at(8), at(8, 30), at(9), at(9, 30)])
  })

  it("full-presence rule: the agent on break does not count at 09:00, so short is needed (cost 5)", async () => {
    const cover = await solved({ ...handWorked, presence: "full" })
    expect(cover.counts.map((c) => c.count)).toEqual([1, 1, 0])
    expect(cover.totalCost).toBe(5)
    expect(cover.intervals.map((i) => i.coverage)).toEqual([1, 2, 1, 1])
  })

  it("respects max counts: long at most 1 forces short", async () => {
    const cover = await solved({ ...handWorked, templates: [{ ...long, max: 1 }, short, early] })
    expect(cover.counts.map((c) => c.count)).toEqual([1, 1, 0])
    expect(cover.totalCost).toBe(5)
  })

  it("respects min counts even where they add slack", async () => {
    const cover = await solved({ ...handWorked, templates: [long, short, { ...early, min: 2 }] })
    expect(cover.counts).toEqual([
      { id: "long", count: 2, cost: 4 },
      { id: "short", count: 0, cost: 0 },
      { id: "early", count: 2, cost: 2 }
    ])
    expect(cover.totalCost).toBe(6)
    expect(cover.intervals[0]!.coverage).toBe(4)
  })

  it("a day that needs nobody puts every template at its min", async () => {
    const cover = await solved({ ...handWorked, required: [0, 0, 0, 0], templates: [long, { ...short, min: 1 }] })
    expect(cover.counts.map((c) => c.count)).toEqual([0, 1])
    expect(cover.totalCost).toBe(3)
    expect(cover.intervals.map((i) => i.coverage)).toEqual([0, 1, 1, 0])
  })
})

describe("coverShifts, infeasible", () => {
  it("names the intervals no template covers, as a clock-time range", async () => {
    const error = await failed({ ...handWorked, dayStart: at(7), required: [1, 2, 1, 1, 1, 1] })
    expect(error._tag).toBe("ShiftCoverError")
    expect(error.message).toBe("no shift template covers 07:00–08:00")
    expect(error.uncovered).toEqual([
      { start: "07:00", required: 1, available: 0 },
      { start: "07:30", required: 2, available: 0 }
    ])
  })

  it("names intervals the max counts leave short, with the most they allow", async () => {
    const error = await failed({
      ...handWorked,
      required: [1, 2, 2, 1],
      templates: [{ ...long, max: 1 }, { ...short, max: 1 }, early]
    })
    expect(error.uncovered).toEqual([{ start: "09:00", required: 2, available: 1.5 }])
    expect(error.message).toBe("too few agents allowed at 09:00 (2 needed, at most 1.5 with the max counts)")
  })

  it("lists both kinds, in order, with separate ranges", async () => {
    const error = await failed({
      dayStart: at(7),
      intervalLength: 30 * MINUTE,
      required: [1, 1, 3, 1, 1, 1, 0, 1],
      templates: [{ ...early, max: 2 }]
    })
    expect(error.uncovered.map((u) => u.start)).toEqual(["07:00", "07:30", "08:00", "09:00", "09:30", "10:30"])
    expect(error.message).toBe(
      "no shift template covers 07:00–08:00, 09:00–10:00, 10:30; too few agents allowed at 08:00 (3 needed, at most 2 with the max counts)"
    )
  })

  it("a zero requirement outside every template is not an error", async () => {
    const cover = await solved({ ...handWorked, dayStart: at(7), required: [0, 0, 1, 2, 1, 1] })
    expect(cover.totalCost).toBe(4)
  })
})

describe("coverShifts, bad arguments are defects", () => {
  it("rejects a fractional requirement and a max below the min", async () => {
    const exit = (input: ShiftCoverInput) => Effect.runPromiseExit(coverShifts(input))
    const fractional = await exit({ ...handWorked, required: [1.5, 0, 0, 0] })
    expect(String(fractional)).toMatch(/required\[0\] must be a whole number/)
    const inverted = await exit({ ...handWorked, templates: [{ ...long, min: 2, max: 1 }] })
    expect(String(inverted)).toMatch(/long\.max must be a whole number ≥ 2/)
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Brute force: every count vector of small instances, with presence computed minute by minute (independently of
// the module's interval arithmetic).

const INTERVAL_MINUTES = 30
const STEP = 10 // minutes: starts, lengths and breaks on a 10-minute grid, so an agent counts ⅓, ⅔ or 1

interface Instance {
  readonly input: ShiftCoverInput
}

const templateArb = (intervals: number) =>
  fc
    .record({
      start: fc.integer({ min: -3, max: intervals * 3 }),
      length: fc.integer({ min: 1, max: 24 }),
      breakAt: fc.option(fc.integer({ min: 0, max: 23 }), { nil: undefined }),
      breakLength: fc.integer({ min: 1, max: 3 }),
      cost: fc.integer({ min: 0, max: 10 }).map((c) => c / 2),
      min: fc.integer({ min: 0, max: 1 }),
      max: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined, freq: 2 })
    })
    .map((t): CoverTemplate => {
      const start = at(8) + t.start * STEP * MINUTE
      const length = t.length * STEP * MINUTE
      const breakStep = t.breakAt === undefined ? undefined : Math.min(t.breakAt, t.length - 1)
      const breakSteps = breakStep === undefined ? 0 : Math.min(t.breakLength, t.length - breakStep)
      return {
        id: "",
        start,
        length,
        breaks:
          breakStep === undefined
            ? []
            : [{ start: start + breakStep * STEP * MINUTE, duration: breakSteps * STEP * MINUTE }],
        cost: t.cost,
        min: t.min,
        ...(t.max === undefined ? {} : { max: Math.max(t.min, t.max) })
      }
    })

const instanceArb: fc.Arbitrary<Instance> = fc.integer({ min: 1, max: 8 }).chain((intervals) =>
  fc
    .record({
      required: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: intervals, maxLength: intervals }),
      templates: fc.array(templateArb(intervals), { minLength: 1, maxLength: 4 }),
      presence: fc.constantFrom<Presence>("fraction", "full")
    })
    .map(({ required, templates, presence }) => ({
      input: {
        dayStart: at(8),
        intervalLength: INTERVAL_MINUTES * MINUTE,
        required,
        templates: templates.map((t, j) => ({ ...t, id: `t${j}` })),
        presence
      }
    }))
)

/** Minutes template `t` is on duty (in its shift, not on a break) in each interval, counted minute by minute. */
const presentMinutes = (t: CoverTemplate, input: ShiftCoverInput): Array<number> =>
  input.required.map((_, i) => {
    let minutes = 0
    for (let m = 0; m < INTERVAL_MINUTES; m++) {
      const time = input.dayStart + (i * INTERVAL_MINUTES + m) * MINUTE
      const inShift = time >= t.start && time < t.start + t.length
      const onBreak = t.breaks.some((b) => time >= b.start && time < b.start + b.duration)
      if (inShift && !onBreak) minutes++
    }
    return minutes
  })

/** Agents on duty in each interval under the instance's presence rule, from {@link presentMinutes}. */
const coverageOf = (input: ShiftCoverInput, counts: ReadonlyArray<number>): Array<number> => {
  const minutes = input.templates.map((t) => presentMinutes(t, input))
  return input.required.map((_, i) =>
    minutes.reduce((sum, row, j) => {
      const m = row[i]!
      const counted = input.presence === "full" ? (m === INTERVAL_MINUTES ? 1 : 0) : m / INTERVAL_MINUTES
      return sum + counted * counts[j]!
    }, 0)
  )
}

/** The cheapest feasible cost over every count vector, or undefined when none is feasible. */
const bruteForce = (
  input: ShiftCoverInput
): { cost: number; feasible: (counts: ReadonlyArray<number>) => boolean } | undefined => {
  const full = input.presence === "full"
  const weight = input.templates.map((t) =>
    presentMinutes(t, input).map((m) => (full ? (m === INTERVAL_MINUTES ? INTERVAL_MINUTES : 0) : m))
  )
  const feasible = (counts: ReadonlyArray<number>) =>
    input.required.every(
      (r, i) => weight.reduce((sum, row, j) => sum + row[i]! * counts[j]!, 0) >= r * INTERVAL_MINUTES
    )
  // Beyond enough agents to cover, alone, every interval a template touches, more of it never helps.
  const caps = input.templates.map((t, j) => {
    if (t.max !== undefined) return t.max
    const alone = input.required.map((r, i) =>
      weight[j]![i]! === 0 ? 0 : Math.ceil((r * INTERVAL_MINUTES) / weight[j]![i]!)
    )
    return Math.max(t.min ?? 0, ...alone)
  })
  let best: number | undefined
  const counts = input.templates.map((t) => t.min ?? 0)
  const visit = (j: number): void => {
    if (j === counts.length) {
      if (!feasible(counts)) return
      const cost = input.templates.reduce((sum, t, k) => sum + t.cost * counts[k]!, 0)
      if (best === undefined || cost < best) best = cost
      return
    }
    for (let c = input.templates[j]!.min ?? 0; c <= caps[j]!; c++) {
      counts[j] = c
      visit(j + 1)
    }
  }
  visit(0)
  return best === undefined ? undefined : { cost: best, feasible }
}

describe("coverShifts against brute force", () => {
  it("finds the optimal cost, a feasible roster within the counts, or fails exactly when nothing is feasible", async () => {
    let feasibleInstances = 0
    await fc.assert(
      fc.asyncProperty(instanceArb, async ({ input }) => {
        const expected = bruteForce(input)
        const result = await solve(input)
        if (expected === undefined) {
          expect(Result.isFailure(result)).toBe(true)
          return
        }
        feasibleInstances++
        if (Result.isFailure(result)) throw new Error(`solver failed on a feasible instance: ${result.failure.message}`)
        const cover = result.success
        const counts = cover.counts.map((c) => c.count)
        expect(cover.totalCost).toBeCloseTo(expected.cost, 9)
        expect(expected.feasible(counts)).toBe(true)
        input.templates.forEach((t, j) => {
          expect(counts[j]).toBeGreaterThanOrEqual(t.min ?? 0)
          if (t.max !== undefined) expect(counts[j]).toBeLessThanOrEqual(t.max)
        })
        cover.intervals.forEach((interval, i) => {
          expect(interval.slack).toBeGreaterThanOrEqual(-1e-12)
          expect(interval.coverage).toBeCloseTo(coverageOf(input, counts)[i]!, 12)
          expect(rosterCoverage(input, counts)[i]).toBeCloseTo(interval.coverage, 12)
        })
      }),
      { numRuns: 200, seed: 20260302 }
    )
    // The generator must produce feasible instances too, or the optimality check would be vacuous.
    expect(feasibleInstances).toBeGreaterThan(50)
  })

  it("the error lists exactly the intervals the max counts cannot cover", async () => {
    await fc.assert(
      fc.asyncProperty(instanceArb, async ({ input }) => {
        const result = await solve(input)
        if (Result.isSuccess(result)) return
        const atMax = input.templates.map((t) => t.max ?? 1_000)
        const coverage = coverageOf(input, atMax)
        const short = input.required.flatMap((r, i) => (coverage[i]! < r - 1e-9 ? [i] : []))
        const clock = (i: number) => {
          const minutes = 8 * 60 + i * INTERVAL_MINUTES
          return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`
        }
        expect(result.failure.uncovered.map((u) => u.start)).toEqual(short.map(clock))
      }),
      { numRuns: 200, seed: 7 }
    )
  })
})
