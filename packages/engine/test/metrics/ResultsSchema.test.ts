import { ThresholdMetrics } from "@ccsim/scenario"
import { describe, expect, it } from "vitest"
import { makeResultsDocument } from "../../src/metrics/Document.ts"
import { measureReplication } from "../../src/metrics/Measure.ts"
import { decodeResultsDocument, METRIC_CATALOGUE, metricInfo } from "../../src/metrics/ResultsSchema.ts"
import { summarize } from "../../src/metrics/Summary.ts"
import { evaluateThresholds } from "../../src/metrics/Thresholds.ts"
import { queueModel } from "./scenarios.ts"

const model = queueModel({ agents: 2, ratePerHour: 40, ahtSeconds: 120, patienceSeconds: 60, replications: 2 })
const summary = summarize([0, 1].map((replication) => measureReplication(model, { replication, check: true }).result))
const document = makeResultsDocument({
  model,
  seed: 11,
  engineVersion: "0.1.0",
  summary,
  thresholds: evaluateThresholds(
    summary,
    [{ metric: "asa", scope: "total", op: "<=", value: 20, strict: true, confidence: 0.9 }],
    model
  )
})
/** The document as results.json holds it. */
const written = () => JSON.parse(JSON.stringify(document))

describe("decodeResultsDocument", () => {
  it("decodes what the engine writes, unchanged", () => {
    const decoded = decodeResultsDocument(written())
    expect(decoded._tag).toBe("ok")
    if (decoded._tag === "ok") expect(JSON.stringify(decoded.document)).toBe(JSON.stringify(document))
  })

  it("names another results version as such", () => {
    const other = { ...written(), resultsVersion: 1 }
    expect(decodeResultsDocument(other)).toEqual({
      _tag: "problem",
      problem: {
        path: "resultsVersion",
        expected: "results version 2 (written by this ccsim; re-run the scenario to redraw it)",
        found: "1"
      }
    })
  })

  it("names the field of a hand-edited file, what it expected and what it found", () => {
    const edited = written()
    edited.summary.queues[0].metrics.asa.ratio = "fast"
    expect(decodeResultsDocument(edited)).toEqual({
      _tag: "problem",
      problem: { path: "summary.queues[0].metrics.asa.ratio", expected: "number | null", found: '"fast"' }
    })
    const missing = written()
    delete missing.summary.total.metrics.offered
    expect(decodeResultsDocument(missing)).toEqual({
      _tag: "problem",
      problem: { path: "summary.total.metrics.offered", expected: "a value", found: "nothing (the field is missing)" }
    })
    expect(decodeResultsDocument([1, 2])._tag).toBe("problem")
  })
})

describe("METRIC_CATALOGUE", () => {
  it("lists every threshold metric once, with a kind and a unit", () => {
    expect(METRIC_CATALOGUE.map((m) => m.name)).toEqual([...ThresholdMetrics])
    expect(metricInfo("offered")).toEqual({ name: "offered", kind: "count", unit: "calls", better: null })
    expect(metricInfo("service-level")).toEqual({
      name: "service-level",
      kind: "rate",
      unit: "fraction",
      better: "higher"
    })
    expect(metricInfo("asa")).toEqual({ name: "asa", kind: "time", unit: "seconds", better: "lower" })
    expect(metricInfo("abandon-rate").better).toBe("lower")
    expect(metricInfo("occupancy").better).toBe(null)
    expect(metricInfo("violations").kind).toBe("count")
  })
})
