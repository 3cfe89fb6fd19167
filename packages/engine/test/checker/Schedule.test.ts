import { describe, expect, it } from "vitest"
import {
  breakChangeScheduled,
  breakStartsAt,
  canBeZero,
  deferrableAt,
  deferredUntil,
  durationFits,
  shiftChangeScheduled
} from "../../src/checker/Schedule.ts"
import type { AgentModel } from "../../src/Model.ts"

const agent = {
  shifts: [
    { start: 1000, end: 5000, breaks: [{ start: 2000, end: 2500 }] },
    { start: 6000, end: 9000, breaks: [] }
  ]
} as unknown as AgentModel

describe("durationFits", () => {
  it("checks constants, ranges and empirical values to the ms", () => {
    expect(durationFits({ type: "constant", value: 30_000 }, 30_000)).toBe(true)
    expect(durationFits({ type: "constant", value: 30_000 }, 30_500)).toBe(false)
    expect(durationFits({ type: "uniform", min: 10_000, max: 20_000 }, 20_001)).toBe(true)
    expect(durationFits({ type: "uniform", min: 10_000, max: 20_000 }, 21_000)).toBe(false)
    expect(durationFits({ type: "empirical", values: [5000, 7000] }, 7000)).toBe(true)
    expect(durationFits({ type: "empirical", values: [5000, 7000] }, 6000)).toBe(false)
    expect(durationFits({ type: "exponential", mean: 1000 }, 123_456)).toBe(true)
    expect(durationFits({ type: "exponential", mean: 1000 }, -1)).toBe(false)
  })
})

describe("canBeZero", () => {
  it("is false only for distributions that never round to 0 ms", () => {
    expect(canBeZero({ type: "constant", value: 0 })).toBe(true)
    expect(canBeZero({ type: "constant", value: 5 })).toBe(false)
    expect(canBeZero({ type: "empirical", values: [0, 20_000] })).toBe(true)
    expect(canBeZero({ type: "uniform", min: 1000, max: 2000 })).toBe(false)
    expect(canBeZero({ type: "exponential", mean: 1000 })).toBe(true)
  })
})

describe("schedule times", () => {
  it("knows shift starts and ends, late only in overtime", () => {
    expect(shiftChangeScheduled(agent, false, 6000, false)).toBe(true)
    expect(shiftChangeScheduled(agent, false, 6001, false)).toBe(false)
    expect(shiftChangeScheduled(agent, true, 5000, false)).toBe(true)
    expect(shiftChangeScheduled(agent, true, 5400, false)).toBe(false)
    expect(shiftChangeScheduled(agent, true, 5400, true)).toBe(true)
  })

  it("knows break starts (late when deferred) and ends", () => {
    expect(breakStartsAt(agent, 2000)).toBe(true)
    expect(breakChangeScheduled(agent, true, 2000, false)).toBe(true)
    expect(breakChangeScheduled(agent, true, 2100, false)).toBe(false)
    expect(breakChangeScheduled(agent, true, 2100, true)).toBe(true)
    expect(breakChangeScheduled(agent, false, 2500, false)).toBe(true)
    expect(breakChangeScheduled(agent, false, 2600, false)).toBe(false)
  })

  it("knows what overtime defers and until when", () => {
    expect(deferrableAt(agent, 5000)).toBe(true)
    expect(deferrableAt(agent, 2000)).toBe(true)
    expect(deferrableAt(agent, 2500)).toBe(false)
    expect(deferredUntil(agent, 2000)).toBe(2500)
    expect(deferredUntil(agent, 5000)).toBe(Number.POSITIVE_INFINITY)
  })
})
