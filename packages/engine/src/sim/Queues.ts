/**
 * Queues and workflows: routing a call through its workflow's steps, the line of waiting calls (priority, then
 * first come first served; a call keeps its place while it rings), matching calls with eligible agents by the
 * queue's strategy and tiers, re-offers after a miss or reject (R9), and rollover (R10).
 */
import type { StepModel } from "../Model.ts"
import { CancelReason, EndOutcome, RolloverReason, StepKind } from "../Observer.ts"
import { refreshAgent } from "./Agents.ts"
import { armPatience, endCall } from "./Calls.ts"
import { CallState, Ev, EvPriority } from "./Events.ts"
import { cancelCallOffers, ringAll, startDirectOffer, startQueueOffer } from "./Offers.ts"
import { Reoffer, Strategy } from "./Rules.ts"
import type { SimState } from "./State.ts"

const DAY = 86_400_000

// ---- the line ----

/** Joins the line behind every call of the same or higher priority. */
const link = (st: SimState, c: number, q: number): void => {
  const p = st.call.priority[c]!
  let after = st.queue.tail[q]!
  while (after >= 0 && st.call.priority[after]! < p) after = st.call.prev[after]!
  const next = after >= 0 ? st.call.next[after]! : st.queue.head[q]!
  st.call.prev[c] = after
  st.call.next[c] = next
  if (after >= 0) st.call.next[after] = c
  else st.queue.head[q] = c
  if (next >= 0) st.call.prev[next] = c
  else st.queue.tail[q] = c
  st.queue.count[q]!++
  st.call.inQueue[c] = 1
}

const unlink = (st: SimState, c: number): void => {
  if (st.call.inQueue[c] === 0) return
  const q = st.call.queue[c]!
  const prev = st.call.prev[c]!
  const next = st.call.next[c]!
  if (prev >= 0) st.call.next[prev] = next
  else st.queue.head[q] = next
  if (next >= 0) st.call.prev[next] = prev
  else st.queue.tail[q] = prev
  st.call.prev[c] = -1
  st.call.next[c] = -1
  st.queue.count[q]!--
  st.call.inQueue[c] = 0
}

/** Takes the call out of its queue's line and stops its queue timers (maximum wait, tiers, retry). */
export const leaveQueue = (st: SimState, c: number): void => {
  unlink(st, c)
  st.cancel(st.call.waitEv[c]!)
  st.call.waitEv[c] = -1
  st.cancel(st.call.tierEv[c]!)
  st.call.tierEv[c] = -1
  st.call.timers[c] = 0
  st.cancel(st.call.retryEv[c]!)
  st.call.retryEv[c] = -1
  st.call.clearTried(c)
  st.call.rollPending[c] = 0
}

// ---- workflow steps ----

const inHours = (t: number, open: number, close: number): boolean => {
  const tod = t % DAY
  return open <= close ? tod >= open && tod < close : tod >= open || tod < close
}

/** A queue call enters its workflow: business hours decide between the steps and the after-hours steps. */
export const startRouting = (st: SimState, c: number): void => {
  const wf = st.model.workflows[st.call.workflow[c]!]!
  const bh = wf.businessHours
  st.call.step[c] = 0
  st.call.stepList[c] = 0
  if (bh !== undefined && !inHours(st.now, bh.open, bh.close)) {
    st.obs.callRolledOver(st.now, st.call.no[c]!, -1, RolloverReason.afterHours)
    st.call.stepList[c] = 1
  }
  routeCurrentStep(st, c)
}

/** Routes the call to its current workflow step; past the last step the workflow hangs up. */
export const routeCurrentStep = (st: SimState, c: number): void => {
  const wf = st.model.workflows[st.call.workflow[c]!]!
  const steps = st.call.stepList[c] === 1 ? wf.businessHours!.afterHours : wf.steps
  const i = st.call.step[c]!
  if (i >= steps.length) endCall(st, c, EndOutcome.hungUp, -1)
  else routeTo(st, c, steps[i]!)
}

/** The next workflow step. */
export const nextStep = (st: SimState, c: number): void => {
  st.call.state[c] = CallState.routing
  st.call.step[c]!++
  routeCurrentStep(st, c)
}

/** Overflow targets that point at each other could loop; a call is routed at most this often in one instant. */
const MAX_ROUTE_DEPTH = 64

const routeTo = (st: SimState, c: number, s: StepModel): void => {
  if (st.routeDepth >= MAX_ROUTE_DEPTH) {
    endCall(st, c, EndOutcome.hungUp, -1)
    return
  }
  st.routeDepth++
  st.obs.callRouted(st.now, st.call.no[c]!, s.kind, s.target)
  switch (s.kind) {
    case StepKind.queue:
      enterQueue(st, c, s.target)
      break
    case StepKind.directLine:
      st.call.queue[c] = -1
      st.call.state[c] = CallState.routing
      if (!startDirectOffer(st, c, s.target)) nextStep(st, c)
      break
    case StepKind.answeringService:
      endCall(st, c, EndOutcome.answeringService, -1)
      break
    case StepKind.voicemail:
      endCall(st, c, EndOutcome.voicemail, -1)
      break
    default:
      endCall(st, c, EndOutcome.hungUp, -1)
  }
  st.routeDepth--
}

/** Joins a queue: overflow when full, rollover at once when nobody is signed in (if set), else wait in line. */
const enterQueue = (st: SimState, c: number, q: number): void => {
  const queue = st.model.queues[q]!
  if (st.queue.count[q]! >= queue.maxLength) {
    st.obs.callRolledOver(st.now, st.call.no[c]!, q, RolloverReason.queueFull)
    if (queue.overflow !== undefined) routeTo(st, c, queue.overflow)
    else nextStep(st, c)
    return
  }
  if (queue.rolloverWhenNoAgents && st.queue.signedIn[q] === 0) {
    st.obs.callRolledOver(st.now, st.call.no[c]!, q, RolloverReason.noAgents)
    nextStep(st, c)
    return
  }
  st.call.queue[c] = q
  st.call.enter[c] = st.now
  st.call.state[c] = CallState.waiting
  st.obs.callQueued(st.now, st.call.no[c]!, q)
  link(st, c, q)
  // The maximum wait and the first tier's opening are armed lazily, like patience (see armQueueTimers).
  let timers = 0
  if (queue.maxWait !== Number.POSITIVE_INFINITY) {
    st.call.waitSeq[c] = st.cal.reserveSeq()
    timers |= WAIT_TIMER
  }
  if (queue.tierWait > 0 && st.queue.maxTier[q]! > 1) {
    st.call.tierSeq[c] = st.cal.reserveSeq()
    timers |= TIER_TIMER
  }
  st.call.timers[c] = timers
  tryOfferCall(st, c)
  if (st.call.state[c] === CallState.waiting) {
    armPatience(st, c)
    armQueueTimers(st, c, Number.POSITIVE_INFINITY)
  }
}

const WAIT_TIMER = 1
const TIER_TIMER = 2

/**
 * Puts the call's queue timers (maximum wait, first tier opening) that fall before `until` in the calendar, if
 * not yet there. Like patience they are armed only once the call waits, or rings at an offer that may not be
 * answered before them: a call answered at once costs no calendar work. The sequences reserved when the call
 * entered the queue keep simultaneous events in exactly the order they would have had.
 */
export const armQueueTimers = (st: SimState, c: number, until: number): void => {
  const timers = st.call.timers[c]!
  if (timers === 0) return
  const q = st.call.queue[c]!
  const queue = st.model.queues[q]!
  const enter = st.call.enter[c]!
  if ((timers & WAIT_TIMER) !== 0 && enter + queue.maxWait < until) {
    st.call.timers[c] = st.call.timers[c]! & ~WAIT_TIMER
    st.call.waitEv[c] = st.cal.scheduleWithSeq(
      enter + queue.maxWait,
      Ev.maxWait,
      EvPriority[Ev.maxWait]!,
      st.call.waitSeq[c]!,
      c,
      0,
      0
    )
  }
  if ((timers & TIER_TIMER) !== 0 && enter + queue.tierWait < until) {
    st.call.timers[c] = st.call.timers[c]! & ~TIER_TIMER
    st.call.tierEv[c] = st.cal.scheduleWithSeq(
      enter + queue.tierWait,
      Ev.tier,
      EvPriority[Ev.tier]!,
      st.call.tierSeq[c]!,
      c,
      2,
      0
    )
  }
}

/** Leaves the queue for the workflow's next step (R10). */
export const rollover = (st: SimState, c: number, reason: number): void => {
  st.obs.callRolledOver(st.now, st.call.no[c]!, st.call.queue[c]!, reason as RolloverReason)
  leaveQueue(st, c)
  st.call.queue[c] = -1
  nextStep(st, c)
}

/** R10: the queue's maximum wait passed. A ringing offer finishes its ring first unless the setting says not. */
export const onMaxWait = (st: SimState, c: number): void => {
  st.call.waitEv[c] = -1
  if (st.call.state[c] === CallState.ringing) {
    if (st.rules.finishRing) {
      st.call.rollPending[c] = 1
      return
    }
    const base = st.sp
    cancelCallOffers(st, c, CancelReason.rolledOver)
    const top = st.sp
    rollover(st, c, RolloverReason.maxWait)
    for (let i = base; i < top; i++) refreshAgent(st, st.stack[i]!)
    st.sp = base
    return
  }
  rollover(st, c, RolloverReason.maxWait)
}

// ---- matching calls and agents ----

/** The highest tier open to this caller: tier n opens after (n − 1) × tierWait in the queue. */
const allowedTier = (st: SimState, c: number, q: number): number => {
  const tw = st.model.queues[q]!.tierWait
  return tw > 0 ? 1 + Math.floor((st.now - st.call.enter[c]!) / tw) : 1_000_000
}

/**
 * When every eligible agent failed a call with offers that lasted no time at all (rejected with no answer delay,
 * or a ring timeout of 0), the next ring cycle waits this long instead of looping forever at one instant.
 */
export const ZERO_LENGTH_RETRY_MS = 1000

/**
 * Whether `a` may be offered `c` now given its failed offers: 0 yes; 1 no (already tried in this cycle, or never
 * again); 2 no, because a zero-length offer to them failed at this very ms (see {@link ZERO_LENGTH_RETRY_MS}).
 */
const excluded = (st: SimState, c: number, a: number): number => {
  if (st.call.tried[c]! < 0) return 0
  const t = st.call.triedAt(c, a)
  if (t < 0) return 0
  if (st.rules.reoffer === Reoffer.never) return 1
  if (t === st.now) return 2
  return st.rules.reoffer === Reoffer.immediately ? 0 : 1
}

/** The best eligible member for `c` by the queue's strategy, or −1. Sets `sawTried`/`sawSameMs`. */
const chooseMember = (st: SimState, c: number, q: number): number => {
  st.sawTried = false
  st.sawSameMs = false
  const set = st.queue.sets[q]!
  if (set.size === 0) return -1
  const lim = allowedTier(st, c, q)
  const strategy = st.queue.strategy[q]!
  if (strategy === Strategy.random) {
    let count = 0
    for (let i = 0; i < set.size; i++) {
      const m = set.dense[i]!
      if (set.tierOf[m]! <= lim && allowed(st, c, set.agentOf[m]!)) count++
    }
    if (count === 0) return -1
    let k = st.rng.routing.nextInt(count)
    for (let i = 0; i < set.size; i++) {
      const m = set.dense[i]!
      if (set.tierOf[m]! <= lim && excluded(st, c, set.agentOf[m]!) === 0 && k-- === 0) return m
    }
    return -1
  }
  if (strategy === Strategy.roundRobin) {
    const n = set.agentOf.length
    const rr = st.queue.rr[q]!
    let best = -1
    let bestD = n
    for (let i = 0; i < set.size; i++) {
      const m = set.dense[i]!
      if (set.tierOf[m]! > lim || !allowed(st, c, set.agentOf[m]!)) continue
      const d = (m - rr - 1 + 2 * n) % n
      if (d < bestD) {
        bestD = d
        best = m
      }
    }
    return best
  }
  const top = set.top()
  if (set.tierOf[top]! <= lim && excluded(st, c, set.agentOf[top]!) === 0) return top
  let best = -1
  for (let i = 0; i < set.size; i++) {
    const m = set.dense[i]!
    if (set.tierOf[m]! > lim || !allowed(st, c, set.agentOf[m]!)) continue
    if (best < 0 || set.before(m, best)) best = m
  }
  return best
}

/** `excluded` === 0, noting why a member was skipped. */
const allowed = (st: SimState, c: number, a: number): boolean => {
  const e = excluded(st, c, a)
  if (e === 0) return true
  st.sawTried = true
  if (e === 2) st.sawSameMs = true
  return false
}

const scheduleRetry = (st: SimState, c: number, t: number): void => {
  if (st.call.retryEv[c]! < 0) st.call.retryEv[c] = st.at(t, Ev.retry, c)
}

/** Offers a waiting call to the best eligible member(s). */
export const tryOfferCall = (st: SimState, c: number): void => {
  if (st.call.state[c] !== CallState.waiting) return
  const q = st.call.queue[c]!
  if (offerNow(st, c, q)) return
  if (!st.sawTried || st.rules.reoffer === Reoffer.never) return
  // Every eligible member already failed this call: the ring cycle is complete.
  if (st.rules.reoffer === Reoffer.immediately) {
    scheduleRetry(st, c, st.now + ZERO_LENGTH_RETRY_MS)
    return
  }
  const due = cycleDue(st, c, q, st.sawSameMs)
  if (due > st.now) {
    scheduleRetry(st, c, due)
    return
  }
  st.call.clearTried(c)
  offerNow(st, c, q)
}

/** When a completed ring cycle of `c` may start again: the retry delay after its last failed offer. */
const cycleDue = (st: SimState, c: number, q: number, sameMs: boolean): number => {
  const rd = st.model.queues[q]!.retryDelay
  const due = st.call.lastFail[c]! + rd
  return sameMs ? Math.max(due, st.now + ZERO_LENGTH_RETRY_MS) : due
}

const offerNow = (st: SimState, c: number, q: number): boolean => {
  if (st.queue.strategy[q] === Strategy.ringAll) return ringAll(st, c, q, collectRingAll(st, c, q))
  const m = chooseMember(st, c, q)
  if (m < 0) return false
  startQueueOffer(st, c, st.queue.sets[q]!.agentOf[m]!, q, m)
  return true
}

/** Pushes every eligible, allowed member of a ring-all queue on the scratch stack; returns the stack base. */
const collectRingAll = (st: SimState, c: number, q: number): number => {
  st.sawTried = false
  st.sawSameMs = false
  const base = st.sp
  const set = st.queue.sets[q]!
  const lim = allowedTier(st, c, q)
  for (let i = 0; i < set.size; i++) {
    const m = set.dense[i]!
    if (set.tierOf[m]! <= lim && allowed(st, c, set.agentOf[m]!)) st.push(m)
  }
  // Ring in member (file) order.
  const stack = st.stack
  for (let i = base + 1; i < st.sp; i++) {
    const m = stack[i]!
    let j = i - 1
    while (j >= base && stack[j]! > m) {
      stack[j + 1] = stack[j]!
      j--
    }
    stack[j + 1] = m
  }
  return base
}

/** The retry delay passed (or the 1 ms guard): a new ring cycle starts. */
export const onRetry = (st: SimState, c: number): void => {
  st.call.retryEv[c] = -1
  if (st.rules.reoffer !== Reoffer.never) st.call.clearTried(c)
  tryOfferCall(st, c)
}

/** A higher tier opened for this caller. */
export const onTier = (st: SimState, c: number, tier: number): void => {
  st.call.tierEv[c] = -1
  const q = st.call.queue[c]!
  if (tier < st.queue.maxTier[q]!) {
    st.call.tierEv[c] = st.at(st.call.enter[c]! + tier * st.model.queues[q]!.tierWait, Ev.tier, c, tier + 1)
  }
  tryOfferCall(st, c)
}

const older = (st: SimState, x: number, y: number): boolean => {
  const px = st.call.priority[x]!
  const py = st.call.priority[y]!
  if (px !== py) return px > py
  const ex = st.call.enter[x]!
  const ey = st.call.enter[y]!
  return ex < ey || (ex === ey && st.call.no[x]! < st.call.no[y]!)
}

/** Whether a member other than `a` is eligible, tier-allowed and has not yet failed call `c`. */
const othersUntried = (st: SimState, c: number, q: number, a: number): boolean => {
  const set = st.queue.sets[q]!
  const lim = allowedTier(st, c, q)
  for (let i = 0; i < set.size; i++) {
    const m = set.dense[i]!
    const b = set.agentOf[m]!
    if (b !== a && set.tierOf[m]! <= lim && st.call.triedAt(c, b) < 0) return true
  }
  return false
}

/** The first call in line that may be offered to agent `a` (member `m` of queue `q`), or −1. */
const firstOfferable = (st: SimState, a: number, q: number, m: number): number => {
  const tier = st.queue.sets[q]!.tierOf[m]!
  for (let c = st.queue.head[q]!; c >= 0; c = st.call.next[c]!) {
    if (st.call.state[c] !== CallState.waiting || tier > allowedTier(st, c, q)) continue
    const e = excluded(st, c, a)
    if (e === 0) return c
    if (st.rules.reoffer === Reoffer.never) continue
    if (st.rules.reoffer === Reoffer.immediately) {
      scheduleRetry(st, c, st.now + ZERO_LENGTH_RETRY_MS)
      continue
    }
    if (othersUntried(st, c, q, a)) continue
    const due = cycleDue(st, c, q, e === 2)
    if (due > st.now) {
      scheduleRetry(st, c, due)
      continue
    }
    st.call.clearTried(c)
    return c
  }
  return -1
}

/**
 * An agent just became eligible: take the oldest offerable call of their highest-priority queue (membership
 * priority, then queue priority; among queues of equal priority, the call that entered its queue first).
 */
export const tryServeAgent = (st: SimState, a: number): void => {
  let best = -1
  let bestQ = -1
  let bestM = -1
  let mp = 0
  let qp = 0
  for (let k = st.agent.memberStart[a]!, end = st.agent.memberStart[a + 1]!; k < end; k++) {
    if (best >= 0 && (st.agent.memberPriority[k] !== mp || st.agent.memberQueuePriority[k] !== qp)) break
    const q = st.agent.memberQueue[k]!
    if (st.queue.head[q]! < 0) continue
    const c = firstOfferable(st, a, q, st.agent.memberPos[k]!)
    if (c >= 0 && (best < 0 || older(st, c, best))) {
      best = c
      bestQ = q
      bestM = st.agent.memberPos[k]!
      mp = st.agent.memberPriority[k]!
      qp = st.agent.memberQueuePriority[k]!
    }
  }
  if (best < 0) return
  if (st.queue.strategy[bestQ] === Strategy.ringAll) ringAll(st, best, bestQ, collectRingAll(st, best, bestQ))
  else startQueueOffer(st, best, a, bestQ, bestM)
}
