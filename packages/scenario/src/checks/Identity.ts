/**
 * Ids: every id is unique within its kind (agents after group expansion), and every reference names something
 * that exists.
 */

import { type DocumentPath, describeFound, issue, type ScenarioIssue } from "../Problem.ts"
import type { Step } from "../Routing.ts"
import { didYouMean, listOf } from "../Suggest.ts"
import { type Check, type CheckContext, memberIds } from "./Context.ts"

/** Repeated ids within queues, agents (expanded), tenants, workflows, traffic and scripted calls. */
export const duplicateIds: Check = ({ scenario }) => {
  const out: Array<ScenarioIssue> = []
  const unique = (kind: string, items: ReadonlyArray<{ readonly id?: string | undefined }>, section: string) => {
    const first = new Map<string, number>()
    items.forEach((item, index) => {
      if (item.id === undefined) return
      const seen = first.get(item.id)
      if (seen === undefined) first.set(item.id, index)
      else
        out.push(
          issue(
            [section, index, "id"],
            `a ${kind} id not used before`,
            describeFound(item.id),
            `: ${section}[${seen}] already has it`
          )
        )
    })
  }
  unique("queue", scenario.queues, "queues")
  unique("tenant", scenario.tenants, "tenants")
  unique("workflow", scenario.workflows, "workflows")
  unique("traffic", scenario.traffic, "traffic")
  const calls = scenario.script.calls
  const callIds = new Map<string, number>()
  calls.forEach((call, index) => {
    const id = call.id ?? `s${index + 1}`
    const seen = callIds.get(id)
    if (seen === undefined) callIds.set(id, index)
    else
      out.push(
        issue(
          ["script", "calls", index, ...(call.id === undefined ? [] : ["id"])],
          "a call id not used before",
          describeFound(id),
          `: script.calls[${seen}] already has it${call.id === undefined ? " (calls without an id are named s1, s2, … in file order)" : ""}`
        )
      )
  })
  const agentIds = new Map<string, { readonly index: number; readonly group: boolean }>()
  scenario.agents.forEach((agent, index) => {
    for (const id of memberIds(agent)) {
      const seen = agentIds.get(id)
      if (seen === undefined) {
        agentIds.set(id, { index, group: agent.count > 1 })
        continue
      }
      const why = agent.count > 1 || seen.group ? ` (groups name their members <id>-1 … <id>-<count>)` : ""
      out.push(
        issue(
          ["agents", index, "id"],
          "an agent id not used before",
          describeFound(id),
          `: agents[${seen.index}] already has it${why}`
        )
      )
      break
    }
  })
  // A group id must not also be the id of another entry's agent (a reference to it would be ambiguous).
  scenario.agents.forEach((agent, index) => {
    if (agent.count === 1) return
    const other = agentIds.get(agent.id)
    if (other !== undefined && other.index !== index) {
      out.push(
        issue(
          ["agents", index, "id"],
          "a group id that is not also an agent id",
          describeFound(agent.id),
          `: agents[${other.index}] has it`
        )
      )
    }
  })
  return out
}

const article = (word: string) => (/^[aeiou]/.test(word) ? "an" : "a")

const unknown = (path: DocumentPath, kind: string, id: string, known: Iterable<string>): ScenarioIssue => {
  const names = [...known]
  const hint = didYouMean(id, names)
  return issue(
    path,
    names.length === 0
      ? `${article(kind)} ${kind} id, but the scenario has no ${kind}s`
      : `the id of ${article(kind)} ${kind}`,
    describeFound(id),
    hint !== "" ? `${hint}` : names.length > 0 && names.length <= 8 ? ` (${kind}s: ${listOf(names, "and")})` : ""
  )
}

/** Queue references in workflow steps, overflow targets, after-hours steps and memberships. */
export const queueReferences: Check = ({ scenario, queueIds }) => {
  const out: Array<ScenarioIssue> = []
  const step = (path: DocumentPath, s: Step) => {
    if (s.to === "queue" && !queueIds.has(s.queue)) out.push(unknown([...path, "queue"], "queue", s.queue, queueIds))
  }
  scenario.workflows.forEach((workflow, w) => {
    workflow.steps.forEach((s, i) => {
      step(["workflows", w, "steps", i], s)
    })
    workflow.businessHours?.afterHours.forEach((s, i) => {
      step(["workflows", w, "businessHours", "afterHours", i], s)
    })
  })
  scenario.queues.forEach((queue, q) => {
    if (queue.overflow !== undefined) step(["queues", q, "overflow"], queue.overflow)
  })
  scenario.agents.forEach((agent, a) => {
    const seen = new Set<string>()
    agent.queues.forEach((membership, m) => {
      if (!queueIds.has(membership.queue)) {
        out.push(unknown(["agents", a, "queues", m, "queue"], "queue", membership.queue, queueIds))
      } else if (seen.has(membership.queue)) {
        out.push(
          issue(
            ["agents", a, "queues", m, "queue"],
            "each queue once per agent",
            describeFound(membership.queue),
            " again"
          )
        )
      }
      seen.add(membership.queue)
    })
  })
  return out
}

/** Names of agents a reference can use: single agents, group members, and (where allowed) group ids. */
const agentNames = (context: CheckContext, groups: boolean): Array<string> => [
  ...context.agents.keys(),
  ...(groups ? [...context.entries.values()].filter((e) => e.entry.count > 1).map((e) => e.entry.id) : [])
]

/**
 * A reference to one agent (a single agent or a group member `<group>-<n>`). A group with several members is
 * refused: a call or action goes to one person.
 */
export const oneAgent = (context: CheckContext, path: DocumentPath, id: string): ScenarioIssue | undefined => {
  if (context.agents.has(id)) return undefined
  const group = context.entries.get(id)
  if (group !== undefined && group.entry.count > 1) {
    return issue(
      path,
      "one agent",
      `the group ${id} of ${group.entry.count} agents`,
      ` (name one member: ${id}-1 … ${id}-${group.entry.count})`
    )
  }
  return unknown(path, "agent", id, agentNames(context, false))
}

/** A reference to agents: a single agent, a group member, or a whole group. */
const someAgents = (context: CheckContext, path: DocumentPath, id: string): ScenarioIssue | undefined =>
  context.agents.has(id) || context.entries.has(id) ? undefined : unknown(path, "agent", id, agentNames(context, true))

/** Agent references in traffic, internal calls, scripts and workflow steps. */
export const agentReferences: Check = (context) => {
  const { scenario } = context
  const out: Array<ScenarioIssue> = []
  const push = (found: ScenarioIssue | undefined) => {
    if (found !== undefined) out.push(found)
  }
  scenario.workflows.forEach((workflow, w) => {
    const steps: Array<[DocumentPath, Step]> = [
      ...workflow.steps.map((s, i): [DocumentPath, Step] => [["workflows", w, "steps", i], s]),
      ...(workflow.businessHours?.afterHours ?? []).map((s, i): [DocumentPath, Step] => [
        ["workflows", w, "businessHours", "afterHours", i],
        s
      ])
    ]
    for (const [path, s] of steps) if (s.to === "direct-line") push(oneAgent(context, [...path, "agent"], s.agent))
  })
  scenario.queues.forEach((queue, q) => {
    if (queue.overflow?.to === "direct-line")
      push(oneAgent(context, ["queues", q, "overflow", "agent"], queue.overflow.agent))
  })
  scenario.agents.forEach((agent, a) => {
    const forward = agent.directLineUnanswered
    if (forward?.to === "direct-line")
      push(oneAgent(context, ["agents", a, "directLineUnanswered", "agent"], forward.agent))
  })
  scenario.traffic.forEach((source, t) => {
    if (source.type === "direct") push(oneAgent(context, ["traffic", t, "agent"], source.agent))
    if (source.type === "internal") {
      source.from?.forEach((id, i) => {
        push(someAgents(context, ["traffic", t, "from", i], id))
      })
      source.to?.forEach((id, i) => {
        push(someAgents(context, ["traffic", t, "to", i], id))
      })
    }
  })
  scenario.agents.forEach((agent, a) => {
    agent.internalCalls?.to?.forEach((id, i) => {
      push(someAgents(context, ["agents", a, "internalCalls", "to", i], id))
    })
  })
  scenario.script.calls.forEach((call, c) => {
    const path = ["script", "calls", c]
    if (call.type === "direct" || call.type === "outbound") push(oneAgent(context, [...path, "agent"], call.agent))
    if (call.type === "internal") {
      push(oneAgent(context, [...path, "from"], call.from))
      push(oneAgent(context, [...path, "to"], call.to))
      if (call.from === call.to)
        out.push(
          issue(
            [...path, "to"],
            "another agent than the caller",
            describeFound(call.to),
            ": an agent cannot call themselves"
          )
        )
    }
  })
  scenario.script.actions.forEach((action, i) => {
    push(oneAgent(context, ["script", "actions", i, "agent"], action.agent))
  })
  return out
}
