/**
 * Matching: which waiting call goes to which eligible agent, by the queue's strategy and tiers, with re-offers
 * after a miss or reject (R9). Run by the matching pass (Settle.ts) for the agents and calls the rules posted,
 * and when a call joins a queue or a re-offer timer fires.
 */

import * as eligibility from "./Eligibility.ts"
import * as events from "./Events.ts"
import * as offers from "./Offers.ts"
import * as rules from "./Rules.ts"
import type { SimState } from "./State.ts"

// Module-local copies of the imports: V8 folds a module's own constants into the machine code but reads an
// imported binding at every use (engine README, "Imports in hot modules").
const { becomeEligible, joinSets } = eligibility
const { CallState, Ev } = events
const { ringAll, startQueueOffer } = offers
const { Reoffer, Strategy } = rules

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

// Where oldestOfferable found its call (module state, so that nothing is allocated per event).
let foundQueue = -1
let foundMember = -1

/**
 * The call an agent who just became eligible takes: the oldest offerable call of their highest-priority queue
 * (membership priority, then queue priority; among queues of equal priority, the call that entered its queue
 * first), or −1; its queue and member position in `foundQueue`, `foundMember`.
 */
const oldestOfferable = (st: SimState, a: number): number => {
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
  foundQueue = bestQ
  foundMember = bestM
  return best
}

/**
 * A posted agent who is still eligible takes the oldest offerable waiting call, or joins the member sets to wait
 * for one. One who takes a call at once never joins them (they would leave again as the offer starts, which
 * changes nothing), unless the call rings all members: then they ring with the others, found in the sets.
 */
export const serveAgent = (st: SimState, a: number): void => {
  if (!becomeEligible(st, a)) return
  const c = oldestOfferable(st, a)
  if (c >= 0 && st.queue.strategy[foundQueue] !== Strategy.ringAll) {
    startQueueOffer(st, c, a, foundQueue, foundMember)
    return
  }
  joinSets(st, a)
  if (c >= 0) ringAll(st, c, foundQueue, collectRingAll(st, c, foundQueue))
}
