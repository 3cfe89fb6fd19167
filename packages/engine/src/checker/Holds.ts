/**
 * Customer holds (`holdTime`, scripted `hold`): the agent puts the caller on hold once, inside the talk. Unlike
 * Hold & Accept (R13) they need no setting; the hold must be one the call's traffic or script gives, and the call
 * resumes when it ends — at once, or when the call the agent took meanwhile ends.
 */
import { formatClockTime } from "@ccsim/scenario/clock-time"
import { type CheckerCore, remove, secs } from "./Core.ts"
import { durationFits } from "./Schedule.ts"
import type { AgentShadow, CallShadow } from "./Shadow.ts"

export const checkCustomerHold = (k: CheckerCore, t: number, a: AgentShadow, c: CallShadow, duration: number): void => {
  const call = c.index
  const agent = a.index
  if (!a.active.includes(c)) {
    k.report("R13", `customer hold of a call that is not the agent's active call (${k.callStage(c)})`, call, agent)
    return
  }
  if (c.holdTime === undefined) k.report("R13", "a customer hold, but the call's traffic has no hold time", call, agent)
  else if (!(duration > 0) || !durationFits(c.holdTime, duration))
    k.report("R13", `customer hold of ${secs(duration)} does not fit the call's hold time`, call, agent)
  if (c.customerHeld) k.report("R13", "a second customer hold of the same call", call, agent)
  c.customerHeld = true
  remove(a.active, c)
  a.held.push(c)
  c.holdUntil = t + duration
  k.deadlines.push({ t: c.holdUntil, kind: "customer-hold", subject: c })
  k.dirtyAgents.add(a)
}

/**
 * The instant a customer hold ended is over: the call is back, unless the agent is on another call — talking, or
 * with that caller on a customer hold of their own.
 */
export const customerHoldDeadline = (k: CheckerCore, t: number, c: CallShadow): void => {
  if (c.holdUntil !== t) return
  for (const agent of c.participants) {
    const a = k.agents[agent]!
    if (a.held.includes(c) && a.active.length === 0 && !a.held.some((h) => h !== c && h.holdUntil > t))
      k.reportAt(t, "R13", `customer hold ended at ${formatClockTime(t)}, but the call was not resumed`, c.index, agent)
  }
}
