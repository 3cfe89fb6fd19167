/**
 * The trace: JSON-ready events `{ t, at, event, ...fields }`, one per observer step, passed to a callback (so a
 * CLI can stream NDJSON) or kept in memory. Field names are the hook's parameter names; indices become ids and
 * codes become names (see Observer.ts); fields that are −1 are left out. When no trace is asked for, no recorder
 * is attached and tracing costs nothing.
 */
import { formatClockTime } from "@ccsim/scenario"
import { callIdOf } from "./Compile.ts"
import type { Model } from "./Model.ts"
import {
  type AbandonStage,
  AbandonStageNames,
  type AgentStatus,
  AgentStatusNames,
  type CallKind,
  CallKindNames,
  type CancelReason,
  CancelReasonNames,
  type EndOutcome,
  EndOutcomeNames,
  type Observer,
  type RolloverReason,
  RolloverReasonNames,
  type StatusCause,
  StatusCauseNames,
  StepKind,
  StepKindNames
} from "./Observer.ts"

/** A trace event. `t` is ms after midnight, `at` the same as a clock time (`HH:MM:SS`, `.mmm` when needed). */
export interface TraceEvent {
  readonly t: number
  readonly at: string
  readonly event: string
  readonly [field: string]: string | number | boolean
}

type Fields = Record<string, string | number | boolean>

/** Builds trace events from observer calls. */
export class TraceRecorder implements Observer {
  /** Events kept in memory when no callback was given. */
  readonly events: Array<TraceEvent> = []
  private readonly onEvent: (event: TraceEvent) => void

  readonly model: Model
  /** The tenant of each call in the system that has one (R2: offers show the tenant of the number dialled). */
  private readonly tenantOf = new Map<number, number>()

  constructor(model: Model, onEvent?: (event: TraceEvent) => void) {
    this.model = model
    this.onEvent = onEvent ?? ((e) => this.events.push(e))
  }

  private emit(t: number, event: string, fields: Fields): void {
    this.onEvent({ t, at: formatClockTime(t), event, ...fields })
  }

  private call(n: number): string {
    return callIdOf(this.model, n)
  }

  private agent(fields: Fields, name: string, a: number): void {
    if (a >= 0) fields[name] = this.model.agents[a]!.id
  }

  private queue(fields: Fields, q: number): void {
    if (q >= 0) fields.queue = this.model.queues[q]!.id
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
    const f: Fields = { call: this.call(call), kind: CallKindNames[kind] }
    if (tenant >= 0) {
      f.tenant = this.model.tenants[tenant]!.id
      this.tenantOf.set(call, tenant)
    }
    f.known = known
    if (source >= 0) f.source = this.model.sources[source]!.id
    if (redialOf >= 0) f.redialOf = this.call(redialOf)
    this.emit(t, "call-arrived", f)
  }

  callRouted(t: number, call: number, step: StepKind, target: number): void {
    const f: Fields = { call: this.call(call), step: StepKindNames[step] }
    if (target >= 0) {
      f.target = step === StepKind.queue ? this.model.queues[target]!.id : this.model.agents[target]!.id
    }
    this.emit(t, "call-routed", f)
  }

  callQueued(t: number, call: number, queue: number): void {
    const f: Fields = { call: this.call(call) }
    this.queue(f, queue)
    this.emit(t, "call-queued", f)
  }

  callRolledOver(t: number, call: number, queue: number, reason: RolloverReason): void {
    const f: Fields = { call: this.call(call) }
    this.queue(f, queue)
    f.reason = RolloverReasonNames[reason]
    this.emit(t, "call-rolled-over", f)
  }

  private offer(t: number, event: string, call: number, agent: number, queue: number): Fields {
    const f: Fields = { call: this.call(call) }
    this.agent(f, "agent", agent)
    this.queue(f, queue)
    if (event !== "") this.emit(t, event, f)
    return f
  }

  /** Carries the call's tenant (R2): the agent's pop-up shows "the tenant account they called". */
  offerStarted(t: number, call: number, agent: number, queue: number): void {
    const f = this.offer(t, "", call, agent, queue)
    const tenant = this.tenantOf.get(call)
    if (tenant !== undefined) f.tenant = this.model.tenants[tenant]!.id
    this.emit(t, "offer-started", f)
  }

  offerAccepted(t: number, call: number, agent: number, queue: number): void {
    this.offer(t, "offer-accepted", call, agent, queue)
  }

  offerRejected(t: number, call: number, agent: number, queue: number): void {
    this.offer(t, "offer-rejected", call, agent, queue)
  }

  offerMissed(t: number, call: number, agent: number, queue: number): void {
    this.offer(t, "offer-missed", call, agent, queue)
  }

  offerCancelled(t: number, call: number, agent: number, queue: number, reason: CancelReason): void {
    const f = this.offer(t, "", call, agent, queue)
    f.reason = CancelReasonNames[reason]
    this.emit(t, "offer-cancelled", f)
  }

  outboundStarted(t: number, call: number, agent: number): void {
    this.offer(t, "outbound-started", call, agent, -1)
  }

  callHeld(t: number, call: number, agent: number): void {
    this.offer(t, "call-held", call, agent, -1)
  }

  callResumed(t: number, call: number, agent: number): void {
    this.offer(t, "call-resumed", call, agent, -1)
  }

  callAbandoned(t: number, call: number, queue: number, stage: AbandonStage): void {
    const f: Fields = { call: this.call(call) }
    this.queue(f, queue)
    f.stage = AbandonStageNames[stage]
    this.emit(t, "call-abandoned", f)
  }

  callEnded(t: number, call: number, agent: number, outcome: EndOutcome): void {
    this.tenantOf.delete(call)
    const f: Fields = { call: this.call(call) }
    this.agent(f, "agent", agent)
    f.outcome = EndOutcomeNames[outcome]
    this.emit(t, "call-ended", f)
  }

  /** The redial time is `redialAt` (a clock time), since `at` is the event's own time. */
  redialScheduled(t: number, call: number, at: number): void {
    this.emit(t, "redial-scheduled", { call: this.call(call), redialAt: formatClockTime(at) })
  }

  wrapUpStarted(t: number, agent: number, call: number, queue: number, duration: number): void {
    const f: Fields = {}
    this.agent(f, "agent", agent)
    f.call = this.call(call)
    this.queue(f, queue)
    f.duration = duration
    this.emit(t, "wrap-up-started", f)
  }

  wrapUpEnded(t: number, agent: number): void {
    const f: Fields = {}
    this.agent(f, "agent", agent)
    this.emit(t, "wrap-up-ended", f)
  }

  agentStatusChanged(t: number, agent: number, status: AgentStatus, cause: StatusCause, reason: number): void {
    const f: Fields = {}
    this.agent(f, "agent", agent)
    f.status = AgentStatusNames[status]
    f.cause = StatusCauseNames[cause]
    if (reason >= 0) f.reason = this.model.reasons[reason]!
    this.emit(t, "agent-status-changed", f)
  }

  agentOvertimeStarted(t: number, agent: number): void {
    const f: Fields = {}
    this.agent(f, "agent", agent)
    this.emit(t, "agent-overtime-started", f)
  }

  simulationEnded(t: number): void {
    this.emit(t, "simulation-ended", {})
  }
}
