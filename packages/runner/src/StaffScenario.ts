/**
 * The scenario a staffing is simulated with. Staffing is counted per queue: each staffed queue gets one dedicated
 * synthetic group (`staff-<queue>`) whose shifts sign in exactly n(t) agents in interval t, and no other agent
 * takes its calls.
 *
 * The scenario's own agents lose their memberships of the staffed queues; an agent entry left with no queue is
 * dropped unless something names it (a direct line, direct or internal traffic, internal calls, the script), in
 * which case it stays for those calls. Queues reached only by rollover keep their members. The synthetic group
 * copies the behaviour (answer delay, misses, rejects, availability after a miss) of the first agent entry that
 * served the queue at tier 1, so misses that make agents Unavailable still count.
 *
 * Agent k of a group is signed in during the intervals where n(t) ≥ k, one shift per run of such intervals;
 * agents with the same runs share an entry (`count`). Calls in progress at a shift's end finish first (the
 * scenario's shift-end policy). Agents signed in during the last interval stay until 24:00, so the callers of the
 * last interval are served by its staffing until the line is empty (the run ends when the last call leaves).
 */
import type { ShiftTemplate } from "@ccsim/scenario"
import { Agent, type Scenario } from "@ccsim/scenario"
import { Schema } from "effect"

/** The base a staffing is applied to, and what was done to the scenario's agents. */
export interface StaffBase {
  /** The scenario with the staffed queues' memberships removed (and agents left with nothing to do dropped). */
  readonly scenario: Scenario
  /** Staffed queue ids, in the scenario's order. */
  readonly queues: ReadonlyArray<string>
  /** Synthetic group id per staffed queue. */
  readonly groups: ReadonlyArray<string>
  /** Per staffed queue: the agent entry whose behaviour the synthetic group copies (undefined: defaults). */
  readonly behaviourFrom: ReadonlyArray<string | undefined>
  /** Per staffed queue: that entry (kept here: it may have been dropped from the scenario). */
  readonly behaviourSource: ReadonlyArray<Agent | undefined>
  /** Agent entries dropped (they served only staffed queues). */
  readonly dropped: ReadonlyArray<string>
  /** Agent entries kept without their staffed-queue memberships (named by traffic, lines or the script). */
  readonly keptWithoutQueues: ReadonlyArray<string>
}

const DAY_END = 24 * 3_600_000

const defaultAgent = (id: string): Agent => Schema.decodeUnknownSync(Agent)({ id })

/** Agent ids (entries) that something in the scenario names. */
const namedAgents = (scenario: Scenario): { readonly ids: Set<string>; readonly everyone: boolean } => {
  const ids = new Set<string>()
  let everyone = false
  for (const t of scenario.traffic) {
    if (t.type === "direct") ids.add(t.agent)
    if (t.type === "internal") {
      if (t.from === undefined || t.to === undefined) everyone = true
      for (const id of [...(t.from ?? []), ...(t.to ?? [])]) ids.add(id)
    }
  }
  for (const a of scenario.agents) {
    if (a.directLine !== undefined || a.internalCalls !== undefined || a.outbound !== undefined) ids.add(a.id)
    for (const id of a.internalCalls?.to ?? []) ids.add(id)
  }
  for (const c of scenario.script.calls) {
    for (const key of ["agent", "from", "to"] as const) {
      const v = (c as Record<string, unknown>)[key]
      if (typeof v === "string") ids.add(v)
    }
  }
  for (const a of scenario.script.actions) ids.add(a.agent)
  return { ids, everyone }
}

/** The entry id an agent reference names (`team-2` names the entry `team`). */
const entryOf = (scenario: Scenario, id: string): string | undefined => {
  for (const a of scenario.agents) {
    if (a.id === id) return a.id
    if (a.count > 1 && id.startsWith(`${a.id}-`) && /^\d+$/.test(id.slice(a.id.length + 1))) return a.id
  }
  return undefined
}

/** Prepares `scenario` for staffing `queues` with dedicated groups. */
export const staffBase = (scenario: Scenario, queues: ReadonlyArray<string>): StaffBase => {
  const staffed = new Set(queues)
  const named = namedAgents(scenario)
  const namedEntries = new Set([...named.ids].flatMap((id) => entryOf(scenario, id) ?? []))
  const taken = new Set(scenario.agents.map((a) => a.id))
  const groups = queues.map((q) => {
    let id = `staff-${q}`
    for (let k = 2; taken.has(id); k++) id = `staff-${q}-${k}`
    taken.add(id)
    return id
  })
  const behaviourFrom = queues.map(
    (q) =>
      scenario.agents.find((a) => a.queues.some((m) => m.queue === q && m.tier === 1))?.id ??
      scenario.agents.find((a) => a.queues.some((m) => m.queue === q))?.id
  )
  const behaviourSource = behaviourFrom.map((id) => scenario.agents.find((a) => a.id === id))
  const dropped: Array<string> = []
  const keptWithoutQueues: Array<string> = []
  const agents = scenario.agents.flatMap((a) => {
    const queuesLeft = a.queues.filter((m) => !staffed.has(m.queue))
    if (queuesLeft.length === a.queues.length) return [a]
    if (queuesLeft.length === 0 && !named.everyone && !namedEntries.has(a.id)) {
      dropped.push(a.id)
      return []
    }
    if (queuesLeft.length === 0) keptWithoutQueues.push(a.id)
    return [{ ...a, queues: queuesLeft }]
  })
  return {
    scenario: { ...scenario, agents, expect: { ...scenario.expect, thresholds: [] } },
    queues,
    groups,
    behaviourFrom,
    behaviourSource,
    dropped,
    keptWithoutQueues
  }
}

/** Runs of intervals where `on(i)` holds, as [first, last] index pairs. */
const runsOf = (n: number, on: (i: number) => boolean): Array<readonly [number, number]> => {
  const runs: Array<readonly [number, number]> = []
  for (let i = 0; i < n; i++) {
    if (!on(i)) continue
    let j = i
    while (j + 1 < n && on(j + 1)) j++
    runs.push([i, j])
    i = j
  }
  return runs
}

/** The day's grid: opening, interval length and count. */
export interface DayGrid {
  readonly open: number
  readonly intervalMs: number
  readonly intervals: number
}

/** The agent entries that sign in exactly `staffing[t]` agents in each interval t, as group `group`. */
export const levelAgents = (
  base: StaffBase,
  q: number,
  staffing: ReadonlyArray<number>,
  grid: DayGrid
): Array<Agent> => {
  const template = behaviourTemplate(base, q)
  const peak = Math.max(0, ...staffing)
  const entries: Array<{ key: string; shifts: NonNullable<Agent["shifts"]>; count: number }> = []
  for (let k = 1; k <= peak; k++) {
    const runs = runsOf(staffing.length, (i) => staffing[i]! >= k)
    const shifts = runs.map(([first, last]) => ({
      start: grid.open + first * grid.intervalMs,
      end: last === grid.intervals - 1 ? DAY_END : grid.open + (last + 1) * grid.intervalMs,
      breaks: []
    }))
    const key = JSON.stringify(runs)
    const previous = entries[entries.length - 1]
    if (previous !== undefined && previous.key === key) previous.count++
    else entries.push({ key, shifts, count: 1 })
  }
  const group = base.groups[q]!
  return entries.map((e, k) => ({
    ...template,
    id: entries.length === 1 ? group : `${group}-l${k + 1}`,
    count: e.count,
    queues: [{ queue: base.queues[q]!, tier: 1, priority: 0 }],
    shifts: e.shifts
  }))
}

/** A plain agent with the behaviour of the entry the group copies. */
const behaviourTemplate = (base: StaffBase, q: number): Agent => {
  const source = base.behaviourSource[q]
  const plain = defaultAgent(base.groups[q]!)
  return source === undefined
    ? plain
    : { ...plain, behaviour: { ...source.behaviour, responses: [] }, initialStatus: source.initialStatus }
}

/** The base scenario with `staffing[q][t]` agents of queue q's group in interval t. */
export const staffedScenario = (
  base: StaffBase,
  staffing: ReadonlyArray<ReadonlyArray<number>>,
  grid: DayGrid
): Scenario => ({
  ...base.scenario,
  agents: [...base.scenario.agents, ...staffing.flatMap((levels, q) => levelAgents(base, q, levels, grid))]
})

/** Agents on shift templates, per staffed queue. */
export interface RosterEntry {
  readonly queue: number
  readonly template: ShiftTemplate
  readonly count: number
}

/** The base scenario with a roster: `count` agents on each template, breaks as the template has them. */
export const rosterScenario = (base: StaffBase, roster: ReadonlyArray<RosterEntry>): Scenario => ({
  ...base.scenario,
  agents: [
    ...base.scenario.agents,
    ...roster
      .filter((r) => r.count > 0)
      .map((r) => ({
        ...behaviourTemplate(base, r.queue),
        id: `${base.groups[r.queue]}-${r.template.id}`,
        count: r.count,
        queues: [{ queue: base.queues[r.queue]!, tier: 1, priority: 0 }],
        shifts: [
          {
            start: r.template.start,
            end: r.template.start + r.template.length,
            breaks: r.template.breaks.map((b) => ({ start: b.start, duration: b.duration }))
          }
        ]
      }))
  ]
})
