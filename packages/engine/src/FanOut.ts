/**
 * Combines observers into one: each hook calls every observer in order, with no allocation per event.
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
export const fanOut = (observers: ReadonlyArray<Observer>): Observer =>
  observers.length === 1 ? observers[0]! : new FanOutObserver([...observers])
