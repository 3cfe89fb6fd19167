/**
 * A steady state of many days (`run.duration: 30d`): M/M/5 at 3.5 Erlangs against Erlang C, and results whose
 * size does not grow with the days (the run is one reporting interval). Ten replications of about 50,400 calls:
 * the relative standard error of ASA is about 1.8 % (K·A = 171 for this point, see ErlangC.test.ts), so every
 * check is at three standard errors of the replications' mean (probabilities: at least 0.01).
 */
import { erlangC } from "@ccsim/analytic"
import { Scenario } from "@ccsim/scenario"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { compile } from "../../src/Compile.ts"
import { makeResultsDocument } from "../../src/metrics/Document.ts"
import { measureReplication } from "../../src/metrics/Measure.ts"
import { summarize } from "../../src/metrics/Summary.ts"
import { HISTOGRAM_BUCKETS } from "../../src/stats/Histogram.ts"
import { expectProbability } from "./erlang.ts"

const AGENTS = 5
const AHT = 180
const RATE_PER_HOUR = 70 // A = 70 × 180 / 3600 = 3.5 Erlangs
const THRESHOLD = 20

const scenarioOf = (duration: string) =>
  Schema.decodeUnknownSync(Scenario)({
    name: "long steady state",
    seed: 30,
    time: { open: "00:00", duration: "24h", intervalMinutes: 60 },
    run: { mode: "steady-state", warmup: "5h", duration },
    customerDirectory: { knownShare: 1 },
    queues: [{ id: "q", serviceLevel: { threshold: `${THRESHOLD}s` } }],
    workflows: [{ id: "w", trackingNumbers: ["555-0100"], steps: [{ to: "queue", queue: "q" }] }],
    agents: [{ id: "a", count: AGENTS, queues: [{ queue: "q" }], behaviour: { answerDelay: 0 } }],
    traffic: [
      {
        type: "queue",
        trackingNumber: "555-0100",
        arrivals: { ratePerHour: RATE_PER_HOUR },
        handleTime: { type: "exponential", mean: `${AHT}s` }
      }
    ]
  })

const run = (duration: string, replications: number) => {
  const model = compile(scenarioOf(duration))
  const results = Array.from({ length: replications }, (_, r) => measureReplication(model, { replication: r }).result)
  const summary = summarize(results)
  return { model, summary, document: makeResultsDocument({ model, seed: 30, engineVersion: "test", summary }) }
}

describe("a steady state of run.duration", () => {
  it("30 days of M/M/5 agree with Erlang C, reported as one interval", () => {
    const { summary } = run("30d", 10)
    const theory = erlangC({ agents: AGENTS, arrivalRate: RATE_PER_HOUR / 3600, aht: AHT, threshold: THRESHOLD })
    const m = summary.total.metrics
    // About 30 days × 70 calls an hour, less the warm-up, per replication.
    expect(m.offered.mean).toBeGreaterThan(49_000)
    expect(summary.intervals).toHaveLength(1)
    expectProbability("service level", m.serviceLevelAnsweredOfOffered, theory.serviceLevel)
    expectProbability("P(wait)", m.waitProbability, theory.pWait)
    expectProbability("occupancy", summary.allAgents.metrics.occupancy, theory.occupancy)
    const asa = m.asa
    const se = asa.standardError!
    expect(Math.abs(asa.ratio! - theory.asa), `ASA ${asa.ratio} (se ${se}) vs ${theory.asa}`).toBeLessThanOrEqual(
      3 * se
    )
  })

  it("keeps the results' size whatever the days", () => {
    const three = run("3d", 1).document
    const thirty = run("30d", 1).document
    expect(thirty.summary.intervals).toHaveLength(1)
    // Ten times the days, not ten times the bytes: one interval either way; only the wait histograms (at most
    // HISTOGRAM_BUCKETS bins each) fill a few more bins as a longer run sees rarer waits.
    expect(JSON.stringify(thirty).length / JSON.stringify(three).length).toBeLessThan(1.5)
    for (const bins of [thirty.summary.total.waitHistogram, thirty.summary.queues[0]!.waitHistogram])
      expect(bins.length).toBeLessThanOrEqual(HISTOGRAM_BUCKETS)
  })
})
