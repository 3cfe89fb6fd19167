import type { Threshold } from "@ccsim/scenario"
import { describe, expect, it } from "vitest"
import { pointEstimate } from "../../src/metrics/Estimate.ts"
import { summarize } from "../../src/metrics/Summary.ts"
import { evaluateThresholds, metricEstimate } from "../../src/metrics/Thresholds.ts"
import { studentTQuantile } from "../../src/stats/StudentT.ts"
import { fakeModel } from "./fixtures.ts"
import { syntheticResult } from "./synthetic.ts"

const model = fakeModel({ tenants: ["t0", "t1"] })
const summary = summarize([0, 1, 2, 3, 4].map((r) => syntheticResult(r)))
const sl = summary.total.metrics.serviceLevel
const observed = sl.ratio!

const threshold = (t: Partial<Threshold> & Pick<Threshold, "metric" | "op" | "value">): Threshold => ({
  scope: "total",
  strict: true,
  ...t
})

describe("evaluateThresholds", () => {
  it("compares the point estimate and reports the 95 % interval", () => {
    const [pass, fail] = evaluateThresholds(
      summary,
      [
        threshold({ metric: "service-level", op: ">=", value: observed - 0.01 }),
        threshold({ metric: "service-level", op: ">=", value: observed + 0.01, strict: false })
      ],
      model
    )
    expect(pass).toEqual({
      ok: true,
      strict: true,
      scope: "total",
      metric: "service-level",
      op: ">=",
      value: observed - 0.01,
      observed,
      ci: sl.ci,
      confidence: null
    })
    expect(fail!.ok).toBe(false)
    expect(fail!.strict).toBe(false)
  })

  it("with a confidence level, requires the whole interval to satisfy the condition", () => {
    // The ratio's delta-method standard error, with the t quantile of the threshold's level.
    const h = studentTQuantile(0.95, sl.n - 1) * sl.standardError!
    const rows = evaluateThresholds(
      summary,
      [
        threshold({ metric: "service-level", op: ">=", value: observed - h / 2, confidence: 0.9 }),
        threshold({ metric: "service-level", op: ">=", value: observed - h * 1.01, confidence: 0.9 }),
        threshold({ metric: "service-level", op: "<", value: observed + h * 1.01, confidence: 0.9 }),
        threshold({ metric: "service-level", op: "!=", value: observed, confidence: 0.9 }),
        threshold({ metric: "service-level", op: "!=", value: observed + 2 * h, confidence: 0.9 })
      ],
      model
    )
    expect(rows.map((r) => r.ok)).toEqual([false, true, true, false, true])
    expect(rows[0]!.ci![0]).toBeCloseTo(observed - h, 12)
    expect(rows[0]!.confidence).toBe(0.9)
  })

  it("resolves every scope kind", () => {
    const rows = evaluateThresholds(
      summary,
      [
        threshold({ scope: "queue:q0", metric: "asa", op: "<=", value: 1000 }),
        threshold({ scope: "tenant:t1", metric: "offered", op: ">", value: 0 }),
        threshold({ scope: "agent:a0", metric: "occupancy", op: "<=", value: 1 }),
        threshold({ scope: "agent:team", metric: "misses", op: "==", value: 0 }),
        threshold({ scope: "interval:8:30", metric: "wait-p90", op: ">=", value: 0 }),
        threshold({ scope: "total", metric: "utilisation", op: ">", value: 0 })
      ],
      model
    )
    expect(rows.map((r) => [r.ok, r.message])).toEqual([
      [true, undefined],
      [true, undefined],
      [true, undefined],
      [true, undefined],
      [true, undefined],
      [true, undefined]
    ])
    expect(rows[0]!.observed).toBe(summary.queues[0]!.metrics.asa.ratio)
    expect(rows[4]!.observed).toBe(pointEstimate(summary.intervals[1]!.metrics.waitP90!))
  })

  it("fails with a message for unknown scopes, unmeasured metrics and missing data", () => {
    const rows = evaluateThresholds(
      summary,
      [
        threshold({ scope: "queue:nope", metric: "asa", op: "<", value: 1 }),
        threshold({ scope: "queue:q0", metric: "occupancy", op: "<", value: 1 }),
        threshold({ scope: "interval:12:00", metric: "asa", op: "<", value: 1 }),
        threshold({ scope: "interval:08:10", metric: "asa", op: "<", value: 1 }),
        threshold({ metric: "violations", op: "==", value: 0 })
      ],
      model
    )
    expect(rows.every((r) => !r.ok)).toBe(true)
    expect(rows.map((r) => r.message)).toEqual([
      "unknown scope queue:nope",
      "occupancy is not measured for queue:q0",
      "unknown scope interval:12:00",
      "unknown scope interval:08:10",
      "violations is not measured for total"
    ])
  })

  it("needs two replications for a confidence threshold", () => {
    const one = summarize([syntheticResult(0)])
    const [row] = evaluateThresholds(one, [threshold({ metric: "asa", op: "<", value: 1e9, confidence: 0.95 })], model)
    expect(row!.ok).toBe(false)
    expect(row!.message).toMatch(/at least 2 replications/)
  })

  it("reads estimates by metric name", () => {
    expect(metricEstimate(summary, "total", "abandon-rate")).toBe(summary.total.metrics.abandonRate)
    expect(metricEstimate(summary, "total", "occupancy")).toBe(summary.allAgents.metrics.occupancy)
    expect(metricEstimate(summary, "agent:a1", "asa")).toBeUndefined()
  })
})
