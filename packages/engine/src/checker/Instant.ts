/**
 * Checks when simulated time moves on: what had to happen within the instant that ended, deadlines that passed,
 * and calls left waiting while an agent could take them (R9, R14).
 */
import { formatClockTime } from "@ccsim/scenario/clock-time"
import { AgentStatus, AgentStatusNames, StepKind } from "../Observer.ts"
import { CALL_LIVE, type CheckerCore, secs, tierOpen } from "./Core.ts"
import { customerHoldDeadline } from "./Holds.ts"
import type { AgentShadow, CallShadow, QueueVisit } from "./Shadow.ts"
/** Moves simulated time to `t`, running the checks of the instant that ends. */
export const enter = (k: CheckerCore, t: number, event: string): void => {
  if (k.finished) {
    k.event = event
    k.report("I", "an event after the simulation ended")
    return
  }
  if (t < k.now) {
    k.event = event
    k.report("I", `time went back from ${formatClockTime(k.now)}`)
    return
  }
  if (t > k.now) {
    if (k.now !== Number.NEGATIVE_INFINITY) endInstant(k, t)
    k.now = t
  }
  k.event = event
}

export const endInstant = (k: CheckerCore, next: number): void => {
  const t = k.now
  k.event = "end-of-instant"
  if (k.workConserving) checkNoIdleWhileWaiting(k, next - 1)
  for (const c of k.dirtyCalls) checkCallAtInstantEnd(k, t, c)
  k.dirtyCalls.clear()
  for (const a of k.dirtyAgents) checkAgentAtInstantEnd(k, t, a)
  k.dirtyAgents.clear()
  if (k.endedPriority.size > 0) k.endedPriority.clear()
  for (let d = k.deadlines.popBefore(next); d !== undefined; d = k.deadlines.popBefore(next)) {
    if (d.kind === "rollover") rolloverDeadline(k, d.t, d.subject as QueueVisit)
    else if (d.kind === "customer-hold") customerHoldDeadline(k, d.t, d.subject as CallShadow)
    else wrapUpDeadline(k, d.t, d.subject as { call: number; start: number; end: number })
  }
}

export const checkCallAtInstantEnd = (k: CheckerCore, t: number, c: CallShadow): void => {
  if (k.stateOf(c.index) !== CALL_LIVE) return
  const call = c.index
  if (c.abandonedAt === t) k.report("R15", "the caller hung up, but the call did not end at that instant", call)
  if (c.mustEndAt === t) k.report("R6", "wrap-up started for a call that did not end at that instant", call)
  if (c.leftQueueAt === t) k.report("R10", "rolled over, but was neither routed on nor ended", call)
  if (c.routedAt === t) {
    const step = c.routedStep
    if (step === StepKind.queue) k.report("I", `routed to ${k.queueId(c.routedTarget)} but not queued there`, call)
    else if (step === StepKind.directLine)
      k.report("I", `routed to the direct line of ${k.agentId(c.routedTarget)}, which did not ring`, call)
    else k.report("I", "routed to a terminal step but did not end", call)
  }
  const visit = c.visit
  if (visit !== undefined) {
    if (visit.mustRollOverAt === t)
      k.report("R10", "its last offer ended after the maximum wait, but the call did not roll over", call)
    if (visit.overfullAt === t) k.report("R10", `joined ${k.queueId(visit.queue)} beyond its maximum length`, call)
    if (c.rolledOverCancelAt === t && c.rolledOverAt !== t)
      k.report("R10", "an offer was cancelled by a rollover that did not happen", call)
  } else if (c.answeredBy < 0 && c.ringing.some((o) => o.queue >= 0)) {
    k.report("R10", `offers still ring at ${k.agentList(c.ringing)} after the call left the queue`, call)
  }
  if (c.hungUpCancelAt === t && c.abandonedAt !== t)
    k.report("I", "an offer was cancelled because the caller hung up, but the caller did not hang up", call)
  if (c.answeredBy >= 0 && c.ringing.length > 0)
    k.report("I", `answered by ${k.agentId(c.answeredBy)}, but still rings at ${k.agentList(c.ringing)}`, call)
  if (c.elsewhereCancelAt === t && c.answeredBy < 0)
    k.report("I", "an offer was cancelled as answered elsewhere, but nobody answered", call)
}

export const checkAgentAtInstantEnd = (k: CheckerCore, t: number, a: AgentShadow): void => {
  const agent = a.index
  if (a.active.length > 1)
    k.report(
      "R13",
      `${a.active.length} active calls at once (${a.active.map((c) => k.callId(c.index)).join(", ")})`,
      -1,
      agent
    )
  // A customer hold still running leaves the agent without an active call; it resumes when it ends.
  if (a.held.length > 0 && a.active.length === 0 && !(a.held[a.held.length - 1]!.holdUntil > t))
    k.report("R13", `held call ${k.callId(a.held[0]!.index)} was not resumed when the other call ended`, -1, agent)
  for (const offer of a.offers) {
    if (offer.queue >= 0 && a.status !== AgentStatus.available)
      k.report(
        "R3",
        `a queue offer keeps ringing while the agent is ${AgentStatusNames[a.status]}`,
        offer.call.index,
        agent
      )
    else if (offer.queue < 0 && a.status === AgentStatus.signedOut)
      k.report("R4", "a direct or internal offer keeps ringing after the agent signed out", offer.call.index, agent)
  }
  if (a.leftCancelAt === t) {
    // A queue offer goes when the agent leaves Available or is about to (a deferred shift end or break).
    const left = a.leftCancelQueue
      ? a.status !== AgentStatus.available || a.leaving(t)
      : a.status === AgentStatus.signedOut
    if (!left)
      k.report(
        a.leftCancelQueue ? "I" : "R4",
        `an offer was cancelled as agent-left while the agent is ${AgentStatusNames[a.status]}`,
        -1,
        agent
      )
  }
  if (a.pendingSwitch !== undefined) {
    if (a.status === AgentStatus.available) {
      const q = k.model.queues[a.pendingSwitch.queue]!
      k.report(
        "R11",
        `reached the miss threshold of ${q.id} (${q.unavailableOnMiss!.threshold}) but stayed available`,
        -1,
        agent
      )
    }
    a.pendingSwitch = undefined
  }
  const due = a.wrapUpDue
  if (due !== undefined && due.t === t) {
    if (!due.optional)
      k.report("R6", `no wrap-up started after queue call ${k.callId(due.call.index)} ended`, due.call.index, agent)
    a.wrapUpDue = undefined
  }
  if (a.outboundStatusAt === t && a.outboundEventAt !== t)
    k.report("R8", "status changed for an outbound call, but no outbound call started or ended", -1, agent)
  if (a.overtimeAt === t && a.active.length + a.held.length === 0 && a.wrapUp === undefined)
    k.report("I", "overtime started with no call in progress", -1, agent)
}

export const rolloverDeadline = (k: CheckerCore, t: number, visit: QueueVisit): void => {
  const c = k.findVisitor(visit)
  if (c === undefined) return
  const offerRinging = c.ringing.some((o) => o.queue >= 0)
  if (offerRinging && k.model.settings.offerFinishesRingBeforeRollover) {
    visit.extended = true
    return
  }
  const q = k.model.queues[visit.queue]!
  k.reportAt(t, "R10", `still in ${q.id} after its maximum wait of ${secs(q.maxWait)} (no rollover)`, c.index)
}

export const wrapUpDeadline = (
  k: CheckerCore,
  t: number,
  wrapUp: { call: number; start: number; end: number }
): void => {
  for (const a of k.agents) {
    if (a.wrapUp === wrapUp) {
      k.reportAt(t, "R6", `wrap-up of ${secs(wrapUp.end - wrapUp.start)} did not end on time`, wrapUp.call, a.index)
      return
    }
  }
}

/** Whether the idle-agent check applies to this waiting call now. */
const mayBeOwed = (c: CallShadow, now: number): boolean => {
  const visit = c.visit!
  return !(c.ringing.length > 0 || visit.idleReported || visit.extended || visit.deadline < now)
}

/** Scratch list of the eligible members of one queue (reused: this runs at the end of every instant). */
const idle: Array<number> = []

/** R9/R14: after every instant, no call waits while an agent who may take it idles. */
export const checkNoIdleWhileWaiting = (k: CheckerCore, tLatest: number): void => {
  for (let queue = 0; queue < k.waiting.length; queue++) {
    const calls = k.waiting[queue]!
    if (calls.size === 0) continue
    // Most instants no waiting call is concerned: then the members need not be looked at.
    let concerned = false
    for (const c of calls) {
      if (mayBeOwed(c, k.now)) {
        concerned = true
        break
      }
    }
    if (!concerned) continue
    const q = k.model.queues[queue]!
    idle.length = 0
    const members = q.members
    for (let i = 0; i < members.length; i++) {
      const agent = members[i]!.agent
      if (k.eligible(k.agents[agent]!, k.now)) idle.push(agent)
    }
    if (idle.length === 0) continue
    for (const c of calls) {
      if (!mayBeOwed(c, k.now)) continue
      const visit = c.visit!
      const tCheck = Math.max(k.now, Math.min(tLatest, visit.deadline))
      for (const agent of idle) {
        const tier = k.memberTier[queue]!.get(agent)!
        if (!tierOpen(q, tier, visit, tCheck) || !k.reofferAllowed(tCheck, visit, q, agent)) continue
        visit.idleReported = true
        const rejected = visit.lastFailAt === k.now && visit.lastFailReject
        k.reportAt(
          k.now,
          rejected ? "R14" : "R9",
          `waits in ${q.id} while ${k.agentId(agent)} is free to take it${rejected ? " (after a reject the call goes to the next agent at once)" : ""}`,
          c.index
        )
        break
      }
    }
  }
}
