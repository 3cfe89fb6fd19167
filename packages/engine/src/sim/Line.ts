/**
 * The line of waiting calls (priority, then first come first served; a call keeps its place while it rings) and
 * the timers of a waiting caller: patience (R15), the queue's maximum wait and tier openings, armed lazily.
 */
import * as events from "./Events.ts"
import type { SimState } from "./State.ts"

// Module-local copies of the imports: V8 folds a module's own constants into the machine code but reads an
// imported binding at every use (engine README, "Imports in hot modules").
const { Ev, EvPriority, QueueTimer } = events

/** Joins the line behind every call of the same or higher priority. */
export const link = (st: SimState, c: number, q: number): void => {
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

/**
 * Puts the call's queue timers (maximum wait, first tier opening) that fall before `until` in the calendar, if
 * not yet there. Like patience they are armed only once the call waits, or rings at an offer that may not be
 * answered before them: a call answered at once costs no calendar work. The sequences reserved when the call
 * entered the queue keep simultaneous events in exactly the order they would have had.
 */
export const armQueueTimers = (st: SimState, c: number, until: number): void => {
  // Most calls have no queue timers: this check stays small enough to inline everywhere, the rest stays out.
  if (st.call.timers[c] !== 0) armTimers(st, c, until)
}

const armTimers = (st: SimState, c: number, until: number): void => {
  const timers = st.call.timers[c]!
  const q = st.call.queue[c]!
  const queue = st.model.queues[q]!
  const enter = st.call.enter[c]!
  if ((timers & QueueTimer.maxWait) !== 0 && enter + queue.maxWait < until) {
    st.call.timers[c] = st.call.timers[c]! & ~QueueTimer.maxWait
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
  if ((timers & QueueTimer.tier) !== 0 && enter + queue.tierWait < until) {
    st.call.timers[c] = st.call.timers[c]! & ~QueueTimer.tier
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

/**
 * Schedules the caller's patience event (deadline = arrival + patience) if it is not yet scheduled. It is armed
 * lazily — only once the call waits, or rings at an offer that may not be answered by the deadline — so a call
 * answered at once costs no calendar work; the sequence reserved at arrival keeps the order of simultaneous events
 * exactly as if it had been scheduled then.
 */
export const armPatience = (st: SimState, c: number): void => {
  const p = st.call.patience[c]!
  if (p === Number.POSITIVE_INFINITY || st.call.patEv[c]! >= 0) return
  st.call.patEv[c] = st.cal.scheduleWithSeq(
    st.call.arrive[c]! + p,
    Ev.patience,
    EvPriority[Ev.patience]!,
    st.call.patSeq[c]!,
    c,
    0,
    0
  )
}

/** The deadline of an unanswered caller's patience (Infinity when none). */
export const patienceDeadline = (st: SimState, c: number): number => st.call.arrive[c]! + st.call.patience[c]!
