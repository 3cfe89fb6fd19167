import { describe, expect, it } from "vitest"
import { mergeResults } from "../../src/metrics/Result.ts"
import { SummaryError, summarize } from "../../src/metrics/Summary.ts"
import { studentTQuantile } from "../../src/stats/StudentT.ts"
import { syntheticResult } from "./synthetic.ts"

const runs = [0, 1, 2, 3].map((r) => syntheticResult(r))

describe("summarize", () => {
  it("gives mean, sd and the 95 % t interval over replications", () => {
    const s = summarize(runs)
    const offered = runs.map((r) => r.total.counts.offered)
    const mean = offered.reduce((a, b) => a + b, 0) / 4
    const sd = Math.sqrt(offered.reduce((a, x) => a + (x - mean) ** 2, 0) / 3)
    const e = s.total.metrics.offered
    expect(e.n).toBe(4)
    expect(e.mean).toBe(mean)
    expect(e.sd).toBeCloseTo(sd, 12)
    expect(e.halfWidth).toBeCloseTo((studentTQuantile(0.975, 3) * sd) / 2, 12)
    expect(e.ci![0]).toBeCloseTo(mean - e.halfWidth!, 12)
    expect(s.replications).toBe(4)
    expect(s.confidenceLevel).toBe(0.95)
  })

  it("estimates rates by the ratio of sums, keeping the mean of per-replication ratios apart", () => {
    const s = summarize(runs)
    const within = runs.map((r) => r.total.counts.answeredWithin)
    const offered = runs.map((r) => r.total.counts.offered)
    const sl = s.total.metrics.serviceLevel
    expect(s.serviceLevelDefinition).toBe("answered-of-offered")
    expect(s.total.serviceLevelDefinition).toBe("answered-of-offered")
    expect(sl).toBe(s.total.metrics.serviceLevelAnsweredOfOffered)
    const ratio = within.reduce((a, b) => a + b) / offered.reduce((a, b) => a + b)
    expect(sl.ratio).toBeCloseTo(ratio, 14)
    expect(sl.meanOfRatios.mean).toBeCloseTo(within.map((w, i) => w / offered[i]!).reduce((a, b) => a + b) / 4, 14)
    // Delta method: SE = sd(xᵢ − R·yᵢ) / (√n · ȳ), and the t interval around the ratio.
    const residuals = within.map((w, i) => w - ratio * offered[i]!)
    const sdResidual = Math.sqrt(residuals.reduce((a, d) => a + d * d, 0) / 3)
    const se = sdResidual / (2 * (offered.reduce((a, b) => a + b) / 4))
    expect(sl.standardError).toBeCloseTo(se, 12)
    expect(sl.halfWidth).toBeCloseTo(studentTQuantile(0.975, 3) * se, 12)
    expect(sl.ci![0]).toBeCloseTo(ratio - sl.halfWidth!, 12)
    expect(sl.ci![1]).toBeCloseTo(ratio + sl.halfWidth!, 12)
    const asa = s.total.metrics.asa
    const waits = runs.map((r) => r.total.counts.waitAnsweredMs)
    const answered = runs.map((r) => r.total.counts.answered)
    expect(asa.ratio).toBeCloseTo(waits.reduce((a, b) => a + b) / answered.reduce((a, b) => a + b) / 1000, 12)
  })

  it("computes every service-level definition from the same counts", () => {
    const s = summarize(runs.slice(0, 1))
    const c = runs[0]!.total.counts
    const m = s.total.metrics
    expect(m.serviceLevelAnsweredOfOffered.ratio).toBeCloseTo(c.answeredWithin / c.offered, 14)
    expect(m.serviceLevelAnsweredOfOfferedMinusAbandonedWithin.ratio).toBeCloseTo(
      c.answeredWithin / (c.offered - c.abandonedWithin),
      14
    )
    expect(m.serviceLevelAnsweredOfAnswered.ratio).toBeCloseTo(c.answeredWithin / c.answered, 14)
    expect(m.serviceLevelAnsweredAndAbandonedWithinOfOffered.ratio).toBeCloseTo(
      (c.answeredWithin + c.abandonedWithin) / c.offered,
      14
    )
    // One replication: a value, no spread.
    expect(m.offered.sd).toBeNull()
    expect(m.offered.ci).toBeNull()
  })

  it("leaves replications without a denominator out of the mean of ratios", () => {
    const s = summarize(runs)
    // Nobody rolls over to the queue-less direct type: no calls, no rate.
    const direct = s.callTypes.find((t) => t.id === "direct")!
    expect(direct.metrics.offered.mean).toBe(0)
    expect(direct.metrics.asa.n).toBe(4)
    expect(direct.metrics.asa.ratio).toBeNull()
    expect(direct.metrics.asa.ci).toBeNull()
    expect(direct.metrics.asa.meanOfRatios.n).toBe(0)
    expect(direct.metrics.asa.meanOfRatios.mean).toBeNull()
    expect(direct.metrics.serviceLevel.ratio).toBeNull()
  })

  it("is byte-identical whatever order the replications arrive in", () => {
    const forward = JSON.stringify(summarize(runs))
    expect(JSON.stringify(summarize([runs[2]!, runs[0]!, runs[3]!, runs[1]!]))).toBe(forward)
  })

  it("summarises intervals with staffing levels and labels", () => {
    const s = summarize(runs)
    expect(s.intervals.map((i) => i.label)).toEqual(["08:00", "08:30"])
    const first = s.intervals[0]!
    const level = runs.map((r) => r.intervals[0]!)
    expect(first.metrics.agentsSignedIn.ratio).toBeCloseTo(
      level.reduce((a, l) => a + l.signedInMs, 0) / level.reduce((a, l) => a + l.durationMs, 0),
      12
    )
    expect(first.metrics.offered.mean).toBe(runs.reduce((a, r) => a + r.total.intervals[0]!.offered, 0) / 4)
    expect(first.metrics.waitP90).toBeDefined()
    expect(s.queues[0]!.intervals).toHaveLength(2)
    expect(s.tenants.map((t) => t.id)).toEqual(["t0", "t1"])
  })

  it("gives percentiles from the histograms and pooled histogram bins", () => {
    const s = summarize(runs)
    const p50 = s.total.metrics.waitP50!
    expect(p50.n).toBe(4)
    expect(p50.pooled).toBeGreaterThan(0)
    const answered = runs.reduce((a, r) => a + r.total.counts.answered, 0)
    expect(s.total.waitHistogram.reduce((a, [, , c]) => a + c, 0)).toBe(answered)
    for (const [from, to] of s.total.waitHistogram) expect(to).toBeGreaterThan(from)
  })

  it("summarises agents, groups and all agents", () => {
    const s = summarize(runs)
    expect(s.agents.map((a) => a.id)).toEqual(["a0", "a1"])
    const busy = runs.map((r) => r.agents[0]!.counts.busyMs)
    const signedIn = runs.map((r) => r.agents[0]!.counts.signedInMs)
    expect(s.agents[0]!.metrics.occupancy.ratio).toBeCloseTo(
      busy.reduce((a, b) => a + b) / signedIn.reduce((a, b) => a + b),
      14
    )
    expect(s.groups[0]!.agents).toBe(2)
    expect(s.allAgents.metrics.busyTime.mean).toBeCloseTo(
      runs.reduce((a, r) => a + r.agents[0]!.counts.busyMs + r.agents[1]!.counts.busyMs, 0) / 4 / 1000,
      9
    )
    expect(s.violations).toBeNull()
  })

  it("refuses merged results, duplicates and nothing", () => {
    expect(() => summarize([])).toThrow(SummaryError)
    expect(() => summarize([mergeResults(runs[0]!, runs[1]!)])).toThrow(/one result per replication/)
    expect(() => summarize([runs[0]!, runs[0]!])).toThrow(/appears twice/)
  })
})
