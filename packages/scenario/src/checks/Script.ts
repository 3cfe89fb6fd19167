/**
 * The script: every scripted call and action happens while the center is open.
 */
import type { TimePoint } from "../Duration.ts"
import { issue, type ScenarioIssue } from "../Problem.ts"
import type { Check } from "./Context.ts"
import { showClock, showDuration } from "./Context.ts"

/** Milliseconds after midnight of a time point. */
export const resolveTime = (point: TimePoint, open: number): number =>
  point.kind === "clock" ? point.ms : open + point.ms

const show = (point: TimePoint, ms: number) =>
  point.kind === "clock" ? showClock(point.ms) : `+${showDuration(point.ms)} (${showClock(ms)})`

/** Scripted calls arrive between opening and closing; actions happen before closing. */
export const scriptTimes: Check = ({ scenario, day }) => {
  const out: Array<ScenarioIssue> = []
  if (day === undefined) return out
  const window = `${showClock(day.open)}–${showClock(day.close)}`
  scenario.script.calls.forEach((call, c) => {
    const at = resolveTime(call.at, day.open)
    if (at < day.open || at > day.close) {
      out.push(
        issue(
          ["script", "calls", c, "at"],
          `a time while the center is open (${window})`,
          show(call.at, at),
          at > day.close ? ": no calls arrive after closing" : ""
        )
      )
    }
  })
  scenario.script.actions.forEach((action, i) => {
    const at = resolveTime(action.at, day.open)
    if (at < day.open || at > day.close) {
      out.push(
        issue(["script", "actions", i, "at"], `a time while the center is open (${window})`, show(action.at, at))
      )
    }
  })
  return out
}
