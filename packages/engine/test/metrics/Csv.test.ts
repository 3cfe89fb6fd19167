import { describe, expect, it } from "vitest"
import { INTERVAL_CSV_COLUMNS, intervalsCsv } from "../../src/metrics/Csv.ts"
import { summarize } from "../../src/metrics/Summary.ts"
import { syntheticResult } from "./synthetic.ts"

const summary = summarize([0, 1, 2].map((r) => syntheticResult(r)))

describe("intervalsCsv", () => {
  const lines = intervalsCsv(summary).trimEnd().split("\n")
  const rows = lines.slice(1).map((l) => l.split(","))

  it("has a header and one row per interval and scope", () => {
    expect(lines[0]).toBe(INTERVAL_CSV_COLUMNS.join(","))
    // 2 intervals × (total + 1 queue + 2 tenants).
    expect(rows.map((r) => `${r[0]} ${r[1]}`)).toEqual([
      "total 08:00",
      "total 08:30",
      "queue:q0 08:00",
      "queue:q0 08:30",
      "tenant:t0 08:00",
      "tenant:t0 08:30",
      "tenant:t1 08:00",
      "tenant:t1 08:30"
    ])
    for (const r of rows) expect(r).toHaveLength(INTERVAL_CSV_COLUMNS.length)
  })

  it("writes point estimates and intervals of the summary", () => {
    const col = (name: (typeof INTERVAL_CSV_COLUMNS)[number]) => INTERVAL_CSV_COLUMNS.indexOf(name)
    const first = summary.intervals[0]!.metrics
    expect(Number(rows[0]![col("offered")])).toBeCloseTo(first.offered.mean!, 8)
    expect(Number(rows[0]![col("service_level")])).toBeCloseTo(first.serviceLevel.ratio!, 8)
    expect(Number(rows[0]![col("service_level_ci_low")])).toBeCloseTo(first.serviceLevel.ci![0], 8)
    expect(Number(rows[0]![col("agents_signed_in")])).toBeCloseTo(first.agentsSignedIn.ratio!, 8)
    expect(Number(rows[0]![col("service_level_mean_of_ratios")])).toBeCloseTo(first.serviceLevel.meanOfRatios.mean!, 8)
    // Staffing is only known for the total.
    expect(rows[2]![col("agents_signed_in")]).toBe("")
  })
})
