import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { ErlangAResult } from "../src/ErlangA.ts"
import { erlangA } from "../src/ErlangA.ts"
import { erlangC } from "../src/ErlangC.ts"
import { ServiceLevelDefinitions } from "../src/ServiceLevel.ts"
import { expectFiniteNonNegative, expectProbability, expectRelative } from "./close.ts"
import { erlangACases } from "./references.ts"

// Classic example with 5-minute mean patience: the system behind the four SL definitions.
const classic = { agents: 14, arrivalRate: 100 / 1800, aht: 180, patience: 300, threshold: 20 }

const expectValid = (r: ErlangAResult) => {
  for (const key of [
    "pWait",
    "pAbandon",
    "pAbandonGivenWait",
    "pAnswered",
    "occupancy",
    "answeredWithin",
    "abandonedWithin",
    "waitWithin"
  ] as const) {
    expectProbability(r[key], key)
  }
  for (const key of ["meanWait", "asa", "lq"] as const) expectFiniteNonNegative(r[key], key)
  for (const d of ServiceLevelDefinitions) expectProbability(r.serviceLevels[d], d)
}

describe("erlangA reference values", () => {
  it("reproduces the four service-level definitions 0.9168 / 0.9234 / 0.9298 / 0.9240", () => {
    const sl = erlangA(classic).serviceLevels
    expect(sl["answered-of-offered"].toFixed(4)).toBe("0.9168")
    expect(sl["answered-of-offered-minus-short-abandons"].toFixed(4)).toBe("0.9234")
    expect(sl["answered-of-answered"].toFixed(4)).toBe("0.9298")
    expect(sl["answered-and-short-abandons-of-offered"].toFixed(4)).toBe("0.9240")
  })

  it("agrees with pyworkforce's published snapshot of the same case", () => {
    const r = erlangA(classic)
    expect(r.pWait.toFixed(5)).toBe("0.14526")
    expect(r.pAbandon.toFixed(6)).toBe("0.013984")
    expect(r.occupancy.toFixed(6)).toBe("0.704297")
    expect(r.serviceLevels["answered-of-offered"].toFixed(6)).toBe("0.916792")
    // pyworkforce's "average_speed_of_answer" (0.069919 min) is the mean wait of all arrivals.
    expect((r.meanWait / 60).toFixed(6)).toBe("0.069919")
    expect(r.asa).toBeLessThan(r.meanWait)
  })

  it("gives Ancker–Gafarian's M/M/1+M P(served) values", () => {
    const served = (arrivalRate: number, patience: number) =>
      erlangA({ agents: 1, arrivalRate, aht: 1, patience, threshold: 0 }).pAnswered
    expect(served(1, 1).toFixed(10)).toBe("0.6321205588")
    expect(served(2, 0.5).toFixed(10)).toBe("0.4011888354")
    expect(served(0.8, 5).toFixed(10)).toBe("0.8189397377")
  })

  it.each(erlangACases.map((c) => [c.name, c] as const))("matches mpmath for %s", (_name, ref) => {
    const r = erlangA(ref)
    const got = {
      ...r,
      sl1: r.serviceLevels["answered-of-offered"],
      sl2: r.serviceLevels["answered-of-offered-minus-short-abandons"],
      sl3: r.serviceLevels["answered-of-answered"],
      sl4: r.serviceLevels["answered-and-short-abandons-of-offered"]
    }
    const keys = [
      "pWait",
      "pAbandon",
      "pAnswered",
      "meanWait",
      "asa",
      "lq",
      "occupancy",
      "answeredWithin",
      "abandonedWithin",
      "waitWithin",
      "sl1",
      "sl2",
      "sl3",
      "sl4"
    ] as const
    for (const key of keys) {
      // The reference rounds values below ~1e-40 to 0; accept any double that small.
      if (ref[key] === 0) expect(got[key], key).toBeLessThan(1e-15)
      else expectRelative(got[key], ref[key], 1e-11, key)
    }
    expectValid(r)
  })
})

describe("erlangA identities", () => {
  it("keeps Little's law, θ·Lq = λ·P(abandon) and the definitions consistent", () => {
    const r = erlangA(classic)
    expectRelative(r.lq, classic.arrivalRate * r.meanWait, 1e-15)
    expectRelative(r.meanWait, r.pAbandon * classic.patience, 1e-15)
    expectRelative(r.pAnswered + r.pAbandon, 1, 1e-15)
    expectRelative(r.answeredWithin + r.abandonedWithin, r.waitWithin, 1e-15)
    expectRelative(r.occupancy, (r.offeredLoad * r.pAnswered) / 14, 1e-15)
    expectRelative(r.pAbandon, r.pWait * r.pAbandonGivenWait, 1e-15)
  })

  it("computes the ASA of answered calls as ∫ P(answered, W > t) dt / P(answered)", () => {
    // Independent of the tagged-customer sum: integrate the closed-form waiting-time distribution.
    const answeredLater = (t: number) => {
      const r = erlangA({ ...classic, threshold: t })
      return r.pAnswered - r.answeredWithin
    }
    const upper = 2000
    const steps = 10000
    const h = upper / steps
    let integral = answeredLater(0) + answeredLater(upper)
    for (let i = 1; i < steps; i++) integral += (i % 2 === 1 ? 4 : 2) * answeredLater(i * h)
    integral *= h / 3
    const r = erlangA(classic)
    expectRelative(integral / r.pAnswered, r.asa, 1e-9)
  })

  it("counts every call within a threshold longer than any wait", () => {
    const r = erlangA({ ...classic, threshold: 1e6 })
    expectRelative(r.answeredWithin, r.pAnswered, 1e-14)
    expectRelative(r.abandonedWithin, r.pAbandon, 1e-12)
    expect(r.waitWithin).toBe(1)
    expect(r.serviceLevels["answered-of-answered"]).toBeCloseTo(1, 14)
  })

  it("answers without waiting with probability 1 − P(W>0) at T = 0", () => {
    const r = erlangA({ ...classic, threshold: 0 })
    expectRelative(r.answeredWithin, 1 - r.pWait, 1e-15)
    expect(r.abandonedWithin).toBe(0)
  })
})

describe("erlangA limits and edge cases", () => {
  it("converges to Erlang C as patience grows (θ → 0), at rate O(θ)", () => {
    for (const agents of [11, 14, 20]) {
      const c = erlangC({ ...classic, agents })
      const errors = [1e4, 1e6, 1e8, 1e10, 1e12].map((patience) => {
        const a = erlangA({ ...classic, agents, patience })
        return Math.max(
          Math.abs(a.pWait - c.pWait),
          Math.abs(a.serviceLevels["answered-of-offered"] - c.serviceLevel),
          Math.abs(a.asa - c.asa) / c.asa,
          Math.abs(a.meanWait - c.asa) / c.asa,
          a.pAbandon
        )
      })
      // Each 100-fold longer patience cuts the gap about 100-fold, all the way down.
      for (let i = 1; i < errors.length; i++) expect(errors[i]! / errors[i - 1]!).toBeLessThan(0.02)
      expect(errors[4]!).toBeLessThan(1e-8)
    }
  })

  it("is Erlang C exactly with infinite patience, overload included", () => {
    const a = erlangA({ ...classic, patience: Number.POSITIVE_INFINITY })
    const c = erlangC(classic)
    expect(a).toMatchObject({ pWait: c.pWait, asa: c.asa, meanWait: c.asa, pAbandon: 0, stable: true })
    expect(a.serviceLevels["answered-of-answered"]).toBe(c.serviceLevel)
    const overloaded = erlangA({ ...classic, agents: 8, patience: Number.POSITIVE_INFINITY })
    expect(overloaded).toMatchObject({ stable: false, pWait: 1, asa: Number.POSITIVE_INFINITY, occupancy: 1 })
  })

  it("stays finite, exact-looking and ordered in deep overload", () => {
    const r = erlangA({ agents: 2, arrivalRate: 10, aht: 600, patience: 900, threshold: 20 })
    expectValid(r)
    // Almost everyone abandons; the answered share is what two agents can carry.
    expectRelative(r.pAnswered, 2 / (10 * 600), 1e-3)
    expect(r.occupancy).toBeGreaterThan(0.999)
    expect(r.stable).toBe(true)
  })

  it("handles zero agents and zero traffic", () => {
    const none = erlangA({ ...classic, agents: 0 })
    expect(none).toMatchObject({ pWait: 1, pAbandon: 1, pAnswered: 0, asa: 0, meanWait: 300, occupancy: 0 })
    expectRelative(none.serviceLevels["answered-and-short-abandons-of-offered"], 1 - Math.exp(-20 / 300), 1e-15)
    expectValid(none)
    const quiet = erlangA({ ...classic, arrivalRate: 0 })
    expect(quiet).toMatchObject({ pWait: 0, pAbandon: 0, asa: 0, occupancy: 0 })
    expect(quiet.serviceLevels["answered-of-offered"]).toBe(1)
  })

  it("rejects invalid input", () => {
    expect(() => erlangA({ ...classic, patience: 0 })).toThrow(RangeError)
    expect(() => erlangA({ ...classic, agents: -2 })).toThrow(RangeError)
    expect(() => erlangA({ ...classic, arrivalRate: Number.NaN })).toThrow(RangeError)
  })
})

describe("erlangA properties", () => {
  const params = fc.record({
    agents: fc.integer({ min: 1, max: 300 }),
    // Offered load up to three times the agents: deep overload is part of the domain.
    loadPerAgent: fc.double({ min: 0.01, max: 3, noNaN: true }),
    aht: fc.double({ min: 10, max: 1200, noNaN: true }),
    patience: fc.double({ min: 1, max: 5000, noNaN: true }),
    threshold: fc.double({ min: 0, max: 300, noNaN: true })
  })
  const input = (p: { agents: number; loadPerAgent: number; aht: number; patience: number; threshold: number }) => ({
    agents: p.agents,
    arrivalRate: (p.loadPerAgent * p.agents) / p.aht,
    aht: p.aht,
    patience: p.patience,
    threshold: p.threshold
  })

  it("returns probabilities in [0, 1] and finite non-negative times at any load", () => {
    fc.assert(fc.property(params, (p) => expectValid(erlangA(input(p)))))
  })

  it("never lowers the service level when an agent is added", () => {
    fc.assert(
      fc.property(params, (p) => {
        const base = input(p)
        const now = erlangA(base)
        const more = erlangA({ ...base, agents: base.agents + 1 })
        for (const d of ["answered-of-offered", "answered-and-short-abandons-of-offered"] as const) {
          expect(more.serviceLevels[d]).toBeGreaterThanOrEqual(now.serviceLevels[d] - 1e-12)
        }
        expect(more.pAbandon).toBeLessThanOrEqual(now.pAbandon + 1e-12)
      })
    )
  })

  it("never raises the service level when the load grows", () => {
    fc.assert(
      fc.property(params, fc.double({ min: 1, max: 2, noNaN: true }), (p, k) => {
        const base = input(p)
        const now = erlangA(base)
        const busier = erlangA({ ...base, arrivalRate: base.arrivalRate * k })
        expect(busier.serviceLevels["answered-of-offered"]).toBeLessThanOrEqual(
          now.serviceLevels["answered-of-offered"] + 1e-12
        )
        expect(busier.pAbandon).toBeGreaterThanOrEqual(now.pAbandon - 1e-12)
      })
    )
  })
})
