/**
 * Traffic and behaviour: volumes that fit the day, distributions that make sense, probabilities that add up.
 */
import type { Distribution } from "../Distribution.ts"
import { type DocumentPath, issue, type ScenarioIssue } from "../Problem.ts"
import type { Check } from "./Context.ts"
import { showClock, showDuration } from "./Context.ts"

/** Every distribution in the scenario, with its path. */
const distributions = (scenario: Parameters<Check>[0]["scenario"]): Array<[DocumentPath, Distribution]> => {
  const out: Array<[DocumentPath, Distribution]> = [
    [["customerDirectory", "unknownCallerSearchTime"], scenario.customerDirectory.unknownCallerSearchTime]
  ]
  scenario.queues.forEach((queue, q) => {
    out.push([["queues", q, "wrapUp"], queue.wrapUp])
  })
  scenario.agents.forEach((agent, a) => {
    out.push([["agents", a, "behaviour", "answerDelay"], agent.behaviour.answerDelay])
    out.push([["agents", a, "behaviour", "availableAgainAfter"], agent.behaviour.availableAgainAfter])
    if (agent.outbound !== undefined) out.push([["agents", a, "outbound", "duration"], agent.outbound.duration])
    if (agent.internalCalls !== undefined)
      out.push([["agents", a, "internalCalls", "duration"], agent.internalCalls.duration])
  })
  scenario.traffic.forEach((source, t) => {
    out.push([["traffic", t, "handleTime"], source.handleTime])
    if (source.patience !== undefined) out.push([["traffic", t, "patience"], source.patience])
    if (source.redial !== undefined) out.push([["traffic", t, "redial", "delay"], source.redial.delay])
  })
  return out
}

/** Uniform with min ≤ max, empirical weights matching the values and not all zero. */
export const distributionParameters: Check = ({ scenario }) => {
  const out: Array<ScenarioIssue> = []
  for (const [path, d] of distributions(scenario)) {
    if (d.type === "uniform" && d.min > d.max) {
      out.push(issue([...path, "max"], `a maximum of at least the minimum ${showDuration(d.min)}`, showDuration(d.max)))
    }
    if (d.type === "empirical" && d.weights !== undefined) {
      if (d.weights.length !== d.values.length) {
        out.push(issue([...path, "weights"], `${d.values.length} weights, one per value`, `${d.weights.length}`))
      } else if (d.weights.every((w) => w === 0)) {
        out.push(issue([...path, "weights"], "at least one weight above 0", "only zeros"))
      }
    }
    if ((d.type === "exponential" || d.type === "erlang") && d.mean === 0) {
      out.push(issue([...path, "mean"], "a mean above 0 (use a constant 0 for no time)", "0s"))
    }
    if ((d.type === "gamma" || d.type === "weibull") && d.scale === 0) {
      out.push(issue([...path, "scale"], "a scale above 0", "0s"))
    }
  }
  return out
}

/** Miss and reject probabilities together at most 1. */
export const behaviourProbabilities: Check = ({ scenario }) => {
  const out: Array<ScenarioIssue> = []
  scenario.agents.forEach((agent, a) => {
    const b = agent.behaviour
    const path = ["agents", a, "behaviour"]
    if (b.missProbability + b.rejectProbability > 1) {
      out.push(
        issue(
          [...path, "rejectProbability"],
          `missProbability + rejectProbability of at most 1 (missProbability is ${b.missProbability})`,
          String(b.rejectProbability)
        )
      )
    }
    if (b.directMissProbability + b.directRejectProbability > 1) {
      out.push(
        issue(
          [...path, "directRejectProbability"],
          `directMissProbability + directRejectProbability of at most 1 (directMissProbability is ${b.directMissProbability})`,
          String(b.directRejectProbability)
        )
      )
    }
  })
  return out
}

/** Volumes inside the day: per-interval lists no longer than the day, CSV intervals on the day's grid. */
export const arrivalsFitTheDay: Check = ({ scenario, day, intervalMs }) => {
  const out: Array<ScenarioIssue> = []
  if (day === undefined) return out
  const count = Math.ceil((day.close - day.open) / intervalMs)
  const minutes = intervalMs / 60_000
  scenario.traffic.forEach((source, t) => {
    const path = ["traffic", t, "arrivals"]
    const arrivals = source.arrivals
    if ("perInterval" in arrivals && arrivals.perInterval.length > count) {
      out.push(
        issue(
          [...path, "perInterval"],
          `at most ${count} volumes, one per ${minutes}-minute interval from ${showClock(day.open)} to ${showClock(day.close)}`,
          `${arrivals.perInterval.length}`
        )
      )
    }
    if ("csv" in arrivals && arrivals.intervals !== undefined) {
      const starts = arrivals.intervals.map((i) => i.start)
      for (const start of starts) {
        if (start < day.open || start >= day.close) {
          out.push(
            issue(
              [...path, "csv"],
              `intervals from ${showClock(day.open)} to before ${showClock(day.close)}`,
              `an interval at ${showClock(start)} in ${arrivals.csv}`
            )
          )
          break
        }
        if ((start - day.open) % intervalMs !== 0) {
          out.push(
            issue(
              [...path, "csv"],
              `interval starts every ${minutes} minutes from ${showClock(day.open)} (time.intervalMinutes)`,
              `an interval at ${showClock(start)} in ${arrivals.csv}`
            )
          )
          break
        }
      }
      const gaps = starts.slice(1).map((s, i) => s - starts[i]!)
      // A loop, not Math.min(...gaps): a CSV of a million rows would overflow the call stack.
      const smallest = gaps.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY)
      if (starts.length >= 3 && smallest > intervalMs && gaps.every((g) => g % smallest === 0)) {
        out.push(
          issue(
            [...path, "csv"],
            `${minutes}-minute intervals like time.intervalMinutes`,
            `${smallest / 60_000}-minute intervals in ${arrivals.csv}`,
            ": set time.intervalMinutes to match the file"
          )
        )
      }
    }
  })
  return out
}

/** Internal traffic from one agent to the same agent only, and redial counts. */
export const trafficShape: Check = ({ scenario, agents }) => {
  const out: Array<ScenarioIssue> = []
  scenario.traffic.forEach((source, t) => {
    const from = source.type === "internal" ? (source.from ?? []) : []
    const to = source.type === "internal" ? (source.to ?? []) : []
    // Only one person calling only themselves is impossible; a group calls its other members.
    if (from.length === 1 && to.length === 1 && from[0] === to[0] && agents.has(to[0]!)) {
      out.push(
        issue(
          ["traffic", t, "to"],
          "agents other than the callers",
          JSON.stringify(to[0]),
          ": an agent cannot call themselves"
        )
      )
    }
    if (source.redial !== undefined && source.redial.maxAttempts < 0) {
      out.push(
        issue(["traffic", t, "redial", "maxAttempts"], "a whole number of 0 or more", String(source.redial.maxAttempts))
      )
    }
  })
  return out
}
