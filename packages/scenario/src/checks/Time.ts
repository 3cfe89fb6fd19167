/**
 * The day and the schedules in it: opening before closing, shifts that do not overlap, breaks inside their shift.
 */
import { issue, type ScenarioIssue } from "../Problem.ts"
import type { Check } from "./Context.ts"
import { showClock, showDuration } from "./Context.ts"

const DAY = 24 * 3_600_000

/** `time`: exactly one of close and duration, closing after opening, within the day; valid date and zone. */
export const dayDefinition: Check = ({ scenario }) => {
  const out: Array<ScenarioIssue> = []
  const { time } = scenario
  const open = time.open ?? 0
  if (time.close === undefined && time.duration === undefined) {
    out.push({
      path: ["time"],
      expected: "close or duration",
      found: "neither",
      message: "missing key close: expected close (a clock time like 18:00) or duration (like 8h) to end the day"
    })
  }
  if (time.close !== undefined && time.duration !== undefined) {
    out.push(
      issue(["time", "duration"], "either close or duration", "both", ": the day would be defined twice; keep one")
    )
  }
  if (time.close !== undefined && time.close <= open) {
    out.push(issue(["time", "close"], `a closing time after the opening ${showClock(open)}`, showClock(time.close)))
  }
  if (time.duration !== undefined && time.close === undefined) {
    if (time.duration === 0) out.push(issue(["time", "duration"], "a day longer than 0", "0s"))
    else if (open + time.duration > DAY) {
      out.push(
        issue(
          ["time", "duration"],
          `a day that ends by 24:00 (at most ${showDuration(DAY - open)} after ${showClock(open)})`,
          showDuration(time.duration)
        )
      )
    }
  }
  if (time.date !== undefined) {
    const [y, m, d] = time.date.split("-").map(Number)
    const date = new Date(Date.UTC(y!, m! - 1, d!))
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m! - 1 || date.getUTCDate() !== d) {
      out.push(
        issue(["time", "date"], "a calendar date YYYY-MM-DD", JSON.stringify(time.date), ": there is no such day")
      )
    }
  }
  if (time.timeZone !== undefined && !validTimeZone(time.timeZone)) {
    out.push(
      issue(
        ["time", "timeZone"],
        "an IANA time zone such as Europe/London or America/Chicago",
        JSON.stringify(time.timeZone)
      )
    )
  }
  return out
}

const validTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/**
 * `run`: a fixed steady-state warm-up shorter than the run; `run.duration` only in steady state, longer than 0,
 * with what a run of many days can keep: constant rates (volumes per interval describe one day) and no shifts
 * (clock times of one day).
 */
export const runSettings: Check = ({ scenario, day }) => {
  const { run } = scenario
  const out: Array<ScenarioIssue> = []
  if (run.duration !== undefined) {
    if (run.mode !== "steady-state") {
      out.push(
        issue(
          ["run", "duration"],
          "no run.duration in a terminating day (it runs until every call has left)",
          showDuration(run.duration),
          '; set run.mode: "steady-state" for a long steady-state run'
        )
      )
      return out
    }
    if (run.duration === 0) out.push(issue(["run", "duration"], "a run longer than 0", "0s"))
    scenario.traffic.forEach((source, t) => {
      if (!("ratePerHour" in source.arrivals))
        out.push(
          issue(
            ["traffic", t, "arrivals"],
            "a constant ratePerHour with run.duration",
            "volumes per interval",
            ": they describe one day, and a steady state of many days has one rate"
          )
        )
    })
    scenario.agents.forEach((agent, a) => {
      if (agent.shifts !== undefined && agent.shifts.length > 0)
        out.push(
          issue(
            ["agents", a, "shifts"],
            "no shifts with run.duration",
            `${agent.shifts.length} shift${agent.shifts.length === 1 ? "" : "s"}`,
            ": shifts are clock times of one day; a steady state of many days has a fixed staff"
          )
        )
    })
  }
  if (run.mode !== "steady-state" || run.warmup === "mser-5") return out
  const length = run.duration ?? (day === undefined ? undefined : day.close - day.open)
  if (length !== undefined && length > 0 && run.warmup >= length) {
    out.push(
      issue(
        ["run", "warmup"],
        `a warm-up shorter than the ${run.duration === undefined ? "day" : "run"} (${showDuration(length)})`,
        showDuration(run.warmup),
        ": nothing would be left to measure"
      )
    )
  }
  return out
}

/**
 * Overlapping spans, each reported once: item index → the index of an earlier-listed span it overlaps. Sorted by
 * start, so n spans cost n log n (n copies of one shift would otherwise give n² comparisons and problems). Empty
 * spans (end ≤ start) overlap nothing.
 */
const overlaps = (spans: ReadonlyArray<readonly [number, number]>): Map<number, number> => {
  const out = new Map<number, number>()
  const order = spans.map((_, i) => i).filter((i) => spans[i]![1] > spans[i]![0])
  order.sort((a, b) => spans[a]![0] - spans[b]![0] || a - b)
  let holder = -1
  for (const k of order) {
    if (holder >= 0 && spans[k]![0] < spans[holder]![1]) {
      const [later, earlier] = k > holder ? [k, holder] : [holder, k]
      if (!out.has(later)) out.set(later, earlier)
    }
    if (holder < 0 || spans[k]![1] > spans[holder]![1]) holder = k
  }
  return out
}

/** Shifts: start before end, no overlap between an agent's shifts; breaks inside their shift, not overlapping. */
export const shiftsAndBreaks: Check = ({ scenario }) => {
  const out: Array<ScenarioIssue> = []
  scenario.agents.forEach((agent, a) => {
    const shifts = agent.shifts ?? []
    const shiftOverlaps = overlaps(shifts.map((sh) => [sh.start, sh.end] as const))
    shifts.forEach((shift, s) => {
      const path = ["agents", a, "shifts", s]
      if (shift.end <= shift.start) {
        out.push(
          issue(
            [...path, "end"],
            `a shift end after its start ${showClock(shift.start)}`,
            showClock(shift.end),
            shift.end < shift.start ? " (shifts over midnight are not supported: the simulated day ends at 24:00)" : ""
          )
        )
        return
      }
      const o = shiftOverlaps.get(s)
      if (o !== undefined) {
        const other = shifts[o]!
        out.push(
          issue(
            [...path, "start"],
            `a shift that does not overlap shift ${o} (${showClock(other.start)}–${showClock(other.end)})`,
            `${showClock(shift.start)}–${showClock(shift.end)}`
          )
        )
      }
      const breaks = shift.breaks
      const breakOverlaps = overlaps(breaks.map((p) => [p.start, p.start + p.duration] as const))
      breaks.forEach((pause, b) => {
        const end = pause.start + pause.duration
        const bp = [...path, "breaks", b]
        if (pause.start < shift.start || end > shift.end) {
          out.push(
            issue(
              [...bp, "start"],
              `a break inside its shift ${showClock(shift.start)}–${showClock(shift.end)}`,
              `${showClock(pause.start)}–${showClock(end)}`
            )
          )
          return
        }
        if (pause.duration === 0) out.push(issue([...bp, "duration"], "a break longer than 0", "0s"))
        const o = breakOverlaps.get(b)
        if (o !== undefined) {
          const other = breaks[o]!
          const otherEnd = other.start + other.duration
          out.push(
            issue(
              [...bp, "start"],
              `a break that does not overlap break ${o} (${showClock(other.start)}–${showClock(otherEnd)})`,
              `${showClock(pause.start)}–${showClock(end)}`
            )
          )
        }
      })
    })
  })
  return out
}
