/**
 * Queue eligibility of agents (R3, R5, R6, R8) and the member sets that hold the eligible ones, status
 * bookkeeping, and the unavailable-on-miss policy (R11).
 */
import * as samplers from "../kernel/Samplers.ts"
import * as observer from "../Observer.ts"
import * as events from "./Events.ts"
import * as rules from "./Rules.ts"
import type { SimState } from "./State.ts"
import * as workList from "./WorkList.ts"

// Module-local copies of the imports: V8 folds a module's own constants into the machine code but reads an
// imported binding at every use (engine README, "Imports in hot modules").
const { sampleMs } = samplers
const { AgentStatus, StatusCause } = observer
const { Ev, Pending } = events
const { IdleSince, Strategy } = rules
const { Work } = workList
type AgentStatus = observer.AgentStatus
type StatusCause = observer.StatusCause

/** Reason indices fixed by Compile.ts. */
export const REASON_BREAK = 0
export const REASON_OUTBOUND = 1
export const REASON_SIGNING_OUT = 2

const blockedByNonQueueCall = (st: SimState, a: number): boolean => {
  const mask = st.rules.blockMask
  const active = st.agent.active[a]!
  if (active >= 0 && (mask & (1 << st.call.line[active]!)) !== 0) return true
  for (let h = st.agent.heldTop[a]!; h >= 0; h = st.call.heldNext[h]!)
    if ((mask & (1 << st.call.line[h]!)) !== 0) return true
  return false
}

/**
 * R3/R5/R6/R8: Available, no queue call ringing, active or held, not in wrap-up, no deferred sign-out or break,
 * and no non-queue call of a blocking kind (none block by default).
 */
export const isEligible = (st: SimState, a: number): boolean =>
  st.agent.status[a] === AgentStatus.available &&
  st.agent.queueCall[a]! < 0 &&
  st.agent.wrap[a] === 0 &&
  st.agent.pending[a] === Pending.none &&
  (st.rules.blockMask === 0 || !blockedByNonQueueCall(st, a))

const keyFor = (st: SimState, q: number, a: number): number => {
  switch (st.queue.strategy[q]) {
    case Strategy.longestIdle:
      return st.agent.idleSince[a]!
    case Strategy.fewestCalls:
      return st.agent.answered[a]!
    case Strategy.leastTalkTime:
      return st.agent.talk[a]!
    default:
      return 0
  }
}

/**
 * Re-evaluates queue eligibility. An agent who is no longer eligible leaves the member sets at once; one who
 * became eligible is posted for the matching pass, which puts them in the sets and offers them a waiting call.
 */
export const refreshAgent = (st: SimState, a: number): void => {
  if (isEligible(st, a)) {
    if (st.agent.eligible[a] === 0) st.work.post(Work.serve, a)
  } else if (st.agent.eligible[a] === 1) leaveSets(st, a)
}

const leaveSets = (st: SimState, a: number): void => {
  st.agent.eligible[a] = 0
  for (let k = st.agent.memberStart[a]!, end = st.agent.memberStart[a + 1]!; k < end; k++) {
    st.queue.sets[st.agent.memberQueue[k]!]!.remove(st.agent.memberPos[k]!)
  }
}

/**
 * Matching pass: a posted agent, if still eligible and not yet marked, becomes eligible (false otherwise). They
 * join the member sets with {@link joinSets} unless they take a call at once.
 */
export const becomeEligible = (st: SimState, a: number): boolean => {
  if (st.agent.eligible[a] === 1 || !isEligible(st, a)) return false
  st.agent.eligible[a] = 1
  if (st.rules.idleSince === IdleSince.becameAvailable) st.agent.idleSince[a] = st.now
  return true
}

/** An eligible agent joins the member sets of their queues. */
export const joinSets = (st: SimState, a: number): void => {
  for (let k = st.agent.memberStart[a]!, end = st.agent.memberStart[a + 1]!; k < end; k++) {
    const q = st.agent.memberQueue[k]!
    st.queue.sets[q]!.add(st.agent.memberPos[k]!, keyFor(st, q, a))
  }
}

/** The idle clock moved while the agent is eligible (idle since the last call of any kind). */
export const idleClockMoved = (st: SimState, a: number): void => {
  if (st.agent.eligible[a] === 0) return
  for (let k = st.agent.memberStart[a]!, end = st.agent.memberStart[a + 1]!; k < end; k++) {
    const q = st.agent.memberQueue[k]!
    if (st.queue.strategy[q] === Strategy.longestIdle)
      st.queue.sets[q]!.update(st.agent.memberPos[k]!, st.agent.idleSince[a]!)
  }
}

const resetMissCounts = (st: SimState, a: number): void => {
  st.agent.miss[a] = 0
  st.agent.reject[a] = 0
  st.agent.shared[a] = 0
}

/**
 * Records a status change and reports it; false when the agent already has that status (no event, nothing
 * reset). Changes by the agent, a schedule or self-recovery reset the miss counters
 * (`settings.resetMissCountOnStatusChange`); any change but the miss policy's stops a self-recovery timer.
 * Offers are not touched here: `setStatus` (Agents.ts) takes back the ones the new status ends.
 */
export const recordStatus = (st: SimState, a: number, status: number, cause: number, reason: number): boolean => {
  if (st.agent.status[a] === status && st.agent.reason[a] === reason) return false
  if (st.rules.resetOnStatus && cause !== StatusCause.missPolicy && cause !== StatusCause.outbound) {
    resetMissCounts(st, a)
  }
  st.agent.status[a] = status
  st.agent.reason[a] = reason
  st.agent.cause[a] = cause
  st.obs.agentStatusChanged(st.now, a, status as AgentStatus, cause as StatusCause, reason)
  if (cause !== StatusCause.missPolicy && st.agent.recoverEv[a]! >= 0) {
    st.cancel(st.agent.recoverEv[a]!)
    st.agent.recoverEv[a] = -1
  }
  return true
}

/** R11: count a missed or rejected queue offer against the queue's policy; switch to Unavailable at the threshold. */
export const countMiss = (st: SimState, a: number, q: number, isReject: boolean): void => {
  const p = st.model.queues[q]!.unavailableOnMiss
  if (p === undefined) return
  if (isReject) {
    if (!p.countReject) return
    st.agent.reject[a]!++
  } else {
    if (!p.countNoAnswer) return
    st.agent.miss[a]!++
  }
  st.agent.shared[a]!++
  const hit = p.separateCounts
    ? (isReject ? st.agent.reject[a]! : st.agent.miss[a]!) >= p.threshold
    : st.agent.shared[a]! >= p.threshold
  if (!hit) return
  resetMissCounts(st, a)
  if (st.agent.status[a] !== AgentStatus.available) return
  // The offer has already ended, so there is no offer for a status change to take back.
  recordStatus(st, a, AgentStatus.unavailable, StatusCause.missPolicy, p.reason)
  refreshAgent(st, a)
  const delay = sampleMs(st.model.agents[a]!.behaviour.availableAgainAfter, st.rng.recover[a]!)
  st.agent.recoverEv[a] = st.at(st.now + delay, Ev.recover, a)
}

/** An answered queue call resets consecutive counts (and all counts when the queue has no policy). */
export const answeredQueueCall = (st: SimState, a: number, q: number): void => {
  const p = st.model.queues[q]!.unavailableOnMiss
  if (p === undefined || p.consecutive) resetMissCounts(st, a)
}
