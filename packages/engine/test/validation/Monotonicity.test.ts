/**
 * Monotonicity with common random numbers: more agents never lower the service level in expectation, more load
 * never raises it. Each replication of the two configurations sees the same callers (the engine draws arrivals,
 * handle times and patience from streams per purpose), so the paired differences are tight; a change "in the
 * wrong direction" must not be significant: mean difference ≥ −3 standard errors of the paired differences.
 */
import { describe, expect, it } from "vitest"
import { measureReplication } from "../../src/metrics/Measure.ts"
import { queueModel } from "../metrics/scenarios.ts"

const REPLICATIONS = 20

const serviceLevels = (agents: number, loadMultiplier = 1): Array<number> => {
  const model = queueModel({
    agents,
    ratePerHour: 100,
    ahtSeconds: 150,
    patienceSeconds: 240,
    duration: "8h",
    extra: { run: { mode: "terminating", loadMultiplier } }
  })
  return Array.from({ length: REPLICATIONS }, (_, replication) => {
    const c = measureReplication(model, { replication }).result.total.counts
    return c.answeredWithin / c.offered
  })
}

/** Mean and standard error of paired differences b − a. */
const paired = (a: ReadonlyArray<number>, b: ReadonlyArray<number>) => {
  const d = a.map((x, i) => b[i]! - x)
  const mean = d.reduce((s, x) => s + x, 0) / d.length
  const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / (d.length - 1))
  return { mean, se: sd / Math.sqrt(d.length) }
}

describe("monotonicity (common random numbers)", () => {
  it("more agents never lower the service level", () => {
    const levels = [3, 4, 5, 6, 7].map((c) => serviceLevels(c))
    for (let k = 1; k < levels.length; k++) {
      const { mean, se } = paired(levels[k - 1]!, levels[k]!)
      expect(mean, `${k + 2} → ${k + 3} agents`).toBeGreaterThanOrEqual(-3 * se)
    }
    // And the effect is real where agents are short: 4 → 5 agents raises it clearly.
    const { mean, se } = paired(levels[1]!, levels[2]!)
    expect(mean).toBeGreaterThan(3 * se)
  })

  it("more load never raises the service level", () => {
    const levels = [0.8, 1, 1.2, 1.4].map((m) => serviceLevels(5, m))
    for (let k = 1; k < levels.length; k++) {
      const { mean, se } = paired(levels[k - 1]!, levels[k]!)
      expect(mean, `load step ${k}`).toBeLessThanOrEqual(3 * se)
    }
    const { mean, se } = paired(levels[0]!, levels[3]!)
    expect(mean).toBeLessThan(-3 * se)
  })
})
