/**
 * Routing: a call never visits a queue twice (workflow steps, overflow chains), steps after a terminal step are
 * reachable, and queue settings that can never take effect are pointed out.
 */
import { describeFound, issue, type ScenarioIssue } from "../Problem.ts"
import type { Step } from "../Routing.ts"
import type { Check } from "./Context.ts"
import { showClock } from "./Context.ts"

const TERMINAL: ReadonlyArray<Step["to"]> = ["answering-service", "voicemail", "hang-up"]

/** Workflow steps: no queue twice, nothing after a terminal step. */
export const workflowSteps: Check = ({ scenario }) => {
  const out: Array<ScenarioIssue> = []
  scenario.workflows.forEach((workflow, w) => {
    const lists: Array<[ReadonlyArray<string | number>, ReadonlyArray<Step>]> = [
      [["workflows", w, "steps"], workflow.steps]
    ]
    if (workflow.businessHours !== undefined) {
      lists.push([["workflows", w, "businessHours", "afterHours"], workflow.businessHours.afterHours])
    }
    for (const [base, steps] of lists) {
      const visited = new Map<string, number>()
      steps.forEach((step, i) => {
        const before = steps.slice(0, i).findIndex((s) => TERMINAL.includes(s.to))
        if (before >= 0) {
          out.push(
            issue(
              [...base, i],
              "no step after a terminal step",
              `a step after ${steps[before]!.to}`,
              `: ${steps[before]!.to} at step ${before} ends the call, so this step is never reached`
            )
          )
          return
        }
        if (step.to !== "queue") return
        const first = visited.get(step.queue)
        if (first !== undefined) {
          out.push(
            issue(
              [...base, i, "queue"],
              "each queue once in a workflow (a rollover cycle otherwise)",
              describeFound(step.queue),
              `: step ${first} already routes to it`
            )
          )
        } else visited.set(step.queue, i)
      })
    }
  })
  return out
}

/** Overflow chains (queue → overflow queue → …) that come back to a queue they left. */
export const overflowCycles: Check = ({ scenario }) => {
  const out: Array<ScenarioIssue> = []
  const next = new Map<string, string>()
  for (const queue of scenario.queues) if (queue.overflow?.to === "queue") next.set(queue.id, queue.overflow.queue)
  const reported = new Set<string>()
  scenario.queues.forEach((queue, q) => {
    const chain = [queue.id]
    let current = next.get(queue.id)
    while (current !== undefined) {
      if (current === queue.id) {
        const key = [...chain].sort().join(">")
        if (!reported.has(key)) {
          reported.add(key)
          out.push(
            issue(
              ["queues", q, "overflow", "queue"],
              "an overflow chain that ends",
              `the cycle ${[...chain, queue.id].join(" → ")}`,
              ""
            )
          )
        }
        break
      }
      if (chain.includes(current)) break
      chain.push(current)
      current = next.get(current)
    }
  })
  return out
}

/** Queue settings that cannot take effect on their own. */
export const queueSettings: Check = ({ scenario }) => {
  const out: Array<ScenarioIssue> = []
  scenario.queues.forEach((queue, q) => {
    if (queue.overflow !== undefined && queue.maxLength === undefined) {
      out.push(
        issue(
          ["queues", q, "overflow"],
          "overflow together with maxLength",
          "overflow without maxLength",
          ": calls overflow only when the queue is full, so set maxLength"
        )
      )
    }
  })
  scenario.workflows.forEach((workflow, w) => {
    const hours = workflow.businessHours
    if (hours !== undefined && hours.close <= hours.open) {
      out.push(
        issue(
          ["workflows", w, "businessHours", "close"],
          `a closing time after the opening ${showClock(hours.open)}`,
          showClock(hours.close)
        )
      )
    }
  })
  return out
}
