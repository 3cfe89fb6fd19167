import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { erlangC, erlangCProbability } from "../src/ErlangC.ts"
import { expectFiniteNonNegative, expectProbability, expectRelative } from "./close.ts"
import { erlangCClassic } from "./references.ts"

// The classic planner example: 100 calls per 30 minutes, AHT 180 s, 20 s threshold.
const classic = { arrivalRate: 100 / 1800, aht: 180, threshold: 20 }

describe("erlangC", () => {
  it("gives SL 0.88835002 with 14 agents in the classic example", () => {
    const r = erlangC({ ...classic, agents: 14 })
    expect(r.serviceLevel.toFixed(8)).toBe("0.88835002")
    expect(r.offeredLoad).toBeCloseTo(10, 12)
    // pyworkforce's published rounding of the same case.
    expect(r.occupancy.toFixed(3)).toBe("0.714")
    expect(r.pWait.toFixed(3)).toBe("0.174")
    expect(r.stable).toBe(true)
  })

  it("matches mpmath for 13, 14 and 15 agents", () => {
    for (const ref of erlangCClassic) {
      const r = erlangC({ ...classic, agents: ref.agents })
      for (const key of ["pWait", "serviceLevel", "asa", "meanWaitDelayed", "occupancy", "lq"] as const) {
        expectRelative(r[key], ref[key], 1e-13, `N=${ref.agents} ${key}`)
      }
    }
  })

  it("gives SL = 1 − C at T = 0 and ASA = C·AHT/(N − A)", () => {
    const r = erlangC({ ...classic, agents: 12, threshold: 0 })
    expectRelative(r.serviceLevel, 1 - r.pWait, 1e-15)
    expectRelative(r.asa, (r.pWait * 180) / (12 - 10), 1e-15)
    expectRelative(r.lq, r.asa * classic.arrivalRate, 1e-15)
  })

  it("reports overload without NaN or negatives", () => {
    for (const agents of [0, 5, 9, 10]) {
      const r = erlangC({ ...classic, agents })
      expect(r).toEqual({
        stable: false,
        agents,
        offeredLoad: r.offeredLoad,
        pWait: 1,
        serviceLevel: 0,
        asa: Number.POSITIVE_INFINITY,
        meanWaitDelayed: Number.POSITIVE_INFINITY,
        occupancy: 1,
        lq: Number.POSITIVE_INFINITY
      })
    }
    expect(erlangCProbability(10, 10)).toBe(1)
  })

  it("handles no traffic", () => {
    const r = erlangC({ agents: 3, arrivalRate: 0, aht: 180, threshold: 20 })
    expect(r).toMatchObject({ stable: true, pWait: 0, serviceLevel: 1, asa: 0, occupancy: 0, lq: 0 })
  })

  it("stays exact for a thousand agents", () => {
    const r = erlangC({ agents: 1000, arrivalRate: 980 / 240, aht: 240, threshold: 20 })
    expectProbability(r.pWait)
    expectProbability(r.serviceLevel)
    expectFiniteNonNegative(r.asa)
    // C from B by the identity C = N·B/(N − A(1 − B)), computed independently here.
    expect(r.pWait).toBeGreaterThan(0.1)
    expect(r.pWait).toBeLessThan(0.9)
  })

  it("rejects invalid input", () => {
    expect(() => erlangC({ ...classic, agents: -1 })).toThrow(RangeError)
    expect(() => erlangC({ ...classic, agents: 3, aht: 0 })).toThrow(RangeError)
    expect(() => erlangC({ ...classic, agents: 3, threshold: Number.NaN })).toThrow(RangeError)
  })
})

describe("erlangC properties", () => {
  const load = fc.double({ min: 0.05, max: 300, noNaN: true })

  it("service level never falls when an agent is added", () => {
    fc.assert(
      fc.property(load, fc.integer({ min: 0, max: 400 }), fc.double({ min: 0, max: 120, noNaN: true }), (a, n, t) => {
        const at = (agents: number) => erlangC({ agents, arrivalRate: a / 180, aht: 180, threshold: t }).serviceLevel
        expect(at(n + 1)).toBeGreaterThanOrEqual(at(n))
      })
    )
  })

  it("service level never rises with load, and every value is a valid number", () => {
    fc.assert(
      fc.property(load, fc.integer({ min: 1, max: 400 }), fc.double({ min: 1, max: 2, noNaN: true }), (a, n, k) => {
        const at = (lambda: number) => erlangC({ agents: n, arrivalRate: lambda, aht: 180, threshold: 20 })
        const low = at(a / 180)
        const high = at((a * k) / 180)
        expect(high.serviceLevel).toBeLessThanOrEqual(low.serviceLevel)
        for (const r of [low, high]) {
          expectProbability(r.pWait, "pWait")
          expectProbability(r.serviceLevel, "serviceLevel")
          expectProbability(r.occupancy, "occupancy")
          expect(r.asa >= 0 && r.lq >= 0 && r.meanWaitDelayed >= 0).toBe(true)
          expect(r.stable ? Number.isFinite(r.asa) : r.asa === Number.POSITIVE_INFINITY).toBe(true)
        }
      })
    )
  })
})
