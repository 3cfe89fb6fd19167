import { assert, describe, it } from "@effect/vitest"
import { rebin, toReportData } from "../src/FromResults.ts"
import { renderReport } from "../src/Html.ts"
import { makeSource } from "./fixtures/Source.ts"

const viewer = "void 0"

describe("toReportData", () => {
  const data = toReportData(makeSource(), { runDate: "2026-03-02T10:00:00.000Z" })
  const [total, sales, support, acme] = data.scopes

  it("names the run and its service-level definition with its formula", () => {
    assert.deepStrictEqual(data.run, {
      scenario: "small day",
      description: "two queues",
      seed: 7,
      replications: 10,
      engineVersion: "0.1.0",
      runDate: "2026-03-02T10:00:00.000Z",
      mode: "terminating",
      serviceLevelDefinition: "answered-of-offered",
      serviceLevelFormula: "answered within T / offered"
    })
    assert.deepStrictEqual(data.time, { open: 28_800, close: 32_400, end: 33_000, intervalSeconds: 1800 })
  })

  it("makes the total, each queue and each tenant a scope, with names and members from the layout", () => {
    assert.deepStrictEqual(
      data.scopes.map((s) => [s.key, s.label, s.agents]),
      [
        ["total", "Total", ["a1", "a2", "a3"]],
        ["queue:sales", "Sales line", ["a1", "a2"]],
        ["queue:support", "Support", ["a3"]],
        ["tenant:acme", "Acme Plumbing", ["a1", "a2", "a3"]]
      ]
    )
    assert.strictEqual(sales!.serviceLevelThreshold, 20)
    assert.strictEqual(sales!.serviceLevelTarget, 0.8)
    assert.strictEqual(support!.serviceLevelTarget, 0.9)
    // queues with different targets: the total has none of its own
    assert.strictEqual(total!.serviceLevelTarget, null)
  })

  it("shows rates as the mean of replications with the CI clipped to what a rate can be", () => {
    assert.deepStrictEqual(total!.kpis.serviceLevel.value, { mean: 0.82, lo: 0.78, hi: 1 })
    assert.deepStrictEqual(total!.kpis.asa.value, { mean: 14, lo: 0, hi: 30 })
    assert.deepStrictEqual(total!.kpis.offered.value, { mean: 100, lo: 90, hi: 110 })
    assert.deepStrictEqual(total!.kpis.occupancy.value, { mean: 0.5, lo: 0.45, hi: 0.55 })
    // a queue's occupancy is its members' busy time over their signed-in time
    assert.closeTo(sales!.kpis.occupancy.value!.mean, 3800 / 7200, 1e-12)
  })

  it("attaches each threshold to the KPI card of its scope and metric", () => {
    assert.strictEqual(total!.kpis.serviceLevel.thresholds.length, 1)
    assert.strictEqual(sales!.kpis.asa.thresholds[0]!.ok, false)
    assert.strictEqual(acme!.kpis.asa.thresholds.length, 0)
    assert.strictEqual(data.thresholds.length, 2)
    assert.isNaN(
      toReportData({ ...makeSource(), thresholds: [{ ...makeSource().thresholds![0]!, observed: null }] })
        .thresholds[0]!.observed
    )
  })

  it("builds intervals with staffing: the total's from the summary, a queue's from the sampled replication's staffing", () => {
    assert.strictEqual(total!.intervals.length, 2)
    assert.deepStrictEqual(
      total!.intervals.map((i) => [i.start, i.end]),
      [
        [28_800, 30_600],
        [30_600, 32_400]
      ]
    )
    assert.strictEqual(total!.intervals[0]!.serviceLevel, null)
    assert.deepStrictEqual(total!.intervals[0]!.signedIn, { mean: 3, lo: 3, hi: 3 })
    // sales = a1 (available, then a queue call from 30 600) and a2 (wrap-up throughout)
    assert.deepStrictEqual(
      sales!.intervals.map((i) => [i.signedIn.mean, i.busy.mean, i.available.mean]),
      [
        [2, 1, 1],
        [2, 2, 0]
      ]
    )
  })

  it("re-bins waits into equal bins as means per replication, the threshold on a bin edge", () => {
    const bins = sales!.waits.bins
    assert.strictEqual(bins[0]!.lo, 0)
    const width = bins[0]!.hi - bins[0]!.lo
    assert.strictEqual(20 % width, 0)
    assert.closeTo(
      bins.reduce((s, b) => s + b.answered, 0),
      8,
      1e-12
    )
    assert.closeTo(
      bins.reduce((s, b) => s + b.abandoned, 0),
      0.5,
      1e-12
    )
    assert.deepStrictEqual(sales!.waits.percentiles, [
      { p: 50, seconds: 8 },
      { p: 90, seconds: 40 }
    ])
  })

  it("rebin: empty without waits; the last bin stretches to the longest wait", () => {
    assert.deepStrictEqual(rebin([], [], 1, 20), [])
    const bins = rebin(
      [
        [0, 1000, 995],
        [600_000, 601_000, 5]
      ],
      [],
      1,
      null
    )
    assert.strictEqual(bins.length, 1)
    assert.strictEqual(bins[0]!.hi, 601)
    assert.strictEqual(bins[0]!.answered, 1000)
  })

  it("takes paths and the timeline from the sample, and marks opening, closing, shifts and breaks", () => {
    assert.deepStrictEqual(total!.path?.grid, { start: 28_800, step: 600, columns: 7 })
    assert.deepStrictEqual(total!.path?.queueLength.hi, [1, 0, 0, 0, 0, 0, 0])
    assert.strictEqual(support!.path, null)
    assert.strictEqual(data.timeline?.agents.length, 3)
    assert.deepStrictEqual(data.timeline?.grid, { start: 28_800, step: 1800, columns: 3 })
    assert.strictEqual(data.timeline?.agents[0]?.states, "155")
    assert.deepStrictEqual(
      data.markers.map((m) => [m.at, m.kind, m.label]),
      [
        [28_800, "open", "open"],
        [32_400, "close", "close"],
        [30_000, "shift-start", "shift starts (a3)"],
        [30_600, "break-start", "break starts (a2)"],
        [31_500, "break-end", "break ends (a2)"]
      ]
    )
  })

  it("lists rule counts and the checker's violations", () => {
    const names = total!.rules.map((r) => `${r.rule} ${r.name}`)
    assert.includeMembers(names, [
      "R3 queue offers",
      "R9 misses",
      "R10 rollovers",
      "R13 holds",
      "R6 wrap-ups",
      "R15 abandons"
    ])
    assert.strictEqual(total!.rules.find((r) => r.name === "misses")!.value.mean, 1)
    assert.include(
      sales!.rules.map((r) => r.name),
      "misses (members)"
    )
    assert.deepStrictEqual(data.conformance.checked, true)
    assert.strictEqual(data.conformance.total, 2)
    assert.deepStrictEqual(data.conformance.violations[1], {
      t: 29_500,
      rule: "R5",
      event: "offer-started",
      call: null,
      agent: null,
      message: "second queue call"
    })
  })

  it("works without layout and sample, and the result renders", () => {
    const { report: _, ...bare } = makeSource()
    const plain = toReportData(bare)
    assert.strictEqual(plain.run.runDate, null)
    assert.deepStrictEqual(plain.time, { open: 28_800, close: 32_400, end: 32_400, intervalSeconds: 1800 })
    assert.strictEqual(plain.conformance.violations.length, 0)
    assert.strictEqual(plain.conformance.total, 2)
    assert.strictEqual(plain.timeline, null)
    assert.strictEqual(plain.scopes[1]!.label, "sales")
    assert.include(renderReport(plain, { viewer }), "small day")
    assert.include(renderReport(data, { viewer }), "Sales line")
  })
})

describe("toReportData occupancy of a queue", () => {
  it("names how a queue's occupancy was obtained, since it has no interval of its own", () => {
    const data = toReportData(makeSource())
    assert.strictEqual(data.scopes[1]!.kpis.occupancy.note, "members' busy / signed-in time, pooled")
    assert.isUndefined(data.scopes[0]!.kpis.occupancy.note)
  })
})
