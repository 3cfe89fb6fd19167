import { TraceEventFields } from "@ccsim/scenario"
import { describe, expect, it } from "vitest"
import {
  AbandonStage,
  AgentStatus,
  CallKind,
  CancelReason,
  compile,
  EndOutcome,
  fanOut,
  HoldReason,
  NullObserver,
  RolloverReason,
  StatusCause,
  StepKind,
  type TraceEvent,
  TraceRecorder
} from "../src/index.ts"
import { everyKindOnce } from "./helpers.ts"

const model = compile(everyKindOnce())

describe("TraceRecorder", () => {
  it("turns every hook into a JSON-ready event with ids and names", () => {
    const r = new TraceRecorder(model)
    const t = 28_805_000
    r.callArrived(t, 0, CallKind.queue, 0, false, -1, -1)
    r.callArrived(t, 1, CallKind.queue, 0, true, 0, 0)
    r.callRouted(t, 0, StepKind.queue, 0)
    r.callRouted(t, 0, StepKind.directLine, 0)
    r.callRouted(t, 0, StepKind.voicemail, -1)
    r.callQueued(t, 0, 0)
    r.callRolledOver(t, 0, -1, RolloverReason.afterHours)
    r.offerStarted(t, 0, 0, 0)
    r.offerAccepted(t, 0, 0, -1)
    r.offerRejected(t, 0, 0, 0)
    r.offerMissed(t, 0, 0, 0)
    r.offerCancelled(t, 0, 0, 0, CancelReason.answeredElsewhere)
    r.outboundStarted(t, 2, 0)
    r.callHeld(t, 0, 0, HoldReason.accept, -1)
    r.callHeld(t, 0, 0, HoldReason.customer, 45_000)
    r.callResumed(t, 0, 0)
    r.callAbandoned(t, 0, 0, AbandonStage.onHold)
    r.callEnded(t + 1, 0, -1, EndOutcome.inProgressAtEnd)
    r.redialScheduled(t, 0, t + 60_000)
    r.wrapUpStarted(t, 0, 0, 0, 30_000)
    r.wrapUpEnded(t, 0)
    r.agentStatusChanged(t, 0, AgentStatus.unavailable, StatusCause.missPolicy, 0)
    r.agentStatusChanged(t, 0, AgentStatus.signedOut, StatusCause.shift, -1)
    r.agentOvertimeStarted(t, 0)
    r.simulationEnded(t)
    const at = "08:00:05"
    expect(r.events).toEqual([
      { t, at, event: "call-arrived", call: "x1", kind: "queue", tenant: "acme", known: false },
      {
        t,
        at,
        event: "call-arrived",
        call: "c1",
        kind: "queue",
        tenant: "acme",
        known: true,
        source: "web",
        redialOf: "x1"
      },
      { t, at, event: "call-routed", call: "x1", step: "queue", target: "sales" },
      { t, at, event: "call-routed", call: "x1", step: "direct-line", target: "alice" },
      { t, at, event: "call-routed", call: "x1", step: "voicemail" },
      { t, at, event: "call-queued", call: "x1", queue: "sales" },
      { t, at, event: "call-rolled-over", call: "x1", reason: "after-hours" },
      { t, at, event: "offer-started", call: "x1", agent: "alice", queue: "sales", tenant: "acme" },
      { t, at, event: "offer-accepted", call: "x1", agent: "alice" },
      { t, at, event: "offer-rejected", call: "x1", agent: "alice", queue: "sales" },
      { t, at, event: "offer-missed", call: "x1", agent: "alice", queue: "sales" },
      { t, at, event: "offer-cancelled", call: "x1", agent: "alice", queue: "sales", reason: "answered-elsewhere" },
      { t, at, event: "outbound-started", call: "c2", agent: "alice" },
      { t, at, event: "call-held", call: "x1", agent: "alice" },
      { t, at, event: "call-held", call: "x1", agent: "alice", reason: "customer", duration: 45_000 },
      { t, at, event: "call-resumed", call: "x1", agent: "alice" },
      { t, at, event: "call-abandoned", call: "x1", queue: "sales", stage: "on-hold" },
      { t: t + 1, at: "08:00:05.001", event: "call-ended", call: "x1", outcome: "in-progress-at-end" },
      { t, at, event: "redial-scheduled", call: "x1", redialAt: "08:01:05" },
      { t, at, event: "wrap-up-started", agent: "alice", call: "x1", queue: "sales", duration: 30_000 },
      { t, at, event: "wrap-up-ended", agent: "alice" },
      {
        t,
        at,
        event: "agent-status-changed",
        agent: "alice",
        status: "unavailable",
        cause: "miss-policy",
        reason: "break"
      },
      { t, at, event: "agent-status-changed", agent: "alice", status: "signed-out", cause: "shift" },
      { t, at, event: "agent-overtime-started", agent: "alice" },
      { t, at, event: "simulation-ended" }
    ])
  })

  it("streams events to a callback instead of keeping them", () => {
    const seen: Array<TraceEvent> = []
    const r = new TraceRecorder(model, (e) => seen.push(e))
    r.simulationEnded(28_800_000)
    expect(seen.map((e) => e.event)).toEqual(["simulation-ended"])
    expect(r.events).toEqual([])
  })
})

describe("fanOut", () => {
  it("forwards every hook to each observer in order", () => {
    const a = new TraceRecorder(model)
    const b = new TraceRecorder(model)
    const o = fanOut([a, b, new NullObserver()])
    o.callQueued(1000, 0, 0)
    o.agentOvertimeStarted(2000, 0)
    o.simulationEnded(3000)
    expect(a.events).toEqual(b.events)
    expect(a.events.map((e) => e.event)).toEqual(["call-queued", "agent-overtime-started", "simulation-ended"])
  })

  it("returns a single observer unchanged", () => {
    const a = new NullObserver()
    expect(fanOut([a])).toBe(a)
  })
})

describe("TraceEventFields (the scenario format's table of trace fields, used by validate)", () => {
  /**
   * Drives a recorder through every hook of the Observer interface (found on NullObserver's prototype, so a new
   * hook cannot be missed) with every index and code 0 — so every optional field is present — and collects the
   * fields each event carries.
   */
  const emitted = (): Map<string, Set<string>> => {
    const r = new TraceRecorder(model)
    const hooks = Object.getOwnPropertyNames(NullObserver.prototype).filter((name) => name !== "constructor")
    const hook = (name: string) => (r as unknown as Record<string, (...args: Array<number>) => void>)[name]!
    // The call arrives first (with a tenant), so that the hooks after it know its tenant.
    for (const name of ["callArrived", ...hooks.filter((h) => h !== "callArrived")]) {
      const f = hook(name)
      f.call(r, 28_800_000, ...new Array<number>(f.length - 1).fill(0))
    }
    const fields = new Map<string, Set<string>>()
    for (const e of r.events) {
      const set = fields.get(e.event) ?? new Set<string>()
      for (const k of Object.keys(e)) if (k !== "t" && k !== "at" && k !== "event") set.add(k)
      fields.set(e.event, set)
    }
    return fields
  }

  it("names exactly the events the recorder emits, each with exactly the fields it can carry", () => {
    const fields = emitted()
    expect([...fields.keys()].sort()).toEqual(Object.keys(TraceEventFields).sort())
    for (const [event, names] of fields) {
      expect([...names].sort(), event).toEqual([...TraceEventFields[event as keyof typeof TraceEventFields]].sort())
    }
  })
})
