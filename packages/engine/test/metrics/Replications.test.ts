import { describe, expect, it } from "vitest"
import {
  measureReplication,
  precisionOf,
  runReplicationRange,
  runReplications,
  sufficientReplications
} from "../../src/metrics/Replications.ts"
import { mergeAll } from "../../src/metrics/Result.ts"
import { summarize } from "../../src/metrics/Summary.ts"
import { TraceRecorder } from "../../src/Trace.ts"
import { queueModel } from "./scenarios.ts"

const model = queueModel({ agents: 3, ratePerHour: 120, ahtSeconds: 80, patienceSeconds: 300, replications: 4 })

describe("runReplications", () => {
  it("gives byte-identical summaries whatever the split of replications over workers", () => {
    const all = runReplications(model)
    expect(all.results.map((r) => r.replications[0])).toEqual([0, 1, 2, 3])
    const shards = [
      runReplicationRange(model, { from: 2, to: 4 }),
      runReplicationRange(model, { from: 0, to: 1 }),
      runReplicationRange(model, { from: 1, to: 2 })
    ].flat()
    expect(JSON.stringify(summarize(shards))).toBe(JSON.stringify(all.summary))
    expect(JSON.stringify(mergeAll(shards.reverse()))).toBe(JSON.stringify(all.pooled))
  })

  it("attaches extra observers per replication without changing the results", () => {
    const trace = new TraceRecorder(model)
    const traced = runReplications(model, { replications: 2, observer: (r) => (r === 1 ? trace : undefined) })
    expect(trace.events.filter((e) => e.event === "call-arrived")).toHaveLength(traced.results[1]!.total.counts.offered)
    expect(JSON.stringify(traced.summary)).toBe(JSON.stringify(runReplications(model, { replications: 2 }).summary))
  })

  it("is reproducible per replication and differs between replications", () => {
    const a = measureReplication(model, { replication: 1 }).result
    const b = measureReplication(model, { replication: 1 }).result
    const c = measureReplication(model, { replication: 2 }).result
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c))
  })

  it("counts conformance violations when checked", () => {
    const checked = runReplications(model, { replications: 2, check: true })
    expect(checked.results.every((r) => r.violations === 0)).toBe(true)
    expect(checked.summary.violations?.mean).toBe(0)
    let seen = 0
    const custom = runReplications(model, {
      replications: 1,
      check: () => ({ ...nullChecker(), violations: ["a", "b"], simulationEnded: () => void seen++ })
    })
    expect(custom.results[0]!.violations).toBe(2)
    expect(seen).toBe(1)
    expect(runReplications(model, { replications: 1 }).summary.violations).toBeNull()
  })

  it("adds replications until the precision target, and finds the same count from parallel results", () => {
    const loose = runReplications(model, { replications: 1, targetRelativeHalfWidth: 10 })
    // At least three replications before precision is judged.
    expect(loose.results).toHaveLength(3)
    expect(loose.precision?.reached).toBe(true)
    const strict = runReplications(model, { replications: 2, targetRelativeHalfWidth: 0.0001, maxReplications: 5 })
    expect(strict.results).toHaveLength(5)
    expect(strict.precision?.reached).toBe(false)
    const target = 0.25
    const sequential = runReplications(model, { replications: 3, targetRelativeHalfWidth: target, maxReplications: 30 })
    const parallel = runReplicationRange(model, { from: 0, to: 30 })
    expect(sufficientReplications(parallel, target)).toBe(sequential.results.length)
    const rel = precisionOf(sequential.summary, target).relativeHalfWidths
    expect(rel["service-level"]).toBeLessThanOrEqual(target)
    expect(rel.asa).toBeLessThanOrEqual(target)
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
