/**
 * Checks on agents: wrap-up (R6), status changes (R11, R12, schedules) and overtime.
 */
import { AgentStatus, AgentStatusNames, StatusCause } from "../Observer.ts"
import { type CheckerCore, secs } from "./Core.ts"
import {
  breakChangeScheduled,
  breakStartsAt,
  deferrableAt,
  deferredUntil,
  durationFits,
  shiftChangeScheduled
} from "./Schedule.ts"
export const checkWrapUpStarted = (
  k: CheckerCore,
  t: number,
  agent: number,
  call: number,
  queue: number,
  duration: number
): void => {
  const a = k.agents[agent]!
  const due = a.wrapUpDue
  if (a.wrapUp !== undefined) k.report("R6", "wrap-up started during another wrap-up", call, agent)
  if (due !== undefined && due.call.index === call && due.t === t) {
    a.wrapUpDue = undefined
    if (due.call.answeredQueue !== queue)
      k.report("R6", `wrap-up of ${k.queueId(queue)} after a call of ${k.queueId(due.call.answeredQueue)}`, call, agent)
  } else {
    const c = k.calls.get(call)
    if (c !== undefined && c.answeredBy === agent && c.answeredQueue >= 0) {
      // Wrap-up announced before the call's end at the same instant.
      c.mustEndAt = t
      k.dirtyCalls.add(c)
      if (c.answeredQueue !== queue)
        k.report("R6", `wrap-up of ${k.queueId(queue)} after a call of ${k.queueId(c.answeredQueue)}`, call, agent)
    } else {
      k.report("R6", "wrap-up started, but no queue call of this agent ended at this instant", call, agent)
    }
  }
  const q = k.model.queues[queue]
  const acw = (due !== undefined && due.call.index === call ? due.call : k.calls.get(call))?.acw ?? -1
  if (acw >= 0) {
    if (duration !== acw)
      k.report(
        "R6",
        `wrap-up of ${secs(duration)}; the call's interval has an after-call work of ${secs(acw)}`,
        call,
        agent
      )
  } else if (q !== undefined && !durationFits(q.wrapUp, duration))
    k.report("R6", `wrap-up of ${secs(duration)} does not fit the wrap-up of ${q.id}`, call, agent)
  const wrapUp = { call, start: t, end: t + duration }
  a.wrapUp = wrapUp
  k.deadlines.push({ t: wrapUp.end, kind: "wrap-up", subject: wrapUp })
  k.dirtyAgents.add(a)
}

export const checkWrapUpEnded = (k: CheckerCore, t: number, agent: number): void => {
  const a = k.agents[agent]!
  const wrapUp = a.wrapUp
  if (wrapUp === undefined) {
    k.report("R6", "wrap-up ended, but none was in progress", -1, agent)
    return
  }
  if (t !== wrapUp.end)
    k.report(
      "R6",
      `wrap-up ended after ${secs(t - wrapUp.start)}, drawn ${secs(wrapUp.end - wrapUp.start)}`,
      wrapUp.call,
      agent
    )
  a.wrapUp = undefined
  k.dirtyAgents.add(a)
}

export const checkAgentStatusChanged = (
  k: CheckerCore,
  t: number,
  agent: number,
  status: AgentStatus,
  cause: StatusCause,
  reason: number
): void => {
  const a = k.agents[agent]!
  const model = k.model.agents[agent]!
  const previous = a.status
  const calls = a.active.length + a.held.length
  switch (cause) {
    case StatusCause.missPolicy: {
      const pending = a.pendingSwitch
      if (pending === undefined) {
        const r12 = a.lastUnanswered === "direct" || a.lastUnanswered === "cancel"
        const what =
          a.lastUnanswered === "direct"
            ? "after a missed or rejected direct/internal call"
            : a.lastUnanswered === "cancel"
              ? "after an offer that stopped ringing without a miss (hang-up, ring-all or rollover)"
              : "without a counted queue miss reaching its queue's threshold"
        k.report(r12 ? "R12" : "R11", `switched by the miss policy ${what}`, -1, agent)
      } else {
        a.pendingSwitch = undefined
        const policy = k.model.queues[pending.queue]!.unavailableOnMiss!
        if (status !== AgentStatus.unavailable)
          k.report("R11", `the miss policy set the status ${AgentStatusNames[status]}, not unavailable`, -1, agent)
        if (reason !== policy.reason)
          k.report(
            "R11",
            `the miss policy gave reason ${k.reasonName(reason)}, the queue says ${k.reasonName(policy.reason)}`,
            -1,
            agent
          )
      }
      break
    }
    case StatusCause.selfRecovery:
      if (status !== AgentStatus.available || previous !== AgentStatus.unavailable)
        k.report("R11", `self-recovery from ${AgentStatusNames[previous]} to ${AgentStatusNames[status]}`, -1, agent)
      break
    case StatusCause.shift:
      if (!shiftChangeScheduled(model, status === AgentStatus.signedOut, t, a.overtimeAt >= 0))
        k.report(
          "I",
          `${status === AgentStatus.signedOut ? "signed out" : "signed in"} by shift at no scheduled time`,
          -1,
          agent
        )
      if (status === AgentStatus.signedOut && calls > 0)
        k.report("I", "signed out by shift end during a call (the call finishes first)", -1, agent)
      break
    case StatusCause.break: {
      // A break starts at its start, or later when deferred (overtime); it ends at its scheduled end, restoring the
      // status from before (which may be no change, and then no event).
      const deferred = a.leaving(t) && a.overtimeUntil !== Number.POSITIVE_INFINITY
      const starting = deferred || breakStartsAt(model, t)
      if (!breakChangeScheduled(model, starting, t, deferred))
        k.report("I", "break status change at no scheduled time (no break starts or ends then)", -1, agent)
      if (starting && calls > 0) k.report("I", "break started during a call (the call finishes first)", -1, agent)
      break
    }
    case StatusCause.outbound:
      a.outboundStatusAt = t
      break
  }
  // A status change the agent or their schedule makes resets the R11 counts (not the system's own changes).
  if (
    cause !== StatusCause.missPolicy &&
    cause !== StatusCause.outbound &&
    k.model.settings.resetMissCountOnStatusChange
  )
    a.missCounts.reset()
  // The deferred change happened (or the agent left altogether): no longer in overtime.
  if (status === AgentStatus.signedOut || cause === StatusCause.shift || cause === StatusCause.break) a.overtimeAt = -1
  a.status = status
  a.cause = cause
  a.statusAt = t
  k.dirtyAgents.add(a)
}

export const checkAgentOvertimeStarted = (k: CheckerCore, t: number, agent: number): void => {
  const a = k.agents[agent]!
  const scriptedSignOut = k.model.scriptedActions.some(
    (x) => x.agent === agent && x.action === "sign-out" && x.at === t
  )
  if (!scriptedSignOut && !deferrableAt(k.model.agents[agent]!, t))
    k.report("I", "overtime started at no shift end, break start or scripted sign-out", -1, agent)
  a.overtimeAt = t
  a.overtimeUntil = deferredUntil(k.model.agents[agent]!, t)
  // A pending sign-out is withdrawn by the next shift start or a scripted sign-in (the agent stays on).
  if (a.overtimeUntil === Number.POSITIVE_INFINITY) {
    a.overtimeUntil = signInAfter(k, agent, t)
    for (const shift of k.model.agents[agent]!.shifts)
      if (shift.start >= t) a.overtimeUntil = Math.min(a.overtimeUntil, shift.start)
  }
  k.dirtyAgents.add(a)
}

/** The first scripted sign-in of the agent at or after `t`, or Infinity. */
const signInAfter = (k: CheckerCore, agent: number, t: number): number => {
  let first = Number.POSITIVE_INFINITY
  for (const x of k.model.scriptedActions)
    if (x.agent === agent && x.action === "sign-in" && x.at >= t) first = Math.min(first, x.at)
  return first
}
