/**
 * The deterministic micro-scenarios of Ciw's documentation (simulation-anchors.md §2.6), rebuilt as ccsim
 * scenarios and measured by the metrics. Ciw's time unit is mapped to a second, a minute, an hour or 15 minutes
 * as each scenario needs.
 */
import { describe, expect, it } from "vitest"
import { measureReplication } from "../../src/metrics/Measure.ts"
import { modelOf, queueScenarioInput } from "../metrics/scenarios.ts"

const base = {
  name: "micro",
  seed: 3,
  customerDirectory: { knownShare: 1 },
  tenants: [{ id: "brand", trackingNumbers: ["+1 555 0100"] }],
  queues: [{ id: "q", ringTimeout: "1h" }],
  workflows: [{ id: "w", trackingNumbers: ["+1 555 0100"], steps: [{ to: "queue", queue: "q" }] }]
}

const call = (at: number, talk: number) => ({ type: "queue", trackingNumber: "+1 555 0100", at, talk, known: true })

describe("Ciw micro-scenarios", () => {
  it("shift end with overtime: 4, 1, 4", () => {
    // One agent on [0, 4 s), two on [4 s, 10 s); calls at 3, 6, 9 s talk 5 s each and finish after their
    // agent's shift: 3–8 s (4 s over), 6–11 s (1 s over), 9–14 s (4 s over).
    const model = modelOf({
      ...base,
      time: { open: "00:00", duration: "1m", intervalMinutes: 15 },
      agents: [
        {
          id: "early",
          queues: [{ queue: "q" }],
          behaviour: { answerDelay: 0 },
          shifts: [{ start: "00:00:00", end: "00:00:04" }]
        },
        {
          id: "late",
          count: 2,
          queues: [{ queue: "q" }],
          behaviour: { answerDelay: 0 },
          shifts: [{ start: "00:00:04", end: "00:00:10" }]
        }
      ],
      script: { calls: [call(3, 5), call(6, 5), call(9, 5)] }
    })
    const { result } = measureReplication(model, { replication: 0, check: true })
    expect(result.violations).toBe(0)
    expect(result.agents.map((a) => a.counts.overtimeMs)).toEqual([4000, 1000, 4000])
    expect(result.agents.map((a) => a.counts.overtimes)).toEqual([1, 1, 1])
    expect(result.total.counts.answered).toBe(3)
    expect(result.total.counts.waitAllMs).toBe(0)
  })

  it("time-dependent deterministic arrivals: exactly 42 in 24 h, each in its arrival interval", () => {
    // Inter-arrival 0.5 h on [0, 12), 0.25 h on [12, 14), 0.75 h on [14, 20), 1.5 h on [20, 24), each next gap
    // taken at the time of the previous arrival (Ciw's rule) gives 24 + 8 + 8 + 2 = 42 arrivals.
    const gap = (t: number) => (t < 12 ? 0.5 : t < 14 ? 0.25 : t < 20 ? 0.75 : 1.5)
    const hours: Array<number> = []
    for (let t = gap(0); t < 24; t += gap(t)) hours.push(t)
    const model = modelOf({
      ...base,
      time: { open: "00:00", duration: "24h", intervalMinutes: 60 },
      agents: [{ id: "a", queues: [{ queue: "q" }], behaviour: { answerDelay: 0 } }],
      script: { calls: hours.map((h) => call(h * 3600, 1)) }
    })
    const { result } = measureReplication(model, { replication: 0 })
    expect(result.total.counts.offered).toBe(42)
    expect(result.total.counts.handled).toBe(42)
    // By hand: 0.5 in hour 0; h and h + 0.5 in hours 1–11; 12, 12.25, 12.5, 12.75; 13–13.75; 14, 14.75; 15.5;
    // 16.25; 17, 17.75; 18.5; 19.25; 20; 21.5; none in 22; 23.
    expect(result.total.intervals.map((i) => i.offered)).toEqual([
      1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 4, 4, 2, 1, 1, 2, 1, 1, 1, 1, 0, 1
    ])
  })

  it("per-interval volumes follow the same time-varying rate: 42⅔ arrivals expected", () => {
    // The same rates as interval volumes (per hour: 2 until 12 h, 4 until 14 h, 4/3 until 20 h, 2/3 after):
    // Poisson counts per interval, placed uniformly, mean 24 + 8 + 8 + 8/3.
    const volumes = Array.from({ length: 24 }, (_, h) => (h < 12 ? 2 : h < 14 ? 4 : h < 20 ? 4 / 3 : 2 / 3))
    const model = modelOf({
      ...queueScenarioInput({ agents: 1, ratePerHour: 0, ahtSeconds: 1, duration: "24h", intervalMinutes: 60 }),
      traffic: [{ type: "queue", trackingNumber: "+1 555 0100", arrivals: { perInterval: volumes }, handleTime: "1s" }]
    })
    const counts = Array.from({ length: 200 }, (_, r) => measureReplication(model, { replication: r }).result)
    const totals = counts.map((r) => r.total.counts.offered)
    const mean = totals.reduce((s, x) => s + x, 0) / totals.length
    // Poisson: sd = √(42⅔); the mean of 200 replications has se 0.46.
    expect(Math.abs(mean - 128 / 3)).toBeLessThan(3 * Math.sqrt(128 / 3 / 200))
    const peak = counts.map((r) => r.total.intervals[12]!.offered + r.total.intervals[13]!.offered)
    expect(Math.abs(peak.reduce((s, x) => s + x, 0) / 200 - 8)).toBeLessThan(3 * Math.sqrt(8 / 200))
  })

  it("a short peak is not skipped", () => {
    // Ciw: gap 10 before t = 55, 0.1 on [55, 58), 10 after; the naive "next gap at the current rate" method jumps
    // from 50 to 60 and misses the ~30 peak arrivals. One unit = one 15-minute interval here: volumes 0.1 per
    // interval, 10 in each of the three peak intervals.
    const volumes = Array.from({ length: 100 }, (_, k) => (k >= 55 && k < 58 ? 10 : 0.1))
    const model = modelOf({
      ...queueScenarioInput({ agents: 2, ratePerHour: 0, ahtSeconds: 1, duration: "25h", intervalMinutes: 15 }),
      time: { open: "00:00", duration: "25h", intervalMinutes: 15 },
      traffic: [{ type: "queue", trackingNumber: "+1 555 0100", arrivals: { perInterval: volumes }, handleTime: "10s" }]
    })
    const peaks = Array.from({ length: 20 }, (_, r) => {
      const intervals = measureReplication(model, { replication: r }).result.total.intervals
      return intervals[55]!.offered + intervals[56]!.offered + intervals[57]!.offered
    })
    // Poisson(30): fewer than 10 has probability 2e-6.
    for (const p of peaks) expect(p).toBeGreaterThanOrEqual(10)
    const mean = peaks.reduce((s, x) => s + x, 0) / peaks.length
    expect(Math.abs(mean - 30)).toBeLessThan(3 * Math.sqrt(30 / 20))
  })

  it("deterministic reneging: every abandon waits exactly the patience", () => {
    // M/M/1, λ = 5, μ = 2, patience Deterministic(6), run 10: one unit = one minute.
    const model = modelOf({
      ...queueScenarioInput({ agents: 1, ratePerHour: 300, ahtSeconds: 30, duration: "10m", intervalMinutes: 15 }),
      traffic: [
        {
          type: "queue",
          trackingNumber: "+1 555 0100",
          arrivals: { ratePerHour: 300 },
          handleTime: { type: "exponential", mean: "30s" },
          patience: "6m"
        }
      ]
    })
    for (const replication of [0, 1, 2]) {
      const c = measureReplication(model, { replication, check: true }).result.total.counts
      expect(c.abandoned).toBeGreaterThan(0)
      // Every wait is at most the patience and the abandons' waits add up to exactly abandons × 6 min.
      expect(c.maxWaitMs).toBe(360_000)
      expect(c.waitAbandonedMs).toBe(c.abandoned * 360_000)
      expect(c.maxWaitAnsweredMs).toBeLessThan(360_000)
      expect(c.shortAbandoned).toBe(0)
    }
  })
})
