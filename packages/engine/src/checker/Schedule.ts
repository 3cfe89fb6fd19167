/**
 * Pure helpers of the checker: does a wrap-up duration fit the queue's distribution, and does a status
 * change caused by a shift or a break happen at a scheduled time.
 */
import type { Distribution } from "@ccsim/scenario"
import type { AgentModel } from "../Model.ts"

/** Whether `duration` (ms) can be drawn from `distribution` (samplers round to whole ms, so allow ±1 ms). */
export const durationFits = (distribution: Distribution, duration: number): boolean => {
  if (duration < 0) return false
  switch (distribution.type) {
    case "constant":
      return Math.abs(duration - distribution.value) <= 1
    case "uniform":
      return duration >= distribution.min - 1 && duration <= distribution.max + 1
    case "empirical":
      return distribution.values.some((value) => Math.abs(duration - value) <= 1)
    default:
      return true
  }
}

/**
 * Whether the distribution can give zero once rounded to whole ms: then a wrap-up may be skipped (a wrap-up drawn
 * as 0 ms has no events). Only constants, empirical values and uniform ranges above 0 never give zero.
 */
export const canBeZero = (distribution: Distribution): boolean => {
  switch (distribution.type) {
    case "constant":
      return distribution.value === 0
    case "empirical":
      return distribution.values.some((value) => value === 0)
    case "uniform":
      return distribution.min < 1
    default:
      return true
  }
}

/**
 * Whether a shift status change at `t` is scheduled: sign-in at a shift start; sign-out at a shift end, or later
 * when the agent went into overtime.
 */
export const shiftChangeScheduled = (agent: AgentModel, signOut: boolean, t: number, overtime: boolean): boolean =>
  signOut
    ? agent.shifts.some((shift) => shift.end === t || (overtime && shift.end <= t))
    : agent.shifts.some((shift) => shift.start === t)

/** Whether one of the agent's breaks starts at `t`. */
export const breakStartsAt = (agent: AgentModel, t: number): boolean =>
  agent.shifts.some((shift) => shift.breaks.some((b) => b.start === t))

/**
 * Whether a break status change at `t` is scheduled: a break starts at its start (later when deferred by overtime)
 * and ends at its scheduled end.
 */
export const breakChangeScheduled = (agent: AgentModel, starting: boolean, t: number, deferred: boolean): boolean =>
  starting ? deferred || breakStartsAt(agent, t) : agent.shifts.some((shift) => shift.breaks.some((b) => b.end === t))

/** Whether `t` is a shift end or a break start of the agent (the moments that can be deferred by overtime). */
export const deferrableAt = (agent: AgentModel, t: number): boolean =>
  agent.shifts.some((shift) => shift.end === t || shift.breaks.some((b) => b.start === t))

/**
 * Until when a change deferred at `t` stays pending: a shift end until the agent signs out; a break start until the
 * break's scheduled end (a break that could not start before its end is skipped).
 */
export const deferredUntil = (agent: AgentModel, t: number): number => {
  if (agent.shifts.some((shift) => shift.end === t)) return Number.POSITIVE_INFINITY
  for (const shift of agent.shifts) for (const b of shift.breaks) if (b.start === t) return b.end
  return Number.POSITIVE_INFINITY
}
