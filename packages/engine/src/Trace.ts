/**
 * The trace: JSON-ready events `{ t, at, event, ...fields }`, one per observer step, passed to a callback, kept
 * in memory, or written straight to NDJSON bytes (`NdjsonWriter`: no object or string per event). Field names are the hook's parameter names; indices become ids and
 * codes become names (see Observer.ts); fields that are −1 are left out. When no trace is asked for, no recorder
 * is attached and tracing costs nothing.
 */
import { formatClockTime } from "@ccsim/scenario/clock-time"
import { callIdOf } from "./Compile.ts"
import type { Model } from "./Model.ts"
import { type EventSink, NdjsonSink, NdjsonWriter } from "./Ndjson.ts"
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
  HoldReason,
  HoldReasonNames,
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

/** Builds `TraceEvent` objects. */
class ObjectSink implements EventSink {
  private e: Record<string, string | number | boolean> = {}
  /** The last time formatted, and its text: most instants carry several events. */
  private lastT = -1
  private lastAt = ""
  private readonly model: Model
  private readonly onEvent: (event: TraceEvent) => void

  constructor(model: Model, onEvent: (event: TraceEvent) => void) {
    this.model = model
    this.onEvent = onEvent
  }

  begin(t: number, event: string): void {
    if (t !== this.lastT) {
      this.lastT = t
      this.lastAt = formatClockTime(t)
    }
    this.e = { t, at: this.lastAt, event }
  }
  str(key: string, value: string): void {
    this.e[key] = value
  }
  num(key: string, value: number): void {
    this.e[key] = value
  }
  bool(key: string, value: boolean): void {
    this.e[key] = value
  }
  call(key: string, n: number): void {
    this.e[key] = callIdOf(this.model, n)
  }
  clock(key: string, t: number): void {
    this.e[key] = formatClockTime(t)
  }
  end(): void {
    this.onEvent(this.e as unknown as TraceEvent)
  }
}

/** Builds trace events from observer calls. */
export class TraceRecorder implements Observer {
  /** Events kept in memory when no callback or writer was given. */
  readonly events: Array<TraceEvent> = []
  private readonly out: EventSink

  readonly model: Model
  /** The tenant of each call in the system that has one (R2: offers show the tenant of the number dialled). */
  private readonly tenantOf = new Map<number, number>()

  /**
   * `out`: a callback receiving each event, an {@link NdjsonWriter} receiving each as one line of JSON
   * (byte-identical to `JSON.stringify(event)`), or nothing to keep the events in `events`.
   */
  constructor(model: Model, out?: ((event: TraceEvent) => void) | NdjsonWriter) {
    this.model = model
    this.out =
      out instanceof NdjsonWriter
        ? new NdjsonSink(model, out)
        : new ObjectSink(model, out ?? ((e) => this.events.push(e)))
  }

  private agent(a: number): void {
    if (a >= 0) this.out.str("agent", this.model.agents[a]!.id)
  }

  private queue(q: number): void {
    if (q >= 0) this.out.str("queue", this.model.queues[q]!.id)
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
    const o = this.out
    o.begin(t, "call-arrived")
    o.call("call", call)
    o.str("kind", CallKindNames[kind])
    if (tenant >= 0) {
      o.str("tenant", this.model.tenants[tenant]!.id)
      this.tenantOf.set(call, tenant)
    }
    o.bool("known", known)
    if (source >= 0) o.str("source", this.model.sources[source]!.id)
    if (redialOf >= 0) o.call("redialOf", redialOf)
    o.end()
  }

  callRouted(t: number, call: number, step: StepKind, target: number): void {
    const o = this.out
    o.begin(t, "call-routed")
    o.call("call", call)
    o.str("step", StepKindNames[step])
    if (target >= 0) {
      o.str("target", step === StepKind.queue ? this.model.queues[target]!.id : this.model.agents[target]!.id)
    }
    o.end()
  }

  callQueued(t: number, call: number, queue: number): void {
    this.out.begin(t, "call-queued")
    this.out.call("call", call)
    this.queue(queue)
    this.out.end()
  }

  callRolledOver(t: number, call: number, queue: number, reason: RolloverReason): void {
    this.out.begin(t, "call-rolled-over")
    this.out.call("call", call)
    this.queue(queue)
    this.out.str("reason", RolloverReasonNames[reason])
    this.out.end()
  }

  /** Begins an event of `call`, `agent` and `queue`; the caller ends it. */
  private offer(t: number, event: string, call: number, agent: number, queue: number): void {
    this.out.begin(t, event)
    this.out.call("call", call)
    this.agent(agent)
    this.queue(queue)
  }

  /** Carries the call's tenant (R2): the agent's pop-up shows "the tenant account they called". */
  offerStarted(t: number, call: number, agent: number, queue: number): void {
    this.offer(t, "offer-started", call, agent, queue)
    const tenant = this.tenantOf.get(call)
    if (tenant !== undefined) this.out.str("tenant", this.model.tenants[tenant]!.id)
    this.out.end()
  }

  offerAccepted(t: number, call: number, agent: number, queue: number): void {
    this.offer(t, "offer-accepted", call, agent, queue)
    this.out.end()
  }

  offerRejected(t: number, call: number, agent: number, queue: number): void {
    this.offer(t, "offer-rejected", call, agent, queue)
    this.out.end()
  }

  offerMissed(t: number, call: number, agent: number, queue: number): void {
    this.offer(t, "offer-missed", call, agent, queue)
    this.out.end()
  }

  offerCancelled(t: number, call: number, agent: number, queue: number, reason: CancelReason): void {
    this.offer(t, "offer-cancelled", call, agent, queue)
    this.out.str("reason", CancelReasonNames[reason])
    this.out.end()
  }

  outboundStarted(t: number, call: number, agent: number): void {
    this.offer(t, "outbound-started", call, agent, -1)
    this.out.end()
  }

  callHeld(t: number, call: number, agent: number, reason: HoldReason, duration: number): void {
    this.offer(t, "call-held", call, agent, -1)
    // Hold & Accept holds print as before; a customer hold says so and how long it lasts.
    if (reason === HoldReason.customer) {
      this.out.str("reason", HoldReasonNames[reason])
      this.out.num("duration", duration)
    }
    this.out.end()
  }

  callResumed(t: number, call: number, agent: number): void {
    this.offer(t, "call-resumed", call, agent, -1)
    this.out.end()
  }

  callAbandoned(t: number, call: number, queue: number, stage: AbandonStage): void {
    this.out.begin(t, "call-abandoned")
    this.out.call("call", call)
    this.queue(queue)
    this.out.str("stage", AbandonStageNames[stage])
    this.out.end()
  }

  callEnded(t: number, call: number, agent: number, outcome: EndOutcome): void {
    this.tenantOf.delete(call)
    this.out.begin(t, "call-ended")
    this.out.call("call", call)
    this.agent(agent)
    this.out.str("outcome", EndOutcomeNames[outcome])
    this.out.end()
  }

  /** The redial time is `redialAt` (a clock time), since `at` is the event's own time. */
  redialScheduled(t: number, call: number, at: number): void {
    this.out.begin(t, "redial-scheduled")
    this.out.call("call", call)
    this.out.clock("redialAt", at)
    this.out.end()
  }

  wrapUpStarted(t: number, agent: number, call: number, queue: number, duration: number): void {
    this.out.begin(t, "wrap-up-started")
    this.agent(agent)
    this.out.call("call", call)
    this.queue(queue)
    this.out.num("duration", duration)
    this.out.end()
  }

  wrapUpEnded(t: number, agent: number): void {
    this.out.begin(t, "wrap-up-ended")
    this.agent(agent)
    this.out.end()
  }

  agentStatusChanged(t: number, agent: number, status: AgentStatus, cause: StatusCause, reason: number): void {
    this.out.begin(t, "agent-status-changed")
    this.agent(agent)
    this.out.str("status", AgentStatusNames[status])
    this.out.str("cause", StatusCauseNames[cause])
    if (reason >= 0) this.out.str("reason", this.model.reasons[reason]!)
    this.out.end()
  }

  agentOvertimeStarted(t: number, agent: number): void {
    this.out.begin(t, "agent-overtime-started")
    this.agent(agent)
    this.out.end()
  }

  simulationEnded(t: number): void {
    this.out.begin(t, "simulation-ended")
    this.out.end()
  }
}
