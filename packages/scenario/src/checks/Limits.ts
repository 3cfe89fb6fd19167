/**
 * Scenario-wide limits (see Limits.ts): the total number of agents and the total call rate. They run before the
 * other checks, which expand agent groups: a group of a billion agents must be refused, not expanded.
 */
import { showLimit } from "../Common.ts"
import { MAX_AGENTS, MAX_CALLS_PER_HOUR, MAX_CALLS_PER_RUN } from "../Limits.ts"
import { type DocumentPath, issue, type ScenarioIssue } from "../Problem.ts"
import type { Scenario } from "../Scenario.ts"

/** The peak hourly rate of a traffic source's arrivals (before the load multiplier). */
const peakRate = (arrivals: Scenario["traffic"][number]["arrivals"], intervalMinutes: number): number => {
  if ("ratePerHour" in arrivals) return arrivals.ratePerHour
  const perHour = 60 / intervalMinutes
  // Loops, not Math.max(...list): a list of a million volumes would overflow the call stack.
  if ("perInterval" in arrivals) return arrivals.perInterval.reduce((a, b) => Math.max(a, b), 0) * perHour
  // CSV volumes of one interval may come in several rows (one per queue): sum them per start.
  const byStart = new Map<number, number>()
  for (const row of arrivals.intervals ?? []) byStart.set(row.start, (byStart.get(row.start) ?? 0) + row.offered)
  let peak = 0
  for (const volume of byStart.values()) peak = Math.max(peak, volume)
  return peak * perHour
}

/**
 * At most {@link MAX_AGENTS} agents and {@link MAX_CALLS_PER_HOUR} calls per hour in the whole scenario, and at
 * most {@link MAX_CALLS_PER_RUN} calls expected in a replication of `run.duration`.
 */
export const scenarioLimits = (scenario: Scenario): Array<ScenarioIssue> => {
  const out: Array<ScenarioIssue> = []
  let agents = 0
  let largest = 0
  scenario.agents.forEach((agent, a) => {
    agents += agent.count
    if (agent.count > scenario.agents[largest]!.count) largest = a
  })
  if (agents > MAX_AGENTS) {
    out.push(
      issue(
        ["agents", largest, "count"],
        `at most ${showLimit(MAX_AGENTS)} agents in a scenario`,
        `${showLimit(agents)} in all`,
        ": beyond it validation and a run would need more memory than a machine has (see Limits in the scenario README)"
      )
    )
  }
  const multiplier = scenario.run.loadMultiplier
  const sources: Array<readonly [DocumentPath, number]> = []
  scenario.traffic.forEach((source, t) => {
    const rate = peakRate(source.arrivals, scenario.time.intervalMinutes) * multiplier
    sources.push([["traffic", t, "arrivals"], rate])
  })
  scenario.agents.forEach((agent, a) => {
    if (agent.outbound !== undefined)
      sources.push([["agents", a, "outbound", "ratePerHour"], agent.outbound.ratePerHour * agent.count])
    if (agent.internalCalls !== undefined)
      sources.push([["agents", a, "internalCalls", "ratePerHour"], agent.internalCalls.ratePerHour * agent.count])
  })
  const total = sources.reduce((sum, [, rate]) => sum + rate, 0)
  if (total > MAX_CALLS_PER_HOUR) {
    const [path] = sources.reduce((a, b) => (b[1] > a[1] ? b : a))
    const scaled = multiplier === 1 ? "" : ` with run.loadMultiplier ${multiplier}`
    out.push(
      issue(
        path,
        `at most ${showLimit(MAX_CALLS_PER_HOUR)} calls per hour in the whole scenario`,
        `${showLimit(Math.round(total))} at the peak${scaled}`,
        ": beyond it a run would need more memory than a machine has (see Limits in the scenario README)"
      )
    )
  } else if (scenario.run.duration !== undefined && (total * scenario.run.duration) / 3_600_000 > MAX_CALLS_PER_RUN) {
    out.push(
      issue(
        ["run", "duration"],
        `at most ${showLimit(MAX_CALLS_PER_RUN)} calls expected in a replication`,
        `${showLimit(Math.round((total * scenario.run.duration) / 3_600_000))} (${showLimit(Math.round(total))} calls per hour)`,
        ": a shorter run.duration, or more replications, measures the same (see Limits in the scenario README)"
      )
    )
  }
  return out
}
