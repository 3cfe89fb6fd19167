import { compile, measureReplication, summarize } from "@ccsim/engine"
import { Scenario } from "@ccsim/scenario"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { censoringNote, runHeadline } from "../src/SummaryView.ts"

const scenario = (time: Record<string, unknown>, mode: "terminating" | "steady-state") =>
  Schema.decodeUnknownSync(Scenario)({
    name: "headline",
    seed: 3,
    time,
    run: { mode },
    queues: [{ id: "q" }],
    agents: [{ id: "a", queues: [{ queue: "q" }] }]
  })

describe("runHeadline", () => {
  it("shows the day from opening to closing", () => {
    expect(runHeadline(scenario({ open: "08:00", close: "18:00" }, "terminating"), 10)).toBe(
      "headline · seed 3 · 10 replications · terminating day 08:00–18:00"
    )
  })

  it("shows where a steady state given by a duration ends, days past midnight included", () => {
    expect(runHeadline(scenario({ duration: "101h" }, "steady-state"), 1)).toBe(
      "headline · seed 3 · 1 replication · steady state 00:00–05:00 (+4d)"
    )
    expect(runHeadline(scenario({ open: "06:00", duration: "8h" }, "steady-state"), 2)).toBe(
      "headline · seed 3 · 2 replications · steady state 06:00–14:00"
    )
  })
})

describe("censoringNote", () => {
  const summaryOf = (mode: "terminating" | "steady-state") => {
    // Long calls on a one-hour day: a steady state stops with calls still connected and waiting.
    const model = compile(
      Schema.decodeUnknownSync(Scenario)({
        name: "cut",
        seed: 5,
        time: { open: "08:00", close: "09:00" },
        run: { mode, ...(mode === "steady-state" ? { warmup: "0s" } : {}) },
        tenants: [{ id: "t", trackingNumbers: ["555-0100"] }],
        workflows: [{ id: "w", trackingNumbers: ["555-0100"], steps: [{ to: "queue", queue: "q" }] }],
        queues: [{ id: "q" }],
        agents: [{ id: "a", count: 2, queues: [{ queue: "q" }] }],
        traffic: [
          {
            type: "queue",
            trackingNumber: "555-0100",
            arrivals: { ratePerHour: 30 },
            handleTime: { type: "exponential", mean: "10m" }
          }
        ]
      })
    )
    return summarize([0, 1].map((replication) => measureReplication(model, { replication }).result))
  }

  it("names the calls a steady state cut off and why they are left out", () => {
    const summary = summaryOf("steady-state")
    const note = censoringNote(summary)
    const connected = summary.callTypes.reduce((a, c) => a + (c.metrics.connectedAtEnd.mean ?? 0), 0)
    expect(connected).toBeGreaterThan(0)
    expect(note).toMatch(
      /^ {2}cut off by the end of the run, per replication: [\d.]+ calls still waiting, [\d.]+ still connected; /
    )
    expect(note).toContain("left out of rates and handle times")
  })

  it("says nothing for a terminating day, which runs until every call has left", () => {
    expect(censoringNote(summaryOf("terminating"))).toBeUndefined()
  })
})
