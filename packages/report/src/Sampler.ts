/**
 * `ReplicationSampler`: an engine observer that keeps what the report draws of one replication — each agent's
 * state timeline and, per scope (total, queue, tenant), the exact paths of waiting calls and busy agents. Attach
 * it to one replication (e.g. with the engine's `fanOut`); call `sample()` after the run. It implements every
 * hook of the engine's `Observer` (numbers only, as the engine calls them).
 *
 * Definitions:
 * - a call is **waiting** in a queue from `callQueued` until it is answered, rolls over, is abandoned or ends
 *   (a ringing call still waits: it keeps its place in line);
 * - an agent is **busy** with a call active or held, or in wrap-up (the metrics' `busyMs`); for a queue or a
 *   tenant, busy with that queue's or tenant's call (the active call, else the first held one, else the
 *   wrap-up's call);
 * - the displayed **state** of an agent is, in order of precedence: on a call (queue / direct or internal /
 *   outbound, by the active call's kind), wrap-up, ringing, then the status (Unavailable by the miss policy
 *   apart from other Unavailable time).
 */
import {
  type AbandonStage,
  type AgentStatus,
  type CallKind,
  type CancelReason,
  type EndOutcome,
  CallKind as Kind,
  type Observer,
  type RolloverReason,
  AgentStatus as Status,
  StatusCause,
  type StepKind
} from "@ccsim/engine"
import { type StepSeries, TimelineStates } from "./ReportData.ts"

const state = (name: (typeof TimelineStates)[number]): number => TimelineStates.indexOf(name)
const S = {
  signedOut: state("signed-out"),
  available: state("available"),
  unavailable: state("unavailable"),
  unavailableByMiss: state("unavailable-by-miss"),
  ringing: state("ringing"),
  queueCall: state("queue-call"),
  directCall: state("direct-or-internal-call"),
  outbound: state("outbound-call"),
  wrapUp: state("wrap-up")
} as const

/** The ids the sampler names things by (the engine's compiled `Model` has them). */
export interface SamplerModel {
  readonly agents: ReadonlyArray<{ readonly id: string }>
  readonly queues: ReadonlyArray<{ readonly id: string }>
  readonly tenants: ReadonlyArray<{ readonly id: string }>
}

/**
 * One replication as the report draws it. Times in seconds after midnight.
 *
 * @category models
 */
export interface ReplicationSample {
  readonly replication: number
  /** When the replication ended. */
  readonly end: number
  /** Each agent's states: `[start, end, state index into TimelineStates]`. */
  readonly agents: ReadonlyArray<{
    readonly id: string
    readonly segments: ReadonlyArray<readonly [number, number, number]>
  }>
  /** Paths per scope key (`total`, `queue:<id>`, `tenant:<id>`). */
  readonly paths: ReadonlyArray<{ readonly key: string; readonly queueLength: StepSeries; readonly busy: StepSeries }>
}

/** Options of the sampler. */
export interface SamplerOptions {
  /** The replication index (for the report's captions). */
  readonly replication?: number
  /**
   * A path longer than this is reduced to this many points by keeping each time bucket's peak, so a long run
   * stays small; peaks are what a planner looks for. Default 4000.
   */
  readonly maxPathPoints?: number
}

interface CallInfo {
  readonly kind: number
  readonly tenant: number
  /** The agent the call is with (active or held), or −1. */
  agent: number
  /** The queue the call waits in, or −1. */
  waitingIn: number
  /** The queue it was answered from, or −1. */
  answeredFrom: number
}

type Point = [number, number]

/**
 * Records one replication's agent states and paths.
 *
 * @category constructors
 */
export class ReplicationSampler implements Observer {
  private readonly calls = new Map<number, CallInfo>()
  private readonly status: Int8Array
  private readonly byMiss: Uint8Array
  private readonly ringing: Int32Array
  private readonly active: Int32Array
  private readonly held: Array<Array<number>>
  private readonly inWrapUp: Uint8Array
  private readonly wrapQueue: Int32Array
  private readonly wrapTenant: Int32Array
  /** The tenant of the last call each agent answered or resumed (for a wrap-up reported after its call ended). */
  private readonly lastTenant: Int32Array
  private readonly shown: Int32Array
  private readonly since: Float64Array
  private readonly segments: Array<Array<[number, number, number]>>
  /** The scope (as three numbers: busy, queue, tenant) each agent's busy time counts for now. */
  private readonly busyQueue: Int32Array
  private readonly busyTenant: Int32Array
  private readonly busyNow: Uint8Array
  private readonly waiting: Int32Array
  private readonly busy: Int32Array
  private readonly waitingPath: Array<Array<Point>>
  private readonly busyPath: Array<Array<Point>>
  private readonly queueCount: number
  private end = 0
  private readonly model: SamplerModel
  private readonly options: SamplerOptions

  constructor(model: SamplerModel, options: SamplerOptions = {}) {
    this.model = model
    this.options = options
    const n = model.agents.length
    this.status = new Int8Array(n).fill(Status.signedOut)
    this.byMiss = new Uint8Array(n)
    this.ringing = new Int32Array(n)
    this.active = new Int32Array(n).fill(-1)
    this.held = Array.from({ length: n }, () => [])
    this.inWrapUp = new Uint8Array(n)
    this.wrapQueue = new Int32Array(n).fill(-1)
    this.wrapTenant = new Int32Array(n).fill(-1)
    this.lastTenant = new Int32Array(n).fill(-1)
    this.shown = new Int32Array(n).fill(-1)
    this.since = new Float64Array(n)
    this.segments = Array.from({ length: n }, () => [])
    this.busyQueue = new Int32Array(n).fill(-1)
    this.busyTenant = new Int32Array(n).fill(-1)
    this.busyNow = new Uint8Array(n)
    this.queueCount = model.queues.length
    const scopes = 1 + model.queues.length + model.tenants.length
    this.waiting = new Int32Array(scopes)
    this.busy = new Int32Array(scopes)
    this.waitingPath = Array.from({ length: scopes }, () => [])
    this.busyPath = Array.from({ length: scopes }, () => [])
  }

  // --- scope bookkeeping -------------------------------------------------------------------------------

  private scopeIndices(queue: number, tenant: number): Array<number> {
    const out = [0]
    if (queue >= 0) out.push(1 + queue)
    if (tenant >= 0) out.push(1 + this.queueCount + tenant)
    return out
  }

  private static record(path: Array<Point>, t: number, v: number): void {
    const last = path.at(-1)
    if (last !== undefined && last[0] === t) {
      last[1] = v
      const before = path.at(-2)
      if (before !== undefined && before[1] === v) path.pop()
    } else if (last === undefined || last[1] !== v) path.push([t, v])
  }

  private addWaiting(t: number, call: CallInfo, queue: number, delta: number): void {
    for (const k of this.scopeIndices(queue, call.tenant)) {
      this.waiting[k]! += delta
      ReplicationSampler.record(this.waitingPath[k]!, t / 1000, this.waiting[k]!)
    }
  }

  private stopWaiting(t: number, call: number): void {
    const info = this.calls.get(call)
    if (info === undefined || info.waitingIn < 0) return
    this.addWaiting(t, info, info.waitingIn, -1)
    info.waitingIn = -1
  }

  // --- agent state ---------------------------------------------------------------------------------------

  private workCall(agent: number): number {
    return this.active[agent]! >= 0 ? this.active[agent]! : (this.held[agent]![0] ?? -1)
  }

  private displayed(agent: number): number {
    const call = this.active[agent]!
    if (call >= 0) {
      const kind = this.calls.get(call)?.kind ?? Kind.queue
      return kind === Kind.queue ? S.queueCall : kind === Kind.outbound ? S.outbound : S.directCall
    }
    if (this.held[agent]!.length > 0) return S.queueCall
    if (this.inWrapUp[agent] === 1) return S.wrapUp
    if (this.ringing[agent]! > 0) return S.ringing
    const status = this.status[agent]
    if (status === Status.signedOut) return S.signedOut
    if (status === Status.unavailable) return this.byMiss[agent] === 1 ? S.unavailableByMiss : S.unavailable
    return S.available
  }

  private refresh(t: number, agent: number): void {
    const seconds = t / 1000
    const next = this.displayed(agent)
    const prev = this.shown[agent]!
    if (next !== prev) {
      if (prev >= 0 && seconds > this.since[agent]!) this.push(agent, this.since[agent]!, seconds, prev)
      this.shown[agent] = next
      this.since[agent] = seconds
    }
    // busy attribution
    const call = this.workCall(agent)
    let busy = 0
    let queue = -1
    let tenant = -1
    if (call >= 0) {
      const info = this.calls.get(call)
      busy = 1
      queue = info?.answeredFrom ?? -1
      tenant = info?.tenant ?? -1
    } else if (this.inWrapUp[agent] === 1) {
      busy = 1
      queue = this.wrapQueue[agent]!
      tenant = this.wrapTenant[agent]!
    }
    if (busy === this.busyNow[agent] && queue === this.busyQueue[agent] && tenant === this.busyTenant[agent]) return
    if (this.busyNow[agent] === 1) this.addBusy(seconds, this.busyQueue[agent]!, this.busyTenant[agent]!, -1)
    if (busy === 1) this.addBusy(seconds, queue, tenant, 1)
    this.busyNow[agent] = busy
    this.busyQueue[agent] = queue
    this.busyTenant[agent] = tenant
  }

  private addBusy(seconds: number, queue: number, tenant: number, delta: number): void {
    for (const k of this.scopeIndices(queue, tenant)) {
      this.busy[k]! += delta
      ReplicationSampler.record(this.busyPath[k]!, seconds, this.busy[k]!)
    }
  }

  private push(agent: number, from: number, to: number, s: number): void {
    const list = this.segments[agent]!
    const last = list.at(-1)
    if (last !== undefined && last[2] === s && last[1] === from) last[1] = to
    else list.push([from, to, s])
  }

  // --- the engine's observer hooks -------------------------------------------------------------------------

  callArrived(
    _t: number,
    call: number,
    kind: CallKind,
    tenant: number,
    _known: boolean,
    _source: number,
    _redialOf: number
  ): void {
    this.calls.set(call, { kind, tenant, agent: -1, waitingIn: -1, answeredFrom: -1 })
  }
  callRouted(_t: number, _call: number, _step: StepKind, _target: number): void {}
  callQueued(t: number, call: number, queue: number): void {
    const info = this.calls.get(call)
    if (info === undefined) return
    if (info.waitingIn >= 0) this.stopWaiting(t, call)
    info.waitingIn = queue
    this.addWaiting(t, info, queue, 1)
  }
  callRolledOver(t: number, call: number, _queue: number, _reason: RolloverReason): void {
    this.stopWaiting(t, call)
  }
  offerStarted(t: number, _call: number, agent: number, _queue: number): void {
    this.ringing[agent]! += 1
    this.refresh(t, agent)
  }
  offerAccepted(t: number, call: number, agent: number, queue: number): void {
    this.ringing[agent] = Math.max(0, this.ringing[agent]! - 1)
    this.stopWaiting(t, call)
    const info = this.calls.get(call)
    if (info !== undefined) {
      info.answeredFrom = queue
      info.agent = agent
      this.lastTenant[agent] = info.tenant
    }
    const current = this.active[agent]!
    // Hold & Accept: the engine reports callHeld first; a call still active here is held now.
    if (current >= 0 && current !== call) this.held[agent]!.push(current)
    this.active[agent] = call
    this.refresh(t, agent)
  }
  offerRejected(t: number, _call: number, agent: number, _queue: number): void {
    this.ringing[agent] = Math.max(0, this.ringing[agent]! - 1)
    this.refresh(t, agent)
  }
  offerMissed(t: number, _call: number, agent: number, _queue: number): void {
    this.ringing[agent] = Math.max(0, this.ringing[agent]! - 1)
    this.refresh(t, agent)
  }
  offerCancelled(t: number, _call: number, agent: number, _queue: number, _reason: CancelReason): void {
    this.ringing[agent] = Math.max(0, this.ringing[agent]! - 1)
    this.refresh(t, agent)
  }
  outboundStarted(t: number, call: number, agent: number): void {
    const info = this.calls.get(call)
    if (info === undefined)
      this.calls.set(call, { kind: Kind.outbound, tenant: -1, agent, waitingIn: -1, answeredFrom: -1 })
    else info.agent = agent
    const current = this.active[agent]!
    if (current >= 0 && current !== call) this.held[agent]!.push(current)
    this.active[agent] = call
    this.refresh(t, agent)
  }
  callHeld(t: number, call: number, agent: number): void {
    if (this.active[agent] === call) this.active[agent] = -1
    if (!this.held[agent]!.includes(call)) this.held[agent]!.push(call)
    this.refresh(t, agent)
  }
  callResumed(t: number, call: number, agent: number): void {
    const held = this.held[agent]!
    const k = held.indexOf(call)
    if (k >= 0) held.splice(k, 1)
    const current = this.active[agent]!
    if (current >= 0 && current !== call) held.push(current)
    this.active[agent] = call
    this.lastTenant[agent] = this.calls.get(call)?.tenant ?? this.lastTenant[agent]!
    this.refresh(t, agent)
  }
  callAbandoned(t: number, call: number, _queue: number, _stage: AbandonStage): void {
    this.stopWaiting(t, call)
  }
  callEnded(t: number, call: number, _agent: number, _outcome: EndOutcome): void {
    this.stopWaiting(t, call)
    // Release the call from the agent it is with, active or held.
    const a = this.calls.get(call)?.agent ?? -1
    if (a >= 0) {
      const held = this.held[a]!
      const k = held.indexOf(call)
      if (this.active[a] === call) this.active[a] = -1
      else if (k >= 0) held.splice(k, 1)
      this.refresh(t, a)
    }
    this.calls.delete(call)
  }
  redialScheduled(_t: number, _call: number, _at: number): void {}
  wrapUpStarted(t: number, agent: number, call: number, queue: number, _duration: number): void {
    this.inWrapUp[agent] = 1
    this.wrapQueue[agent] = queue
    this.wrapTenant[agent] = this.calls.get(call)?.tenant ?? this.lastTenant[agent]!
    this.refresh(t, agent)
  }
  wrapUpEnded(t: number, agent: number): void {
    this.inWrapUp[agent] = 0
    this.refresh(t, agent)
  }
  agentStatusChanged(t: number, agent: number, status: AgentStatus, cause: StatusCause, _reason: number): void {
    this.status[agent] = status
    this.byMiss[agent] = status === Status.unavailable && cause === StatusCause.missPolicy ? 1 : 0
    this.refresh(t, agent)
  }
  agentOvertimeStarted(_t: number, _agent: number): void {}
  simulationEnded(t: number): void {
    this.end = t
    const seconds = t / 1000
    for (let a = 0; a < this.shown.length; a++) {
      const s = this.shown[a]!
      if (s >= 0 && seconds > this.since[a]!) this.push(a, this.since[a]!, seconds, s)
      this.since[a] = seconds
    }
  }

  /** The sample: call after the replication ended. */
  sample(): ReplicationSample {
    const max = this.options.maxPathPoints ?? 4000
    const end = this.end / 1000
    const keys = [
      "total",
      ...this.model.queues.map((q) => `queue:${q.id}`),
      ...this.model.tenants.map((t) => `tenant:${t.id}`)
    ]
    return {
      replication: this.options.replication ?? 0,
      end,
      agents: this.model.agents.map((a, k) => ({
        id: a.id,
        segments: this.segments[k]!.map((s) => [s[0], s[1], s[2]] as const)
      })),
      paths: keys.map((key, k) => ({
        key,
        queueLength: reducePath(this.waitingPath[k]!, max, end),
        busy: reducePath(this.busyPath[k]!, max, end)
      }))
    }
  }
}

/**
 * Reduces a step series to at most `max` points by keeping each equal time bucket's peak (placed at the
 * bucket's start); a series already short enough is returned as it is.
 */
export const reducePath = (path: ReadonlyArray<readonly [number, number]>, max: number, end: number): StepSeries => {
  if (path.length <= max || path.length === 0) return path.map(([t, v]) => [t, v] as const)
  const from = path[0]![0]
  const to = Math.max(end, path.at(-1)![0])
  const width = (to - from) / max
  const out: Array<readonly [number, number]> = []
  let k = 0
  let level = 0
  for (let b = 0; b < max; b++) {
    const start = from + b * width
    const stop = b === max - 1 ? Number.POSITIVE_INFINITY : start + width
    // the level holding at the bucket's start counts too
    let peak = level
    while (k < path.length && path[k]![0] < stop) {
      level = path[k]![1]
      peak = Math.max(peak, level)
      k++
    }
    if (out.length === 0 || out.at(-1)![1] !== peak) out.push([start, peak])
  }
  return out
}
