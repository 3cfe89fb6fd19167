/**
 * Synthetic, time-ordered hook sequences for testing results and summaries without the engine: calls to one
 * queue that are answered (by agent 0 or 1), abandon, or roll over to the answering service.
 */
import { MetricsCollector } from "../../src/metrics/Collector.ts"
import type { ReplicationResult } from "../../src/metrics/Result.ts"
import type { Observer } from "../../src/Observer.ts"
import {
  AbandonStage,
  AgentStatus,
  CallKind,
  EndOutcome,
  RolloverReason,
  StatusCause,
  StepKind
} from "../../src/Observer.ts"
import { fakeModel, OPEN, prng } from "./fixtures.ts"

type Step = readonly [t: number, seq: number, apply: (o: Observer) => void]

/** Plays `calls` random calls of replication `replication` into a fresh collector and returns its result. */
export const syntheticResult = (replication: number, calls = 40): ReplicationResult => {
  const model = fakeModel({ tenants: ["t0", "t1"] })
  const random = prng(1000 + replication)
  const steps: Array<Step> = []
  let seq = 0
  const push = (t: number, apply: (o: Observer) => void) => steps.push([t, seq++, apply])
  push(OPEN, (o) => o.agentStatusChanged(OPEN, 0, AgentStatus.available, StatusCause.shift, -1))
  push(OPEN, (o) => o.agentStatusChanged(OPEN, 1, AgentStatus.available, StatusCause.shift, -1))
  for (let call = 0; call < calls; call++) {
    const t = OPEN + Math.floor(random() * 3_000_000)
    const tenant = random() < 0.5 ? 0 : 1
    const wait = Math.floor(random() * 40_000)
    const u = random()
    push(t, (o) => {
      o.callArrived(t, call, CallKind.queue, tenant, true, 0, -1)
      o.callRouted(t, call, StepKind.queue, 0)
      o.callQueued(t, call, 0)
    })
    if (u < 0.7) {
      const agent = call % 2
      const talk = 1000 + Math.floor(random() * 200_000)
      push(t + wait, (o) => o.offerAccepted(t + wait, call, agent, 0))
      push(t + wait + talk, (o) => {
        o.callEnded(t + wait + talk, call, agent, EndOutcome.handled)
        o.wrapUpStarted(t + wait + talk, agent, call, 0, 5000)
      })
      push(t + wait + talk + 5000, (o) => o.wrapUpEnded(t + wait + talk + 5000, agent))
    } else if (u < 0.9) {
      push(t + wait, (o) => {
        o.callAbandoned(t + wait, call, 0, AbandonStage.waiting)
        o.callEnded(t + wait, call, -1, EndOutcome.abandoned)
      })
    } else {
      push(t + wait, (o) => {
        o.callRolledOver(t + wait, call, 0, RolloverReason.maxWait)
        o.callRouted(t + wait, call, StepKind.answeringService, -1)
        o.callEnded(t + wait, call, -1, EndOutcome.answeringService)
      })
    }
  }
  steps.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const collector = new MetricsCollector(model)
  for (const [, , apply] of steps) apply(collector)
  const end = steps[steps.length - 1]![0]
  collector.simulationEnded(end)
  return collector.result(replication)
}
