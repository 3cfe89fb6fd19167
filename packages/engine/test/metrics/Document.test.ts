import { describe, expect, it } from "vitest"
import { makeResultsDocument } from "../../src/metrics/Document.ts"
import { measureReplication } from "../../src/metrics/Measure.ts"
import { summarize } from "../../src/metrics/Summary.ts"
import { evaluateThresholds } from "../../src/metrics/Thresholds.ts"
import { queueModel } from "./scenarios.ts"

describe("makeResultsDocument", () => {
  const model = queueModel({ agents: 2, ratePerHour: 40, ahtSeconds: 120, replications: 2 })
  const results = [0, 1].map((replication) => measureReplication(model, { replication }).result)
  const summary = summarize(results)

  it("names the scenario, the run and the service-level definition, with the summary", () => {
    const rows = evaluateThresholds(
      summary,
      [{ metric: "service-level", scope: "total", op: ">=", value: 0, strict: true }],
      model
    )
    const doc = makeResultsDocument({ model, seed: 11, engineVersion: "0.1.0", summary, thresholds: rows })
    expect(Object.keys(doc)).toEqual([
      "resultsVersion",
      "scenario",
      "seed",
      "replications",
      "engineVersion",
      "runMode",
      "warmup",
      "serviceLevelDefinition",
      "summary",
      "thresholds",
      "replicationResults"
    ])
    expect(doc.scenario).toEqual({
      name: "metrics-test",
      description: null,
      date: null,
      timeZone: null,
      open: 8 * 3_600_000,
      close: 10 * 3_600_000,
      intervalMs: 1_800_000
    })
    expect(doc.replications).toBe(2)
    expect(doc.runMode).toBe("terminating")
    expect(doc.warmup).toBe("none")
    expect(doc.serviceLevelDefinition).toBe("answered-of-offered")
    expect(doc.thresholds).toEqual(rows)
    expect(doc.replicationResults).toBeNull()
  })

  it("round-trips through JSON, with raw results when asked", () => {
    const doc = makeResultsDocument({ model, seed: 11, engineVersion: "0.1.0", summary, replicationResults: results })
    const json = JSON.stringify(doc)
    expect(json).not.toMatch(/NaN|Infinity/)
    expect(JSON.parse(json)).toEqual(doc)
    expect(doc.replicationResults).toHaveLength(2)
  })
})
