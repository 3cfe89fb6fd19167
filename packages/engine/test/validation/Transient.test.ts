/**
 * Coverage of the printed 95 % intervals against the exact transient solution of a small time-varying day
 * (transientDay.ts: 8 agents, 24 then 40 calls per 15-minute interval, exponential talk and patience). The
 * exact per-interval service level, abandonment, ASA and P(wait) of the callers arriving in each interval come
 * from `transientQueue` (@ccsim/analytic); the engine's ratio estimates must cover them and be unbiased.
 *
 * Coverage: the 32 checks of one run (8 intervals × 4 metrics) are strongly correlated (a quiet replication set
 * moves all four metrics of an interval, and the queue carries into the next interval), so the share of one
 * run's intervals that cover varies a lot from seed to seed (sd ≈ 7 % at 100 replications, measured over 40
 * runs). The test therefore pools RUNS independent runs of REPLICATIONS replications each — what ten
 * `ccsim run --replications 100` give — and asks ≥ 90 % of their 320 intervals to cover: for a correct 95 %
 * interval the pooled share is about 94 % ± 2 %, while the mean of per-replication ratios, biased by
 * O(1/calls per interval) whatever the number of replications, covers about 82 %.
 *
 * Bias: over all RUNS × REPLICATIONS replications as one run, the mean standardized error
 * Z = (1/k) Σ (R̂ⱼ − rⱼ)/SEⱼ over the k = 32 intervals × metrics. If the k errors were independent, Z would have
 * standard error 1/√k, but they are positively correlated, so its standard error is estimated from the same
 * replications: by the delta method R̂ⱼ − rⱼ ≈ (1/n) Σᵢ (xᵢⱼ − rⱼ yᵢⱼ)/ȳⱼ, so Z ≈ ū, the mean over replications
 * of uᵢ = (1/k) Σⱼ (xᵢⱼ − rⱼ yᵢⱼ)/(ȳⱼ SEⱼ), whose mean is 0 exactly when there is no bias (E[x] = r·E[y] by
 * definition of the exact ratio) and whose standard error is sd(u)/√n, every correlation included. The test
 * asks |Z| ≤ 2·SE(Z). The mean of ratios is checked the same way with uᵢ = (1/k) Σⱼ (xᵢⱼ/yᵢⱼ − rⱼ)·√n/sdⱼ.
 */
import { Worker } from "node:worker_threads"
import type { TransientIntervalResult } from "@ccsim/analytic"
import { beforeAll, describe, expect, it } from "vitest"
import type { CallCounts } from "../../src/metrics/Counters.ts"
import type { RateEstimate } from "../../src/metrics/Estimate.ts"
import type { ReplicationResult } from "../../src/metrics/Result.ts"
import { type Summary, summarize } from "../../src/metrics/Summary.ts"
import { transientDayExact, VOLUMES } from "./transientDay.ts"
import type { TransientReply, TransientRequest } from "./transientWorker.ts"

const SEED = 2024
const RUNS = 10
const REPLICATIONS = 100

type MetricKey = "serviceLevel" | "abandonRate" | "asa" | "waitProbability"

/** The four metrics: summary key, per-replication numerator and denominator, exact value. */
const METRICS: ReadonlyArray<{
  readonly key: MetricKey
  readonly x: (c: CallCounts) => number
  readonly y: (c: CallCounts) => number
  readonly exact: (e: TransientIntervalResult) => number
}> = [
  {
    key: "serviceLevel",
    x: (c) => c.answeredWithin,
    y: (c) => c.offered,
    exact: (e) => e.serviceLevels["answered-of-offered"]
  },
  { key: "abandonRate", x: (c) => c.abandoned, y: (c) => c.offered, exact: (e) => e.pAbandon },
  { key: "asa", x: (c) => c.waitAnsweredMs / 1000, y: (c) => c.answered, exact: (e) => e.asa },
  { key: "waitProbability", x: (c) => c.waited, y: (c) => c.offered, exact: (e) => e.pWait }
]

const runInWorker = (request: TransientRequest): Promise<Array<ReplicationResult>> =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./transientWorker.ts", import.meta.url))
    worker.once("message", (reply: TransientReply) => {
      void worker.terminate()
      if ("error" in reply) reject(new Error(reply.error))
      else resolve(reply.results)
    })
    worker.once("error", reject)
    worker.postMessage(request)
  })

const exact = transientDayExact().intervals
let results: Array<ReplicationResult> = []

beforeAll(async () => {
  results = await runInWorker({ seed: SEED, replications: Array.from({ length: RUNS * REPLICATIONS }, (_, r) => r) })
})

const covers = (ci: readonly [number, number] | null, value: number): boolean =>
  ci !== null && ci[0] <= value && value <= ci[1]

/** Intervals of every run that cover the exact values, for the ratio estimate and the mean of ratios. */
const coverage = (summaries: ReadonlyArray<Summary>) => {
  let ratio = 0
  let meanOfRatios = 0
  let checks = 0
  for (const summary of summaries) {
    summary.intervals.forEach((interval, j) => {
      for (const metric of METRICS) {
        const e: RateEstimate = interval.metrics[metric.key]
        const value = metric.exact(exact[j]!)
        checks++
        if (covers(e.ci, value)) ratio++
        if (covers(e.meanOfRatios.ci, value)) meanOfRatios++
      }
    })
  }
  return { ratio: ratio / checks, meanOfRatios: meanOfRatios / checks, checks }
}

const meanAndSe = (u: ReadonlyArray<number>) => {
  const n = u.length
  const mean = u.reduce((a, b) => a + b, 0) / n
  const variance = u.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)
  return { mean, se: Math.sqrt(variance / n) }
}

/** The mean standardized error Z over intervals × metrics and its standard error (see the header). */
const aggregateBias = (summary: Summary, runs: ReadonlyArray<ReplicationResult>) => {
  const n = runs.length
  const k = VOLUMES.length * METRICS.length
  const uRatio = new Array<number>(n).fill(0)
  const uMean = new Array<number>(n).fill(0)
  let zRatio = 0
  let zMean = 0
  summary.intervals.forEach((interval, j) => {
    for (const metric of METRICS) {
      const e = interval.metrics[metric.key]
      const r = metric.exact(exact[j]!)
      const counts = runs.map((run) => run.total.intervals[j]!)
      const meanY = counts.reduce((a, c) => a + metric.y(c), 0) / n
      const m = e.meanOfRatios
      zRatio += (e.ratio! - r) / e.standardError! / k
      zMean += (m.mean! - r) / (m.sd! / Math.sqrt(m.n)) / k
      counts.forEach((c, i) => {
        uRatio[i]! += (metric.x(c) - r * metric.y(c)) / (meanY * e.standardError!) / k
        const y = metric.y(c)
        uMean[i]! += y > 0 ? ((metric.x(c) / y - r) * Math.sqrt(m.n)) / m.sd! / k : 0
      })
    }
  })
  return {
    ratio: { z: zRatio, se: meanAndSe(uRatio).se },
    meanOfRatios: { z: zMean, se: meanAndSe(uMean).se }
  }
}

describe("per-interval estimates against the exact transient M/M/c+M day", () => {
  it("the exact values are those of a day with a step in volume", () => {
    // A sanity check of the oracle's input: service level drops when the volume steps up.
    expect(exact).toHaveLength(8)
    expect(exact[4]!.serviceLevels["answered-of-offered"]).toBeLessThan(exact[3]!.serviceLevels["answered-of-offered"])
  })

  it("≥ 90 % of the printed 95 % intervals cover the exact values; the mean of ratios would not", () => {
    const runs = Array.from({ length: RUNS }, (_, b) =>
      summarize(results.slice(b * REPLICATIONS, (b + 1) * REPLICATIONS))
    )
    const c = coverage(runs)
    expect(c.checks).toBe(RUNS * VOLUMES.length * METRICS.length)
    expect(c.ratio, `ratio estimator coverage ${c.ratio}`).toBeGreaterThanOrEqual(0.9)
    // The same test catches the biased estimator: its intervals narrow around the wrong value.
    expect(c.meanOfRatios, `mean-of-ratios coverage ${c.meanOfRatios}`).toBeLessThan(0.9)
  })

  it("the point estimates show no bias beyond 2 standard errors in aggregate; the mean of ratios does", () => {
    const b = aggregateBias(summarize(results), results)
    expect(Math.abs(b.ratio.z), `ratio: Z ${b.ratio.z} (se ${b.ratio.se})`).toBeLessThanOrEqual(2 * b.ratio.se)
    expect(
      Math.abs(b.meanOfRatios.z),
      `mean of ratios: Z ${b.meanOfRatios.z} (se ${b.meanOfRatios.se})`
    ).toBeGreaterThan(2 * b.meanOfRatios.se)
  })
})
