import { AbandonStage, AgentStatus, CallKind, EndOutcome, StatusCause } from "@ccsim/engine"
import { assert, describe, it } from "@effect/vitest"
import { type StepSeries, TimelineStates } from "../src/ReportData.ts"
import { ReplicationSampler, reducePath } from "../src/Sampler.ts"

const S = (name: (typeof TimelineStates)[number]) => TimelineStates.indexOf(name)
const model = {
  agents: [{ id: "ann" }, { id: "bob" }],
  queues: [{ id: "sales" }],
  tenants: [{ id: "acme" }, { id: "globex" }]
}

/** A miss (R9/R11), an answer, Hold & Accept of an internal call (R13), resume, wrap-up (R6). */
const day = (): ReplicationSampler => {
  const s = new ReplicationSampler(model, { replication: 3 })
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

describe("ReplicationSampler", () => {
  it("records each agent's displayed states as contiguous segments", () => {
    const sample = day().sample()
    assert.strictEqual(sample.replication, 3)
    assert.strictEqual(sample.end, 16)
    assert.deepStrictEqual(sample.agents[0], {
      id: "ann",
      segments: [
        [0, 1, S("available")],
        [1, 3, S("ringing")],
        [3, 16, S("unavailable-by-miss")]
      ]
    })
    assert.deepStrictEqual(sample.agents[1], {
      id: "bob",
      segments: [
        [0, 3, S("available")],
        [3, 5, S("ringing")],
        [5, 7, S("queue-call")],
        [7, 9, S("direct-or-internal-call")],
        [9, 12, S("queue-call")],
        [12, 15, S("wrap-up")],
        [15, 16, S("available")]
      ]
    })
  })

  it("records waiting calls and busy agents per scope, without zero-length blips", () => {
    const paths = Object.fromEntries(
      day()
        .sample()
        .paths.map((p) => [p.key, p])
    )
    assert.deepStrictEqual(Object.keys(paths), ["total", "queue:sales", "tenant:acme", "tenant:globex"])
    const waiting: StepSeries = [
      [1, 1],
      [5, 0]
    ]
    assert.deepStrictEqual(paths.total!.queueLength, waiting)
    assert.deepStrictEqual(paths["queue:sales"]!.queueLength, waiting)
    assert.deepStrictEqual(paths["tenant:acme"]!.queueLength, waiting)
    assert.deepStrictEqual(paths["tenant:globex"]!.queueLength, [])
    // busy the whole time from the answer to the end of wrap-up; the internal call counts for the total only
    assert.deepStrictEqual(paths.total!.busy, [
      [5, 1],
      [15, 0]
    ])
    const queueBusy: StepSeries = [
      [5, 1],
      [7, 0],
      [9, 1],
      [15, 0]
    ]
    assert.deepStrictEqual(paths["queue:sales"]!.busy, queueBusy)
    assert.deepStrictEqual(paths["tenant:acme"]!.busy, queueBusy)
  })

  it("stops a call waiting when the caller hangs up or the call rolls over", () => {
    const s = new ReplicationSampler(model)
    s.callArrived(0, 0, CallKind.queue, 1, false, 0, -1)
    s.callQueued(0, 0, 0)
    s.callArrived(1000, 1, CallKind.queue, 1, false, 0, -1)
    s.callQueued(1000, 1, 0)
    s.callAbandoned(2000, 0, 0, AbandonStage.waiting)
    s.callEnded(2000, 0, -1, EndOutcome.abandoned)
    s.callRolledOver(4000, 1, 0, 0)
    s.callEnded(4000, 1, -1, EndOutcome.voicemail)
    s.simulationEnded(4000)
    const total = s.sample().paths.find((p) => p.key === "tenant:globex")!
    assert.deepStrictEqual(total.queueLength, [
      [0, 1],
      [1, 2],
      [2, 1],
      [4, 0]
    ])
  })

  it("reducePath keeps each bucket's peak and leaves short paths alone", () => {
    const path: Array<readonly [number, number]> = [
      [0, 0],
      [1, 5],
      [2, 1],
      [3, 0],
      [6, 2],
      [7, 0]
    ]
    assert.deepStrictEqual(reducePath(path, 10, 8), path)
    assert.deepStrictEqual(reducePath(path, 2, 8), [
      [0, 5],
      [4, 2]
    ])
  })
})
