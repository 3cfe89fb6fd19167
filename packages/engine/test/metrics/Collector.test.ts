import { describe, expect, it } from "vitest"
import { MetricsCollector } from "../../src/metrics/Collector.ts"
import { measureReplication } from "../../src/metrics/Measure.ts"
import {
  AbandonStage,
  AgentStatus,
  CallKind,
  CancelReason,
  EndOutcome,
  HoldReason,
  RolloverReason,
  StatusCause,
  StepKind
} from "../../src/Observer.ts"
import { fakeModel, HALF_HOUR, OPEN } from "./fixtures.ts"
import { modelOf } from "./scenarios.ts"

const at = (ms: number) => OPEN + ms

/**
 * A hand-checked day: 5 queue calls (2 answered, 2 abandoned, 1 rolled over to voicemail), a direct call
 * accepted with Hold & Accept, a miss that makes an agent Unavailable. Every expected number below is derived
 * by hand in the comments.
 */
const workedDay = () => {
  const model = fakeModel()
  const m = new MetricsCollector(model)
  m.agentStatusChanged(at(0), 0, AgentStatus.available, StatusCause.shift, -1)
  m.agentStatusChanged(at(0), 1, AgentStatus.available, StatusCause.shift, -1)
  // Call 0: waits 2 s, talks 60 s with a0, 10 s wrap-up.
  m.callArrived(at(1000), 0, CallKind.queue, 0, true, 0, -1)
  m.callRouted(at(1000), 0, StepKind.queue, 0)
  m.callQueued(at(1000), 0, 0)
  m.offerStarted(at(1000), 0, 0, 0)
  // Call 1: rings a1, missed at +22 s (a1 Unavailable by policy), caller hangs up at +32 s (waited 30 s).
  m.callArrived(at(2000), 1, CallKind.queue, 0, false, 0, -1)
  m.callRouted(at(2000), 1, StepKind.queue, 0)
  m.callQueued(at(2000), 1, 0)
  m.offerStarted(at(2000), 1, 1, 0)
  m.offerAccepted(at(3000), 0, 0, 0)
  // Call 2: short abandon after 3 s.
  m.callArrived(at(4000), 2, CallKind.queue, 0, true, 0, -1)
  m.callRouted(at(4000), 2, StepKind.queue, 0)
  m.callQueued(at(4000), 2, 0)
  m.callAbandoned(at(7000), 2, 0, AbandonStage.waiting)
  m.callEnded(at(7000), 2, -1, EndOutcome.abandoned)
  // Call 3: rolls over after 60 s to voicemail.
  m.callArrived(at(10_000), 3, CallKind.queue, 0, true, 0, -1)
  m.callRouted(at(10_000), 3, StepKind.queue, 0)
  m.callQueued(at(10_000), 3, 0)
  m.offerMissed(at(22_000), 1, 1, 0)
  m.agentStatusChanged(at(22_000), 1, AgentStatus.unavailable, StatusCause.missPolicy, 0)
  m.callAbandoned(at(32_000), 1, 0, AbandonStage.waiting)
  m.callEnded(at(32_000), 1, -1, EndOutcome.abandoned)
  m.callEnded(at(63_000), 0, 0, EndOutcome.handled)
  m.wrapUpStarted(at(63_000), 0, 0, 0, 10_000)
  m.callRolledOver(at(70_000), 3, 0, RolloverReason.maxWait)
  m.callRouted(at(70_000), 3, StepKind.voicemail, -1)
  m.callEnded(at(70_000), 3, -1, EndOutcome.voicemail)
  m.wrapUpEnded(at(73_000), 0)
  m.agentStatusChanged(at(82_000), 1, AgentStatus.available, StatusCause.selfRecovery, -1)
  // Second interval. Call 4: answered by a1 after 2 s, held 30 s for direct call 5, ends at +1962 s.
  m.callArrived(at(1_900_000), 4, CallKind.queue, 0, true, 0, -1)
  m.callRouted(at(1_900_000), 4, StepKind.queue, 0)
  m.callQueued(at(1_900_000), 4, 0)
  m.offerStarted(at(1_900_000), 4, 1, 0)
  m.offerAccepted(at(1_902_000), 4, 1, 0)
  m.callArrived(at(1_910_000), 5, CallKind.direct, -1, true, 1, -1)
  m.callRouted(at(1_910_000), 5, StepKind.directLine, 1)
  m.offerStarted(at(1_910_000), 5, 1, -1)
  m.callHeld(at(1_912_000), 4, 1, HoldReason.accept, -1)
  m.offerAccepted(at(1_912_000), 5, 1, -1)
  m.callEnded(at(1_942_000), 5, 1, EndOutcome.handled)
  m.callResumed(at(1_942_000), 4, 1)
  m.callEnded(at(1_962_000), 4, 1, EndOutcome.handled)
  m.wrapUpStarted(at(1_962_000), 1, 4, 0, 0)
  m.wrapUpEnded(at(1_962_000), 1)
  m.simulationEnded(at(2_000_000))
  return m.result(0)
}

describe("MetricsCollector", () => {
  it("counts a hand-checked day exactly (total scope: queue calls only)", () => {
    const r = workedDay()
    expect(r.replications).toEqual([0])
    expect(r.serviceLevelDefinition).toBe("answered-of-offered")
    const c = r.total.counts
    expect(c.offered).toBe(5)
    expect(c.answered).toBe(2)
    expect(c.abandoned).toBe(2)
    expect(c.shortAbandoned).toBe(1)
    expect(c.answeredWithin).toBe(2)
    expect(c.abandonedWithin).toBe(1)
    expect(c.waited).toBe(5)
    expect(c.rolledOver).toBe(1)
    expect(c.rolledOverMaxWait).toBe(1)
    expect(c.voicemail).toBe(1)
    expect(c.answeringService).toBe(0)
    expect(c.inSystemAtEnd).toBe(0)
    expect(c.handled).toBe(2)
    expect(c.holds).toBe(1)
    expect(c.wrapUps).toBe(2)
    expect(c.waitAnsweredMs).toBe(4000)
    expect(c.waitAbandonedMs).toBe(33_000)
    expect(c.waitAllMs).toBe(97_000)
    expect(c.maxWaitMs).toBe(60_000)
    expect(c.maxWaitAnsweredMs).toBe(2000)
    // Call 0 talks 60 s; call 4 is connected 60 s of which 30 s on hold.
    expect(c.talkMs).toBe(90_000)
    expect(c.holdMs).toBe(30_000)
    expect(c.wrapUpMs).toBe(10_000)
    // Every queue call's wait is time spent waiting: ∫ waiting dt = Σ waits.
    expect(c.waitingMs).toBe(97_000)
  })

  it("attributes calls to their arrival interval and time-weighted levels by time", () => {
    const r = workedDay()
    const [first, second] = r.total.intervals
    expect(first!.offered).toBe(4)
    expect(first!.answered).toBe(1)
    expect(second!.offered).toBe(1)
    expect(second!.answered).toBe(1)
    expect(second!.holds).toBe(1)
    expect(first!.waitingMs).toBe(95_000)
    expect(second!.waitingMs).toBe(2000)
    expect(r.intervals.map((i) => i.start)).toEqual([OPEN, OPEN + HALF_HOUR])
    expect(r.intervals.map((i) => i.durationMs)).toEqual([HALF_HOUR, 200_000])
    expect(r.intervals.map((i) => i.signedInMs)).toEqual([2 * HALF_HOUR, 400_000])
    expect(r.intervals.map((i) => i.busyMs)).toEqual([70_000, 60_000])
    expect(r.intervals.map((i) => i.workMs)).toEqual([70_000, 90_000])
    expect(r.intervals.map((i) => i.scheduledMs)).toEqual([2 * HALF_HOUR, 400_000])
    // a1 is Unavailable 22 s → 82 s, the rest of the first interval both agents idle unless busy.
    expect(r.intervals[0]!.idleMs).toBe(2 * HALF_HOUR - 70_000 - 60_000)
    expect(r.measuredMs).toBe(2_000_000)
    expect(r.warmupMs).toBe(0)
  })

  it("keeps queue, tenant and call-type scopes apart", () => {
    const r = workedDay()
    const q = r.queues[0]!
    expect(q.id).toBe("q0")
    expect(q.serviceLevelThresholdMs).toBe(20_000)
    expect(q.counts.offered).toBe(5)
    expect(q.counts.rolledOver).toBe(1)
    // The rolled-over call's wait ended in the queue; its voicemail is not the queue's.
    expect(q.counts.waitAllMs).toBe(97_000)
    expect(q.counts.voicemail).toBe(0)
    expect(r.tenants[0]!.counts.offered).toBe(5)
    const [queue, direct, internal, outbound] = r.callTypes
    expect(queue!.counts.offered).toBe(5)
    expect(direct!.counts).toMatchObject({ offered: 1, answered: 1, handled: 1, talkMs: 30_000, waitAnsweredMs: 2000 })
    expect(internal!.counts.offered).toBe(0)
    expect(outbound!.counts.offered).toBe(0)
  })

  it("accounts agents: busy, work, talk, hold, wrap-up, misses and Unavailable by miss", () => {
    const r = workedDay()
    const [a0, a1] = r.agents
    expect(a0!.counts).toMatchObject({
      signedInMs: 2_000_000,
      scheduledMs: 2_000_000,
      busyMs: 70_000,
      workMs: 70_000,
      talkMs: 60_000,
      wrapUpMs: 10_000,
      offers: 1,
      answered: 1,
      queueAnswered: 1
    })
    expect(a1!.counts).toMatchObject({
      signedInMs: 2_000_000,
      availableMs: 2_000_000 - 60_000,
      unavailableMs: 60_000,
      unavailableMissMs: 60_000,
      missUnavailable: 1,
      offers: 3,
      queueOffers: 2,
      misses: 1,
      answered: 2,
      queueAnswered: 1,
      directAnswered: 1,
      holds: 1,
      busyMs: 60_000,
      workMs: 90_000,
      talkMs: 60_000,
      holdMs: 30_000,
      wrapUps: 1
    })
    // Handled time of every call (all call types) equals the agents' work time.
    const handled = r.callTypes.reduce((s, t) => s + t.counts.talkMs + t.counts.holdMs + t.counts.wrapUpMs, 0)
    expect(handled).toBe(a0!.counts.workMs + a1!.counts.workMs)
    expect(r.groups).toHaveLength(1)
    expect(r.groups[0]!).toMatchObject({ id: "team", agents: 2 })
    expect(r.groups[0]!.counts.busyMs).toBe(130_000)
  })

  it("counts a customer hold in hold and handle time, not in Hold & Accept holds", () => {
    const m = new MetricsCollector(fakeModel())
    m.agentStatusChanged(at(0), 0, AgentStatus.available, StatusCause.shift, -1)
    // Call 0: answered at +2 s, 20 s of talk, 40 s on customer hold, 20 s of talk, 10 s wrap-up.
    m.callArrived(at(1000), 0, CallKind.queue, 0, true, 0, -1)
    m.callRouted(at(1000), 0, StepKind.queue, 0)
    m.callQueued(at(1000), 0, 0)
    m.offerStarted(at(1000), 0, 0, 0)
    m.offerAccepted(at(3000), 0, 0, 0)
    m.callHeld(at(23_000), 0, 0, HoldReason.customer, 40_000)
    m.callResumed(at(63_000), 0, 0)
    m.callEnded(at(83_000), 0, 0, EndOutcome.handled)
    m.wrapUpStarted(at(83_000), 0, 0, 0, 10_000)
    m.wrapUpEnded(at(93_000), 0)
    m.simulationEnded(at(2_000_000))
    const r = m.result(0)
    expect(r.total.counts).toMatchObject({ handled: 1, holds: 0, talkMs: 40_000, holdMs: 40_000, wrapUpMs: 10_000 })
    expect(r.agents[0]!.counts).toMatchObject({ holds: 0, busyMs: 90_000, workMs: 90_000, holdMs: 40_000 })
  })

  it("keeps histograms of answered waits and abandon times", () => {
    const r = workedDay()
    expect(r.total.waitHistogram).toEqual([[381, 2]])
    expect(r.total.abandonHistogram.reduce((s, [, c]) => s + c, 0)).toBe(2)
    expect(r.intervals[0]!.waitHistogram).toEqual([[381, 1]])
  })

  it("counts nothing before the warm-up and closes open calls at the end", () => {
    const m = new MetricsCollector(fakeModel(), { warmupEnd: at(10_000) })
    m.agentStatusChanged(at(0), 0, AgentStatus.available, StatusCause.shift, -1)
    m.callArrived(at(1000), 0, CallKind.queue, 0, true, 0, -1)
    m.callQueued(at(1000), 0, 0)
    m.callArrived(at(12_000), 1, CallKind.queue, 0, true, 0, -1)
    m.callQueued(at(12_000), 1, 0)
    m.offerStarted(at(20_000), 0, 0, 0)
    m.offerAccepted(at(20_000), 0, 0, 0)
    m.offerCancelled(at(20_000), 1, 1, 0, CancelReason.callerHungUp)
    m.callEnded(at(50_000), 1, -1, EndOutcome.inProgressAtEnd)
    m.callEnded(at(50_000), 0, 0, EndOutcome.inProgressAtEnd)
    m.simulationEnded(at(50_000))
    const r = m.result(3)
    expect(r.warmupMs).toBe(10_000)
    expect(r.measuredMs).toBe(40_000)
    expect(r.total.counts.offered).toBe(1)
    expect(r.total.counts.answered).toBe(0)
    expect(r.total.counts.inSystemAtEnd).toBe(1)
    expect(r.total.counts.waitInSystemAtEndMs).toBe(38_000)
    expect(r.total.counts.handled).toBe(0)
    // Time-weighted levels from the warm-up on: call 0 waits 10 → 20 s, call 1 waits 12 → 50 s.
    expect(r.total.counts.waitingMs).toBe(10_000 + 38_000)
    expect(r.agents[0]!.counts).toMatchObject({ signedInMs: 40_000, busyMs: 30_000, offers: 1, answered: 1 })
    expect(r.intervals[0]!.durationMs).toBe(40_000)
  })

  it("counts answered calls cut off by the end of the run apart, with the time they had been connected", () => {
    const m = new MetricsCollector(fakeModel())
    m.agentStatusChanged(at(0), 0, AgentStatus.available, StatusCause.shift, -1)
    m.agentStatusChanged(at(0), 1, AgentStatus.available, StatusCause.shift, -1)
    // Call 0 answered at 1 s, talks until 31 s. Call 1 answered at 2 s, still talking at the horizon (50 s).
    m.callArrived(at(1000), 0, CallKind.queue, 0, true, 0, -1)
    m.callQueued(at(1000), 0, 0)
    m.offerStarted(at(1000), 0, 0, 0)
    m.offerAccepted(at(1000), 0, 0, 0)
    m.callArrived(at(2000), 1, CallKind.queue, 0, true, 0, -1)
    m.callQueued(at(2000), 1, 0)
    m.offerStarted(at(2000), 1, 1, 0)
    m.offerAccepted(at(2000), 1, 1, 0)
    m.callEnded(at(31_000), 0, 0, EndOutcome.handled)
    m.callEnded(at(50_000), 1, 1, EndOutcome.inProgressAtEnd)
    m.simulationEnded(at(50_000))
    const c = m.result(0).total.counts
    expect(c).toMatchObject({ answered: 2, handled: 1, talkMs: 30_000, connectedAtEnd: 1, connectedAtEndMs: 48_000 })
    // Every answered call is either handled or still connected at the end.
    expect(c.handled + c.connectedAtEnd).toBe(c.answered)
  })

  it("records overtime from its start to the deferred status change", () => {
    const m = new MetricsCollector(fakeModel())
    m.agentStatusChanged(at(0), 0, AgentStatus.available, StatusCause.shift, -1)
    m.agentOvertimeStarted(at(4000), 0)
    m.agentStatusChanged(at(8000), 0, AgentStatus.signedOut, StatusCause.shift, -1)
    m.simulationEnded(at(9000))
    const r = m.result(0)
    expect(r.agents[0]!.counts.overtimeMs).toBe(4000)
    expect(r.agents[0]!.counts.overtimes).toBe(1)
    expect(r.agents[0]!.counts.signedInMs).toBe(8000)
  })

  it("uses each queue's threshold and definition", () => {
    const model = fakeModel({
      queues: [
        { id: "fast", thresholdMs: 10_000, definition: "answered-of-answered" },
        { id: "slow", thresholdMs: 60_000 }
      ]
    })
    const m = new MetricsCollector(model)
    m.agentStatusChanged(at(0), 0, AgentStatus.available, StatusCause.shift, -1)
    for (const [call, queue] of [
      [0, 0],
      [1, 1]
    ] as const) {
      m.callArrived(at(0), call, CallKind.queue, 0, true, 0, -1)
      m.callQueued(at(0), call, queue)
      m.offerAccepted(at(30_000 * (call + 1)), call, 0, queue)
      m.callEnded(at(30_000 * (call + 1)), call, 0, EndOutcome.handled)
    }
    m.simulationEnded(at(100_000))
    const r = m.result(0)
    // Call 0 waited 30 s > 10 s in "fast"; call 1 waited 60 s ≤ 60 s in "slow".
    expect(r.queues.map((q) => q.counts.answeredWithin)).toEqual([0, 1])
    expect(r.total.counts.answeredWithin).toBe(1)
    expect(r.queues.map((q) => q.serviceLevelDefinition)).toEqual(["answered-of-answered", "answered-of-offered"])
    expect(r.serviceLevelDefinition).toBe("answered-of-answered")
  })

  it("refuses a result before the simulation ended", () => {
    expect(() => new MetricsCollector(fakeModel()).result(0)).toThrow(/has not ended/)
  })

  it("reuses call slots: memory follows calls in the system, not calls seen", () => {
    const m = new MetricsCollector(fakeModel())
    m.agentStatusChanged(at(0), 0, AgentStatus.available, StatusCause.shift, -1)
    for (let call = 0; call < 10_000; call++) {
      m.callArrived(at(call), call, CallKind.queue, 0, true, 0, -1)
      m.callQueued(at(call), call, 0)
      m.offerAccepted(at(call), call, 0, 0)
      m.callEnded(at(call), call, 0, EndOutcome.handled)
    }
    m.simulationEnded(at(20_000))
    expect((m as unknown as { capacity: number }).capacity).toBe(64)
    expect(m.result(0).total.counts.answered).toBe(10_000)
  })
})

describe("calls a workflow sends to a direct line (R1)", () => {
  // l1 dials a number whose workflow rings bob's direct line first: a direct call. q1 waits 30 s in sales (no
  // member Available), rolls over to bob's direct line and is answered there: a queue call of the totals, which
  // bob answered on his direct line.
  const model = modelOf({
    name: "r1",
    time: { open: "08:00", close: "09:00" },
    tenants: [{ id: "acme", trackingNumbers: ["+1 555 0100", "+1 555 0200"] }],
    queues: [{ id: "sales", maxWait: "30s" }],
    workflows: [
      {
        id: "q",
        trackingNumbers: ["+1 555 0100"],
        steps: [
          { to: "queue", queue: "sales" },
          { to: "direct-line", agent: "bob" }
        ]
      },
      { id: "l", trackingNumbers: ["+1 555 0200"], steps: [{ to: "direct-line", agent: "bob" }] }
    ],
    agents: [
      { id: "ann", queues: [{ queue: "sales" }], initialStatus: "unavailable" },
      { id: "bob", directLine: "+1 555 0199" }
    ],
    script: {
      calls: [
        { id: "l1", type: "queue", trackingNumber: "+1 555 0200", at: "08:00:00", talk: "30s" },
        { id: "q1", type: "queue", trackingNumber: "+1 555 0100", at: "08:10:00", talk: "30s" }
      ]
    }
  })
  const { result } = measureReplication(model, { replication: 0, check: true })

  it("counts a direct-line-first call as a direct call, outside the queue totals and the tenant's queue calls", () => {
    expect(result.violations).toBe(0)
    const [, direct] = result.callTypes
    expect(direct!.counts).toMatchObject({ offered: 1, answered: 1, handled: 1, waitAnsweredMs: 2000 })
    expect(result.total.counts).toMatchObject({ offered: 1, answered: 1, rolledOver: 1, waitAnsweredMs: 32_000 })
    expect(result.tenants[0]!.counts.offered).toBe(1)
  })

  it("counts both answers on bob's direct line as direct answers of the agent", () => {
    const bob = result.agents.find((a) => a.id === "bob")!
    expect(bob.counts).toMatchObject({ answered: 2, directAnswered: 2, queueAnswered: 0 })
  })
})
