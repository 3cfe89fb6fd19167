/**
 * toReportData on a real results document from the engine: the engine's shape is the report's source, checked
 * by the compiler, and the staffing levels of every interval come through.
 */
import { compile, makeResultsDocument, measureReplication, type ResultsDocument, summarize } from "@ccsim/engine"
import { Scenario } from "@ccsim/scenario"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { toReportData } from "../src/FromResults.ts"
import type { ReportSource } from "../src/Source.ts"

// Compile-time check: every results document the engine writes is a report source.
const asSource = (doc: ResultsDocument): ReportSource => doc

const scenario = Schema.decodeUnknownSync(Scenario)({
  name: "staffing-levels",
  time: { open: "09:00", close: "11:00" },
  queues: [{ id: "q" }],
  workflows: [{ id: "w", trackingNumbers: ["555-0100"], steps: [{ to: "queue", queue: "q" }] }],
  agents: [{ id: "a", count: 4, queues: [{ queue: "q" }] }],
  traffic: [
    {
      type: "queue",
      trackingNumber: "555-0100",
      arrivals: { ratePerHour: 40 },
      handleTime: { type: "exponential", mean: "3m" }
    }
  ]
})

describe("toReportData on engine results", () => {
  it("carries signed-in, busy and available agents per interval", () => {
    const model = compile(scenario)
    const results = [0, 1].map((replication) => measureReplication(model, { replication }).result)
    const doc = makeResultsDocument({ model, seed: 1, engineVersion: "test", summary: summarize(results) })
    const data = toReportData(asSource(doc))
    const intervals = data.scopes[0]!.intervals
    expect(intervals.length).toBe(4)
    for (const interval of intervals) {
      expect(interval.signedIn.mean).toBeCloseTo(4, 6)
      // Four agents, load 2 Erlangs: some are busy and some available in every interval, and no one is on break.
      expect(interval.busy.mean).toBeGreaterThan(0.5)
      expect(interval.available.mean).toBeGreaterThan(0.5)
      expect(interval.busy.mean + interval.available.mean).toBeCloseTo(4, 6)
    }
  })
})
