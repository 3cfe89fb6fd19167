/**
 * Phone numbers: each tracking number belongs to one tenant and one workflow, every number dialled leads
 * somewhere, and direct lines are unique and belong to single agents.
 */
import { type DocumentPath, describeFound, issue, type ScenarioIssue } from "../Problem.ts"
import { type Check, type CheckContext, normaliseNumber } from "./Context.ts"

/** A number used twice: by two tenants, two workflows, or twice in one list. */
export const trackingNumbersOnce: Check = ({ scenario }) => {
  const out: Array<ScenarioIssue> = []
  const once = (section: "tenants" | "workflows", owner: string) => {
    const seen = new Map<string, string>()
    scenario[section].forEach((item, i) => {
      item.trackingNumbers.forEach((number, n) => {
        const key = normaliseNumber(number)
        const first = seen.get(key)
        if (first !== undefined) {
          out.push(
            issue(
              [section, i, "trackingNumbers", n],
              `a tracking number used by one ${owner} only`,
              describeFound(number),
              `: ${first} already has it`
            )
          )
        } else seen.set(key, `${section}[${i}] (${item.id})`)
      })
    })
  }
  once("tenants", "tenant")
  once("workflows", "workflow")
  return out
}

/**
 * Numbers lead somewhere: a workflow's numbers belong to a tenant (when tenants are declared), and every number
 * dialled by traffic or a scripted queue call belongs to a workflow.
 */
export const trackingNumbersResolve: Check = (context) => {
  const { scenario, tenantByNumber, workflowByNumber } = context
  const out: Array<ScenarioIssue> = []
  if (scenario.tenants.length > 0) {
    scenario.workflows.forEach((workflow, w) => {
      workflow.trackingNumbers.forEach((number, n) => {
        if (!tenantByNumber.has(normaliseNumber(number))) {
          out.push(
            issue(
              ["workflows", w, "trackingNumbers", n],
              "a tracking number of one of the tenants",
              describeFound(number),
              " (add it to a tenant's trackingNumbers, so its calls carry a tenant)"
            )
          )
        }
      })
    })
  }
  const dialled = (path: DocumentPath, number: string) => {
    if (!workflowByNumber.has(normaliseNumber(number))) {
      out.push(
        issue(
          path,
          "a tracking number of one of the workflows",
          describeFound(number),
          scenario.workflows.length === 0
            ? " (the scenario has no workflows)"
            : ` (numbers: ${[...allNumbers(context)].join(", ")})`
        )
      )
    }
  }
  scenario.traffic.forEach((source, t) => {
    if (source.type === "queue") dialled(["traffic", t, "trackingNumber"], source.trackingNumber)
  })
  scenario.script.calls.forEach((call, c) => {
    if (call.type === "queue") dialled(["script", "calls", c, "trackingNumber"], call.trackingNumber)
  })
  return out
}

const allNumbers = ({ scenario }: CheckContext): Set<string> =>
  new Set(scenario.workflows.flatMap((w) => w.trackingNumbers))

/** Direct lines: single agents only, each number once, never a tracking number. */
export const directLines: Check = ({ scenario, workflowByNumber, tenantByNumber }) => {
  const out: Array<ScenarioIssue> = []
  const seen = new Map<string, number>()
  scenario.agents.forEach((agent, a) => {
    if (agent.directLine === undefined) return
    const path = ["agents", a, "directLine"]
    if (agent.count > 1) {
      out.push(
        issue(
          path,
          "a direct line on a single agent",
          `a group of ${agent.count} agents`,
          ": one number cannot ring several people; give each named agent its own entry"
        )
      )
    }
    const key = normaliseNumber(agent.directLine)
    const first = seen.get(key)
    if (first !== undefined) {
      out.push(
        issue(
          path,
          "a direct line used by one agent only",
          describeFound(agent.directLine),
          `: agents[${first}] (${scenario.agents[first]!.id}) already has it`
        )
      )
    } else seen.set(key, a)
    if (workflowByNumber.has(key) || tenantByNumber.has(key)) {
      out.push(
        issue(
          path,
          "a direct line that is not a tracking number",
          describeFound(agent.directLine),
          ": it is also a tracking number"
        )
      )
    }
  })
  return out
}

/** Calls to a direct line need an agent that has one. */
export const directCallsNeedLine: Check = ({ scenario, agents }) => {
  const out: Array<ScenarioIssue> = []
  const needLine = (path: DocumentPath, id: string) => {
    const agent = agents.get(id)
    if (agent === undefined || (agent.member === undefined && agent.entry.directLine !== undefined)) return
    const why =
      agent.member === undefined
        ? `agents[${agent.entryIndex}] has no directLine`
        : "members of a group have no direct line"
    out.push(issue(path, "an agent with a direct line", describeFound(id), ` (${why})`))
  }
  scenario.traffic.forEach((source, t) => {
    if (source.type === "direct") needLine(["traffic", t, "agent"], source.agent)
  })
  scenario.script.calls.forEach((call, c) => {
    if (call.type === "direct") needLine(["script", "calls", c, "agent"], call.agent)
  })
  scenario.workflows.forEach((workflow, w) => {
    workflow.steps.forEach((s, i) => {
      if (s.to === "direct-line") needLine(["workflows", w, "steps", i, "agent"], s.agent)
    })
    workflow.businessHours?.afterHours.forEach((s, i) => {
      if (s.to === "direct-line") needLine(["workflows", w, "businessHours", "afterHours", i, "agent"], s.agent)
    })
  })
  scenario.queues.forEach((queue, q) => {
    if (queue.overflow?.to === "direct-line") needLine(["queues", q, "overflow", "agent"], queue.overflow.agent)
  })
  scenario.agents.forEach((agent, a) => {
    const forward = agent.directLineUnanswered
    if (forward?.to === "direct-line") needLine(["agents", a, "directLineUnanswered", "agent"], forward.agent)
  })
  return out
}
