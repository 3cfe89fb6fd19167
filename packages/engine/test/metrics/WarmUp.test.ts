import { describe, expect, it } from "vitest"
import { measureReplication } from "../../src/metrics/Measure.ts"
import { resolveWarmUp, WaitSeries } from "../../src/metrics/WarmUp.ts"
import { CallKind, EndOutcome } from "../../src/Observer.ts"
import { TraceRecorder } from "../../src/Trace.ts"
import { modelOf, queueModel, queueScenarioInput } from "./scenarios.ts"

describe("WaitSeries", () => {
  it("records queue-call waits in batches of 5 with each batch's first arrival", () => {
    const s = new WaitSeries()
    for (let call = 0; call < 12; call++) s.callArrived(call * 10, call, CallKind.queue, 0, true, 0, -1)
    s.callArrived(5, 99, CallKind.direct, -1, true, 0, -1)
    // Calls 0–9 answered after waiting `call` ms; call 10 abandons after 100 ms; call 11 still waits at the end.
    for (let call = 0; call < 10; call++) s.offerAccepted(call * 11, call, 0, 0)
    s.callEnded(200, 10, -1, EndOutcome.abandoned)
    s.callEnded(300, 11, -1, EndOutcome.inProgressAtEnd)
    s.offerAccepted(7, 99, 0, -1)
    expect(s.means).toEqual([2, 7])
    expect(s.starts).toEqual([0, 50])
  })
})

describe("resolveWarmUp", () => {
  it("deletes nothing in a terminating day and a fixed length in steady state", () => {
    const day = queueModel({ agents: 2, ratePerHour: 60, ahtSeconds: 60 })
    expect(resolveWarmUp(day, { seed: 1, replication: 0 })).toEqual({
      end: Number.NEGATIVE_INFINITY,
      method: "none",
      detected: true
    })
    const steady = queueModel({ agents: 2, ratePerHour: 60, ahtSeconds: 60, mode: "steady-state", warmup: "15m" })
    expect(resolveWarmUp(steady, { seed: 1, replication: 0 })).toEqual({
      end: steady.open + 900_000,
      method: "fixed",
      detected: true
    })
    const measured = measureReplication(steady, { replication: 0 })
    expect(measured.result.warmupMs).toBe(900_000)
  })

  it("finds the transient of a day that starts with a backlog (MSER-5) and measures after it", () => {
    // 60 calls at opening in front of 3 agents, then light Poisson traffic: waits start long and settle.
    const input = queueScenarioInput({
      agents: 3,
      ratePerHour: 60,
      ahtSeconds: 90,
      mode: "steady-state",
      warmup: "mser-5",
      duration: "12h"
    })
    const backlog = Array.from({ length: 60 }, () => ({
      type: "queue",
      trackingNumber: "+1 555 0100",
      at: 0,
      talk: "90s",
      known: true
    }))
    const model = modelOf({ ...input, script: { calls: backlog } })
    const warmUp = resolveWarmUp(model, { seed: 11, replication: 0 })
    expect(warmUp.method).toBe("mser-5")
    expect(warmUp.detected).toBe(true)
    // The backlog takes 60 × 90 s / 3 = 30 min to clear; the cut falls after the first calls and before the end.
    expect(warmUp.end).toBeGreaterThan(model.open)
    expect(warmUp.end).toBeLessThan(model.open + 6 * 3_600_000)
    const trace = new TraceRecorder(model)
    const measured = measureReplication(model, { replication: 0, observer: trace })
    expect(measured.warmUp).toEqual(warmUp)
    expect(measured.result.warmupMs).toBe(warmUp.end - model.open)
    const counted = trace.events.filter((e) => e.event === "call-arrived" && e.t >= warmUp.end).length
    expect(measured.result.total.counts.offered).toBe(counted)
    // Deleting the backlog lowers the measured ASA against an undeleted measurement of the same run.
    const all = measureReplication(
      modelOf({ ...input, run: { mode: "steady-state", warmup: "0s" }, script: { calls: backlog } }),
      { replication: 0 }
    ).result.total.counts
    const kept = measured.result.total.counts
    expect(kept.waitAnsweredMs / kept.answered).toBeLessThan(all.waitAnsweredMs / all.answered)
  })
})
