/**
 * Calls: arrivals (generated per interval or at a constant rate, scripted, redials, agent-placed outbound and
 * internal calls), talking, Hold & Accept and resume (R13), the end of talk and wrap-up (R6), caller patience on
 * every stage (R15) and the end of every call (exactly once).
 */
import { poissonDeviate, sampleMs } from "../kernel/Samplers.ts"
import { AbandonStage, AgentStatus, CallKind, CancelReason, EndOutcome, StatusCause } from "../Observer.ts"
import {
  applyPending,
  idleClockMoved,
  isFreeToDial,
  REASON_OUTBOUND,
  refreshAgent,
  scheduleActivity,
  setStatus
} from "./Agents.ts"
import { CallState, Ev, EvPriority } from "./Events.ts"
import { cancelCallOffers, startDirectOffer } from "./Offers.ts"
import { leaveQueue, startRouting } from "./Queues.ts"
import { IdleSince, type SimState } from "./State.ts"

// ---- ending ----

/** Ends a call that has no agent (routing, waiting or ringing states are already settled by the caller). */
export const endCall = (st: SimState, c: number, outcome: number, agent: number): void => {
  st.obs.callEnded(st.now, st.cNo[c]!, agent, outcome as EndOutcome)
  st.cancel(st.cPatEv[c]!)
  st.cPatEv[c] = -1
  st.freeCall(c)
}

// ---- talking ----

/** Connects the call to the agent as their active call; talk time is scaled by the agent's multiplier once. */
export const connect = (st: SimState, c: number, a: number, line: number): void => {
  st.cState[c] = CallState.talking
  st.cAgent[c] = a
  st.cLine[c] = line
  st.aActive[a] = c
  if (st.cTalkScaled[c] === 0) {
    st.cTalkScaled[c] = 1
    const m = st.model.agents[a]!.behaviour.handleTimeMultiplier
    if (m !== 1) st.cTalk[c] = Math.round(st.cTalk[c]! * m)
  }
  st.cTalkStart[c] = st.now
  st.cTalkEv[c] = st.at(st.now + st.cTalk[c]!, Ev.talkEnd, c)
}

/** Hold & Accept: the active call waits on hold; a held caller's patience restarts (same drawn patience). */
export const holdCall = (st: SimState, h: number, a: number): void => {
  st.obs.callHeld(st.now, st.cNo[h]!, a)
  st.cancel(st.cTalkEv[h]!)
  st.cTalkEv[h] = -1
  const talked = st.now - st.cTalkStart[h]!
  st.cTalk[h] = st.cTalk[h]! - talked
  if (st.cLine[h] === CallKind.queue) st.aTalk[a] = st.aTalk[a]! + talked
  st.cState[h] = CallState.held
  st.cHeldNext[h] = st.aHeldTop[a]!
  st.aHeldTop[a] = h
  st.aActive[a] = -1
  const p = st.cPatience[h]!
  if (p !== Number.POSITIVE_INFINITY) st.cPatEv[h] = st.at(st.now + p, Ev.patience, h)
}

/** The agent's active call ended: the most recently held call becomes active again. */
const resumeHeld = (st: SimState, a: number): void => {
  const h = st.aHeldTop[a]!
  if (h < 0) return
  st.aHeldTop[a] = st.cHeldNext[h]!
  st.cHeldNext[h] = -1
  st.cancel(st.cPatEv[h]!)
  st.cPatEv[h] = -1
  st.obs.callResumed(st.now, st.cNo[h]!, a)
  st.cState[h] = CallState.talking
  st.aActive[a] = h
  st.cTalkStart[h] = st.now
  st.cTalkEv[h] = st.at(st.now + st.cTalk[h]!, Ev.talkEnd, h)
}

/** After a call of the agent's ended: wrap-up after a queue call (R6), idle clocks. */
const afterAgentCall = (st: SimState, a: number, c: number, line: number): void => {
  if (line === CallKind.queue) {
    st.aQueueCall[a] = -1
    if (st.idleSince === IdleSince.lastQueueCallEnd) st.aIdleSince[a] = st.now
    const q = st.cQueue[c]!
    const d = sampleMs(st.model.queues[q]!.wrapUpSampler, st.sWrap[q]!)
    if (d > 0) {
      st.aWrap[a] = 1
      st.activeWraps++
      st.aWrapEv[a] = st.at(st.now + d, Ev.wrapEnd, a)
      st.obs.wrapUpStarted(st.now, a, st.cNo[c]!, q, d)
    }
  }
  if (st.idleSince === IdleSince.lastCallEnd) {
    st.aIdleSince[a] = st.now
    idleClockMoved(st, a)
  }
}

/** Back from an outbound call placed with status Unavailable (`outbound.status`): Available again. */
const restoreAfterOutbound = (st: SimState, a: number): void => {
  if (st.aOutRestore[a] === 0) return
  st.aOutRestore[a] = 0
  if (st.aStatus[a] === AgentStatus.unavailable && st.aCause[a] === StatusCause.outbound) {
    setStatus(st, a, AgentStatus.available, StatusCause.outbound, -1)
  }
}

/** Talk ended: the call is handled. */
export const onTalkEnd = (st: SimState, c: number): void => {
  st.cTalkEv[c] = -1
  const a = st.cAgent[c]!
  const line = st.cLine[c]!
  if (line === CallKind.queue) st.aTalk[a] = st.aTalk[a]! + (st.now - st.cTalkStart[c]!)
  st.aActive[a] = -1
  st.obs.callEnded(st.now, st.cNo[c]!, a, EndOutcome.handled)
  afterAgentCall(st, a, c, line)
  st.freeCall(c)
  resumeHeld(st, a)
  if (line === CallKind.outbound) restoreAfterOutbound(st, a)
  applyPending(st, a)
  refreshAgent(st, a)
}

export const onWrapEnd = (st: SimState, a: number): void => {
  st.aWrapEv[a] = -1
  st.aWrap[a] = 0
  st.activeWraps--
  st.obs.wrapUpEnded(st.now, a)
  applyPending(st, a)
  refreshAgent(st, a)
}

// ---- patience (R15) ----

/**
 * Schedules the caller's patience event (deadline = arrival + patience) if it is not yet scheduled. It is armed
 * lazily — only once the call waits, or rings at an offer that may not be answered by the deadline — so a call
 * answered at once costs no calendar work; the sequence reserved at arrival keeps the order of simultaneous events
 * exactly as if it had been scheduled then.
 */
export const armPatience = (st: SimState, c: number): void => {
  const p = st.cPatience[c]!
  if (p === Number.POSITIVE_INFINITY || st.cPatEv[c]! >= 0) return
  st.cPatEv[c] = st.cal.scheduleWithSeq(
    st.cArrive[c]! + p,
    Ev.patience,
    EvPriority[Ev.patience]!,
    st.cPatSeq[c]!,
    c,
    0,
    0
  )
}

/** The deadline of an unanswered caller's patience (Infinity when none). */
export const patienceDeadline = (st: SimState, c: number): number => st.cArrive[c]! + st.cPatience[c]!

const removeHeld = (st: SimState, a: number, h: number): void => {
  let prev = -1
  for (let x = st.aHeldTop[a]!; x >= 0; x = st.cHeldNext[x]!) {
    if (x === h) {
      if (prev < 0) st.aHeldTop[a] = st.cHeldNext[h]!
      else st.cHeldNext[prev] = st.cHeldNext[h]!
      st.cHeldNext[h] = -1
      return
    }
    prev = x
  }
}

/** An abandoned caller may call again later (`traffic.redial`), as a new call with `redialOf`. */
const maybeRedial = (st: SimState, c: number): void => {
  const s = st.cSource[c]!
  if (s < 0) return
  const r = st.model.sources[s]!.redial
  if (r === undefined || st.cAttempt[c]! >= r.maxAttempts) return
  const rng = st.sRedial[s]!
  if (rng.next() >= r.probability) return
  const t = st.now + sampleMs(r.delay, rng)
  if (t >= st.arrivalsEnd) return
  st.obs.redialScheduled(st.now, st.cNo[c]!, t)
  st.at(t, Ev.redial, s, st.cNo[c]!, st.cAttempt[c]! + 1)
}

/** The caller's patience ran out while waiting, ringing or on hold. */
export const onPatience = (st: SimState, c: number): void => {
  st.cPatEv[c] = -1
  const no = st.cNo[c]!
  const state = st.cState[c]
  if (state === CallState.held) {
    const a = st.cAgent[c]!
    const line = st.cLine[c]!
    removeHeld(st, a, c)
    st.obs.callAbandoned(st.now, no, line === CallKind.queue ? st.cQueue[c]! : -1, AbandonStage.onHold)
    st.obs.callEnded(st.now, no, a, EndOutcome.abandoned)
    afterAgentCall(st, a, c, line)
    maybeRedial(st, c)
    st.freeCall(c)
    applyPending(st, a)
    refreshAgent(st, a)
    return
  }
  const q = st.cInQueue[c] === 1 ? st.cQueue[c]! : -1
  if (state === CallState.ringing) {
    st.obs.callAbandoned(st.now, no, q, AbandonStage.ringing)
    const base = st.sp
    cancelCallOffers(st, c, CancelReason.callerHungUp)
    const top = st.sp
    leaveQueue(st, c)
    st.obs.callEnded(st.now, no, -1, EndOutcome.abandoned)
    maybeRedial(st, c)
    st.freeCall(c)
    for (let i = base; i < top; i++) refreshAgent(st, st.stack[i]!)
    st.sp = base
    return
  }
  st.obs.callAbandoned(st.now, no, q, AbandonStage.waiting)
  leaveQueue(st, c)
  st.obs.callEnded(st.now, no, -1, EndOutcome.abandoned)
  maybeRedial(st, c)
  st.freeCall(c)
}

// ---- arrivals ----

/** Creates a call from a traffic source, drawing its talk time, patience and known/unknown (R2). */
const sourceCall = (st: SimState, s: number, redialOf: number, attempt: number, redial: boolean): void => {
  const src = st.model.sources[s]!
  const no = st.nextCallNo++
  const c = st.allocCall(no, src.kind)
  st.cSource[c] = s
  st.cAttempt[c] = attempt
  st.cPriority[c] = src.priority
  const hRng = redial ? st.sRedial[s]! : st.sHandle[s]!
  let talk = sampleMs(src.handleTime, hRng)
  if (!redial && src.arrivals.kind === "intervals") {
    const aht = src.arrivals.aht[st.srcInterval[s]! - 1] ?? Number.NaN
    if (!Number.isNaN(aht) && src.handleTime.mean > 0) talk = Math.round((talk * aht) / src.handleTime.mean)
  }
  const pRng = redial ? st.sRedial[s]! : st.sPatience[s]!
  const patience = src.patience !== undefined ? sampleMs(src.patience, pRng) : Number.POSITIVE_INFINITY
  let known = true
  if (src.kind === CallKind.queue) {
    const kRng = redial ? st.sRedial[s]! : st.sKnown[s]!
    known = kRng.next() < src.knownShare
    if (!known) talk += sampleMs(st.model.unknownSearchTime, kRng)
    st.cTenant[c] = src.tenant
    st.cWorkflow[c] = src.workflow
  }
  st.cKnown[c] = known ? 1 : 0
  st.cTalk[c] = talk
  st.cPatience[c] = patience
  st.obs.callArrived(st.now, no, src.kind, st.cTenant[c]!, known, s, redialOf)
  if (patience !== Number.POSITIVE_INFINITY) st.cPatSeq[c] = st.cal.reserveSeq()
  if (src.kind === CallKind.queue) startRouting(st, c)
  else if (src.kind === CallKind.direct) ring(st, c, src.agent)
  else {
    const rng = st.sPick[s]!
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
  if (a < 0 || !startDirectOffer(st, c, a)) endCall(st, c, EndOutcome.unanswered, -1)
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
  const rng = st.sArrivals[s]!
  if (plan.kind === "rate") {
    const perMs = (plan.ratePerHour * st.model.loadMultiplier) / HOUR
    if (perMs <= 0) return
    const next = st.srcNext[s]! - Math.log(rng.nextOpen()) / perMs
    st.srcNext[s] = next
    if (next >= st.arrivalsEnd) return
    st.at(Math.floor(next), Ev.arrival, s)
    return
  }
  while (st.srcBufPos[s]! >= st.srcBufLen[s]!) {
    const k = st.srcInterval[s]!
    if (k >= plan.starts.length) return
    st.srcInterval[s] = k + 1
    const start = plan.starts[k]!
    if (start >= st.arrivalsEnd) return
    const n = poissonDeviate(plan.volumes[k]! * st.model.loadMultiplier, rng)
    let buf = st.srcBuf[s]!
    if (buf.length < n) {
      buf = new Float64Array(n * 2)
      st.srcBuf[s] = buf
    }
    for (let i = 0; i < n; i++) buf[i] = Math.floor(start + rng.next() * plan.length)
    buf.subarray(0, n).sort()
    st.srcBufPos[s] = 0
    st.srcBufLen[s] = n
  }
  const t = st.srcBuf[s]![st.srcBufPos[s]!++]!
  if (t >= st.arrivalsEnd) {
    st.srcBufLen[s] = 0
    return
  }
  st.at(t, Ev.arrival, s)
}

/** A scripted call arrives (call number = its index in the script). */
export const onScriptCall = (st: SimState, i: number): void => {
  st.pendingScripted--
  const x = st.model.scriptedCalls[i]!
  const c = st.allocCall(i, x.kind)
  let talk = x.talk
  if (!x.known) talk += sampleMs(st.model.unknownSearchTime, st.sScripted)
  st.cTalk[c] = talk
  st.cPatience[c] = x.patience
  st.cPriority[c] = x.priority
  st.cTenant[c] = x.tenant
  st.cWorkflow[c] = x.workflow
  st.cKnown[c] = x.known ? 1 : 0
  st.obs.callArrived(st.now, i, x.kind, x.tenant, x.known, -1, -1)
  if (x.kind === CallKind.outbound) {
    placeOutbound(st, c, x.agent)
    return
  }
  if (x.patience !== Number.POSITIVE_INFINITY) st.cPatSeq[c] = st.cal.reserveSeq()
  if (x.kind === CallKind.queue) startRouting(st, c)
  else ring(st, c, x.agent)
}

/**
 * The agent places an outbound call (R8). On another call, Hold & Accept holds it; with `outbound.status:
 * unavailable` the agent is Unavailable (reason `outbound`) until the call ends.
 */
const placeOutbound = (st: SimState, c: number, a: number): void => {
  if (st.aStatus[a] === AgentStatus.signedOut || (st.aActive[a]! >= 0 && !st.holdAndAccept)) {
    endCall(st, c, EndOutcome.unanswered, -1)
    return
  }
  if (st.aActive[a]! >= 0) holdCall(st, st.aActive[a]!, a)
  st.obs.outboundStarted(st.now, st.cNo[c]!, a)
  connect(st, c, a, CallKind.outbound)
  const spec = st.model.agents[a]!.outbound
  if (spec !== undefined && spec.status === AgentStatus.unavailable && st.aStatus[a] === AgentStatus.available) {
    st.aOutRestore[a] = 1
    setStatus(st, a, AgentStatus.unavailable, StatusCause.outbound, REASON_OUTBOUND)
  } else refreshAgent(st, a)
}

/** An agent's Poisson outbound activity: places a call when free, then schedules the next attempt. */
export const onOutboundTry = (st: SimState, a: number): void => {
  st.aOutEv[a] = -1
  const spec = st.model.agents[a]!.outbound!
  if (st.arrivalsOpen && isFreeToDial(st, a)) {
    const no = st.nextCallNo++
    const c = st.allocCall(no, CallKind.outbound)
    st.cTalk[c] = sampleMs(spec.duration, st.sOutbound[a]!)
    st.obs.callArrived(st.now, no, CallKind.outbound, -1, true, -1, -1)
    placeOutbound(st, c, a)
  }
  scheduleActivity(st, a, true)
}

/** An agent's Poisson internal calls to colleagues (the caller is not modelled as busy). */
export const onInternalTry = (st: SimState, a: number): void => {
  st.aIntEv[a] = -1
  const spec = st.model.agents[a]!.internalCalls!
  if (st.arrivalsOpen && isFreeToDial(st, a)) {
    const rng = st.sInternal[a]!
    const to = pickOther(spec.to, a, rng.next())
    const no = st.nextCallNo++
    const c = st.allocCall(no, CallKind.internal)
    st.cTalk[c] = sampleMs(spec.duration, rng)
    st.obs.callArrived(st.now, no, CallKind.internal, -1, true, -1, -1)
    ring(st, c, to)
  }
  scheduleActivity(st, a, false)
}
