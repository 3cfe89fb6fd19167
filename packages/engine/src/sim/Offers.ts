/**
 * Offers: a call ringing at an agent. Queue offers ring for the queue's ring timeout (R9) and only at eligible
 * agents; direct and internal calls ring a signed-in agent whatever the status (R4, R7) for the agent's direct
 * ring timeout. The agent answers (Hold & Accept when on another call, R13), rejects (R14) or lets it ring out.
 * A missed or rejected queue offer counts toward R11; missed direct/internal calls change nothing (R12). What
 * happens next to the call (offered again, rolled over, next workflow step) is left to the matching pass.
 */
import * as samplers from "../kernel/Samplers.ts"
import * as model from "../Model.ts"
import * as observer from "../Observer.ts"
import * as eligibility from "./Eligibility.ts"
import * as events from "./Events.ts"
import * as lineModule from "./Line.ts"
import * as rules from "./Rules.ts"
import type { SimState } from "./State.ts"
import * as talk from "./Talk.ts"
import * as workList from "./WorkList.ts"

// Module-local copies of the imports: V8 folds a module's own constants into the machine code but reads an
// imported binding at every use (engine README, "Imports in hot modules").
const { sampleMs } = samplers
const { ResponseCode } = model
const { AgentStatus, CallKind, CancelReason, EndOutcome, RolloverReason, StepKind } = observer
const { answeredQueueCall, countMiss, refreshAgent } = eligibility
const { CallState, Ev, Line } = events
const { armPatience, armQueueTimers, leaveQueue, patienceDeadline } = lineModule
const { Strategy } = rules
const { connect, endCall, holdToAccept } = talk
const { Work } = workList
type CancelReason = observer.CancelReason

let decidedResponse = 0
let decidedDelay = 0

/** The agent's response to their next offer: scripted responses first, then the behaviour's probabilities. */
const decide = (st: SimState, a: number, queue: boolean): void => {
  const b = st.model.agents[a]!.behaviour
  const rng = st.rng.behaviour[a]!
  const k = st.agent.offers[a]!++
  if (k < b.responses.length) decidedResponse = b.responses[k]!
  else {
    const u = rng.next()
    const pm = queue ? b.missProbability : b.directMissProbability
    const pr = queue ? b.rejectProbability : b.directRejectProbability
    decidedResponse = u < pm ? ResponseCode.miss : u < pm + pr ? ResponseCode.reject : ResponseCode.answer
  }
  decidedDelay = sampleMs(b.answerDelay, rng)
}

/** Rings a queue call at agent `a` (member `m` of queue `q`). */
export const startQueueOffer = (st: SimState, c: number, a: number, q: number, m: number): void => {
  st.call.ringing[c]!++
  st.call.state[c] = CallState.ringing
  st.call.offerAgent[c] = a
  st.agent.queueCall[a] = c
  st.agent.qOfferQueue[a] = q
  st.queue.rr[q] = m
  refreshAgent(st, a)
  st.obs.offerStarted(st.now, st.call.no[c]!, a, q)
  decide(st, a, true)
  const ring = st.model.queues[q]!.ringTimeout
  st.agent.qOfferStart[a] = st.now
  if (decidedResponse !== ResponseCode.miss && decidedDelay < ring) {
    st.agent.qOfferResp[a] = decidedResponse
    st.agent.qOfferEv[a] = st.at(st.now + decidedDelay, Ev.answer, a, Line.queue)
  } else {
    st.agent.qOfferResp[a] = ResponseCode.miss
    st.agent.qOfferEv[a] = st.at(st.now + ring, Ev.ringTimeout, a, Line.queue)
  }
  // Answered before the caller's patience runs out (answers come first at the same ms): no patience event needed.
  // Likewise for the queue's timers: only those before the answer are armed.
  const single = st.agent.qOfferResp[a] === ResponseCode.answer && st.call.ringing[c] === 1
  const answerAt = single ? st.now + decidedDelay : Number.POSITIVE_INFINITY
  if (!(answerAt <= patienceDeadline(st, c))) armPatience(st, c)
  armQueueTimers(st, c, answerAt)
}

/** Ring-all: rings every member pushed on the scratch stack from `base`; true when at least one rang. */
export const ringAll = (st: SimState, c: number, q: number, base: number): boolean => {
  const top = st.sp
  const set = st.queue.sets[q]!
  for (let i = base; i < top; i++) {
    const m = st.stack[i]!
    startQueueOffer(st, c, set.agentOf[m]!, q, m)
  }
  st.sp = base
  return top > base
}

/** Rings a direct or internal call (or a workflow's direct-line step); false when the agent cannot ring. */
export const startDirectOffer = (st: SimState, c: number, a: number): boolean => {
  // Signed out, or already ringing with another direct/internal call (busy): the caller is not connected.
  if (st.agent.status[a] === AgentStatus.signedOut || st.agent.dOffer[a]! >= 0) return false
  st.agent.dOffer[a] = c
  st.call.ringing[c] = 1
  st.call.state[c] = CallState.ringing
  st.call.offerAgent[c] = a
  st.obs.offerStarted(st.now, st.call.no[c]!, a, -1)
  decide(st, a, false)
  const ring = st.model.agents[a]!.behaviour.directRingTimeout
  st.agent.dOfferStart[a] = st.now
  if (decidedResponse !== ResponseCode.miss && decidedDelay < ring) {
    st.agent.dOfferResp[a] = decidedResponse
    st.agent.dOfferEv[a] = st.at(st.now + decidedDelay, Ev.answer, a, Line.direct)
  } else {
    st.agent.dOfferResp[a] = ResponseCode.miss
    st.agent.dOfferEv[a] = st.at(st.now + ring, Ev.ringTimeout, a, Line.direct)
  }
  if (!(st.agent.dOfferResp[a] === ResponseCode.answer && st.now + decidedDelay <= patienceDeadline(st, c))) {
    armPatience(st, c)
  }
  return true
}

/**
 * A direct call agent `a` did not take (missed, rejected, or not rung): the agent's `directLineUnanswered`
 * sends it to voicemail, the answering service or another agent's direct line — once (`step` 1 marks a
 * forwarded call); otherwise, and for internal calls, it ends unanswered.
 */
export const directLineUnanswered = (st: SimState, c: number, a: number): void => {
  const to =
    a >= 0 && st.call.kind[c] === CallKind.direct && st.call.step[c] === 0
      ? st.model.agents[a]!.directLineUnanswered
      : undefined
  if (to === undefined) {
    endCall(st, c, EndOutcome.unanswered, -1)
    return
  }
  st.call.step[c] = 1
  st.obs.callRouted(st.now, st.call.no[c]!, to.kind, to.target)
  if (to.kind === StepKind.voicemail) endCall(st, c, EndOutcome.voicemail, -1)
  else if (to.kind === StepKind.answeringService) endCall(st, c, EndOutcome.answeringService, -1)
  else if (!startDirectOffer(st, c, to.target)) endCall(st, c, EndOutcome.unanswered, -1)
}

/** Talking, or holding a caller (a customer hold leaves no active call). */
const onCall = (st: SimState, a: number): boolean => st.agent.active[a]! >= 0 || st.agent.heldTop[a]! >= 0

/** The agent's answer time came: accept or reject. */
export const onAnswer = (st: SimState, a: number, line: number): void => {
  if (line === Line.queue) {
    st.agent.qOfferEv[a] = -1
    if (st.agent.qOfferResp[a] === ResponseCode.reject) {
      failQueueOffer(st, a, true)
      return
    }
    if (onCall(st, a) && !st.rules.holdAndAccept) {
      // Without Hold & Accept an agent on a call cannot take another: it rings out.
      armPatience(st, st.agent.queueCall[a]!)
      armQueueTimers(st, st.agent.queueCall[a]!, Number.POSITIVE_INFINITY)
      st.agent.qOfferResp[a] = ResponseCode.miss
      const q = st.agent.qOfferQueue[a]!
      st.agent.qOfferEv[a] = st.at(
        st.agent.qOfferStart[a]! + st.model.queues[q]!.ringTimeout,
        Ev.ringTimeout,
        a,
        Line.queue
      )
      return
    }
    acceptQueueOffer(st, a)
  } else {
    st.agent.dOfferEv[a] = -1
    if (st.agent.dOfferResp[a] === ResponseCode.reject) {
      failDirectOffer(st, a, true)
      return
    }
    if (onCall(st, a) && !st.rules.holdAndAccept) {
      armPatience(st, st.agent.dOffer[a]!)
      st.agent.dOfferResp[a] = ResponseCode.miss
      const ring = st.model.agents[a]!.behaviour.directRingTimeout
      st.agent.dOfferEv[a] = st.at(st.agent.dOfferStart[a]! + ring, Ev.ringTimeout, a, Line.direct)
      return
    }
    acceptDirectOffer(st, a)
  }
}

/** The offer rang out (R9). */
export const onRingTimeout = (st: SimState, a: number, line: number): void => {
  if (line === Line.queue) {
    st.agent.qOfferEv[a] = -1
    failQueueOffer(st, a, false)
  } else {
    st.agent.dOfferEv[a] = -1
    failDirectOffer(st, a, false)
  }
}

const acceptQueueOffer = (st: SimState, a: number): void => {
  const c = st.agent.queueCall[a]!
  const q = st.agent.qOfferQueue[a]!
  if (st.agent.active[a]! >= 0) holdToAccept(st, a)
  st.obs.offerAccepted(st.now, st.call.no[c]!, a, q)
  st.call.ringing[c]!--
  const base = st.sp
  if (st.call.ringing[c]! > 0) {
    // Ring-all: the others stop ringing; no miss is counted for them (R12).
    const members = st.model.queues[q]!.members
    for (let i = 0; i < members.length; i++) {
      const b = members[i]!.agent
      if (b !== a && st.agent.queueCall[b] === c && st.agent.qOfferEv[b]! >= 0) {
        cancelQueueOffer(st, b, CancelReason.answeredElsewhere)
        st.push(b)
      }
    }
  }
  const top = st.sp
  leaveQueue(st, c)
  st.cancel(st.call.patEv[c]!)
  st.call.patEv[c] = -1
  st.agent.answered[a]!++
  answeredQueueCall(st, a, q)
  connect(st, c, a, CallKind.queue)
  for (let i = base; i < top; i++) refreshAgent(st, st.stack[i]!)
  st.sp = base
}

const acceptDirectOffer = (st: SimState, a: number): void => {
  const c = st.agent.dOffer[a]!
  if (st.agent.active[a]! >= 0) holdToAccept(st, a)
  st.obs.offerAccepted(st.now, st.call.no[c]!, a, -1)
  st.agent.dOffer[a] = -1
  st.call.ringing[c] = 0
  st.cancel(st.call.patEv[c]!)
  st.call.patEv[c] = -1
  // A queue call a workflow sent to the agent's direct line is a direct call for the agent (R7).
  connect(st, c, a, st.call.kind[c] === CallKind.internal ? CallKind.internal : CallKind.direct)
  refreshAgent(st, a)
}

/** A missed or rejected queue offer: count it (R11) and offer the call to the next agent, keeping its place (R9). */
const failQueueOffer = (st: SimState, a: number, isReject: boolean): void => {
  const c = st.agent.queueCall[a]!
  const q = st.agent.qOfferQueue[a]!
  if (isReject) st.obs.offerRejected(st.now, st.call.no[c]!, a, q)
  else st.obs.offerMissed(st.now, st.call.no[c]!, a, q)
  st.agent.queueCall[a] = -1
  st.call.ringing[c]!--
  st.call.addTried(c, a, st.agent.qOfferStart[a]!)
  st.call.lastFail[c] = st.now
  countMiss(st, a, q, isReject)
  if (st.queue.strategy[q] === Strategy.ringAll && st.call.ringing[c] === 0 && st.call.rollPending[c] === 0) {
    // Ring-all, last ring ended: the agent is free again before the call rings everyone anew, so they ring too.
    st.call.state[c] = CallState.waiting
    armPatience(st, c)
    armQueueTimers(st, c, Number.POSITIVE_INFINITY)
    refreshAgent(st, a)
    st.work.post(Work.offer, c)
  } else {
    // The call goes to the next agent first, keeping its place in line; then the agent may take another call.
    queueOfferGone(st, c)
    refreshAgent(st, a)
  }
}

/** Stops a ringing queue offer (no miss counted); returns the call. The caller settles the call and the agent. */
export const cancelQueueOffer = (st: SimState, a: number, reason: number): number => {
  const c = st.agent.queueCall[a]!
  st.cancel(st.agent.qOfferEv[a]!)
  st.agent.qOfferEv[a] = -1
  st.obs.offerCancelled(st.now, st.call.no[c]!, a, st.agent.qOfferQueue[a]!, reason as CancelReason)
  st.agent.queueCall[a] = -1
  st.call.ringing[c]!--
  return c
}

/** After one of its offers ended: when nothing rings any more, the call waits, rolls over, or is offered again. */
export const queueOfferGone = (st: SimState, c: number): void => {
  if (st.call.ringing[c]! > 0 || st.call.state[c] !== CallState.ringing) return
  st.call.state[c] = CallState.waiting
  armPatience(st, c)
  armQueueTimers(st, c, Number.POSITIVE_INFINITY)
  if (st.call.rollPending[c] === 1) st.work.post(Work.rollover, c, RolloverReason.maxWait)
  else st.work.post(Work.offer, c)
}

const failDirectOffer = (st: SimState, a: number, isReject: boolean): void => {
  const c = st.agent.dOffer[a]!
  if (isReject) st.obs.offerRejected(st.now, st.call.no[c]!, a, -1)
  else st.obs.offerMissed(st.now, st.call.no[c]!, a, -1)
  st.agent.dOffer[a] = -1
  st.call.ringing[c] = 0
  st.work.post(Work.directUnanswered, c, a)
}

/** The agent signed out while a direct/internal call rang. */
export const cancelDirectOffer = (st: SimState, a: number, reason: number): void => {
  const c = st.agent.dOffer[a]!
  st.cancel(st.agent.dOfferEv[a]!)
  st.agent.dOfferEv[a] = -1
  st.obs.offerCancelled(st.now, st.call.no[c]!, a, -1, reason as CancelReason)
  st.agent.dOffer[a] = -1
  st.call.ringing[c] = 0
  st.work.post(Work.directUnanswered, c, a)
}

/**
 * Stops every offer of a ringing call (caller hung up, or rollover that does not wait for the ring). Agents of
 * cancelled queue offers are pushed on the scratch stack for the caller to refresh once the call is settled.
 */
export const cancelCallOffers = (st: SimState, c: number, reason: number): void => {
  const single = st.call.offerAgent[c]!
  if (single >= 0 && st.agent.dOffer[single] === c) {
    st.cancel(st.agent.dOfferEv[single]!)
    st.agent.dOfferEv[single] = -1
    st.obs.offerCancelled(st.now, st.call.no[c]!, single, -1, reason as CancelReason)
    st.agent.dOffer[single] = -1
    st.call.ringing[c] = 0
    return
  }
  if (st.call.ringing[c] === 1 && single >= 0 && st.agent.queueCall[single] === c && st.agent.qOfferEv[single]! >= 0) {
    cancelQueueOffer(st, single, reason)
    st.push(single)
    return
  }
  const q = st.call.queue[c]!
  if (q < 0) return
  const members = st.model.queues[q]!.members
  for (let i = 0; i < members.length && st.call.ringing[c]! > 0; i++) {
    const b = members[i]!.agent
    if (st.agent.queueCall[b] === c && st.agent.qOfferEv[b]! >= 0) {
      cancelQueueOffer(st, b, reason)
      st.push(b)
    }
  }
}
