/**
 * Calls: arrivals (generated per interval or at a constant rate, scripted, redials, agent-placed outbound and
 * internal calls), the end of talk and wrap-up (R6), resuming a held call, caller patience on every stage (R15)
 * and the end of every call (exactly once). A new queue call's routing is left to the matching pass.
 */
import * as samplers from "../kernel/Samplers.ts"
import * as observer from "../Observer.ts"
import * as agents from "./Agents.ts"
import * as eligibility from "./Eligibility.ts"
import * as events from "./Events.ts"
import * as lineModule from "./Line.ts"
import * as offers from "./Offers.ts"
import * as rules from "./Rules.ts"
import type { SimState } from "./State.ts"
import * as talkModule from "./Talk.ts"
import * as workList from "./WorkList.ts"

// Module-local copies of the imports: V8 folds a module's own constants into the machine code but reads an
// imported binding at every use (engine README, "Imports in hot modules").
const { poissonDeviate, sampleMs } = samplers
const { AbandonStage, AgentStatus, CallKind, CancelReason, EndOutcome, HoldReason, StatusCause, StepKind } = observer
const { applyPending, isFreeToDial, scheduleActivity, setStatus } = agents
const { idleClockMoved, REASON_OUTBOUND, refreshAgent } = eligibility
const { CallState, Ev, inHours } = events
const { leaveQueue } = lineModule
const { cancelCallOffers, directLineUnanswered, startDirectOffer } = offers
const { IdleSince } = rules
const { connect, endCall, holdCall, holdToAccept, talkOn } = talkModule
const { Work } = workList
type CallKind = observer.CallKind

/**
 * The agent has no active call: the most recently held call becomes active again, unless its customer hold is
 * still running (then it resumes when the hold ends).
 */
const resumeHeld = (st: SimState, a: number): void => {
  // Few agents hold calls: the check stays small enough to inline, the resumption stays out of line.
  if (st.agent.heldTop[a]! >= 0) resumeTopHeld(st, a)
}

const resumeTopHeld = (st: SimState, a: number): void => {
  const h = st.agent.heldTop[a]!
  if (st.call.holdEv[h]! >= 0) return
  st.agent.heldTop[a] = st.call.heldNext[h]!
  st.call.heldNext[h] = -1
  st.cancel(st.call.patEv[h]!)
  st.call.patEv[h] = -1
  st.obs.callResumed(st.now, st.call.no[h]!, a)
  st.call.state[h] = CallState.talking
  st.agent.active[a] = h
  talkOn(st, h)
}

/**
 * Halfway through the talk the agent puts the caller on hold (`holdTime`). The agent stays on the call: a queue
 * call still blocks queue offers (R5) while direct and internal calls may ring (R7).
 */
export const onCustomerHoldStart = (st: SimState, c: number): void => {
  st.call.talkEv[c] = -1
  const a = st.call.agent[c]!
  const d = st.call.hold[c]!
  st.call.hold[c] = 0
  holdCall(st, c, a, HoldReason.customer, d)
  st.call.holdEv[c] = st.at(st.now + d, Ev.holdEnd, c)
  refreshAgent(st, a)
}

/** The customer hold is over: the call resumes now, or when the call the agent took meanwhile ends. */
export const onCustomerHoldEnd = (st: SimState, c: number): void => {
  st.call.holdEv[c] = -1
  const a = st.call.agent[c]!
  if (st.agent.active[a]! < 0) {
    resumeHeld(st, a)
    refreshAgent(st, a)
  }
}

/** After a call of the agent's ended: wrap-up after a queue call (R6), idle clocks. */
const afterAgentCall = (st: SimState, a: number, c: number, line: number): void => {
  if (line === CallKind.queue) {
    st.agent.queueCall[a] = -1
    if (st.rules.idleSince === IdleSince.lastQueueCallEnd) st.agent.idleSince[a] = st.now
    const q = st.call.queue[c]!
    const acw = st.call.acw[c]!
    const d = acw >= 0 ? acw : sampleMs(st.model.queues[q]!.wrapUpSampler, st.rng.wrap[q]!)
    if (d > 0) {
      st.agent.wrap[a] = 1
      st.activeWraps++
      st.agent.wrapEv[a] = st.at(st.now + d, Ev.wrapEnd, a)
      st.obs.wrapUpStarted(st.now, a, st.call.no[c]!, q, d)
    }
  }
  if (st.rules.idleSince === IdleSince.lastCallEnd) {
    st.agent.idleSince[a] = st.now
    idleClockMoved(st, a)
  }
}

/** Back from an outbound call placed with status Unavailable (`outbound.status`): Available again. */
const restoreAfterOutbound = (st: SimState, a: number): void => {
  if (st.agent.outRestore[a] === 0) return
  st.agent.outRestore[a] = 0
  if (st.agent.status[a] === AgentStatus.unavailable && st.agent.cause[a] === StatusCause.outbound) {
    setStatus(st, a, AgentStatus.available, StatusCause.outbound, -1)
  }
}

/** Talk ended: the call is handled. */
export const onTalkEnd = (st: SimState, c: number): void => {
  st.call.talkEv[c] = -1
  const a = st.call.agent[c]!
  const line = st.call.line[c]!
  if (line === CallKind.queue) st.agent.talk[a] = st.agent.talk[a]! + (st.now - st.call.talkStart[c]!)
  st.agent.active[a] = -1
  st.obs.callEnded(st.now, st.call.no[c]!, a, EndOutcome.handled)
  afterAgentCall(st, a, c, line)
  st.call.free(c)
  resumeHeld(st, a)
  if (line === CallKind.outbound) restoreAfterOutbound(st, a)
  applyPending(st, a)
  refreshAgent(st, a)
}

export const onWrapEnd = (st: SimState, a: number): void => {
  st.agent.wrapEv[a] = -1
  st.agent.wrap[a] = 0
  st.activeWraps--
  st.obs.wrapUpEnded(st.now, a)
  applyPending(st, a)
  refreshAgent(st, a)
}

// ---- patience (R15) ----

const removeHeld = (st: SimState, a: number, h: number): void => {
  let prev = -1
  for (let x = st.agent.heldTop[a]!; x >= 0; x = st.call.heldNext[x]!) {
    if (x === h) {
      if (prev < 0) st.agent.heldTop[a] = st.call.heldNext[h]!
      else st.call.heldNext[prev] = st.call.heldNext[h]!
      st.call.heldNext[h] = -1
      return
    }
    prev = x
  }
}

/** An abandoned caller may call again later (`traffic.redial`), as a new call with `redialOf`. */
const maybeRedial = (st: SimState, c: number): void => {
  const s = st.call.source[c]!
  if (s < 0) return
  const r = st.model.sources[s]!.redial
  if (r === undefined || st.call.attempt[c]! >= r.maxAttempts) return
  const rng = st.rng.redial[s]!
  if (rng.next() >= r.probability) return
  const t = st.now + sampleMs(r.delay, rng)
  if (t >= st.arrivalsEnd) return
  st.obs.redialScheduled(st.now, st.call.no[c]!, t)
  st.at(t, Ev.redial, s, st.call.no[c]!, st.call.attempt[c]! + 1)
}

/** The caller's patience ran out while waiting, ringing or on hold. */
export const onPatience = (st: SimState, c: number): void => {
  st.call.patEv[c] = -1
  const no = st.call.no[c]!
  const state = st.call.state[c]
  if (state === CallState.held) {
    const a = st.call.agent[c]!
    const line = st.call.line[c]!
    removeHeld(st, a, c)
    st.cancel(st.call.holdEv[c]!)
    st.call.holdEv[c] = -1
    st.obs.callAbandoned(st.now, no, line === CallKind.queue ? st.call.queue[c]! : -1, AbandonStage.onHold)
    st.obs.callEnded(st.now, no, a, EndOutcome.abandoned)
    afterAgentCall(st, a, c, line)
    maybeRedial(st, c)
    st.call.free(c)
    // Only a customer hold leaves the agent without an active call: a call held under it resumes.
    if (st.agent.active[a]! < 0) resumeHeld(st, a)
    applyPending(st, a)
    refreshAgent(st, a)
    return
  }
  const q = st.call.inQueue[c] === 1 ? st.call.queue[c]! : -1
  if (state === CallState.ringing) {
    st.obs.callAbandoned(st.now, no, q, AbandonStage.ringing)
    const base = st.sp
    cancelCallOffers(st, c, CancelReason.callerHungUp)
    const top = st.sp
    leaveQueue(st, c)
    st.obs.callEnded(st.now, no, -1, EndOutcome.abandoned)
    maybeRedial(st, c)
    st.call.free(c)
    for (let i = base; i < top; i++) refreshAgent(st, st.stack[i]!)
    st.sp = base
    return
  }
  st.obs.callAbandoned(st.now, no, q, AbandonStage.waiting)
  leaveQueue(st, c)
  st.obs.callEnded(st.now, no, -1, EndOutcome.abandoned)
  maybeRedial(st, c)
  st.call.free(c)
}

// ---- arrivals ----

/**
 * R1: a call dialled to a tracking number is a queue call, unless its workflow's first step in force (business
 * hours at arrival) is an agent's direct line: then it is a direct call from its arrival, carrying its tenant.
 * A queue call that reaches a direct-line step later (rollover) stays a queue call in the totals, where it was
 * offered; its offer at the direct line follows the direct-call rules like any direct-line offer.
 */
const workflowCallKind = (st: SimState, w: number): number => {
  const wf = st.model.workflows[w]!
  const bh = wf.businessHours
  const steps = bh !== undefined && !inHours(st.now, bh.open, bh.close) ? bh.afterHours : wf.steps
  return steps.length > 0 && steps[0]!.kind === StepKind.directLine ? CallKind.direct : CallKind.queue
}

/** Creates a call from a traffic source, drawing its talk time, patience and known/unknown (R2). */
const sourceCall = (st: SimState, s: number, redialOf: number, attempt: number, redial: boolean): void => {
  const src = st.model.sources[s]!
  const no = st.nextCallNo++
  const kind = src.mayStartDirect ? workflowCallKind(st, src.workflow) : src.kind
  const c = st.call.alloc(no, kind, st.now)
  st.call.source[c] = s
  st.call.attempt[c] = attempt
  st.call.priority[c] = src.priority
  const hRng = redial ? st.rng.redial[s]! : st.rng.handle[s]!
  let talk = sampleMs(src.handleTime, hRng)
  if (!redial && src.arrivals.kind === "intervals") {
    const k = st.source.interval[s]! - 1
    const aht = src.arrivals.aht[k] ?? Number.NaN
    if (!Number.isNaN(aht) && src.handleTime.mean > 0) talk = Math.round((talk * aht) / src.handleTime.mean)
    // The arrival interval's after-call work is this call's wrap-up, as its AHT is its talk time.
    const acw = src.arrivals.acw[k] ?? Number.NaN
    if (!Number.isNaN(acw)) st.call.acw[c] = acw
  }
  const pRng = redial ? st.rng.redial[s]! : st.rng.patience[s]!
  const patience = src.patience !== undefined ? sampleMs(src.patience, pRng) : Number.POSITIVE_INFINITY
  let known = true
  if (src.kind === CallKind.queue) {
    const kRng = redial ? st.rng.redial[s]! : st.rng.known[s]!
    known = kRng.next() < src.knownShare
    if (!known) talk += sampleMs(st.model.unknownSearchTime, kRng)
    st.call.tenant[c] = src.tenant
    st.call.workflow[c] = src.workflow
  }
  st.call.known[c] = known ? 1 : 0
  st.call.talk[c] = talk
  if (src.holdTime !== undefined) st.call.hold[c] = sampleMs(src.holdTime, st.rng.hold[s]!)
  st.call.patience[c] = patience
  st.obs.callArrived(st.now, no, kind as CallKind, st.call.tenant[c]!, known, s, redialOf)
  if (patience !== Number.POSITIVE_INFINITY) st.call.patSeq[c] = st.cal.reserveSeq()
  if (src.kind === CallKind.queue) st.work.post(Work.route, c)
  else if (src.kind === CallKind.direct) ring(st, c, src.agent)
  else {
    const rng = st.rng.pick[s]!
    const caller = src.from.length > 0 ? src.from[rng.nextInt(src.from.length)]! : -1
    ring(st, c, pickOther(src.to, caller, rng.next()))
  }
}

/** Uniform pick from `list` skipping `except`; −1 when nothing is left. */
const pickOther = (list: ReadonlyArray<number>, except: number, u: number): number => {
  let n = list.length
  let hasExcept = false
  for (let i = 0; i < list.length; i++) if (list[i] === except) hasExcept = true
  if (hasExcept) n--
  if (n <= 0) return -1
  let k = Math.floor(u * n)
  for (let i = 0; i < list.length; i++) {
    if (list[i] === except) continue
    if (k-- === 0) return list[i]!
  }
  return -1
}

const ring = (st: SimState, c: number, a: number): void => {
  if (a < 0 || !startDirectOffer(st, c, a)) directLineUnanswered(st, c, a)
}

export const onArrival = (st: SimState, s: number): void => {
  sourceCall(st, s, -1, 0, false)
  scheduleArrival(st, s)
}

export const onRedial = (st: SimState, s: number, redialOf: number, attempt: number): void => {
  sourceCall(st, s, redialOf, attempt, true)
}

const HOUR = 3_600_000

/**
 * Schedules a source's next arrival: a Poisson process for a constant rate; for volumes per interval, a Poisson
 * count per interval placed uniformly inside it (never "the next gap at the current rate", which skips peaks).
 * Arrival times are floored to the ms, so none falls on or after the end of arrivals.
 */
export const scheduleArrival = (st: SimState, s: number): void => {
  const plan = st.model.sources[s]!.arrivals
  const rng = st.rng.arrivals[s]!
  if (plan.kind === "rate") {
    const perMs = (plan.ratePerHour * st.model.loadMultiplier) / HOUR
    if (perMs <= 0) return
    const next = st.source.next[s]! - Math.log(rng.nextOpen()) / perMs
    st.source.next[s] = next
    if (next >= st.arrivalsEnd) return
    st.at(Math.floor(next), Ev.arrival, s)
    return
  }
  while (st.source.bufPos[s]! >= st.source.bufLen[s]!) {
    const k = st.source.interval[s]!
    if (k >= plan.starts.length) return
    st.source.interval[s] = k + 1
    const start = plan.starts[k]!
    if (start >= st.arrivalsEnd) return
    const n = poissonDeviate(plan.volumes[k]! * st.model.loadMultiplier, rng)
    let buf = st.source.buf[s]!
    if (buf.length < n) {
      buf = new Float64Array(n * 2)
      st.source.buf[s] = buf
    }
    for (let i = 0; i < n; i++) buf[i] = Math.floor(start + rng.next() * plan.length)
    buf.subarray(0, n).sort()
    st.source.bufPos[s] = 0
    st.source.bufLen[s] = n
  }
  const t = st.source.buf[s]![st.source.bufPos[s]!++]!
  if (t >= st.arrivalsEnd) {
    st.source.bufLen[s] = 0
    return
  }
  st.at(t, Ev.arrival, s)
}

/** A scripted call arrives (call number = its index in the script). */
export const onScriptCall = (st: SimState, i: number): void => {
  st.pendingScripted--
  const x = st.model.scriptedCalls[i]!
  const kind = x.kind === CallKind.queue ? workflowCallKind(st, x.workflow) : x.kind
  const c = st.call.alloc(i, kind, st.now)
  let talk = x.talk
  if (!x.known) talk += sampleMs(st.model.unknownSearchTime, st.rng.scripted)
  st.call.talk[c] = talk
  st.call.hold[c] = x.hold
  st.call.patience[c] = x.patience
  st.call.priority[c] = x.priority
  st.call.tenant[c] = x.tenant
  st.call.workflow[c] = x.workflow
  st.call.known[c] = x.known ? 1 : 0
  st.obs.callArrived(st.now, i, kind as CallKind, x.tenant, x.known, -1, -1)
  if (x.kind === CallKind.outbound) {
    placeOutbound(st, c, x.agent)
    return
  }
  if (x.patience !== Number.POSITIVE_INFINITY) st.call.patSeq[c] = st.cal.reserveSeq()
  if (x.kind === CallKind.queue) st.work.post(Work.route, c)
  else ring(st, c, x.agent)
}

/**
 * The agent places an outbound call (R8). On another call, Hold & Accept holds it; with `outbound.status:
 * unavailable` the agent is Unavailable (reason `outbound`) until the call ends.
 */
const placeOutbound = (st: SimState, c: number, a: number): void => {
  if (
    st.agent.status[a] === AgentStatus.signedOut ||
    ((st.agent.active[a]! >= 0 || st.agent.heldTop[a]! >= 0) && !st.rules.holdAndAccept)
  ) {
    endCall(st, c, EndOutcome.unanswered, -1)
    return
  }
  if (st.agent.active[a]! >= 0) holdToAccept(st, a)
  st.obs.outboundStarted(st.now, st.call.no[c]!, a)
  connect(st, c, a, CallKind.outbound)
  const spec = st.model.agents[a]!.outbound
  if (spec !== undefined && spec.status === AgentStatus.unavailable && st.agent.status[a] === AgentStatus.available) {
    st.agent.outRestore[a] = 1
    setStatus(st, a, AgentStatus.unavailable, StatusCause.outbound, REASON_OUTBOUND)
  } else refreshAgent(st, a)
}

/** An agent's Poisson outbound activity: places a call when free, then schedules the next attempt. */
export const onOutboundTry = (st: SimState, a: number): void => {
  st.agent.outEv[a] = -1
  const spec = st.model.agents[a]!.outbound!
  if (st.arrivalsOpen && isFreeToDial(st, a)) {
    const no = st.nextCallNo++
    const c = st.call.alloc(no, CallKind.outbound, st.now)
    st.call.talk[c] = sampleMs(spec.duration, st.rng.outbound[a]!)
    st.obs.callArrived(st.now, no, CallKind.outbound, -1, true, -1, -1)
    placeOutbound(st, c, a)
  }
  scheduleActivity(st, a, true)
}

/** An agent's Poisson internal calls to colleagues (the caller is not modelled as busy). */
export const onInternalTry = (st: SimState, a: number): void => {
  st.agent.intEv[a] = -1
  const spec = st.model.agents[a]!.internalCalls!
  if (st.arrivalsOpen && isFreeToDial(st, a)) {
    const rng = st.rng.internal[a]!
    const to = pickOther(spec.to, a, rng.next())
    const no = st.nextCallNo++
    const c = st.call.alloc(no, CallKind.internal, st.now)
    st.call.talk[c] = sampleMs(spec.duration, rng)
    st.obs.callArrived(st.now, no, CallKind.internal, -1, true, -1, -1)
    ring(st, c, to)
  }
  scheduleActivity(st, a, false)
}
