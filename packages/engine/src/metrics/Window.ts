/**
 * The measured window of a replication and what follows from it: each interval's measured duration, the
 * agents' scheduled time (shift minus breaks, clipped to the window), and group totals.
 */
import type { AgentModel } from "../Model.ts"
import { AGENT_COUNTERS, type AgentCounts } from "./Counters.ts"
import type { IntervalClock } from "./Levels.ts"
import type { AgentResult } from "./Result.ts"

/** Measured time in each interval: the first takes time before opening, the last time after closing. */
export const intervalDurations = (clock: IntervalClock, windowStart: number, windowEnd: number): Float64Array => {
  const n = clock.intervalCount
  const out = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const lo = i === 0 ? Number.NEGATIVE_INFINITY : clock.open + i * clock.intervalMs
    const hi = i === n - 1 ? Number.POSITIVE_INFINITY : clock.open + (i + 1) * clock.intervalMs
    out[i] = Math.max(0, Math.min(hi, windowEnd) - Math.max(lo, windowStart))
  }
  return out
}

/**
 * Scheduled time on the phones (shifts minus breaks) inside [windowStart, windowEnd): per agent, and spread over
 * the intervals into `perInterval` (agent·ms).
 */
export const scheduledTime = (
  agents: ReadonlyArray<AgentModel>,
  clock: IntervalClock,
  windowStart: number,
  windowEnd: number,
  perInterval: Float64Array
): Float64Array => {
  const perAgent = new Float64Array(agents.length)
  agents.forEach((agent, a) => {
    for (const shift of agent.shifts) {
      const breaks = [...shift.breaks].sort((x, y) => x.start - y.start)
      let cursor = shift.start
      for (const b of [...breaks, { start: shift.end, end: shift.end }]) {
        const lo = Math.max(cursor, windowStart)
        const hi = Math.min(b.start, shift.end, windowEnd)
        if (hi > lo) {
          perAgent[a]! += hi - lo
          clock.spread(perInterval, 0, 1, lo, hi)
        }
        cursor = Math.max(cursor, b.end)
      }
    }
  })
  return perAgent
}

/** Sums agents by group, in order of first appearance. */
export const groupTotals = (agents: ReadonlyArray<AgentResult>): Array<AgentResult> => {
  const groups: Array<{ id: string; agents: number; counts: AgentCounts }> = []
  const index = new Map<string, number>()
  for (const agent of agents) {
    let g = index.get(agent.group)
    if (g === undefined) {
      g = groups.length
      index.set(agent.group, g)
      const counts = {} as AgentCounts
      for (const name of AGENT_COUNTERS) counts[name] = 0
      groups.push({ id: agent.group, agents: 0, counts })
    }
    const group = groups[g]!
    group.agents += 1
    for (const name of AGENT_COUNTERS) group.counts[name] += agent.counts[name]
  }
  return groups.map((g) => ({ id: g.id, group: g.id, agents: g.agents, counts: g.counts }))
}
