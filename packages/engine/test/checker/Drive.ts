/**
 * A small driver for synthetic hook sequences: builds a model from a scenario object and feeds the checker
 * hooks by agent and queue id, with times in seconds after opening (08:00).
 */
import { Scenario } from "@ccsim/scenario"
import { Schema } from "effect"
import { expect } from "vitest"
import { compile } from "../../src/Compile.ts"
import { ConformanceChecker } from "../../src/checker/Checker.ts"
import type { Violation } from "../../src/checker/Violation.ts"
import type { Model } from "../../src/Model.ts"
import {
  AbandonStage,
  AgentStatus,
  CallKind,
  CancelReason,
  EndOutcome,
  HoldReason,
  RolloverReason,
  StatusCause,
  StepKind
} from "../../src/Observer.ts"

const OPEN = 8 * 3_600_000

/** The base scenario: queue `sales` (ring 20s, wrap-up 30s), agents ann and bob in it, bob with a direct line. */
export const baseScenario = {
  name: "checker test",
  time: { open: "08:00", close: "10:00" },
  tenants: [{ id: "acme", trackingNumbers: ["+1 555 0100"] }],
  queues: [{ id: "sales", ringTimeout: "20s", wrapUp: "30s" }],
  workflows: [{ id: "main", trackingNumbers: ["+1 555 0100"], steps: [{ to: "queue", queue: "sales" }] }],
  agents: [
    { id: "ann", queues: [{ queue: "sales" }] },
    { id: "bob", queues: [{ queue: "sales" }], directLine: "+1 555 0199" }
  ]
}

/** Drives a checker with hooks; `s` arguments are seconds after opening. */
export class Drive {
  readonly model: Model
  readonly checker: ConformanceChecker

  constructor(scenario: Record<string, unknown> = {}) {
    this.model = compile(Schema.decodeUnknownSync(Scenario)({ ...baseScenario, ...scenario }))
    this.checker = new ConformanceChecker(this.model, { callId: (call) => `k${call}` })
  }

  /** Milliseconds after midnight of `s` seconds after opening. */
  t(s: number): number {
    return OPEN + Math.round(s * 1000)
  }

  agent(id: string): number {
    const i = this.model.agents.findIndex((a) => a.id === id)
    if (i < 0) throw new Error(`no agent ${id}`)
    return i
  }

  queue(id: string): number {
    const i = this.model.queues.findIndex((q) => q.id === id)
    if (i < 0) throw new Error(`no queue ${id}`)
    return i
  }

  status(s: number, agent: string, status: "available" | "unavailable" | "signed-out", cause = "shift", reason = -1) {
    const code = {
      available: AgentStatus.available,
      unavailable: AgentStatus.unavailable,
      "signed-out": AgentStatus.signedOut
    }[status]
    const causeCode = StatusCause[cause as keyof typeof StatusCause]
    this.checker.agentStatusChanged(this.t(s), this.agent(agent), code, causeCode, reason)
    return this
  }

  /** Signs agents in as Available at `s` (a shift start). */
  signIn(s: number, ...agents: Array<string>) {
    for (const a of agents) this.status(s, a, "available", "shift")
    return this
  }

  /** A queue call arrives, is routed to `queue` and joins it. */
  queueCall(s: number, call: number, queue = "sales", opts: { source?: number; redialOf?: number } = {}) {
    const t = this.t(s)
    this.checker.callArrived(t, call, CallKind.queue, 0, true, opts.source ?? -1, opts.redialOf ?? -1)
    this.checker.callRouted(t, call, StepKind.queue, this.queue(queue))
    this.checker.callQueued(t, call, this.queue(queue))
    return this
  }

  arrive(s: number, call: number, kind: "queue" | "direct" | "internal" | "outbound", source = -1) {
    this.checker.callArrived(this.t(s), call, CallKind[kind], -1, true, source, -1)
    return this
  }

  route(s: number, call: number, step: keyof typeof StepKind, target = -1) {
    this.checker.callRouted(this.t(s), call, StepKind[step], target)
    return this
  }

  routeQueue(s: number, call: number, queue: string) {
    this.checker.callRouted(this.t(s), call, StepKind.queue, this.queue(queue))
    this.checker.callQueued(this.t(s), call, this.queue(queue))
    return this
  }

  rollover(s: number, call: number, queue: string, reason: keyof typeof RolloverReason = "maxWait") {
    this.checker.callRolledOver(this.t(s), call, this.queue(queue), RolloverReason[reason])
    return this
  }

  /** An offer; `queue` null for direct and internal calls. */
  offer(s: number, call: number, agent: string, queue: string | null = "sales") {
    this.checker.offerStarted(this.t(s), call, this.agent(agent), queue === null ? -1 : this.queue(queue))
    return this
  }

  accept(s: number, call: number, agent: string, queue: string | null = "sales") {
    this.checker.offerAccepted(this.t(s), call, this.agent(agent), queue === null ? -1 : this.queue(queue))
    return this
  }

  reject(s: number, call: number, agent: string, queue: string | null = "sales") {
    this.checker.offerRejected(this.t(s), call, this.agent(agent), queue === null ? -1 : this.queue(queue))
    return this
  }

  miss(s: number, call: number, agent: string, queue: string | null = "sales") {
    this.checker.offerMissed(this.t(s), call, this.agent(agent), queue === null ? -1 : this.queue(queue))
    return this
  }

  cancel(s: number, call: number, agent: string, reason: keyof typeof CancelReason, queue: string | null = "sales") {
    this.checker.offerCancelled(
      this.t(s),
      call,
      this.agent(agent),
      queue === null ? -1 : this.queue(queue),
      CancelReason[reason]
    )
    return this
  }

  outbound(s: number, call: number, agent: string) {
    this.checker.outboundStarted(this.t(s), call, this.agent(agent))
    return this
  }

  /** Hold & Accept, or a customer hold of `customerS` seconds. */
  hold(s: number, call: number, agent: string, customerS?: number) {
    if (customerS === undefined) this.checker.callHeld(this.t(s), call, this.agent(agent), HoldReason.accept, -1)
    else this.checker.callHeld(this.t(s), call, this.agent(agent), HoldReason.customer, customerS * 1000)
    return this
  }

  resume(s: number, call: number, agent: string) {
    this.checker.callResumed(this.t(s), call, this.agent(agent))
    return this
  }

  abandon(s: number, call: number, stage: keyof typeof AbandonStage, queue: string | null = "sales") {
    this.checker.callAbandoned(this.t(s), call, queue === null ? -1 : this.queue(queue), AbandonStage[stage])
    return this
  }

  end(s: number, call: number, agent: string | null, outcome: keyof typeof EndOutcome = "handled") {
    this.checker.callEnded(this.t(s), call, agent === null ? -1 : this.agent(agent), EndOutcome[outcome])
    return this
  }

  redial(s: number, call: number, atS: number) {
    this.checker.redialScheduled(this.t(s), call, this.t(atS))
    return this
  }

  wrapUp(s: number, agent: string, call: number, seconds = 30, queue = "sales") {
    this.checker.wrapUpStarted(this.t(s), this.agent(agent), call, this.queue(queue), seconds * 1000)
    return this
  }

  wrapUpEnd(s: number, agent: string) {
    this.checker.wrapUpEnded(this.t(s), this.agent(agent))
    return this
  }

  overtime(s: number, agent: string) {
    this.checker.agentOvertimeStarted(this.t(s), this.agent(agent))
    return this
  }

  /** A queue call answered by `agent` at `s + 2`, talked until `endS`, then wrap-up of `wrap` seconds. */
  handled(s: number, call: number, agent: string, endS: number, wrap = 30) {
    this.offer(s, call, agent)
      .accept(s + 2, call, agent)
      .end(endS, call, agent)
      .wrapUp(endS, agent, call, wrap)
    return this.wrapUpEnd(endS + wrap, agent)
  }

  /** Ends the run at `s` and returns the violations. */
  finish(s: number): ReadonlyArray<Violation> {
    this.checker.simulationEnded(this.t(s))
    return this.checker.violations
  }
}

/** Compares violations as `[rule, message]` with `expected` (messages by substring), in order and in full. */
export const expectViolations = (
  found: ReadonlyArray<Violation>,
  expected: ReadonlyArray<readonly [string, string]>
): void => {
  expect(found.map((v) => [v.rule, v.message])).toEqual(
    expected.map(([rule, text]) => [rule, expect.stringContaining(text)])
  )
}
