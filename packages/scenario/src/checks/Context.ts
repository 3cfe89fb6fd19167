/**
 * What the semantic checks share: the scenario's ids, numbers and day, looked up once.
 */
import type { Agent } from "../Agents.ts"
import { formatClockTime, formatDuration } from "../Duration.ts"
import type { ScenarioIssue } from "../Problem.ts"
import type { Scenario } from "../Scenario.ts"

/** An agent as calls and scripts can name it: a single agent, or one member `<group>-<n>` of a group. */
export interface NamedAgent {
  readonly entry: Agent
  readonly entryIndex: number
  /** Member number within the group (1-based), when the name is `<group>-<n>`. */
  readonly member?: number
}

/** Lookups for the checks. */
export interface CheckContext {
  readonly scenario: Scenario
  /** Opening and closing (ms after midnight), when the day is well defined. */
  readonly day: { readonly open: number; readonly close: number } | undefined
  readonly intervalMs: number
  readonly queueIds: ReadonlySet<string>
  readonly tenantIds: ReadonlySet<string>
  /** Single agents and expanded group members by id. */
  readonly agents: ReadonlyMap<string, NamedAgent>
  /** Agent entries (single agents and groups) by their id in the file. */
  readonly entries: ReadonlyMap<string, { readonly entry: Agent; readonly index: number }>
  /** Normalised tracking number → tenant id. */
  readonly tenantByNumber: ReadonlyMap<string, string>
  /** Normalised tracking number → workflow id. */
  readonly workflowByNumber: ReadonlyMap<string, string>
}

/** A semantic check: the issues it finds. */
export type Check = (context: CheckContext) => Array<ScenarioIssue>

/** Phone numbers compare by their digits (and a leading +): `+1 (555) 010-0` equals `+1 555 0100`. */
export const normaliseNumber = (number: string): string => number.replace(/(?!^\+)[^0-9]/g, "")

/** The ids of an agent entry: its own id, or `<id>-1` … `<id>-<count>` for a group. */
export const memberIds = (agent: Agent): Array<string> =>
  agent.count === 1 ? [agent.id] : Array.from({ length: agent.count }, (_, i) => `${agent.id}-${i + 1}`)

/** Builds the lookups. */
export const makeContext = (scenario: Scenario): CheckContext => {
  const { time } = scenario
  const open = time.open ?? 0
  const close = time.close ?? (time.duration === undefined ? undefined : open + time.duration)
  const day =
    close !== undefined && close > open && !(time.close !== undefined && time.duration !== undefined)
      ? { open, close }
      : undefined
  const agents = new Map<string, NamedAgent>()
  const entries = new Map<string, { entry: Agent; index: number }>()
  scenario.agents.forEach((entry, entryIndex) => {
    if (!entries.has(entry.id)) entries.set(entry.id, { entry, index: entryIndex })
    memberIds(entry).forEach((id, i) => {
      if (!agents.has(id))
        agents.set(id, entry.count === 1 ? { entry, entryIndex } : { entry, entryIndex, member: i + 1 })
    })
  })
  const tenantByNumber = new Map<string, string>()
  for (const tenant of scenario.tenants) {
    for (const number of tenant.trackingNumbers) {
      const key = normaliseNumber(number)
      if (!tenantByNumber.has(key)) tenantByNumber.set(key, tenant.id)
    }
  }
  const workflowByNumber = new Map<string, string>()
  for (const workflow of scenario.workflows) {
    for (const number of workflow.trackingNumbers) {
      const key = normaliseNumber(number)
      if (!workflowByNumber.has(key)) workflowByNumber.set(key, workflow.id)
    }
  }
  return {
    scenario,
    day,
    intervalMs: time.intervalMinutes * 60_000,
    queueIds: new Set(scenario.queues.map((q) => q.id)),
    tenantIds: new Set(scenario.tenants.map((t) => t.id)),
    agents,
    entries,
    tenantByNumber,
    workflowByNumber
  }
}

/** A clock time for messages: `08:30` (seconds only when there are some). */
export const showClock = (ms: number): string => {
  const text = formatClockTime(ms)
  return text.endsWith(":00") && text.length === 8 ? text.slice(0, 5) : text
}

/** A duration for messages: `1h30m`. */
export const showDuration = (ms: number): string => formatDuration(ms)
