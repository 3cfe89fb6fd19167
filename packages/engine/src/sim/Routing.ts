/**
 * Workflows: routing a queue call through its workflow's steps (business hours, queues, direct lines, answering
 * service, voicemail), joining a queue, overflow and rollover (R10).
 */
import type { StepModel } from "../Model.ts"
import * as observer from "../Observer.ts"
import * as eligibility from "./Eligibility.ts"
import * as events from "./Events.ts"
import * as line from "./Line.ts"
import * as match from "./Match.ts"
import * as offers from "./Offers.ts"
import type { SimState } from "./State.ts"
import * as talk from "./Talk.ts"

// Module-local copies of the imports: V8 folds a module's own constants into the machine code but reads an
// imported binding at every use (engine README, "Imports in hot modules").
const { CancelReason, EndOutcome, RolloverReason, StepKind } = observer
const { refreshAgent } = eligibility
const { CallState, inHours, QueueTimer, StepList } = events
const { armPatience, armQueueTimers, leaveQueue, link } = line
const { tryOfferCall } = match
const { cancelCallOffers, directLineUnanswered, startDirectOffer } = offers
const { endCall } = talk
type RolloverReason = observer.RolloverReason

/** A queue call enters its workflow: business hours decide between the steps and the after-hours steps. */
export const startRouting = (st: SimState, c: number): void => {
  const wf = st.model.workflows[st.call.workflow[c]!]!
  const bh = wf.businessHours
  st.call.step[c] = 0
  st.call.stepList[c] = StepList.main
  if (bh !== undefined && !inHours(st.now, bh.open, bh.close)) {
    st.obs.callRolledOver(st.now, st.call.no[c]!, -1, RolloverReason.afterHours)
    st.call.stepList[c] = StepList.afterHours
  }
  routeCurrentStep(st, c)
}

/** Routes the call to its current workflow step; past the last step the workflow hangs up. */
export const routeCurrentStep = (st: SimState, c: number): void => {
  const wf = st.model.workflows[st.call.workflow[c]!]!
  const steps = st.call.stepList[c] === StepList.afterHours ? wf.businessHours!.afterHours : wf.steps
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
    timers |= QueueTimer.maxWait
  }
  if (queue.tierWait > 0 && st.queue.maxTier[q]! > 1) {
    st.call.tierSeq[c] = st.cal.reserveSeq()
    timers |= QueueTimer.tier
  }
  st.call.timers[c] = timers
  tryOfferCall(st, c)
  if (st.call.state[c] === CallState.waiting) {
    armPatience(st, c)
    armQueueTimers(st, c, Number.POSITIVE_INFINITY)
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

/**
 * A direct/internal call agent `a` did not take: a workflow's direct-line step goes on to the next step; other
 * calls go where the agent's direct line sends them.
 */
export const directUnanswered = (st: SimState, c: number, a: number): void => {
  if (st.call.workflow[c]! >= 0) nextStep(st, c)
  else directLineUnanswered(st, c, a)
}

/** A signed-out agent counts no more in their queues; queues with `rolloverWhenNoAgents` left empty roll over. */
export const agentLeft = (st: SimState, a: number): void => {
  for (let k = st.agent.memberStart[a]!, end = st.agent.memberStart[a + 1]!; k < end; k++) {
    const q = st.agent.memberQueue[k]!
    if (--st.queue.signedIn[q]! === 0 && st.model.queues[q]!.rolloverWhenNoAgents) {
      while (st.queue.head[q]! >= 0) rollover(st, st.queue.head[q]!, RolloverReason.noAgents)
    }
  }
}
