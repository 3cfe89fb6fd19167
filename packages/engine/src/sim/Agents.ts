/**
 * Agent status set by the agent, a schedule or the system, kept apart from the calls that make up an agent's
 * activity: sign-in and sign-out, shifts, breaks, overtime, scripted actions, self-recovery, and the
 * agent-placed outbound and internal call activities.
 */
import * as observer from "../Observer.ts"
import * as eligibility from "./Eligibility.ts"
import * as events from "./Events.ts"
import * as offers from "./Offers.ts"
import type { SimState } from "./State.ts"
import * as workList from "./WorkList.ts"

// Module-local copies of the imports: V8 folds a module's own constants into the machine code but reads an
// imported binding at every use (engine README, "Imports in hot modules").
const { AgentStatus, CancelReason, StatusCause } = observer
const { REASON_BREAK, REASON_SIGNING_OUT, recordStatus, refreshAgent } = eligibility
const { Ev, Pending } = events
const { cancelDirectOffer, cancelQueueOffer, queueOfferGone } = offers
const { Work } = workList

/** On a call, holding one, or in wrap-up: a shift end or break waits for this to finish (overtime). */
export const isBusy = (st: SimState, a: number): boolean =>
  st.agent.active[a]! >= 0 || st.agent.heldTop[a]! >= 0 || st.agent.wrap[a] === 1

/**
 * Sets the status (setting the status it already has is no change: no event, nothing reset). Leaving Available
 * takes back a ringing queue offer (cancelled, `agent-left`, no miss); signing out also takes back a ringing
 * direct or internal call.
 */
export const setStatus = (st: SimState, a: number, status: number, cause: number, reason: number): void => {
  if (!recordStatus(st, a, status, cause, reason)) return
  if (status !== AgentStatus.available && st.agent.qOfferEv[a]! >= 0) {
    const c = cancelQueueOffer(st, a, CancelReason.agentLeft)
    queueOfferGone(st, c)
  }
  if (status === AgentStatus.signedOut && st.agent.dOffer[a]! >= 0) cancelDirectOffer(st, a, CancelReason.agentLeft)
  refreshAgent(st, a)
}

/** Signs the agent in with `status`. */
export const signIn = (st: SimState, a: number, cause: number, status: number, reason = -1): void => {
  if (st.agent.status[a] !== AgentStatus.signedOut) return
  for (let k = st.agent.memberStart[a]!, end = st.agent.memberStart[a + 1]!; k < end; k++)
    st.queue.signedIn[st.agent.memberQueue[k]!]!++
  if (st.agent.idleSince[a] === Number.NEGATIVE_INFINITY) st.agent.idleSince[a] = st.now
  setStatus(st, a, status, cause, reason)
  startActivities(st, a)
}

/** Signs the agent out now; the matching pass counts them out of their queues (see `agentLeft`). */
export const signOut = (st: SimState, a: number, cause: number): void => {
  if (st.agent.status[a] === AgentStatus.signedOut) return
  stopActivities(st, a)
  st.agent.pending[a] = Pending.none
  st.agent.inBreak[a] = 0
  setStatus(st, a, AgentStatus.signedOut, cause, -1)
  st.work.post(Work.agentLeft, a)
}

/**
 * Defers a sign-out or break until the agent's calls and wrap-up end; no new queue call is offered meanwhile.
 * For a shift end or break start this is overtime. A scripted sign-out during a call instead makes the agent
 * Unavailable (reason `signing-out`) at once, and signs them out when the calls end.
 */
const defer = (st: SimState, a: number, kind: number, cause: number): void => {
  const first = st.agent.pending[a] === Pending.none
  if (st.agent.pending[a] !== Pending.signOut) {
    st.agent.pending[a] = kind
    st.agent.pendingCause[a] = cause
  }
  if (cause === StatusCause.agent) {
    setStatus(st, a, AgentStatus.unavailable, StatusCause.agent, REASON_SIGNING_OUT)
    return
  }
  if (first) st.obs.agentOvertimeStarted(st.now, a)
  // The agent is leaving: a queue offer still ringing is taken back.
  if (st.agent.qOfferEv[a]! >= 0) {
    const c = cancelQueueOffer(st, a, CancelReason.agentLeft)
    queueOfferGone(st, c)
  }
  refreshAgent(st, a)
}

/** Shift end or scripted sign-out: now if free, else when the calls in progress end. */
export const requestSignOut = (st: SimState, a: number, cause: number): void => {
  if (st.agent.status[a] === AgentStatus.signedOut) return
  if (isBusy(st, a)) defer(st, a, Pending.signOut, cause)
  else signOut(st, a, cause)
}

const startBreak = (st: SimState, a: number): void => {
  // Back from the break, a virtual agent made Unavailable by the miss policy is ready again (its recovery
  // timer does not run through the break).
  const byPolicy = st.agent.status[a] === AgentStatus.unavailable && st.agent.cause[a] === StatusCause.missPolicy
  st.agent.savedStatus[a] = byPolicy ? AgentStatus.available : st.agent.status[a]!
  st.agent.savedReason[a] = byPolicy ? -1 : st.agent.reason[a]!
  st.agent.inBreak[a] = 1
  setStatus(st, a, AgentStatus.unavailable, StatusCause.break, REASON_BREAK)
}

/** Applies a deferred sign-out or break once the agent is free. */
export const applyPending = (st: SimState, a: number): void => {
  if (st.agent.pending[a] !== Pending.none) applyPendingNow(st, a)
}

const applyPendingNow = (st: SimState, a: number): void => {
  const p = st.agent.pending[a]!
  if (isBusy(st, a)) return
  st.agent.pending[a] = Pending.none
  if (p === Pending.signOut) signOut(st, a, st.agent.pendingCause[a]!)
  else startBreak(st, a)
}

export const onShiftStart = (st: SimState, a: number): void => {
  if (st.agent.pending[a] === Pending.signOut) {
    // Still finishing the previous shift's call: the new shift keeps them signed in.
    st.agent.pending[a] = Pending.none
    refreshAgent(st, a)
    return
  }
  signIn(st, a, StatusCause.shift, st.model.agents[a]!.initialStatus)
}

export const onShiftEnd = (st: SimState, a: number): void => requestSignOut(st, a, StatusCause.shift)

export const onBreakStart = (st: SimState, a: number): void => {
  if (st.agent.status[a] === AgentStatus.signedOut || st.agent.inBreak[a] === 1) return
  if (isBusy(st, a)) defer(st, a, Pending.break, StatusCause.break)
  else startBreak(st, a)
}

export const onBreakEnd = (st: SimState, a: number): void => {
  if (st.agent.pending[a] === Pending.break) {
    // The break never started (overtime lasted past its end): skip it.
    st.agent.pending[a] = Pending.none
    refreshAgent(st, a)
    return
  }
  if (st.agent.inBreak[a] === 0) return
  st.agent.inBreak[a] = 0
  if (st.agent.status[a] === AgentStatus.signedOut) return
  setStatus(st, a, st.agent.savedStatus[a]!, StatusCause.break, st.agent.savedReason[a]!)
}

/** A scripted agent action. Setting a status on a signed-out agent signs them in with that status. */
export const onAction = (st: SimState, i: number): void => {
  const x = st.model.scriptedActions[i]!
  const a = x.agent
  const signedOut = st.agent.status[a] === AgentStatus.signedOut
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
      if (st.agent.pending[a] === Pending.signOut) {
        st.agent.pending[a] = Pending.none
        refreshAgent(st, a)
      } else signIn(st, a, StatusCause.agent, st.model.agents[a]!.initialStatus)
      return
    case "sign-out":
      requestSignOut(st, a, StatusCause.agent)
      return
  }
}

/** Virtual agents set themselves Available again after `behaviour.availableAgainAfter`. */
export const onRecover = (st: SimState, a: number): void => {
  st.agent.recoverEv[a] = -1
  if (st.agent.status[a] === AgentStatus.unavailable && st.agent.cause[a] === StatusCause.missPolicy) {
    setStatus(st, a, AgentStatus.available, StatusCause.selfRecovery, -1)
  }
}

const HOUR = 3_600_000

/** Time to the next attempt of a Poisson activity with `ratePerHour`, or −1. */
const nextAttempt = (st: SimState, ratePerHour: number, a: number, outbound: boolean): number => {
  if (ratePerHour <= 0) return -1
  const rng = outbound ? st.rng.outbound[a]! : st.rng.internal[a]!
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
  if (outbound) st.agent.outEv[a] = st.at(t, Ev.outboundTry, a)
  else st.agent.intEv[a] = st.at(t, Ev.internalTry, a)
}

const startActivities = (st: SimState, a: number): void => {
  scheduleActivity(st, a, true)
  scheduleActivity(st, a, false)
}

const stopActivities = (st: SimState, a: number): void => {
  st.cancel(st.agent.outEv[a]!)
  st.agent.outEv[a] = -1
  st.cancel(st.agent.intEv[a]!)
  st.agent.intEv[a] = -1
}

/** An agent free to place a call: signed in, no call, no offer ringing, no wrap-up, not leaving. */
export const isFreeToDial = (st: SimState, a: number): boolean =>
  st.agent.status[a] !== AgentStatus.signedOut &&
  st.agent.active[a]! < 0 &&
  st.agent.heldTop[a]! < 0 &&
  st.agent.queueCall[a]! < 0 &&
  st.agent.dOffer[a]! < 0 &&
  st.agent.wrap[a] === 0 &&
  st.agent.pending[a] === Pending.none
