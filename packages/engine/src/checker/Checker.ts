/**
 * The conformance checker: an Observer that rebuilds the state of agents, calls and queues from the hooks alone
 * and checks every step against the routing rules R1 and R3–R15 (DESIGN.md) and the invariants of any simulation.
 * It never imports the engine's rule code, so a bug there cannot hide itself here.
 *
 * Checks happen at three moments: on the event itself (an offer to an agent who is not Available), at the end
 * of each instant, when simulated time moves on (things that must happen "at once": the miss-policy switch, the
 * wrap-up start, the end of an abandoned call, the re-offer of a rejected call), and at deadlines that pass
 * without the event that was due (a call still waiting after its maximum wait, a wrap-up that did not end).
 * CHECKS.md lists every check, the readings where the seed is silent, and the deliberate leniencies.
 */
import { formatClockTime } from "@ccsim/scenario/clock-time"
import type { Model } from "../Model.ts"
import {
  AbandonStage,
  AgentStatus,
  CallKind,
  CancelReason,
  EndOutcome,
  EndOutcomeNames,
  HoldReason,
  type Observer,
  RolloverReason,
  type StatusCause,
  StepKind,
  StepKindNames
} from "../Observer.ts"
import { checkAgentOvertimeStarted, checkAgentStatusChanged, checkWrapUpEnded, checkWrapUpStarted } from "./Agents.ts"
import {
  CALL_ABANDONED,
  CALL_ENDED,
  CALL_LIVE,
  CALL_UNKNOWN,
  CheckerCore,
  type CheckerOptions,
  kindName,
  remove,
  secs
} from "./Core.ts"
import { checkCustomerHold } from "./Holds.ts"
import { endInstant, enter } from "./Instant.ts"
import { afterOfferEnded, checkDirectOffer, checkQueueOffer, endOffer, failed } from "./Offers.ts"
import { canBeZero } from "./Schedule.ts"
import { CallShadow, type OfferShadow, QueueVisit } from "./Shadow.ts"
import type { Violation } from "./Violation.ts"

export type { CheckerOptions } from "./Core.ts"

/** Checks a simulation's hook stream against the routing rules; read `violations` after `finish`. */
export class ConformanceChecker implements Observer {
  /** The shadow state and the shared lookups. */
  private readonly k: CheckerCore

  constructor(model: Model, options: CheckerOptions = {}) {
    this.k = new CheckerCore(model, options)
  }

  /** Everything found so far, in event order. */
  get violations(): ReadonlyArray<Violation> {
    return this.k.found
  }

  /**
   * End-of-run checks (calls never ended, offers still ringing, obligations of the last instant). Called by
   * `simulationEnded`; calling it again does nothing.
   */
  finish(endTime: number): void {
    if (this.k.finished) return
    enter(this.k, endTime, "end-of-run")
    endInstant(this.k, this.k.now + 1)
    this.k.finished = true
    this.k.event = "end-of-run"
    for (const call of this.k.calls.values()) this.k.report("I", "the call never ended", call.index)
    for (const agent of this.k.agents) {
      for (const offer of agent.offers)
        this.k.report("I", `an offer of call ${this.k.callId(offer.call.index)} still rings`, -1, agent.index)
    }
  }

  callArrived(
    t: number,
    call: number,
    kind: CallKind,
    _tenant: number,
    _known: boolean,
    source: number,
    redialOf: number
  ): void {
    enter(this.k, t, "call-arrived")
    if (this.k.stateOf(call) !== CALL_UNKNOWN) {
      this.k.report("I", "the call arrived twice", call)
      return
    }
    const scripted = this.k.model.scriptedCalls[call]
    let priority =
      source >= 0 ? (this.k.model.sources[source]?.priority ?? 0) : scripted !== undefined ? scripted.priority : 0
    if (redialOf >= 0) {
      const due = this.k.redials.get(redialOf)
      if (due === undefined) this.k.report("I", `a redial of ${this.k.callId(redialOf)} that was never scheduled`, call)
      else {
        priority = due.priority
        if (due.at !== t)
          this.k.report(
            "I",
            `the redial arrived at ${formatClockTime(t)}, scheduled for ${formatClockTime(due.at)}`,
            call
          )
      }
      this.k.redials.delete(redialOf)
    }
    const shadow = new CallShadow(call, kind, t, priority)
    // Where the call came from: a source or a scripted call; hooks driven by hand may name neither, and then a
    // queue or direct call is taken to follow a workflow.
    const origin = source >= 0 ? this.k.model.sources[source] : scripted
    if (origin !== undefined) {
      shadow.viaWorkflow = origin.kind === CallKind.queue
      if (origin.kind === CallKind.direct) shadow.dialled = origin.agent
    } else shadow.viaWorkflow = kind === CallKind.queue || kind === CallKind.direct
    if (source >= 0) {
      const traffic = this.k.model.scenario.traffic[source]
      if (traffic !== undefined && "holdTime" in traffic) shadow.holdTime = traffic.holdTime
    } else if (scripted !== undefined && scripted.hold > 0) shadow.holdTime = { type: "constant", value: scripted.hold }
    const plan = source >= 0 && redialOf < 0 ? this.k.model.sources[source]!.arrivals : undefined
    if (plan?.kind === "intervals") {
      const i = plan.starts.findIndex((start) => start <= t && t < start + plan.length)
      const acw = plan.acw[i] ?? Number.NaN
      if (!Number.isNaN(acw)) shadow.acw = acw
    }
    this.k.setState(call, CALL_LIVE)
    this.k.calls.set(call, shadow)
    this.k.dirtyCalls.add(shadow)
    // Redials may come after closing; first calls from traffic may not.
    if (redialOf < 0 && source >= 0 && this.k.model.scenario.run.mode === "terminating" && t > this.k.model.close) {
      this.k.report("I", `a generated call arrived after closing (${formatClockTime(this.k.model.close)})`, call)
    }
  }

  callRouted(t: number, call: number, step: StepKind, target: number): void {
    enter(this.k, t, "call-routed")
    const c = this.k.live(call)
    if (c === undefined) return
    if (c.answeredBy >= 0) this.k.report("I", "an answered call was routed again", call)
    if (c.visit !== undefined)
      this.k.report("I", `routed on while still in queue ${this.k.queueId(c.visit.queue)}`, call)
    // R1: a workflow whose first step is an agent's direct line makes a direct call; any other first step, a queue call.
    if (!c.viaWorkflow) checkDirectLineForward(this.k, c, step, target)
    else if (c.routedStep < 0 && (c.kind === CallKind.direct) !== (step === StepKind.directLine))
      this.k.report(
        "R1",
        step === StepKind.directLine
          ? `a ${kindName(c.kind)} call whose workflow sends it to a direct line first`
          : `a ${kindName(c.kind)} call whose workflow's first step is ${StepKindNames[step]}, not a direct line`,
        call
      )
    c.routedStep = step
    c.routedTarget = target
    c.routedAt = t
    c.leftQueueAt = -1
    this.k.dirtyCalls.add(c)
  }

  callQueued(t: number, call: number, queue: number): void {
    enter(this.k, t, "call-queued")
    const c = this.k.live(call)
    if (c === undefined) return
    if (c.routedStep !== StepKind.queue || c.routedTarget !== queue || c.routedAt !== t)
      this.k.report("I", `queued in ${this.k.queueId(queue)} without being routed there at this instant`, call)
    if (c.visit !== undefined) {
      this.k.report("I", `queued in ${this.k.queueId(queue)} while still in ${this.k.queueId(c.visit.queue)}`, call)
      this.k.leaveQueue(c)
    }
    const q = this.k.model.queues[queue]!
    let notRinging = 0
    for (const other of this.k.waiting[queue]!) if (other.ringing.length === 0) notRinging++
    const visit = new QueueVisit(queue, t, t + q.maxWait)
    if (notRinging >= q.maxLength) visit.overfullAt = t
    c.visit = visit
    c.routedAt = -1
    this.k.waiting[queue]!.add(c)
    if (Number.isFinite(visit.deadline)) this.k.deadlines.push({ t: visit.deadline, kind: "rollover", subject: visit })
    this.k.dirtyCalls.add(c)
  }

  callRolledOver(t: number, call: number, queue: number, reason: RolloverReason): void {
    enter(this.k, t, "call-rolled-over")
    const c = this.k.live(call)
    if (c === undefined) return
    if (queue < 0) {
      // Outside business hours a new call takes the after-hours steps before it reaches any queue.
      if (reason !== RolloverReason.afterHours || c.visit !== undefined || c.routedStep >= 0)
        this.k.report("I", "rolled over from no queue, other than a new call outside business hours", call)
      c.leftQueueAt = t
      this.k.dirtyCalls.add(c)
      return
    }
    const q = this.k.model.queues[queue]!
    const visit = c.visit
    const atEntry = c.routedStep === StepKind.queue && c.routedTarget === queue && c.routedAt === t
    if ((visit === undefined || visit.queue !== queue) && !atEntry) {
      this.k.report("I", `rolled over from ${this.k.queueId(queue)}, where it is not waiting`, call)
      return
    }
    if (reason === RolloverReason.maxWait) {
      if (visit === undefined) this.k.report("R10", "rolled over by maximum wait before it joined the queue", call)
      else if (t < visit.deadline)
        this.k.report(
          "R10",
          `rolled over after ${secs(t - visit.entry)}, before the maximum wait of ${secs(q.maxWait)}`,
          call
        )
      else if (t > visit.deadline && !visit.extended)
        this.k.report(
          "R10",
          `rolled over after ${secs(t - visit.entry)}, later than the maximum wait of ${secs(q.maxWait)}`,
          call
        )
      else if (c.ringing.length > 0 && this.k.model.settings.offerFinishesRingBeforeRollover)
        this.k.report("R10", "rolled over while an offer still rang (offers finish their ring first)", call)
    } else if (reason === RolloverReason.queueFull) {
      let others = 0
      for (const other of this.k.waiting[queue]!) if (other !== c) others++
      if (others < q.maxLength)
        this.k.report("R10", `overflowed as full with ${others} calls waiting, maximum length ${q.maxLength}`, call)
      if (visit !== undefined && visit.entry !== t)
        this.k.report("R10", "overflowed as full after it had joined the queue", call)
    } else if (reason === RolloverReason.noAgents) {
      if (!q.rolloverWhenNoAgents)
        this.k.report("R10", `rolled over for lack of agents, but ${q.id} waits for its maximum wait (CCP)`, call)
      else if (q.members.some((m) => this.k.agents[m.agent]!.status !== AgentStatus.signedOut))
        this.k.report("R10", "rolled over for lack of agents while a member was signed in", call)
    }
    if (visit !== undefined) this.k.leaveQueue(c)
    c.routedAt = -1
    c.leftQueueAt = t
    c.rolledOverAt = t
    this.k.dirtyCalls.add(c)
  }

  callAbandoned(t: number, call: number, queue: number, stage: AbandonStage): void {
    enter(this.k, t, "call-abandoned")
    const c = this.k.live(call)
    if (c === undefined) return
    if (c.abandonedAt >= 0) {
      this.k.report("I", "the caller hung up twice", call)
      return
    }
    const held = c.participants.some((a) => this.k.agents[a]!.held.includes(c))
    if (stage === AbandonStage.waiting) {
      if (c.visit === undefined || c.ringing.length > 0)
        this.k.report("R15", `hung up as waiting, but the call ${this.k.callStage(c)}`, call)
      else if (c.visit.queue !== queue)
        this.k.report(
          "I",
          `hung up waiting in ${this.k.queueId(queue)}, but it waits in ${this.k.queueId(c.visit.queue)}`,
          call
        )
    } else if (stage === AbandonStage.ringing) {
      if (c.ringing.length === 0 && c.hungUpCancelAt !== t)
        this.k.report("R15", `hung up as ringing, but the call ${this.k.callStage(c)}`, call)
    } else if (!held) {
      this.k.report("R15", `hung up on hold, but the call ${this.k.callStage(c)}`, call)
    }
    c.abandonedAt = t
    this.k.dirtyCalls.add(c)
  }

  callEnded(t: number, call: number, agent: number, outcome: EndOutcome): void {
    enter(this.k, t, "call-ended")
    const c = this.k.live(call)
    if (c === undefined) return
    const outcomeName = EndOutcomeNames[outcome]
    // Offers end before their call, except when the run stops with the call still in progress.
    if (c.ringing.length > 0 && outcome !== EndOutcome.inProgressAtEnd)
      this.k.report("I", `ended (${outcomeName}) while offers still ring at ${this.k.agentList(c.ringing)}`, call)
    const answered = c.answeredBy >= 0 || (c.kind === CallKind.outbound && c.participants.length > 0)
    if (outcome === EndOutcome.abandoned) {
      if (c.abandonedAt !== t)
        this.k.report("I", "ended as abandoned, but the caller did not hang up at this instant", call)
    } else if (c.abandonedAt >= 0 && outcome !== EndOutcome.inProgressAtEnd) {
      this.k.report("I", `the caller hung up, but the call ended as ${outcomeName}`, call)
    }
    if (outcome === EndOutcome.handled) {
      if (!answered) this.k.report("I", "ended as handled, but nobody answered it", call)
      else if (c.kind !== CallKind.outbound && agent !== c.answeredBy)
        this.k.report(
          "I",
          `ended as handled by ${this.k.agentId(agent)}, but ${this.k.agentId(c.answeredBy)} answered it`,
          call
        )
      if (c.participants.some((a) => this.k.agents[a]!.held.includes(c)))
        this.k.report("R13", "a held call ended as handled without being resumed", call)
    } else if (answered && outcome !== EndOutcome.abandoned && outcome !== EndOutcome.inProgressAtEnd) {
      this.k.report("I", `an answered call ended as ${outcomeName}`, call)
    }
    if (outcome === EndOutcome.unanswered && c.dialled >= 0 && c.routedStep < 0) {
      const to = this.k.model.agents[c.dialled]!.directLineUnanswered
      if (to !== undefined)
        this.k.report(
          "R12",
          `a direct call to ${this.k.agentId(c.dialled)} ended unanswered; that line sends it to ${StepKindNames[to.kind]}`,
          call
        )
    }
    const terminal = terminalStep(outcome)
    if (terminal >= 0 && terminal !== StepKind.hangUp && c.routedStep !== terminal)
      this.k.report("I", `ended as ${outcomeName} without being routed to that step`, call)
    if (c.routedStep >= StepKind.answeringService && c.routedAt === t && terminal !== c.routedStep)
      this.k.report("I", `routed to a terminal step but ended as ${outcomeName}`, call)
    // Wrap-up follows a queue call the agent talked to (R6).
    if (c.answeredQueue >= 0 && c.answeredBy >= 0 && outcome !== EndOutcome.inProgressAtEnd) {
      const handler = this.k.agents[c.answeredBy]!
      if (c.mustEndAt !== t) {
        const optional =
          outcome !== EndOutcome.handled ||
          (c.acw >= 0 ? c.acw === 0 : canBeZero(this.k.model.queues[c.answeredQueue]!.wrapUp))
        handler.wrapUpDue = { call: c, t, optional }
        this.k.dirtyAgents.add(handler)
      }
    }
    for (const a of c.participants) {
      const shadow = this.k.agents[a]!
      remove(shadow.active, c)
      remove(shadow.held, c)
      if (c.kind === CallKind.outbound) shadow.outboundEventAt = t
      this.k.dirtyAgents.add(shadow)
    }
    if (c.visit !== undefined) this.k.leaveQueue(c)
    for (const offer of c.ringing) remove(this.k.agents[offer.agent]!.offers, offer)
    this.k.setState(call, c.abandonedAt >= 0 ? CALL_ABANDONED : CALL_ENDED)
    if (c.abandonedAt >= 0) this.k.endedPriority.set(call, c.priority)
    this.k.calls.delete(call)
    this.k.dirtyCalls.delete(c)
  }

  redialScheduled(t: number, call: number, at: number): void {
    enter(this.k, t, "redial-scheduled")
    const state = this.k.stateOf(call)
    const c = this.k.calls.get(call)
    if (state !== CALL_ABANDONED && (c === undefined || c.abandonedAt < 0))
      this.k.report("I", "a redial scheduled for a caller who did not hang up", call)
    if (at < t) this.k.report("I", `a redial scheduled in the past (${formatClockTime(at)})`, call)
    this.k.redials.set(call, { at, priority: c?.priority ?? this.k.endedPriority.get(call) ?? 0 })
  }

  offerStarted(t: number, call: number, agent: number, queue: number): void {
    enter(this.k, t, "offer-started")
    const c = this.k.live(call, agent)
    if (c === undefined) return
    const a = this.k.agents[agent]!
    if (c.answeredBy >= 0) this.k.report("I", "offered after it was answered", call, agent)
    if (c.abandonedAt >= 0) this.k.report("I", "offered after the caller hung up", call, agent)
    if (queue >= 0) checkQueueOffer(this.k, t, c, a, queue)
    else checkDirectOffer(this.k, c, a)
    for (const offer of c.ringing)
      if (offer.agent === agent) this.k.report("I", "offered twice to the same agent at once", call, agent)
    const timeout = queue >= 0 ? this.k.model.queues[queue]!.ringTimeout : this.k.directRingTimeout[agent]!
    const offer: OfferShadow = { call: c, agent, queue, start: t, deadline: t + timeout, ended: false }
    c.ringing.push(offer)
    a.offers.push(offer)
    if (c.routedStep === StepKind.directLine) c.routedAt = -1
    this.k.dirtyCalls.add(c)
    this.k.dirtyAgents.add(a)
  }

  offerAccepted(t: number, call: number, agent: number, queue: number): void {
    enter(this.k, t, "offer-accepted")
    const offer = endOffer(this.k, t, call, agent, queue, "accepted")
    if (offer === undefined) return
    const c = offer.call
    const a = this.k.agents[agent]!
    if (c.answeredBy >= 0) this.k.report("I", `answered twice (first by ${this.k.agentId(c.answeredBy)})`, call, agent)
    // A caller on customer hold is still the agent's call (a Hold & Accept hold was flagged when it happened).
    const busyWith = a.active[0] ?? a.held.find((h) => h.holdUntil >= 0)
    if (busyWith !== undefined && !this.k.model.settings.holdAndAccept)
      this.k.report(
        "R13",
        `answered while on call ${this.k.callId(busyWith.index)}, and Hold & Accept is off`,
        call,
        agent
      )
    c.answeredBy = agent
    c.answeredQueue = queue
    if (c.visit !== undefined) this.k.leaveQueue(c)
    c.participants.push(agent)
    a.active.push(c)
    if (queue >= 0) {
      // An answered queue call resets the counts, unless its queue counts misses that are not consecutive (R11).
      if (this.k.model.queues[queue]!.unavailableOnMiss?.consecutive !== false) a.missCounts.reset()
    }
  }

  offerRejected(t: number, call: number, agent: number, queue: number): void {
    enter(this.k, t, "offer-rejected")
    const offer = endOffer(this.k, t, call, agent, queue, "rejected")
    if (offer === undefined) return
    failed(this.k, t, offer, "reject")
  }

  offerMissed(t: number, call: number, agent: number, queue: number): void {
    enter(this.k, t, "offer-missed")
    const offer = endOffer(this.k, t, call, agent, queue, "missed")
    if (offer === undefined) return
    if (t !== offer.deadline) {
      const limit =
        queue >= 0 ? `the queue's ring timeout is ${secs(offer.deadline - offer.start)}` : "the direct ring timeout"
      this.k.report(queue >= 0 ? "R9" : "I", `missed after ${secs(t - offer.start)} of ringing; ${limit}`, call, agent)
    }
    failed(this.k, t, offer, "no-answer")
  }

  offerCancelled(t: number, call: number, agent: number, queue: number, reason: CancelReason): void {
    enter(this.k, t, "offer-cancelled")
    const offer = endOffer(this.k, t, call, agent, queue, "cancelled")
    if (offer === undefined) return
    const c = offer.call
    const a = this.k.agents[agent]!
    a.lastUnanswered = "cancel"
    if (reason === CancelReason.callerHungUp) c.hungUpCancelAt = t
    else if (reason === CancelReason.answeredElsewhere) {
      c.elsewhereCancelAt = t
      if (this.k.model.queues[queue]?.strategy !== "ring-all" && queue >= 0)
        this.k.report("I", "cancelled as answered elsewhere, but the queue does not ring all", call, agent)
    } else if (reason === CancelReason.rolledOver) {
      if (this.k.model.settings.offerFinishesRingBeforeRollover)
        this.k.report("R10", "an offer was cut short by a rollover, but offers finish their ring first", call, agent)
      c.rolledOverCancelAt = t
    } else if (reason === CancelReason.agentLeft) {
      // The agent left before the cancel, or does so later in the same instant (checked when it ends).
      const left = queue >= 0 ? a.status !== AgentStatus.available || a.leaving(t) : a.status === AgentStatus.signedOut
      if (!left) {
        a.leftCancelAt = t
        a.leftCancelQueue = queue >= 0
      }
    }
    afterOfferEnded(t, c)
  }

  outboundStarted(t: number, call: number, agent: number): void {
    enter(this.k, t, "outbound-started")
    let c = this.k.calls.get(call)
    if (c === undefined) {
      if (this.k.stateOf(call) !== CALL_UNKNOWN) {
        this.k.report("I", "an outbound call started after it ended", call, agent)
        return
      }
      c = new CallShadow(call, CallKind.outbound, t, 0)
      this.k.setState(call, CALL_LIVE)
      this.k.calls.set(call, c)
    }
    const a = this.k.agents[agent]!
    if (a.status === AgentStatus.signedOut)
      this.k.report("I", "a signed-out agent placed an outbound call", call, agent)
    if (a.active.length > 0)
      this.k.report("R13", `placed an outbound call while on call ${this.k.callId(a.active[0]!.index)}`, call, agent)
    c.participants.push(agent)
    a.active.push(c)
    a.outboundEventAt = t
    this.k.dirtyAgents.add(a)
  }

  callHeld(t: number, call: number, agent: number, reason: HoldReason, duration: number): void {
    enter(this.k, t, "call-held")
    const c = this.k.live(call, agent)
    if (c === undefined) return
    const a = this.k.agents[agent]!
    if (reason === HoldReason.customer) {
      checkCustomerHold(this.k, t, a, c, duration)
      return
    }
    if (!this.k.model.settings.holdAndAccept)
      this.k.report("R13", "a call was put on hold, but Hold & Accept is off", call, agent)
    if (a.active.includes(c)) remove(a.active, c)
    else if (c.kind === CallKind.internal && !c.participants.includes(agent)) c.participants.push(agent)
    else {
      this.k.report("R13", `held a call that is not the agent's active call (${this.k.callStage(c)})`, call, agent)
      return
    }
    a.held.push(c)
    this.k.dirtyAgents.add(a)
  }

  callResumed(t: number, call: number, agent: number): void {
    enter(this.k, t, "call-resumed")
    const c = this.k.live(call, agent)
    if (c === undefined) return
    const a = this.k.agents[agent]!
    if (!a.held.includes(c)) {
      this.k.report("R13", "resumed a call that is not on hold", call, agent)
      return
    }
    if (a.active.length > 0)
      this.k.report("R13", `resumed while call ${this.k.callId(a.active[0]!.index)} is still active`, call, agent)
    if (c.holdUntil > t)
      this.k.report(
        "R13",
        `resumed ${secs(c.holdUntil - t)} before the end of its customer hold (${formatClockTime(c.holdUntil)})`,
        call,
        agent
      )
    c.holdUntil = -1
    remove(a.held, c)
    a.active.push(c)
    this.k.dirtyAgents.add(a)
  }

  wrapUpStarted(t: number, agent: number, call: number, queue: number, duration: number): void {
    enter(this.k, t, "wrap-up-started")
    checkWrapUpStarted(this.k, t, agent, call, queue, duration)
  }

  wrapUpEnded(t: number, agent: number): void {
    enter(this.k, t, "wrap-up-ended")
    checkWrapUpEnded(this.k, t, agent)
  }

  agentStatusChanged(t: number, agent: number, status: AgentStatus, cause: StatusCause, reason: number): void {
    enter(this.k, t, "agent-status-changed")
    checkAgentStatusChanged(this.k, t, agent, status, cause, reason)
  }

  agentOvertimeStarted(t: number, agent: number): void {
    enter(this.k, t, "agent-overtime-started")
    checkAgentOvertimeStarted(this.k, t, agent)
  }

  simulationEnded(t: number): void {
    enter(this.k, t, "simulation-ended")
    this.finish(t)
  }
}

/** The workflow step a terminal outcome comes from, or −1. */
const terminalStep = (outcome: EndOutcome): number =>
  outcome === EndOutcome.answeringService
    ? StepKind.answeringService
    : outcome === EndOutcome.voicemail
      ? StepKind.voicemail
      : outcome === EndOutcome.hungUp
        ? StepKind.hangUp
        : -1

/** A dialled direct call the agent did not take goes, once, where their `directLineUnanswered` says. */
const checkDirectLineForward = (k: CheckerCore, c: CallShadow, step: StepKind, target: number): void => {
  const to = c.dialled >= 0 ? k.model.agents[c.dialled]!.directLineUnanswered : undefined
  if (to === undefined) k.report("I", `a ${kindName(c.kind)} call outside any workflow was routed`, c.index)
  else if (c.routedStep >= 0) k.report("R12", "a missed direct call was forwarded a second time", c.index)
  else if (c.ringing.length > 0 || c.answeredBy >= 0)
    k.report("R12", "a direct call was forwarded while it rang or after it was answered", c.index)
  else if (to.kind !== step || to.target !== target)
    k.report(
      "R12",
      `a missed direct call to ${k.agentId(c.dialled)} went to ${StepKindNames[step]}; that line sends it to ${StepKindNames[to.kind]}${to.target >= 0 ? ` ${k.agentId(to.target)}` : ""}`,
      c.index
    )
}
