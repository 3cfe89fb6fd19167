import { AbandonStage, AgentStatus, CallKind, EndOutcome, StatusCause } from "@ccsim/engine"
import { assert, describe, it } from "@effect/vitest"
import { ReplicationSampler, type SamplerModel } from "../src/Sampler.ts"

/** One-second columns over 16 s, the queue's members both agents, 4-second reporting intervals. */
const model: SamplerModel = {
  agents: [{ id: "ann" }, { id: "bob" }],
  queues: [{ id: "sales", members: [{ agent: 0 }, { agent: 1 }] }],
  tenants: [{ id: "acme" }, { id: "globex" }],
  open: 0,
  close: 16_000,
  intervalMs: 4000
}

/** A miss (R9/R11), an answer, Hold & Accept of an internal call (R13), resume, wrap-up (R6). */
const day = (s: ReplicationSampler): ReplicationSampler => {
  s.agentStatusChanged(0, 0, AgentStatus.available, StatusCause.shift, -1)
  s.agentStatusChanged(0, 1, AgentStatus.available, StatusCause.shift, -1)
  s.callArrived(1000, 0, CallKind.queue, 0, true, 0, -1)
  s.callQueued(1000, 0, 0)
  s.offerStarted(1000, 0, 0, 0)
  s.offerMissed(3000, 0, 0, 0)
  s.agentStatusChanged(3000, 0, AgentStatus.unavailable, StatusCause.missPolicy, 0)
  s.offerStarted(3000, 0, 1, 0)
  s.offerAccepted(5000, 0, 1, 0)
  s.callArrived(6000, 1, CallKind.internal, -1, true, -1, -1)
  s.offerStarted(6000, 1, 1, -1)
  s.callHeld(7000, 0, 1)
  s.offerAccepted(7000, 1, 1, -1)
  s.callEnded(9000, 1, 1, EndOutcome.handled)
  s.callResumed(9000, 0, 1)
  s.callEnded(12_000, 0, 1, EndOutcome.handled)
  s.wrapUpStarted(12_000, 1, 0, 0, 3000)
  s.wrapUpEnded(15_000, 1)
  s.simulationEnded(16_000)
  return s
}

const sampleOf = (m: SamplerModel, columns: number) =>
  day(new ReplicationSampler(m, { replication: 3, pathColumns: columns })).sample()
const repeat = (c: string, n: number) => c.repeat(n)

describe("ReplicationSampler", () => {
  it("keeps each agent's state, busy and signed-in share per column", () => {
    const sample = sampleOf(model, 16)
    assert.strictEqual(sample.replication, 3)
    assert.strictEqual(sample.end, 16)
    assert.deepStrictEqual(sample.agentGrid, { start: 0, step: 1, columns: 16 })
    // ringing counts as busy in the timeline
    assert.deepStrictEqual(sample.agents[0], {
      id: "ann",
      states: `144${repeat("3", 13)}`,
      busy: `0__${repeat("0", 13)}`,
      signedIn: repeat("_", 16)
    })
    assert.deepStrictEqual(sample.agents[1], {
      id: "bob",
      states: "1114455665558881",
      busy: `000${repeat("_", 12)}0`,
      signedIn: repeat("_", 16)
    })
  })

  it("keeps each column's lowest and highest level of waiting calls and busy agents per scope", () => {
    const paths = Object.fromEntries(sampleOf(model, 16).paths.map((p) => [p.key, p]))
    assert.deepStrictEqual(Object.keys(paths), ["total", "queue:sales", "tenant:acme", "tenant:globex"])
    const level = (on: ReadonlyArray<readonly [number, number]>) =>
      Array.from({ length: 16 }, (_, c) => (on.some(([a, b]) => c >= a && c < b) ? 1 : 0))
    const waiting = level([[1, 5]])
    assert.deepStrictEqual(paths.total!.queueLength, { lo: waiting, hi: waiting })
    assert.deepStrictEqual(paths["queue:sales"]!.queueLength, { lo: waiting, hi: waiting })
    assert.deepStrictEqual(paths["tenant:acme"]!.queueLength, { lo: waiting, hi: waiting })
    assert.deepStrictEqual(paths["tenant:globex"]!.queueLength, { lo: level([]), hi: level([]) })
    // busy from the answer to the end of wrap-up; the internal call counts for the total only
    assert.deepStrictEqual(paths.total!.busy.hi, level([[5, 15]]))
    const queueBusy = level([
      [5, 7],
      [9, 15]
    ])
    assert.deepStrictEqual(paths["queue:sales"]!.busy, { lo: queueBusy, hi: queueBusy })
    assert.deepStrictEqual(paths["tenant:acme"]!.busy, { lo: queueBusy, hi: queueBusy })
  })

  it("wider columns hold the extremes of what they cover; levels held for no time are left out", () => {
    const s = new ReplicationSampler(model, { pathColumns: 4 })
    s.callArrived(0, 0, CallKind.queue, 0, true, 0, -1)
    s.callQueued(0, 0, 0)
    s.callArrived(1000, 1, CallKind.queue, 0, true, 0, -1)
    s.callQueued(1000, 1, 0)
    // queued and answered at the same instant: never waited
    s.callArrived(2000, 2, CallKind.queue, 0, true, 0, -1)
    s.callQueued(2000, 2, 0)
    s.callAbandoned(2000, 2, 0, AbandonStage.waiting)
    s.callAbandoned(3000, 0, 0, AbandonStage.waiting)
    s.callAbandoned(6000, 1, 0, AbandonStage.waiting)
    s.simulationEnded(16_000)
    const total = s.sample().paths[0]!
    assert.deepStrictEqual(total.grid, { start: 0, step: 4, columns: 4 })
    assert.deepStrictEqual(total.queueLength, { lo: [1, 0, 0, 0], hi: [2, 1, 0, 0] })
  })

  it("merges columns in pairs when the run outlasts the day, as if the columns had been that wide", () => {
    const short = sampleOf({ ...model, close: 8000 }, 8)
    const long = sampleOf(model, 8)
    assert.deepStrictEqual(short.paths[0]!.grid, { start: 0, step: 2, columns: 8 })
    assert.deepStrictEqual(short.agentGrid, long.agentGrid)
    assert.deepStrictEqual(short.paths, long.paths)
    assert.deepStrictEqual(
      short.agents.map((a) => [a.busy, a.signedIn]),
      long.agents.map((a) => [a.busy, a.signedIn])
    )
  })

  it("keeps each queue's members signed in, busy and available per reporting interval", () => {
    const [sales] = sampleOf(model, 16).staffing
    assert.deepStrictEqual(sales, {
      key: "queue:sales",
      signedIn: [2, 2, 2, 2],
      busy: [0, 0.75, 1, 0.75],
      available: [1.75, 0.25, 0, 0.25]
    })
  })

  it("stops a call waiting when the caller hangs up or the call rolls over", () => {
    const s = new ReplicationSampler(model, { pathColumns: 16 })
    s.callArrived(0, 0, CallKind.queue, 1, false, 0, -1)
    s.callQueued(0, 0, 0)
    s.callArrived(1000, 1, CallKind.queue, 1, false, 0, -1)
    s.callQueued(1000, 1, 0)
    s.callAbandoned(2000, 0, 0, AbandonStage.waiting)
    s.callEnded(2000, 0, -1, EndOutcome.abandoned)
    s.callRolledOver(4000, 1, 0, 0)
    s.callEnded(4000, 1, -1, EndOutcome.voicemail)
    s.simulationEnded(4000)
    const globex = s.sample().paths.find((p) => p.key === "tenant:globex")!
    assert.deepStrictEqual(globex.queueLength, { lo: [1, 2, 1, 1], hi: [1, 2, 1, 1] })
  })
})
