/**
 * Compiles a decoded Scenario into the engine's Model: ids become indices, groups are expanded, times are resolved
 * to ms after midnight and distributions become samplers. Pure; throws {@link EngineError} on a dangling reference.
 */
import type { Agent, Scenario, ScriptedCall, Step, TimePoint, Traffic } from "@ccsim/scenario"
import { EngineError } from "./EngineError.ts"
import { compileSampler, type Sampler } from "./kernel/Samplers.ts"
import {
  type AgentModel,
  type ArrivalPlan,
  type BehaviourModel,
  type Model,
  type QueueModel,
  ResponseCode,
  type ScriptedActionModel,
  type ScriptedCallModel,
  type SourceModel,
  type StepModel
} from "./Model.ts"
import { AgentStatus, CallKind, StepKind } from "./Observer.ts"
import { decodeRules } from "./sim/Rules.ts"

const invalid = (message: string): EngineError => new EngineError({ reason: "InvalidScenario", message })

/** Phone numbers match whatever their punctuation: `+1 555-0100` is `+15550100`. */
const normalizeNumber = (n: string): string => n.replace(/[\s().-]/g, "")

const indexById = <A extends { readonly id: string }>(items: ReadonlyArray<A>): Map<string, number> => {
  const map = new Map<string, number>()
  items.forEach((item, i) => {
    map.set(item.id, i)
  })
  return map
}

/** Compiles a scenario. */
export const compile = (scenario: Scenario): Model => {
  const time = scenario.time
  const open = time.open ?? 0
  const close = time.close ?? (time.duration !== undefined ? open + time.duration : undefined)
  if (close === undefined) throw invalid("time: give either close or duration")
  if (close <= open) throw invalid("time: close must be after open")
  const intervalMs = time.intervalMinutes * 60_000
  // A steady state of `run.duration` is reported as one period from opening: one interval as long as the run,
  // so the results' size does not grow with the days. Volumes per interval keep the day's intervals.
  const runLength = scenario.run.mode === "steady-state" ? scenario.run.duration : undefined
  const horizon = runLength !== undefined ? open + runLength : close
  const reportingMs = runLength ?? intervalMs
  const intervalCount = runLength !== undefined ? 1 : Math.ceil((close - open) / intervalMs)
  const resolve = (p: TimePoint): number => (p.kind === "clock" ? p.ms : open + p.ms)

  // Reasons: fixed ones first, then queue policies and scripted actions, in file order.
  const reasons: Array<string> = ["break", "outbound", "signing-out"]
  const reasonIndex = (name: string): number => {
    let i = reasons.indexOf(name)
    if (i < 0) {
      i = reasons.length
      reasons.push(name)
    }
    return i
  }

  // Agents: groups expand to <id>-1..n.
  const expanded: Array<{ readonly agent: Agent; readonly id: string }> = []
  const groups = new Map<string, Array<number>>()
  for (const agent of scenario.agents) {
    const members: Array<number> = []
    if (agent.count > 1) {
      for (let i = 1; i <= agent.count; i++) {
        members.push(expanded.length)
        expanded.push({ agent, id: `${agent.id}-${i}` })
      }
    } else {
      members.push(expanded.length)
      expanded.push({ agent, id: agent.id })
    }
    if (groups.has(agent.id)) throw invalid(`agents: duplicate id ${agent.id}`)
    groups.set(agent.id, members)
  }
  const agentIndex = new Map<string, number>()
  expanded.forEach((a, i) => {
    agentIndex.set(a.id, i)
  })
  /** Agents named by an agent id or a group id. */
  const agentsOf = (id: string, where: string): ReadonlyArray<number> => {
    const one = agentIndex.get(id)
    if (one !== undefined) return [one]
    const group = groups.get(id)
    if (group !== undefined) return group
    throw invalid(`${where}: unknown agent ${id}`)
  }
  const oneAgent = (id: string, where: string): number => {
    const list = agentsOf(id, where)
    if (list.length !== 1) throw invalid(`${where}: ${id} is a group of ${list.length} agents; name one agent`)
    return list[0]!
  }

  const queueIndex = indexById(scenario.queues)
  const queueOf = (id: string, where: string): number => {
    const q = queueIndex.get(id)
    if (q === undefined) throw invalid(`${where}: unknown queue ${id}`)
    return q
  }
  const step = (s: Step, where: string): StepModel => {
    switch (s.to) {
      case "queue":
        return { kind: StepKind.queue, target: queueOf(s.queue, where) }
      case "direct-line":
        return { kind: StepKind.directLine, target: oneAgent(s.agent, where) }
      case "answering-service":
        return { kind: StepKind.answeringService, target: -1 }
      case "voicemail":
        return { kind: StepKind.voicemail, target: -1 }
      case "hang-up":
        return { kind: StepKind.hangUp, target: -1 }
    }
  }

  // Queue members in agent file order.
  const members: Array<Array<{ agent: number; tier: number; priority: number }>> = scenario.queues.map(() => [])
  expanded.forEach(({ agent }, a) => {
    for (const m of agent.queues)
      members[queueOf(m.queue, `agent ${agent.id}`)]!.push({ agent: a, tier: m.tier, priority: m.priority })
  })

  const queues: Array<QueueModel> = scenario.queues.map((q, i) => {
    const policy = q.unavailableOnMiss
    return {
      index: i,
      id: q.id,
      name: q.name ?? q.id,
      ringTimeout: q.ringTimeout,
      wrapUp: q.wrapUp,
      wrapUpSampler: compileSampler(q.wrapUp),
      strategy: q.strategy,
      maxWait: q.maxWait ?? Number.POSITIVE_INFINITY,
      unavailableOnMiss: policy?.enabled
        ? {
            countNoAnswer: policy.outcomes.includes("no-answer"),
            countReject: policy.outcomes.includes("reject"),
            threshold: policy.threshold,
            consecutive: policy.consecutive,
            separateCounts: policy.separateCounts,
            reason: reasonIndex(policy.reason)
          }
        : undefined,
      maxLength: q.maxLength ?? Number.POSITIVE_INFINITY,
      priority: q.priority,
      serviceLevelThreshold: q.serviceLevel.threshold,
      serviceLevelTarget: q.serviceLevel.target,
      serviceLevelDefinition: q.serviceLevel.definition,
      tierWait: q.tierWait,
      retryDelay: q.retryDelay,
      rolloverWhenNoAgents: q.rolloverWhenNoAgents,
      members: members[i]!,
      overflow: q.overflow !== undefined ? step(q.overflow, `queue ${q.id} overflow`) : undefined
    }
  })

  const everyAgent = expanded.map((_, i) => i)
  const agents: Array<AgentModel> = expanded.map(({ agent, id }, a) => {
    const b = agent.behaviour
    const behaviour: BehaviourModel = {
      answerDelay: compileSampler(b.answerDelay),
      missProbability: b.missProbability,
      rejectProbability: b.rejectProbability,
      directMissProbability: b.directMissProbability,
      directRejectProbability: b.directRejectProbability,
      directRingTimeout: b.directRingTimeout,
      availableAgainAfter: compileSampler(b.availableAgainAfter),
      handleTimeMultiplier: b.handleTimeMultiplier,
      responses: b.responses.map((r) =>
        r === "answer" ? ResponseCode.answer : r === "miss" ? ResponseCode.miss : ResponseCode.reject
      )
    }
    const shifts =
      agent.shifts === undefined
        ? [{ start: open, end: horizon, breaks: [] }]
        : agent.shifts
            .map((s) => ({
              start: s.start,
              end: s.end,
              breaks: s.breaks
                .map((br) => ({ start: br.start, end: br.start + br.duration }))
                .sort((x, y) => x.start - y.start)
            }))
            .sort((x, y) => x.start - y.start)
    const internal = agent.internalCalls
    return {
      index: a,
      id,
      group: agent.id,
      name: agent.count > 1 ? `${agent.name ?? agent.id} ${id.slice(agent.id.length + 1)}` : (agent.name ?? agent.id),
      queues: agent.queues.map((m) => ({
        queue: queueOf(m.queue, `agent ${agent.id}`),
        tier: m.tier,
        priority: m.priority
      })),
      directLine: agent.directLine,
      directLineUnanswered:
        agent.directLineUnanswered === undefined || agent.directLineUnanswered.to === "unanswered"
          ? undefined
          : step(agent.directLineUnanswered, `agent ${agent.id} directLineUnanswered`),
      shifts,
      wholeDay: agent.shifts === undefined,
      initialStatus: agent.initialStatus === "available" ? AgentStatus.available : AgentStatus.unavailable,
      behaviour,
      outbound:
        agent.outbound !== undefined
          ? {
              ratePerHour: agent.outbound.ratePerHour,
              duration: compileSampler(agent.outbound.duration),
              status: agent.outbound.status === "available" ? AgentStatus.available : AgentStatus.unavailable
            }
          : undefined,
      internalCalls:
        internal !== undefined
          ? {
              ratePerHour: internal.ratePerHour,
              duration: compileSampler(internal.duration),
              to: (internal.to === undefined
                ? everyAgent
                : internal.to.flatMap((t) => agentsOf(t, `agent ${agent.id} internalCalls`))
              ).filter((t) => t !== a)
            }
          : undefined
    }
  })

  // Tracking numbers: the tenant owning each, and the workflow it enters.
  const tenantOfNumber = new Map<string, number>()
  scenario.tenants.forEach((t, i) => {
    for (const n of t.trackingNumbers) tenantOfNumber.set(normalizeNumber(n), i)
  })
  const workflowOfNumber = new Map<string, number>()
  scenario.workflows.forEach((w, i) => {
    for (const n of w.trackingNumbers) workflowOfNumber.set(normalizeNumber(n), i)
  })
  const entry = (n: string, where: string): { tenant: number; workflow: number } => {
    const key = normalizeNumber(n)
    const workflow = workflowOfNumber.get(key)
    if (workflow === undefined) throw invalid(`${where}: no workflow has tracking number ${n}`)
    return { tenant: tenantOfNumber.get(key) ?? -1, workflow }
  }

  const workflows = scenario.workflows.map((w, i) => ({
    index: i,
    id: w.id,
    steps: w.steps.map((s) => step(s, `workflow ${w.id}`)),
    businessHours:
      w.businessHours !== undefined
        ? {
            open: w.businessHours.open,
            close: w.businessHours.close,
            afterHours: w.businessHours.afterHours.map((s) => step(s, `workflow ${w.id} afterHours`))
          }
        : undefined
  }))

  const sources: Array<SourceModel> = scenario.traffic.map((t, i) => compileSource(t, i))

  function compileSource(t: Traffic, i: number): SourceModel {
    const id = t.id ?? `traffic-${i + 1}`
    const where = `traffic ${id}`
    const base = {
      index: i,
      id,
      handleTime: compileSampler(t.handleTime),
      holdTime: "holdTime" in t && t.holdTime !== undefined ? compileSampler(t.holdTime) : undefined,
      patience: t.patience !== undefined ? compileSampler(t.patience) : undefined,
      redial:
        t.redial !== undefined
          ? {
              probability: t.redial.probability,
              delay: compileSampler(t.redial.delay),
              maxAttempts: t.redial.maxAttempts
            }
          : undefined,
      arrivals: arrivalPlan(t, where),
      mayStartDirect: false
    }
    switch (t.type) {
      case "queue": {
        const { tenant, workflow } = entry(t.trackingNumber, where)
        const wf = workflows[workflow]
        const firstSteps = [wf?.steps[0], wf?.businessHours?.afterHours[0]]
        return {
          ...base,
          kind: CallKind.queue,
          tenant,
          workflow,
          mayStartDirect: firstSteps.some((s) => s?.kind === StepKind.directLine),
          agent: -1,
          from: [],
          to: [],
          priority: t.priority,
          knownShare: t.knownShare ?? scenario.customerDirectory.knownShare
        }
      }
      case "direct":
        return {
          ...base,
          kind: CallKind.direct,
          tenant: -1,
          workflow: -1,
          agent: oneAgent(t.agent, where),
          from: [],
          to: [],
          priority: 0,
          knownShare: 1
        }
      case "internal":
        return {
          ...base,
          kind: CallKind.internal,
          tenant: -1,
          workflow: -1,
          agent: -1,
          from: t.from === undefined ? everyAgent : t.from.flatMap((x) => agentsOf(x, where)),
          to: t.to === undefined ? everyAgent : t.to.flatMap((x) => agentsOf(x, where)),
          priority: 0,
          knownShare: 1
        }
    }
  }

  function arrivalPlan(t: Traffic, where: string): ArrivalPlan {
    const a = t.arrivals
    if ("ratePerHour" in a) return { kind: "rate", ratePerHour: a.ratePerHour }
    if ("perInterval" in a) {
      return {
        kind: "intervals",
        starts: a.perInterval.map((_, k) => open + k * intervalMs),
        length: intervalMs,
        volumes: [...a.perInterval],
        aht: a.perInterval.map(() => Number.NaN),
        acw: a.perInterval.map(() => Number.NaN)
      }
    }
    if (a.intervals === undefined) throw invalid(`${where}: the interval CSV ${a.csv} was not loaded`)
    const rows = [...a.intervals].sort((x, y) => x.start - y.start)
    return {
      kind: "intervals",
      starts: rows.map((r) => r.start),
      length: intervalMs,
      volumes: rows.map((r) => r.offered),
      aht: rows.map((r) => r.ahtMs ?? Number.NaN),
      acw: rows.map((r) => r.acwMs ?? Number.NaN)
    }
  }

  const scriptedCalls: Array<ScriptedCallModel> = scenario.script.calls.map((c: ScriptedCall, i) => {
    const id = c.id ?? `s${i + 1}`
    const where = `script call ${id}`
    const common = {
      id,
      at: resolve(c.at),
      talk: c.talk,
      hold: "hold" in c && c.hold !== undefined ? c.hold : 0,
      patience: "patience" in c && c.patience !== undefined ? c.patience : Number.POSITIVE_INFINITY
    }
    switch (c.type) {
      case "queue": {
        const { tenant, workflow } = entry(c.trackingNumber, where)
        return {
          ...common,
          kind: CallKind.queue,
          tenant,
          workflow,
          agent: -1,
          from: -1,
          known: c.known,
          priority: c.priority ?? 0
        }
      }
      case "direct":
        return {
          ...common,
          kind: CallKind.direct,
          tenant: -1,
          workflow: -1,
          agent: oneAgent(c.agent, where),
          from: -1,
          known: true,
          priority: 0
        }
      case "internal":
        return {
          ...common,
          kind: CallKind.internal,
          tenant: -1,
          workflow: -1,
          agent: oneAgent(c.to, where),
          from: oneAgent(c.from, where),
          known: true,
          priority: 0
        }
      default:
        return {
          ...common,
          kind: CallKind.outbound,
          tenant: -1,
          workflow: -1,
          agent: oneAgent(c.agent, where),
          from: -1,
          known: true,
          priority: 0
        }
    }
  })
  const ids = new Set<string>()
  for (const c of scriptedCalls) {
    if (ids.has(c.id)) throw invalid(`script: duplicate call id ${c.id}`)
    ids.add(c.id)
  }

  const scriptedActions: Array<ScriptedActionModel> = scenario.script.actions.flatMap((x) =>
    agentsOf(x.agent, "script action").map((agent) => ({
      at: resolve(x.at),
      agent,
      action: x.action,
      reason: x.action === "unavailable" && x.reason !== undefined ? reasonIndex(x.reason) : -1
    }))
  )

  const unknownSearchTime: Sampler = compileSampler(scenario.customerDirectory.unknownCallerSearchTime)

  return {
    scenario,
    settings: scenario.settings,
    rules: decodeRules(
      scenario.settings,
      queues.map((q) => q.strategy)
    ),
    open,
    close,
    horizon,
    intervalMs: reportingMs,
    intervalCount,
    queues,
    agents,
    tenants: scenario.tenants.map((t, i) => ({ index: i, id: t.id, name: t.name ?? t.id })),
    workflows,
    sources,
    reasons,
    mode: scenario.run.mode,
    loadMultiplier: scenario.run.loadMultiplier,
    unknownSearchTime,
    scriptedCalls,
    scriptedActions
  }
}

/** The trace id of a call number: the scripted id, or `c<n>` for generated calls in arrival order. */
export const callIdOf = (model: Model, call: number): string => {
  const scripted = model.scriptedCalls.length
  return call < scripted ? model.scriptedCalls[call]!.id : `c${call - scripted + 1}`
}
