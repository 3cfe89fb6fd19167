import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runs } from "../../../test-support/PropertyRuns.ts"
import { solveBirthDeath } from "../src/BirthDeath.ts"
import { erlangA } from "../src/ErlangA.ts"
import { erlangC } from "../src/ErlangC.ts"
import { expectRelative } from "./close.ts"

interface Case {
  readonly agents: number
  readonly load: number
  readonly aht: number
  readonly patience: number
}

// Light to extreme load, N = 1 to 1000, patience from 1 s to an hour.
const cases: ReadonlyArray<Case> = [
  { agents: 14, load: 10, aht: 180, patience: 300 },
  { agents: 1, load: 0.5, aht: 120, patience: 60 },
  { agents: 1, load: 1, aht: 1, patience: 1 },
  { agents: 1, load: 4, aht: 300, patience: 90 },
  { agents: 2, load: 0.05, aht: 200, patience: 100 },
  { agents: 3, load: 2, aht: 100, patience: 1 },
  { agents: 10, load: 15, aht: 180, patience: 60 },
  { agents: 5, load: 50, aht: 300, patience: 30 },
  { agents: 20, load: 18, aht: 180, patience: 3600 },
  { agents: 50, load: 40, aht: 600, patience: 600 },
  { agents: 100, load: 95, aht: 300, patience: 120 },
  { agents: 100, load: 130, aht: 240, patience: 200 },
  { agents: 1000, load: 980, aht: 240, patience: 180 }
]

const chainOf = (c: Case) =>
  solveBirthDeath({
    agents: c.agents,
    arrivalRate: c.load / c.aht,
    serviceRate: 1 / c.aht,
    abandonmentRate: 1 / c.patience
  })

describe("solveBirthDeath", () => {
  it("returns a probability distribution", () => {
    const r = chainOf(cases[0]!)
    const total = r.distribution.reduce((sum, p) => sum + p, 0)
    expect(Math.abs(total - 1)).toBeLessThan(1e-14)
    expect(r.distribution.every((p) => p >= 0)).toBe(true)
    expect(r.distribution.length).toBeGreaterThan(15)
  })

  it("agrees with itself: θ·Lq/λ equals the tagged-customer abandonment", () => {
    for (const c of cases) {
      const r = chainOf(c)
      expectRelative(r.pAbandonTagged, r.pAbandon, 1e-12, `N=${c.agents} A=${c.load}`)
      expectRelative(r.occupancy, (c.load * (1 - r.pAbandon)) / c.agents, 1e-12, "occupancy identity")
    }
  })

  it("reproduces Erlang C when nobody abandons", () => {
    const r = solveBirthDeath({ agents: 14, arrivalRate: 100 / 1800, serviceRate: 1 / 180, abandonmentRate: 0 })
    const c = erlangC({ agents: 14, arrivalRate: 100 / 1800, aht: 180, threshold: 20 })
    expectRelative(r.pWait, c.pWait, 1e-12)
    expectRelative(r.lq, c.lq, 1e-12)
    expectRelative(r.asa, c.asa, 1e-12)
    expect(r.pAbandon).toBe(0)
  })

  it("truncates only a negligible tail", () => {
    const c = { agents: 10, arrivalRate: 15 / 180, serviceRate: 1 / 180, abandonmentRate: 1 / 60 }
    const r = solveBirthDeath(c)
    expect(r.distribution[r.distribution.length - 1]!).toBeLessThan(1e-15)
    const tighter = solveBirthDeath({ ...c, tailTolerance: 1e-30 })
    expect(tighter.distribution.length).toBeGreaterThan(r.distribution.length)
    expectRelative(r.pWait, tighter.pWait, 1e-14)
    expectRelative(r.lq, tighter.lq, 1e-14)
  })

  it("handles no traffic", () => {
    const r = solveBirthDeath({ agents: 3, arrivalRate: 0, serviceRate: 1, abandonmentRate: 1 })
    expect(r).toMatchObject({ pWait: 0, pAbandon: 0, lq: 0, asa: 0, occupancy: 0 })
    expect(r.distribution[0]).toBe(1)
  })

  it("refuses an unstable chain, bad input and a state budget that is too small", () => {
    expect(() => solveBirthDeath({ agents: 2, arrivalRate: 3, serviceRate: 1, abandonmentRate: 0 })).toThrow(RangeError)
    expect(() => solveBirthDeath({ agents: 0, arrivalRate: 1, serviceRate: 1, abandonmentRate: 1 })).toThrow(RangeError)
    expect(() => solveBirthDeath({ agents: 1.5, arrivalRate: 1, serviceRate: 1, abandonmentRate: 1 })).toThrow(
      RangeError
    )
    expect(() =>
      solveBirthDeath({ agents: 1, arrivalRate: 100, serviceRate: 1, abandonmentRate: 0.01, maxStates: 500 })
    ).toThrow(RangeError)
  })
})

describe("Erlang A closed forms against the exact chain", () => {
  it.each(cases.map((c) => [c.agents, c.load, c.patience, c] as const))("N=%i, A=%d, patience %d", (_n, _a, _p, c) => {
    const chain = chainOf(c)
    const closed = erlangA({
      agents: c.agents,
      arrivalRate: c.load / c.aht,
      aht: c.aht,
      patience: c.patience,
      threshold: 20
    })
    expectRelative(closed.pWait, chain.pWait, 1e-9, "pWait")
    expectRelative(closed.pAbandon, chain.pAbandon, 1e-9, "pAbandon")
    expectRelative(closed.lq, chain.lq, 1e-9, "lq")
    expectRelative(closed.meanWait, chain.meanWait, 1e-9, "meanWait")
    expectRelative(closed.asa, chain.asa, 1e-9, "asa")
    expectRelative(closed.occupancy, chain.occupancy, 1e-9, "occupancy")
  })

  it("agrees on random parameters, overload included", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.double({ min: 0.05, max: 2.5, noNaN: true }),
        fc.double({ min: 5, max: 900, noNaN: true }),
        (agents, loadPerAgent, patience) => {
          const c = { agents, load: agents * loadPerAgent, aht: 180, patience }
          const chain = chainOf(c)
          const closed = erlangA({ agents, arrivalRate: c.load / 180, aht: 180, patience, threshold: 20 })
          expectRelative(closed.pWait, chain.pWait, 1e-9, "pWait")
          expectRelative(closed.pAbandon, chain.pAbandon, 1e-9, "pAbandon")
          expectRelative(closed.asa, chain.asa, 1e-9, "asa")
        }
      ),
      { numRuns: runs(60) }
    )
  })
})

describe("Erlang A in very long queues", () => {
  it("matches the chain when the queue holds about 10⁵ callers", () => {
    // 1 call/s to one agent with AHT 300 s and mean patience 10⁵ s: the queue sits near 99 667.
    const chain = solveBirthDeath({ agents: 1, arrivalRate: 1, serviceRate: 1 / 300, abandonmentRate: 1e-5 })
    const closed = erlangA({ agents: 1, arrivalRate: 1, aht: 300, patience: 1e5, threshold: 20 })
    expect(chain.lq).toBeGreaterThan(9e4)
    expectRelative(closed.asa, chain.asa, 1e-9, "asa")
    expectRelative(closed.pAbandon, chain.pAbandon, 1e-9, "pAbandon")
    expectRelative(closed.lq, chain.lq, 1e-9, "lq")
  })
})
