/**
 * Agent status (set by the agent, a schedule or the system) and queue eligibility (R3, R5, R6, R8), kept apart
 * from the calls that make up an agent's activity. Also shifts, breaks, overtime, scripted actions, the
 * unavailable-on-miss policy (R11) and self-recovery.
 */
import { sampleMs } from "../kernel/Samplers.ts"
import { AgentStatus, CancelReason, RolloverReason, StatusCause } from "../Observer.ts"
import { Ev, Pending } from "./Events.ts"
import { cancelDirectOffer, cancelQueueOffer, queueOfferGone } from "./Offers.ts"
import { rollover, tryServeAgent } from "./Queues.ts"
import { IdleSince, type SimState, Strategy } from "./State.ts"

/** Reason indices fixed by Compile.ts. */
export const REASON_BREAK = 0
export const REASON_OUTBOUND = 1
export const REASON_SIGNING_OUT = 2

/** On a call, holding one, or in wrap-up: a shift end or break waits for this to finish (overtime). */
export const isBusy = (st: SimState, a: number): boolean =>
  st.aActive[a]! >= 0 || st.aHeldTop[a]! >= 0 || st.aWrap[a] === 1

const blockedByNonQueueCall = (st: SimState, a: number): boolean => {
  const mask = st.blockMask
  if (mask === 0) return false
  const active = st.aActive[a]!
  if (active >= 0 && (mask & (1 << st.cLine[active]!)) !== 0) return true
  for (let h = st.aHeldTop[a]!; h >= 0; h = st.cHeldNext[h]!) if ((mask & (1 << st.cLine[h]!)) !== 0) return true
  return false
}

/**
 * R3/R5/R6/R8: Available, no queue call ringing, active or held, not in wrap-up, no deferred sign-out or break,
 * and no non-queue call of a blocking kind (none block by default).
 */
export const isEligible = (st: SimState, a: number): boolean =>
  st.aStatus[a] === AgentStatus.available &&
  st.aQueueCall[a]! < 0 &&
  st.aWrap[a] === 0 &&
  st.aPending[a] === Pending.none &&
  !blockedByNonQueueCall(st, a)

const keyFor = (st: SimState, q: number, a: number): number => {
  switch (st.qStrategy[q]) {
    case Strategy.longestIdle:
      return st.aIdleSince[a]!
    case Strategy.fewestCalls:
      return st.aAnswered[a]!
    case Strategy.leastTalkTime:
      return st.aTalk[a]!
    default:
      return 0
  }
}

/** Re-evaluates queue eligibility; an agent who just became eligible takes a waiting call at once. */
export const refreshAgent = (st: SimState, a: number): void => {
  if (isEligible(st, a)) {
    if (st.aEligible[a] === 1) return
    st.aEligible[a] = 1
    if (st.idleSince === IdleSince.becameAvailable) st.aIdleSince[a] = st.now
    for (let k = st.amStart[a]!, end = st.amStart[a + 1]!; k < end; k++) {
      const q = st.amQueue[k]!
      st.sets[q]!.add(st.amPos[k]!, keyFor(st, q, a))
    }
    tryServeAgent(st, a)
  } else if (st.aEligible[a] === 1) {
    st.aEligible[a] = 0
    for (let k = st.amStart[a]!, end = st.amStart[a + 1]!; k < end; k++) st.sets[st.amQueue[k]!]!.remove(st.amPos[k]!)
  }
}

/** The idle clock moved while the agent is eligible (idle since the last call of any kind). */
export const idleClockMoved = (st: SimState, a: number): void => {
  if (st.aEligible[a] === 0) return
  for (let k = st.amStart[a]!, end = st.amStart[a + 1]!; k < end; k++) {
    const q = st.amQueue[k]!
    if (st.qStrategy[q] === Strategy.longestIdle) st.sets[q]!.update(st.amPos[k]!, st.aIdleSince[a]!)
  }
}

const resetMissCounts = (st: SimState, a: number): void => {
  st.aMiss[a] = 0
  st.aReject[a] = 0
  st.aShared[a] = 0
}

/**
 * Sets the status (setting the status it already has is no change: no event, nothing reset). Leaving Available
 * takes back a ringing queue offer (cancelled, `agent-left`, no miss);
 * signing out also takes back a ringing direct or internal call. Status changes by the agent, a schedule or
 * self-recovery reset the miss counters (`settings.resetMissCountOnStatusChange`).
 */
export const setStatus = (st: SimState, a: number, status: number, cause: number, reason: number): void => {
  if (st.aStatus[a] === status && st.aReason[a] === reason) return
  if (st.resetOnStatus && cause !== StatusCause.missPolicy && cause !== StatusCause.outbound) resetMissCounts(st, a)
  st.aStatus[a] = status
  st.aReason[a] = reason
  st.aCause[a] = cause
  st.obs.agentStatusChanged(st.now, a, status as AgentStatus, cause as StatusCause, reason)
  if (cause !== StatusCause.missPolicy && st.aRecoverEv[a]! >= 0) {
    st.cancel(st.aRecoverEv[a]!)
    st.aRecoverEv[a] = -1
  }
  if (status !== AgentStatus.available && st.aQOfferEv[a]! >= 0) {
    const c = cancelQueueOffer(st, a, CancelReason.agentLeft)
    queueOfferGone(st, c)
  }
  if (status === AgentStatus.signedOut && st.aDOffer[a]! >= 0) cancelDirectOffer(st, a, CancelReason.agentLeft)
  refreshAgent(st, a)
}

/** Signs the agent in with `status`. */
export const signIn = (st: SimState, a: number, cause: number, status: number, reason = -1): void => {
  if (st.aStatus[a] !== AgentStatus.signedOut) return
  for (let k = st.amStart[a]!, end = st.amStart[a + 1]!; k < end; k++) st.qSignedIn[st.amQueue[k]!]!++
  if (st.aIdleSince[a] === Number.NEGATIVE_INFINITY) st.aIdleSince[a] = st.now
  setStatus(st, a, status, cause, reason)
  startActivities(st, a)
}

/** Signs the agent out now; queues with `rolloverWhenNoAgents` and nobody left roll their callers over. */
export const signOut = (st: SimState, a: number, cause: number): void => {
  if (st.aStatus[a] === AgentStatus.signedOut) return
  stopActivities(st, a)
  st.aPending[a] = Pending.none
  st.aInBreak[a] = 0
  setStatus(st, a, AgentStatus.signedOut, cause, -1)
  for (let k = st.amStart[a]!, end = st.amStart[a + 1]!; k < end; k++) {
    const q = st.amQueue[k]!
    if (--st.qSignedIn[q]! === 0 && st.model.queues[q]!.rolloverWhenNoAgents) {
      while (st.qHead[q]! >= 0) rollover(st, st.qHead[q]!, RolloverReason.noAgents)
    }
  }
}

/**
 * Defers a sign-out or break until the agent's calls and wrap-up end; no new queue call is offered meanwhile.
 * For a shift end or break start this is overtime. A scripted sign-out during a call instead makes the agent
 * Unavailable (reason `signing-out`) at once, and signs them out when the calls end.
 */
const defer = (st: SimState, a: number, kind: number, cause: number): void => {
  const first = st.aPending[a] === Pending.none
  if (st.aPending[a] !== Pending.signOut) {
    st.aPending[a] = kind
    st.aPendingCause[a] = cause
  }
  if (cause === StatusCause.agent) {
    setStatus(st, a, AgentStatus.unavailable, StatusCause.agent, REASON_SIGNING_OUT)
    return
  }
  if (first) st.obs.agentOvertimeStarted(st.now, a)
  // The agent is leaving: a queue offer still ringing is taken back.
  if (st.aQOfferEv[a]! >= 0) {
    const c = cancelQueueOffer(st, a, CancelReason.agentLeft)
    queueOfferGone(st, c)
  }
  refreshAgent(st, a)
}

/** Shift end or scripted sign-out: now if free, else when the calls in progress end. */
export const requestSignOut = (st: SimState, a: number, cause: number): void => {
  if (st.aStatus[a] === AgentStatus.signedOut) return
  if (isBusy(st, a)) defer(st, a, Pending.signOut, cause)
  else signOut(st, a, cause)
}

const startBreak = (st: SimState, a: number): void => {
  // Back from the break, a virtual agent made Unavailable by the miss policy is ready again (its recovery
  // timer does not run through the break).
  const byPolicy = st.aStatus[a] === AgentStatus.unavailable && st.aCause[a] === StatusCause.missPolicy
  st.aSavedStatus[a] = byPolicy ? AgentStatus.available : st.aStatus[a]!
  st.aSavedReason[a] = byPolicy ? -1 : st.aReason[a]!
  st.aInBreak[a] = 1
  setStatus(st, a, AgentStatus.unavailable, StatusCause.break, REASON_BREAK)
}

/** Applies a deferred sign-out or break once the agent is free. */
export const applyPending = (st: SimState, a: number): void => {
  const p = st.aPending[a]!
  if (p === Pending.none || isBusy(st, a)) return
  st.aPending[a] = Pending.none
  if (p === Pending.signOut) signOut(st, a, st.aPendingCause[a]!)
  else startBreak(st, a)
}

export const onShiftStart = (st: SimState, a: number): void => {
  if (st.aPending[a] === Pending.signOut) {
    // Still finishing the previous shift's call: the new shift keeps them signed in.
    st.aPending[a] = Pending.none
    refreshAgent(st, a)
    return
  }
  signIn(st, a, StatusCause.shift, st.model.agents[a]!.initialStatus)
}

export const onShiftEnd = (st: SimState, a: number): void => requestSignOut(st, a, StatusCause.shift)

export const onBreakStart = (st: SimState, a: number): void => {
  if (st.aStatus[a] === AgentStatus.signedOut || st.aInBreak[a] === 1) return
  if (isBusy(st, a)) defer(st, a, Pending.break, StatusCause.break)
  else startBreak(st, a)
}

export const onBreakEnd = (st: SimState, a: number): void => {
  if (st.aPending[a] === Pending.break) {
    // The break never started (overtime lasted past its end): skip it.
    st.aPending[a] = Pending.none
    refreshAgent(st, a)
    return
  }
  if (st.aInBreak[a] === 0) return
  st.aInBreak[a] = 0
  if (st.aStatus[a] === AgentStatus.signedOut) return
  setStatus(st, a, st.aSavedStatus[a]!, StatusCause.break, st.aSavedReason[a]!)
}

/** A scripted agent action. Setting a status on a signed-out agent signs them in with that status. */
export const onAction = (st: SimState, i: number): void => {
  const x = st.model.scriptedActions[i]!
  const a = x.agent
  const signedOut = st.aStatus[a] === AgentStatus.signedOut
  switch (x.action) {
    case "available":
      if (signedOut) signIn(st, a, StatusCause.agent, AgentStatus.available)
      else setStatus(st, a, AgentStatus.available, StatusCause.agent, -1)
      return
    case "unavailable":
      if (signedOut) signIn(st, a, StatusCause.agent, AgentStatus.unavailable, x.reason)
      else setStatus(st, a, AgentStatus.unavailable, StatusCause.agent, x.reason)
      return
    case "sign-in":
      if (st.aPending[a] === Pending.signOut) {
        st.aPending[a] = Pending.none
        refreshAgent(st, a)
      } else signIn(st, a, StatusCause.agent, st.model.agents[a]!.initialStatus)
      return
    case "sign-out":
      requestSignOut(st, a, StatusCause.agent)
      return
  }
}

/** R11: count a missed or rejected queue offer against the queue's policy; switch to Unavailable at the threshold. */
export const countMiss = (st: SimState, a: number, q: number, isReject: boolean): void => {
  const p = st.model.queues[q]!.unavailableOnMiss
  if (p === undefined) return
  if (isReject) {
    if (!p.countReject) return
    st.aReject[a]!++
  } else {
    if (!p.countNoAnswer) return
    st.aMiss[a]!++
  }
  st.aShared[a]!++
  const hit = p.separateCounts
    ? (isReject ? st.aReject[a]! : st.aMiss[a]!) >= p.threshold
    : st.aShared[a]! >= p.threshold
  if (!hit) return
  resetMissCounts(st, a)
  if (st.aStatus[a] !== AgentStatus.available) return
  setStatus(st, a, AgentStatus.unavailable, StatusCause.missPolicy, p.reason)
  const delay = sampleMs(st.model.agents[a]!.behaviour.availableAgainAfter, st.sRecover[a]!)
  st.aRecoverEv[a] = st.at(st.now + delay, Ev.recover, a)
}

/** An answered queue call resets consecutive counts (and all counts when the queue has no policy). */
export const answeredQueueCall = (st: SimState, a: number, q: number): void => {
  const p = st.model.queues[q]!.unavailableOnMiss
  if (p === undefined || p.consecutive) resetMissCounts(st, a)
}

/** Virtual agents set themselves Available again after `behaviour.availableAgainAfter`. */
export const onRecover = (st: SimState, a: number): void => {
  st.aRecoverEv[a] = -1
  if (st.aStatus[a] === AgentStatus.unavailable && st.aCause[a] === StatusCause.missPolicy) {
    setStatus(st, a, AgentStatus.available, StatusCause.selfRecovery, -1)
  }
}

const HOUR = 3_600_000

/** Time to the next attempt of a Poisson activity with `ratePerHour`, or −1. */
const nextAttempt = (st: SimState, ratePerHour: number, a: number, outbound: boolean): number => {
  if (ratePerHour <= 0) return -1
  const rng = outbound ? st.sOutbound[a]! : st.sInternal[a]!
  const t = st.now + Math.floor((-HOUR / ratePerHour) * Math.log(rng.nextOpen()))
  return t < st.arrivalsEnd ? t : -1
}

/** Schedules the next outbound or internal call attempt of an agent. */
export const scheduleActivity = (st: SimState, a: number, outbound: boolean): void => {
  const agent = st.model.agents[a]!
  const spec = outbound ? agent.outbound : agent.internalCalls
  if (spec === undefined || !st.arrivalsOpen) return
  const t = nextAttempt(st, spec.ratePerHour, a, outbound)
  if (t < 0) return
  if (outbound) st.aOutEv[a] = st.at(t, Ev.outboundTry, a)
  else st.aIntEv[a] = st.at(t, Ev.internalTry, a)
}

const startActivities = (st: SimState, a: number): void => {
  scheduleActivity(st, a, true)
  scheduleActivity(st, a, false)
}

const stopActivities = (st: SimState, a: number): void => {
  st.cancel(st.aOutEv[a]!)
  st.aOutEv[a] = -1
  st.cancel(st.aIntEv[a]!)
  st.aIntEv[a] = -1
}

/** An agent free to place a call: signed in, no call, no offer ringing, no wrap-up, not leaving. */
export const isFreeToDial = (st: SimState, a: number): boolean =>
  st.aStatus[a] !== AgentStatus.signedOut &&
  st.aActive[a]! < 0 &&
  st.aHeldTop[a]! < 0 &&
  st.aQueueCall[a]! < 0 &&
  st.aDOffer[a]! < 0 &&
  st.aWrap[a] === 0 &&
  st.aPending[a] === Pending.none
