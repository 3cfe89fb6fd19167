import { describe, expect, it } from "vitest"
import { measureReplication } from "../../src/metrics/Measure.ts"
import { mergeAll } from "../../src/metrics/Result.ts"
import { summarize } from "../../src/metrics/Summary.ts"
import { TraceRecorder } from "../../src/Trace.ts"
import { queueModel } from "./scenarios.ts"

const model = queueModel({ agents: 3, ratePerHour: 120, ahtSeconds: 80, patienceSeconds: 300, replications: 4 })
const measure = (replication: number, options: Omit<Parameters<typeof measureReplication>[1], "replication"> = {}) =>
  measureReplication(model, { replication, ...options }).result

describe("measureReplication", () => {
  it("gives byte-identical summaries whatever the order and split of replications", () => {
    const all = [0, 1, 2, 3].map((r) => measure(r))
    const shards = [[2, 3], [0], [1]].flatMap((shard) => shard.map((r) => measure(r)))
    expect(JSON.stringify(summarize(shards))).toBe(JSON.stringify(summarize(all)))
    expect(JSON.stringify(mergeAll(shards.reverse()))).toBe(JSON.stringify(mergeAll(all)))
  })

  it("attaches extra observers without changing the results", () => {
    const trace = new TraceRecorder(model)
    const traced = measure(1, { observer: trace })
    expect(trace.events.filter((e) => e.event === "call-arrived")).toHaveLength(traced.total.counts.offered)
    expect(JSON.stringify(traced)).toBe(JSON.stringify(measure(1)))
  })

  it("is reproducible per replication and differs between replications", () => {
    const a = measure(1)
    const b = measure(1)
    const c = measure(2)
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c))
  })

  it("counts conformance violations when checked", () => {
    const checked = [0, 1].map((r) => measure(r, { check: true }))
    expect(checked.every((r) => r.violations === 0)).toBe(true)
    expect(summarize(checked).violations?.mean).toBe(0)
    let seen = 0
    const custom = measure(0, {
      check: () => ({ ...nullChecker(), violations: ["a", "b"], simulationEnded: () => void seen++ })
    })
    expect(custom.violations).toBe(2)
    expect(seen).toBe(1)
    expect(summarize([measure(0)]).violations).toBeNull()
  })
})

const nullChecker = () => {
  const noop = () => {}
  return {
    callArrived: noop,
    callRouted: noop,
    callQueued: noop,
    callRolledOver: noop,
    offerStarted: noop,
    offerAccepted: noop,
    offerRejected: noop,
    offerMissed: noop,
    offerCancelled: noop,
    outboundStarted: noop,
    callHeld: noop,
    callResumed: noop,
    callAbandoned: noop,
    callEnded: noop,
    redialScheduled: noop,
    wrapUpStarted: noop,
    wrapUpEnded: noop,
    agentStatusChanged: noop,
    agentOvertimeStarted: noop,
    simulationEnded: noop
  }
}

describe("calls cut off by a steady-state horizon", () => {
  // Long calls (mean 10 min) on a one-hour steady state: several are still connected when the run stops.
  const steady = queueModel({ agents: 4, ratePerHour: 20, ahtSeconds: 600, mode: "steady-state", warmup: "0s" })

  it("are counted per scope as still connected, not as handled, with the time they had been connected", () => {
    const r = measureReplication(steady, { replication: 0 }).result
    for (const scope of [r.total, ...r.queues, ...r.tenants]) {
      expect(scope.counts.handled + scope.counts.connectedAtEnd).toBe(scope.counts.answered)
    }
    expect(r.total.counts.connectedAtEnd).toBeGreaterThan(0)
    const s = summarize([0, 1, 2].map((replication) => measureReplication(steady, { replication }).result))
    expect(s.total.metrics.connectedAtEnd.mean).toBeGreaterThan(0)
    expect(s.total.metrics.meanConnectedAtEnd.ratio).toBeGreaterThan(0)
  })

  it("do not occur in a terminating day, which runs until every call has left", () => {
    const r = measure(0)
    expect(r.total.counts.connectedAtEnd).toBe(0)
    expect(r.total.counts.handled).toBe(r.total.counts.answered)
  })
})
