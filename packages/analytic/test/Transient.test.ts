import { describe, expect, it } from "vitest"
import { solveBirthDeath } from "../src/BirthDeath.ts"
import { erlangA } from "../src/ErlangA.ts"
import { erlangC } from "../src/ErlangC.ts"
import type { TransientInput, TransientInterval } from "../src/Transient.ts"
import { transientQueue } from "../src/Transient.ts"

/** A stationary day: constant traffic, started from the chain's stationary distribution. */
const stationaryDay = (c: { agents: number; load: number; aht: number; patience: number; threshold: number }) => {
  const arrivalRate = c.load / c.aht
  const chain = solveBirthDeath({
    agents: c.agents,
    arrivalRate,
    serviceRate: 1 / c.aht,
    abandonmentRate: c.patience === Number.POSITIVE_INFINITY ? 0 : 1 / c.patience,
    tailTolerance: 1e-16
  })
  const interval = { length: 900, arrivalRate, agents: c.agents }
  return transientQueue({
    intervals: [interval, interval],
    aht: c.aht,
    patience: c.patience,
    threshold: c.threshold,
    initial: Array.from(chain.distribution)
  })
}

describe("transientQueue on a stationary day equals the steady-state formulas", () => {
  const cases = [
    { agents: 14, load: 10, aht: 180, patience: 300, threshold: 20 },
    { agents: 3, load: 2.5, aht: 240, patience: 60, threshold: 30 },
    { agents: 5, load: 7, aht: 180, patience: 120, threshold: 20 },
    { agents: 1, load: 0.6, aht: 300, patience: 900, threshold: 0 }
  ]
  for (const c of cases) {
    it(`Erlang A: ${c.agents} agents, ${c.load} Erlangs, patience ${c.patience}`, () => {
      const exact = erlangA({ ...c, arrivalRate: c.load / c.aht })
      const r = stationaryDay(c)
      expect(r.lostMass).toBeLessThanOrEqual(1e-12)
      for (const i of r.intervals) {
        expect(i.pWait).toBeCloseTo(exact.pWait, 9)
        expect(i.pAbandon).toBeCloseTo(exact.pAbandon, 9)
        expect(i.pAnswered).toBeCloseTo(exact.pAnswered, 9)
        expect(i.answeredWithin).toBeCloseTo(exact.answeredWithin, 9)
        expect(i.abandonedWithin).toBeCloseTo(exact.abandonedWithin, 9)
        for (const [definition, level] of Object.entries(exact.serviceLevels)) {
          expect(i.serviceLevels[definition as keyof typeof exact.serviceLevels], definition).toBeCloseTo(level, 9)
        }
        expect(Math.abs(i.asa - exact.asa) / c.aht).toBeLessThan(1e-9)
        expect(Math.abs(i.meanWait - exact.meanWait) / c.aht).toBeLessThan(1e-9)
        expect(i.meanBusy / c.agents).toBeCloseTo(exact.occupancy, 9)
        expect(i.meanQueue).toBeCloseTo(exact.lq, 9)
        expect(i.offered).toBeCloseTo((900 * c.load) / c.aht, 12)
      }
    })
  }

  it("Erlang C: infinite patience", () => {
    const c = { agents: 8, load: 6, aht: 180, patience: Number.POSITIVE_INFINITY, threshold: 20 }
    const exact = erlangC({ ...c, arrivalRate: c.load / c.aht })
    for (const i of stationaryDay(c).intervals) {
      expect(i.pWait).toBeCloseTo(exact.pWait, 9)
      expect(i.serviceLevels["answered-of-offered"]).toBeCloseTo(exact.serviceLevel, 9)
      expect(i.pAbandon).toBe(0)
      expect(Math.abs(i.asa - exact.asa) / c.aht).toBeLessThan(1e-9)
    }
  })
})

// A day with a volume step, a shift change that adds agents, one that removes them mid-queue, and a
// long quiet drain so that every caller has left by the end.
const busyDay: ReadonlyArray<TransientInterval> = [
  { length: 900, arrivalRate: 20 / 900, agents: 4 },
  { length: 900, arrivalRate: 45 / 900, agents: 4 },
  { length: 900, arrivalRate: 45 / 900, agents: 7 },
  { length: 900, arrivalRate: 30 / 900, agents: 3 }
]
const drain: TransientInterval = { length: 3600, arrivalRate: 0, agents: 3 }
const dayInput: TransientInput = { intervals: [...busyDay, drain], aht: 180, patience: 240, threshold: 20 }

describe("transientQueue on a time-varying day", () => {
  const r = transientQueue(dayInput)
  const measured = r.intervals.slice(0, busyDay.length)

  it("keeps the truncation and quadrature errors below their tolerances", () => {
    expect(r.lostMass).toBeLessThanOrEqual(1e-12)
    for (const i of r.intervals) expect(i.quadratureError).toBeLessThanOrEqual(1e-8)
  })

  it("agrees with the day's chain: every answered call is a completed service (μ·∫busy)", () => {
    // The tagged caller's chain and the whole-day chain are solved separately; their totals must agree.
    const answered = measured.reduce((s, i) => s + i.offered * i.pAnswered, 0)
    const served = r.intervals.reduce((s, i) => s + ((i.end - i.start) * i.meanBusy) / 180, 0)
    expect(Math.abs(answered - served) / answered).toBeLessThan(1e-8)
  })

  it("agrees with the day's chain: abandonments θ·∫queue and total wait ∫queue (Little)", () => {
    const queueTime = r.intervals.reduce((s, i) => s + (i.end - i.start) * i.meanQueue, 0)
    const abandoned = measured.reduce((s, i) => s + i.offered * i.pAbandon, 0)
    const waited = measured.reduce((s, i) => s + i.offered * i.meanWait, 0)
    expect(Math.abs(abandoned - queueTime / 240) / abandoned).toBeLessThan(1e-8)
    expect(Math.abs(waited - queueTime) / waited).toBeLessThan(1e-8)
  })

  it("splits every arrival into answered and abandoned, and T = 0 gives the immediate answers", () => {
    const atZero = transientQueue({ ...dayInput, threshold: 0 }).intervals
    measured.forEach((i, k) => {
      expect(i.pAnswered + i.pAbandon).toBeCloseTo(1, 12)
      expect(i.answeredWithin).toBeLessThanOrEqual(i.pAnswered)
      // Two runs with different quadrature panels: they agree within their error bounds.
      const bound = i.quadratureError + atZero[k]!.quadratureError + 1e-13
      expect(Math.abs(atZero[k]!.answeredWithin - (1 - i.pWait))).toBeLessThanOrEqual(bound)
      expect(atZero[k]!.abandonedWithin).toBeCloseTo(0, 12)
    })
  })

  it("gives the same answer with the quadrature refined and the truncation tightened", () => {
    const fine = transientQueue({ ...dayInput, quadratureTolerance: 1e-10, lostMassTolerance: 1e-15 }).intervals
    measured.forEach((i, k) => {
      expect(fine[k]!.serviceLevels["answered-of-offered"]).toBeCloseTo(i.serviceLevels["answered-of-offered"], 9)
      expect(fine[k]!.pAbandon).toBeCloseTo(i.pAbandon, 9)
      expect(Math.abs(fine[k]!.asa - i.asa)).toBeLessThan(1e-7)
    })
  })
})
