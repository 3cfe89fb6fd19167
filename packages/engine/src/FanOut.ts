/**
 * Combines observers into one: each hook calls every observer in order, with no allocation per event. Two and
 * three observers (the usual: metrics, checker, trace) get classes of their own with one call site per observer,
 * so each site sees a single observer class and the calls stay direct.
 */
import type {
  AbandonStage,
  AgentStatus,
  CallKind,
  CancelReason,
  EndOutcome,
  Observer,
  RolloverReason,
  StatusCause,
  StepKind
} from "./Observer.ts"

/** Two observers. */
class FanOut2 implements Observer {
  private readonly a: Observer
  private readonly b: Observer
  constructor(a: Observer, b: Observer) {
    this.a = a
    this.b = b
  }
  callArrived(
    t: number,
    call: number,
    kind: CallKind,
    tenant: number,
    known: boolean,
    source: number,
    redialOf: number
  ): void {
    this.a.callArrived(t, call, kind, tenant, known, source, redialOf)
    this.b.callArrived(t, call, kind, tenant, known, source, redialOf)
  }
  callRouted(t: number, call: number, step: StepKind, target: number): void {
    this.a.callRouted(t, call, step, target)
    this.b.callRouted(t, call, step, target)
  }
  callQueued(t: number, call: number, queue: number): void {
    this.a.callQueued(t, call, queue)
    this.b.callQueued(t, call, queue)
  }
  callRolledOver(t: number, call: number, queue: number, reason: RolloverReason): void {
    this.a.callRolledOver(t, call, queue, reason)
    this.b.callRolledOver(t, call, queue, reason)
  }
  offerStarted(t: number, call: number, agent: number, queue: number): void {
    this.a.offerStarted(t, call, agent, queue)
    this.b.offerStarted(t, call, agent, queue)
  }
  offerAccepted(t: number, call: number, agent: number, queue: number): void {
    this.a.offerAccepted(t, call, agent, queue)
    this.b.offerAccepted(t, call, agent, queue)
  }
  offerRejected(t: number, call: number, agent: number, queue: number): void {
    this.a.offerRejected(t, call, agent, queue)
    this.b.offerRejected(t, call, agent, queue)
  }
  offerMissed(t: number, call: number, agent: number, queue: number): void {
    this.a.offerMissed(t, call, agent, queue)
    this.b.offerMissed(t, call, agent, queue)
  }
  offerCancelled(t: number, call: number, agent: number, queue: number, reason: CancelReason): void {
    this.a.offerCancelled(t, call, agent, queue, reason)
    this.b.offerCancelled(t, call, agent, queue, reason)
  }
  outboundStarted(t: number, call: number, agent: number): void {
    this.a.outboundStarted(t, call, agent)
    this.b.outboundStarted(t, call, agent)
  }
  callHeld(t: number, call: number, agent: number): void {
    this.a.callHeld(t, call, agent)
    this.b.callHeld(t, call, agent)
  }
  callResumed(t: number, call: number, agent: number): void {
    this.a.callResumed(t, call, agent)
    this.b.callResumed(t, call, agent)
  }
  callAbandoned(t: number, call: number, queue: number, stage: AbandonStage): void {
    this.a.callAbandoned(t, call, queue, stage)
    this.b.callAbandoned(t, call, queue, stage)
  }
  callEnded(t: number, call: number, agent: number, outcome: EndOutcome): void {
    this.a.callEnded(t, call, agent, outcome)
    this.b.callEnded(t, call, agent, outcome)
  }
  redialScheduled(t: number, call: number, at: number): void {
    this.a.redialScheduled(t, call, at)
    this.b.redialScheduled(t, call, at)
  }
  wrapUpStarted(t: number, agent: number, call: number, queue: number, duration: number): void {
    this.a.wrapUpStarted(t, agent, call, queue, duration)
    this.b.wrapUpStarted(t, agent, call, queue, duration)
  }
  wrapUpEnded(t: number, agent: number): void {
    this.a.wrapUpEnded(t, agent)
    this.b.wrapUpEnded(t, agent)
  }
  agentStatusChanged(t: number, agent: number, status: AgentStatus, cause: StatusCause, reason: number): void {
    this.a.agentStatusChanged(t, agent, status, cause, reason)
    this.b.agentStatusChanged(t, agent, status, cause, reason)
  }
  agentOvertimeStarted(t: number, agent: number): void {
    this.a.agentOvertimeStarted(t, agent)
    this.b.agentOvertimeStarted(t, agent)
  }
  simulationEnded(t: number): void {
    this.a.simulationEnded(t)
    this.b.simulationEnded(t)
  }
}

/** Three observers. */
class FanOut3 implements Observer {
  private readonly a: Observer
  private readonly b: Observer
  private readonly c: Observer
  constructor(a: Observer, b: Observer, c: Observer) {
    this.a = a
    this.b = b
    this.c = c
  }
  callArrived(
    t: number,
    call: number,
    kind: CallKind,
    tenant: number,
    known: boolean,
    source: number,
    redialOf: number
  ): void {
    this.a.callArrived(t, call, kind, tenant, known, source, redialOf)
    this.b.callArrived(t, call, kind, tenant, known, source, redialOf)
    this.c.callArrived(t, call, kind, tenant, known, source, redialOf)
  }
  callRouted(t: number, call: number, step: StepKind, target: number): void {
    this.a.callRouted(t, call, step, target)
    this.b.callRouted(t, call, step, target)
    this.c.callRouted(t, call, step, target)
  }
  callQueued(t: number, call: number, queue: number): void {
    this.a.callQueued(t, call, queue)
    this.b.callQueued(t, call, queue)
    this.c.callQueued(t, call, queue)
  }
  callRolledOver(t: number, call: number, queue: number, reason: RolloverReason): void {
    this.a.callRolledOver(t, call, queue, reason)
    this.b.callRolledOver(t, call, queue, reason)
    this.c.callRolledOver(t, call, queue, reason)
  }
  offerStarted(t: number, call: number, agent: number, queue: number): void {
    this.a.offerStarted(t, call, agent, queue)
    this.b.offerStarted(t, call, agent, queue)
    this.c.offerStarted(t, call, agent, queue)
  }
  offerAccepted(t: number, call: number, agent: number, queue: number): void {
    this.a.offerAccepted(t, call, agent, queue)
    this.b.offerAccepted(t, call, agent, queue)
    this.c.offerAccepted(t, call, agent, queue)
  }
  offerRejected(t: number, call: number, agent: number, queue: number): void {
    this.a.offerRejected(t, call, agent, queue)
    this.b.offerRejected(t, call, agent, queue)
    this.c.offerRejected(t, call, agent, queue)
  }
  offerMissed(t: number, call: number, agent: number, queue: number): void {
    this.a.offerMissed(t, call, agent, queue)
    this.b.offerMissed(t, call, agent, queue)
    this.c.offerMissed(t, call, agent, queue)
  }
  offerCancelled(t: number, call: number, agent: number, queue: number, reason: CancelReason): void {
    this.a.offerCancelled(t, call, agent, queue, reason)
    this.b.offerCancelled(t, call, agent, queue, reason)
    this.c.offerCancelled(t, call, agent, queue, reason)
  }
  outboundStarted(t: number, call: number, agent: number): void {
    this.a.outboundStarted(t, call, agent)
    this.b.outboundStarted(t, call, agent)
    this.c.outboundStarted(t, call, agent)
  }
  callHeld(t: number, call: number, agent: number): void {
    this.a.callHeld(t, call, agent)
    this.b.callHeld(t, call, agent)
    this.c.callHeld(t, call, agent)
  }
  callResumed(t: number, call: number, agent: number): void {
    this.a.callResumed(t, call, agent)
    this.b.callResumed(t, call, agent)
    this.c.callResumed(t, call, agent)
  }
  callAbandoned(t: number, call: number, queue: number, stage: AbandonStage): void {
    this.a.callAbandoned(t, call, queue, stage)
    this.b.callAbandoned(t, call, queue, stage)
    this.c.callAbandoned(t, call, queue, stage)
  }
  callEnded(t: number, call: number, agent: number, outcome: EndOutcome): void {
    this.a.callEnded(t, call, agent, outcome)
    this.b.callEnded(t, call, agent, outcome)
    this.c.callEnded(t, call, agent, outcome)
  }
  redialScheduled(t: number, call: number, at: number): void {
    this.a.redialScheduled(t, call, at)
    this.b.redialScheduled(t, call, at)
    this.c.redialScheduled(t, call, at)
  }
  wrapUpStarted(t: number, agent: number, call: number, queue: number, duration: number): void {
    this.a.wrapUpStarted(t, agent, call, queue, duration)
    this.b.wrapUpStarted(t, agent, call, queue, duration)
    this.c.wrapUpStarted(t, agent, call, queue, duration)
  }
  wrapUpEnded(t: number, agent: number): void {
    this.a.wrapUpEnded(t, agent)
    this.b.wrapUpEnded(t, agent)
    this.c.wrapUpEnded(t, agent)
  }
  agentStatusChanged(t: number, agent: number, status: AgentStatus, cause: StatusCause, reason: number): void {
    this.a.agentStatusChanged(t, agent, status, cause, reason)
    this.b.agentStatusChanged(t, agent, status, cause, reason)
    this.c.agentStatusChanged(t, agent, status, cause, reason)
  }
  agentOvertimeStarted(t: number, agent: number): void {
    this.a.agentOvertimeStarted(t, agent)
    this.b.agentOvertimeStarted(t, agent)
    this.c.agentOvertimeStarted(t, agent)
  }
  simulationEnded(t: number): void {
    this.a.simulationEnded(t)
    this.b.simulationEnded(t)
    this.c.simulationEnded(t)
  }
}

/** Any number of observers. */
class FanOutObserver implements Observer {
  private readonly all: ReadonlyArray<Observer>
  constructor(all: ReadonlyArray<Observer>) {
    this.all = all
  }

  callArrived(
    t: number,
    call: number,
    kind: CallKind,
    tenant: number,
    known: boolean,
    source: number,
    redialOf: number
  ): void {
    for (const o of this.all) o.callArrived(t, call, kind, tenant, known, source, redialOf)
  }
  callRouted(t: number, call: number, step: StepKind, target: number): void {
    for (const o of this.all) o.callRouted(t, call, step, target)
  }
  callQueued(t: number, call: number, queue: number): void {
    for (const o of this.all) o.callQueued(t, call, queue)
  }
  callRolledOver(t: number, call: number, queue: number, reason: RolloverReason): void {
    for (const o of this.all) o.callRolledOver(t, call, queue, reason)
  }
  offerStarted(t: number, call: number, agent: number, queue: number): void {
    for (const o of this.all) o.offerStarted(t, call, agent, queue)
  }
  offerAccepted(t: number, call: number, agent: number, queue: number): void {
    for (const o of this.all) o.offerAccepted(t, call, agent, queue)
  }
  offerRejected(t: number, call: number, agent: number, queue: number): void {
    for (const o of this.all) o.offerRejected(t, call, agent, queue)
  }
  offerMissed(t: number, call: number, agent: number, queue: number): void {
    for (const o of this.all) o.offerMissed(t, call, agent, queue)
  }
  offerCancelled(t: number, call: number, agent: number, queue: number, reason: CancelReason): void {
    for (const o of this.all) o.offerCancelled(t, call, agent, queue, reason)
  }
  outboundStarted(t: number, call: number, agent: number): void {
    for (const o of this.all) o.outboundStarted(t, call, agent)
  }
  callHeld(t: number, call: number, agent: number): void {
    for (const o of this.all) o.callHeld(t, call, agent)
  }
  callResumed(t: number, call: number, agent: number): void {
    for (const o of this.all) o.callResumed(t, call, agent)
  }
  callAbandoned(t: number, call: number, queue: number, stage: AbandonStage): void {
    for (const o of this.all) o.callAbandoned(t, call, queue, stage)
  }
  callEnded(t: number, call: number, agent: number, outcome: EndOutcome): void {
    for (const o of this.all) o.callEnded(t, call, agent, outcome)
  }
  redialScheduled(t: number, call: number, at: number): void {
    for (const o of this.all) o.redialScheduled(t, call, at)
  }
  wrapUpStarted(t: number, agent: number, call: number, queue: number, duration: number): void {
    for (const o of this.all) o.wrapUpStarted(t, agent, call, queue, duration)
  }
  wrapUpEnded(t: number, agent: number): void {
    for (const o of this.all) o.wrapUpEnded(t, agent)
  }
  agentStatusChanged(t: number, agent: number, status: AgentStatus, cause: StatusCause, reason: number): void {
    for (const o of this.all) o.agentStatusChanged(t, agent, status, cause, reason)
  }
  agentOvertimeStarted(t: number, agent: number): void {
    for (const o of this.all) o.agentOvertimeStarted(t, agent)
  }
  simulationEnded(t: number): void {
    for (const o of this.all) o.simulationEnded(t)
  }
}

/** One observer that forwards every step to each of `observers`, in order. A single observer is returned as is. */
export const fanOut = (observers: ReadonlyArray<Observer>): Observer => {
  const [a, b, c] = observers
  if (observers.length === 1) return a!
  if (observers.length === 2) return new FanOut2(a!, b!)
  if (observers.length === 3) return new FanOut3(a!, b!, c!)
  return new FanOutObserver([...observers])
}
