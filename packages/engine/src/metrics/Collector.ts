/**
 * The metrics observer: turns the engine's hook stream into streaming counters. Memory does not grow with the
 * number of calls: per-call state exists only while a call is in the system (typed-array slots, reused),
 * everything else is counters per scope × reporting interval ({@link ScopeCounters}), agent counters
 * ({@link AgentLedger}), time-weighted levels and fixed-size histograms. Definitions: README.md in this folder.
 */
import type { ServiceLevelDefinition } from "@ccsim/scenario"
import type { Model } from "../Model.ts"
import type {
  AbandonStage,
  AgentStatus,
  CallKind,
  CancelReason,
  Observer,
  RolloverReason,
  StatusCause,
  StepKind
} from "../Observer.ts"
import * as observer from "../Observer.ts"
import * as histogram from "../stats/Histogram.ts"
import * as agentLedger from "./AgentLedger.ts"
import * as callSlots from "./CallSlots.ts"
import * as countersModule from "./Counters.ts"
import * as levels from "./Levels.ts"
import type { CallScopeResult, IntervalLevels, ReplicationResult } from "./Result.ts"
import * as result from "./Result.ts"
import * as scopeCounters from "./ScopeCounters.ts"
import * as window from "./Window.ts"

// Module-local copies of the imports: V8 folds a module's own constants into the machine code but reads an
// imported binding at every use (engine README, "Imports in hot modules").
const { CallKindNames, StatusCause: Cause, EndOutcome, HoldReason, CallKind: Kind, StepKind: Step } = observer
const { bucketOf } = histogram
const { AGENT_LEVELS, AgentLedger, L_BUSY, L_IDLE, L_SIGNED_IN, L_WORK } = agentLedger
const { CallSlots } = callSlots
const { AgentCounter: AC, AGENT_COUNTER_COUNT, CallCounter: CC } = countersModule
const { IntervalClock, Levels } = levels
const { RESULTS_VERSION, scenarioServiceLevelDefinition } = result
const { ScopeCounters } = scopeCounters
const { groupTotals, intervalDurations, scheduledTime } = window
type IntervalClock = levels.IntervalClock
type ScopeCounters = scopeCounters.ScopeCounters
type Levels = levels.Levels
type AgentLedger = agentLedger.AgentLedger
type HoldReason = observer.HoldReason
type EndOutcome = observer.EndOutcome

/** Options of a collector. */
export interface CollectorOptions {
  /**
   * End of the warm-up, ms after midnight: calls arriving before it are not counted, nor is time before it
   * (steady-state mode). Omitted: everything counts (terminating day).
   */
  readonly warmupEnd?: number
}

const ROLLOVER_COUNTER = [CC.rolledOverMaxWait, CC.rolledOverQueueFull, CC.rolledOverNoAgents, CC.rolledOverAfterHours]
const TERMINAL_COUNTER: Partial<Record<number, number>> = {
  [EndOutcome.answeringService]: CC.answeringService,
  [EndOutcome.voicemail]: CC.voicemail,
  [EndOutcome.hungUp]: CC.hungUp,
  [EndOutcome.unanswered]: CC.unanswered
}

/** Streaming metrics of one replication; an {@link Observer}. Read the result with {@link MetricsCollector.result}. */
export class MetricsCollector implements Observer {
  /** The compiled model the collector measures. */
  readonly model: Model
  private readonly from: number
  private readonly clock: IntervalClock
  private readonly threshold: Float64Array
  private readonly shortAbandon: number
  private readonly scopes: ScopeCounters
  // Time-weighted levels: the agents' staffing levels, then calls waiting per call scope.
  private readonly levels: Levels
  private readonly agents: AgentLedger
  private firstT = Number.POSITIVE_INFINITY
  private endT = Number.NaN

  // Per-call state, by slot; `slots` maps a call number to its slot while the call is in the system.
  private readonly slots = new CallSlots()
  private capacity = 0
  private arrival = new Float64Array(0)
  private interval = new Int32Array(0)
  private kind = new Int8Array(0)
  private tenant = new Int32Array(0)
  private counted = new Uint8Array(0)
  private waiting = new Uint8Array(0)
  /** The queue the call is visiting (−1: none) and whether it is in that queue's line. */
  private queue = new Int32Array(0)
  private queued = new Uint8Array(0)
  private lastQueue = new Int32Array(0)
  private answered = new Uint8Array(0)
  private abandoned = new Uint8Array(0)
  private answerT = new Float64Array(0)
  private agentOf = new Int32Array(0)
  private answerQueue = new Int32Array(0)
  private held = new Uint8Array(0)
  private holdStart = new Float64Array(0)
  private holdMs = new Float64Array(0)

  // The last call each agent finished, for the wrap-up that follows it (the call may have left by then).
  private readonly finishedCall: Int32Array
  private readonly finishedInterval: Int32Array
  private readonly finishedKind: Int8Array
  private readonly finishedTenant: Int32Array
  private readonly finishedQueue: Int32Array
  private readonly finishedCounted: Uint8Array

  constructor(model: Model, options: CollectorOptions = {}) {
    this.model = model
    this.from = options.warmupEnd ?? Number.NEGATIVE_INFINITY
    const intervals = Math.max(1, model.intervalCount)
    this.clock = new IntervalClock(model.open, model.intervalMs, intervals)
    this.threshold = Float64Array.from(model.queues, (q) => q.serviceLevelThreshold)
    this.shortAbandon = model.settings.shortAbandonThreshold
    this.scopes = new ScopeCounters(model.queues.length, model.tenants.length, intervals)
    this.levels = new Levels(AGENT_LEVELS + this.scopes.scopeCount, this.clock, this.from)
    const n = model.agents.length
    this.agents = new AgentLedger(n, this.levels, this.from)
    this.finishedCall = new Int32Array(n).fill(-1)
    this.finishedInterval = new Int32Array(n)
    this.finishedKind = new Int8Array(n)
    this.finishedTenant = new Int32Array(n)
    this.finishedQueue = new Int32Array(n)
    this.finishedCounted = new Uint8Array(n)
    this.grow(64)
  }

  // ---------------------------------------------------------------- observer hooks

  callArrived(
    t: number,
    call: number,
    kind: CallKind,
    tenant: number,
    _known: boolean,
    _source: number,
    redialOf: number
  ): void {
    if (t < this.firstT) this.firstT = t
    const s = this.slots.add(call)
    if (this.slots.capacity > this.capacity) this.grow(this.capacity * 2)
    const i = this.clock.binOf(t)
    this.arrival[s] = t
    this.interval[s] = i
    this.kind[s] = kind
    this.tenant[s] = tenant
    const counted = t >= this.from ? 1 : 0
    this.counted[s] = counted
    this.queue[s] = -1
    this.queued[s] = 0
    this.lastQueue[s] = -1
    this.answered[s] = 0
    this.abandoned[s] = 0
    this.agentOf[s] = -1
    this.answerQueue[s] = -1
    this.held[s] = 0
    this.holdMs[s] = 0
    if (counted === 1) {
      this.scopes.select(i, kind, tenant, -1)
      this.scopes.inc(CC.offered, 1)
      if (redialOf >= 0) this.scopes.inc(CC.redials, 1)
    }
    this.waiting[s] = 1
    this.changeWaiting(kind, tenant, t, 1)
  }

  callRouted(t: number, call: number, step: StepKind, target: number): void {
    if (step !== Step.queue || target < 0) return
    const s = this.slots.get(call)
    if (s >= 0 && this.queue[s] !== target) this.enterQueue(s, target, t)
  }

  callQueued(t: number, call: number, queue: number): void {
    const s = this.slots.get(call)
    if (s < 0 || queue < 0) return
    if (this.queue[s] !== queue) this.enterQueue(s, queue, t)
    if (this.queued[s] === 0) {
      this.queued[s] = 1
      this.levels.change(AGENT_LEVELS + this.scopes.queueScope(queue), t, 1)
    }
  }

  callRolledOver(t: number, call: number, queue: number, reason: RolloverReason): void {
    const s = this.slots.get(call)
    if (s < 0) return
    // An overflow at entry may come without callQueued: the call still visited the queue.
    if (queue >= 0 && this.queue[s] !== queue) this.enterQueue(s, queue, t)
    const q = this.queue[s]!
    const wait = t - this.arrival[s]!
    this.leaveQueue(s, t)
    if (this.counted[s] === 0) return
    const i = this.interval[s]!
    this.scopes.select(i, this.kind[s]!, this.tenant[s]!, q)
    this.scopes.inc(CC.rolledOver, 1)
    this.scopes.inc(ROLLOVER_COUNTER[reason] ?? CC.rolledOverMaxWait, 1)
    if (q >= 0) {
      // The queue's own view: the call's wait ended there.
      const counters = this.scopes.counters
      const b = this.scopes.offset(this.scopes.queueScope(q), i)
      counters[b + CC.waitAllMs]! += wait
      if (wait > 0) counters[b + CC.waited]! += 1
      if (wait > counters[b + CC.maxWaitMs]!) counters[b + CC.maxWaitMs] = wait
    }
  }

  offerStarted(t: number, _call: number, agent: number, queue: number): void {
    if (agent < 0) return
    this.agents.count(agent, AC.offers, t)
    if (queue >= 0) this.agents.count(agent, AC.queueOffers, t)
  }

  offerAccepted(t: number, call: number, agent: number, queue: number): void {
    const s = this.slots.get(call)
    let kind: number = queue >= 0 ? Kind.queue : Kind.direct
    if (s >= 0) {
      if (this.answered[s] === 1) return
      // A queue call rolled over to a direct line is answered there as a direct call (R1, R7).
      kind = queue >= 0 ? Kind.queue : this.kind[s] === Kind.queue ? Kind.direct : this.kind[s]!
      this.answer(s, t, agent, queue)
    }
    if (agent < 0) return
    this.agents.changeCalls(agent, t, 1, 0)
    this.agents.count(agent, AC.answered, t)
    if (kind === Kind.queue) this.agents.count(agent, AC.queueAnswered, t)
    else if (kind === Kind.internal) this.agents.count(agent, AC.internalAnswered, t)
    else if (kind === Kind.direct) this.agents.count(agent, AC.directAnswered, t)
  }

  offerRejected(t: number, _call: number, agent: number, queue: number): void {
    if (agent >= 0) this.agents.count(agent, queue >= 0 ? AC.rejects : AC.directRejects, t)
  }

  offerMissed(t: number, _call: number, agent: number, queue: number): void {
    if (agent >= 0) this.agents.count(agent, queue >= 0 ? AC.misses : AC.directMisses, t)
  }

  offerCancelled(t: number, _call: number, agent: number, _queue: number, _reason: CancelReason): void {
    if (agent >= 0) this.agents.count(agent, AC.cancelledOffers, t)
  }

  outboundStarted(t: number, call: number, agent: number): void {
    if (this.slots.get(call) < 0) this.callArrived(t, call, Kind.outbound, -1, true, -1, -1)
    const s = this.slots.get(call)
    if (this.answered[s] === 0) this.answer(s, t, agent, -1)
    if (agent < 0) return
    this.agents.changeCalls(agent, t, 1, 0)
    this.agents.count(agent, AC.outbound, t)
  }

  callHeld(t: number, call: number, agent: number, reason: HoldReason, _duration: number): void {
    const s = this.slots.get(call)
    if (s < 0 || this.held[s] === 1) return
    this.held[s] = 1
    this.holdStart[s] = t
    // Hold time counts either way (handle time = talk + hold + wrap-up); `holds` counts Hold & Accept only.
    const accept = reason !== HoldReason.customer
    const a = agent >= 0 ? agent : this.agentOf[s]!
    if (a >= 0) {
      this.agents.changeCalls(a, t, -1, 1)
      if (accept) this.agents.count(a, AC.holds, t)
    }
    if (accept && this.counted[s] === 1) {
      this.scopes.select(this.interval[s]!, this.kind[s]!, this.tenant[s]!, this.answerQueue[s]!)
      this.scopes.inc(CC.holds, 1)
    }
  }

  callResumed(t: number, call: number, agent: number): void {
    const s = this.slots.get(call)
    if (s < 0 || this.held[s] === 0) return
    this.held[s] = 0
    this.holdMs[s]! += t - this.holdStart[s]!
    const a = agent >= 0 ? agent : this.agentOf[s]!
    if (a >= 0) this.agents.changeCalls(a, t, 1, -1)
  }

  callAbandoned(t: number, call: number, queue: number, _stage: AbandonStage): void {
    const s = this.slots.get(call)
    if (s < 0) return
    if (this.answered[s] === 0) {
      this.abandon(s, t, queue)
      return
    }
    // On hold (R13/R15): the caller was answered; counted apart as a held abandon.
    if (this.counted[s] === 1 && this.abandoned[s] === 0) {
      this.scopes.select(this.interval[s]!, this.kind[s]!, this.tenant[s]!, this.answerQueue[s]!)
      this.scopes.inc(CC.heldAbandons, 1)
    }
    this.abandoned[s] = 1
  }

  callEnded(t: number, call: number, _agent: number, outcome: EndOutcome): void {
    const s = this.slots.get(call)
    if (s < 0) return
    this.end(s, t, outcome)
    this.slots.remove(call)
  }

  redialScheduled(_t: number, _call: number, _at: number): void {}

  wrapUpStarted(t: number, agent: number, call: number, queue: number, duration: number): void {
    if (agent >= 0) {
      this.agents.setWrapUp(agent, t, true)
      this.agents.count(agent, AC.wrapUps, t)
    }
    // Attribute the wrap-up to its call's scopes: the call may still be in the system or just ended.
    const s = this.slots.get(call)
    if (s >= 0) {
      if (this.counted[s] === 0) return
      this.scopes.select(this.interval[s]!, this.kind[s]!, this.tenant[s]!, queue >= 0 ? queue : this.answerQueue[s]!)
    } else if (agent >= 0 && this.finishedCall[agent] === call && this.finishedCounted[agent] === 1) {
      const q = queue >= 0 ? queue : this.finishedQueue[agent]!
      this.scopes.select(this.finishedInterval[agent]!, this.finishedKind[agent]!, this.finishedTenant[agent]!, q)
    } else return
    this.scopes.inc(CC.wrapUps, 1)
    this.scopes.inc(CC.wrapUpMs, duration)
  }

  wrapUpEnded(t: number, agent: number): void {
    if (agent >= 0) this.agents.setWrapUp(agent, t, false)
  }

  agentStatusChanged(t: number, agent: number, status: AgentStatus, cause: StatusCause, _reason: number): void {
    if (t < this.firstT) this.firstT = t
    if (agent < 0) return
    this.agents.setStatus(agent, t, status, cause === Cause.missPolicy)
    if (cause === Cause.missPolicy) this.agents.count(agent, AC.missUnavailable, t)
    if (cause === Cause.shift || cause === Cause.break) this.agents.endOvertime(agent, t)
  }

  agentOvertimeStarted(t: number, agent: number): void {
    if (agent >= 0) this.agents.startOvertime(agent, t)
  }

  simulationEnded(t: number): void {
    // Calls the engine did not end (it should have): end them as still in the system.
    for (const call of this.slots.calls()) {
      this.end(this.slots.get(call), t, EndOutcome.inProgressAtEnd)
      this.slots.remove(call)
    }
    this.agents.finish(t)
    this.levels.flushAll(t)
    if (t < this.firstT) this.firstT = t
    this.endT = t
  }

  // ---------------------------------------------------------------- results

  /** True once `simulationEnded` was observed. */
  get finished(): boolean {
    return !Number.isNaN(this.endT)
  }

  /**
   * The replication's result. `violations` is the number of conformance violations when the run was
   * checked, null otherwise. Throws if the simulation has not ended.
   */
  result(replication: number, violations: number | null = null): ReplicationResult {
    if (!this.finished) throw new Error("MetricsCollector.result: the simulation has not ended")
    const model = this.model
    const clock = this.clock
    const I = clock.intervalCount
    const windowStart = Math.max(this.from, Math.min(model.open, this.firstT))
    const windowEnd = this.endT
    const durations = intervalDurations(clock, windowStart, windowEnd)
    const scheduled = new Float64Array(I)
    const scheduledByAgent = scheduledTime(model.agents, clock, windowStart, windowEnd, scheduled)
    const agents = model.agents.map((agent, a) => {
      this.agents.counters[a * AGENT_COUNTER_COUNT + AC.scheduledMs] = scheduledByAgent[a]!
      return { id: agent.id, group: agent.group, agents: 1, counts: this.agents.counts(a) }
    })
    const bins = this.levels.bins
    const intervals: Array<IntervalLevels> = []
    for (let i = 0; i < I; i++) {
      intervals.push({
        start: model.open + i * model.intervalMs,
        durationMs: durations[i]!,
        scheduledMs: scheduled[i]!,
        signedInMs: bins[L_SIGNED_IN * I + i]!,
        idleMs: bins[L_IDLE * I + i]!,
        busyMs: bins[L_BUSY * I + i]!,
        workMs: bins[L_WORK * I + i]!,
        waitHistogram: this.scopes.intervalHistogram(i)
      })
    }
    const sc = this.scopes
    const definition = scenarioServiceLevelDefinition(model.queues)
    return {
      resultsVersion: RESULTS_VERSION,
      replications: [replication],
      serviceLevelDefinition: definition,
      warmupMs: Number.isFinite(this.from) ? Math.max(0, this.from - model.open) : 0,
      measuredMs: Math.max(0, windowEnd - windowStart),
      violations,
      total: this.scopeResult(0, "total", definition, null),
      queues: model.queues.map((q, k) =>
        this.scopeResult(sc.queueScope(k), q.id, q.serviceLevelDefinition, q.serviceLevelThreshold)
      ),
      tenants: model.tenants.map((tn, k) => this.scopeResult(sc.tenantScope(k), tn.id, definition, null)),
      callTypes: CallKindNames.map((name, k) => this.scopeResult(sc.typeScope(k), name, definition, null)),
      agents,
      groups: groupTotals(agents),
      intervals
    }
  }

  private scopeResult(
    scope: number,
    id: string,
    definition: ServiceLevelDefinition,
    thresholdMs: number | null
  ): CallScopeResult {
    const bins = this.levels.bins
    const I = this.clock.intervalCount
    const data = this.scopes.scopeData(scope, (i) => bins[(AGENT_LEVELS + scope) * I + i]!)
    return { id, serviceLevelDefinition: definition, serviceLevelThresholdMs: thresholdMs, ...data }
  }

  // ---------------------------------------------------------------- call accounting

  /** Calls waiting: the call type's level (the total for queue calls) and, for queue calls, the tenant's. */
  private changeWaiting(kind: number, tenant: number, t: number, delta: number): void {
    this.levels.change(AGENT_LEVELS + this.scopes.typeScope(kind), t, delta)
    if (kind === Kind.queue) {
      const scope = this.scopes.tenantScope(tenant)
      if (scope >= 0) this.levels.change(AGENT_LEVELS + scope, t, delta)
    }
  }

  private enterQueue(s: number, q: number, t: number): void {
    if (this.queue[s]! >= 0) this.leaveQueue(s, t)
    this.queue[s] = q
    this.lastQueue[s] = q
    this.queued[s] = 0
    if (this.counted[s] === 1) {
      const b = this.scopes.offset(this.scopes.queueScope(q), this.interval[s]!)
      this.scopes.counters[b + CC.offered]! += 1
    }
  }

  private leaveQueue(s: number, t: number): void {
    const q = this.queue[s]!
    if (q >= 0 && this.queued[s] === 1) this.levels.change(AGENT_LEVELS + this.scopes.queueScope(q), t, -1)
    this.queued[s] = 0
    this.queue[s] = -1
  }

  private leaveWaiting(s: number, t: number): void {
    if (this.waiting[s] === 0) return
    this.waiting[s] = 0
    this.changeWaiting(this.kind[s]!, this.tenant[s]!, t, -1)
  }

  /** The service-level threshold for a call leaving queue q (or the last queue it was in), or −1. */
  private thresholdFor(s: number, q: number): number {
    const k = q >= 0 ? q : this.lastQueue[s]!
    return k >= 0 ? this.threshold[k]! : -1
  }

  private answer(s: number, t: number, agent: number, queue: number): void {
    const q = queue >= 0 ? queue : this.queue[s]!
    const wait = t - this.arrival[s]!
    this.leaveWaiting(s, t)
    this.leaveQueue(s, t)
    this.answered[s] = 1
    this.answerT[s] = t
    this.agentOf[s] = agent
    this.answerQueue[s] = q
    if (q >= 0) this.lastQueue[s] = q
    if (this.counted[s] === 0) return
    const i = this.interval[s]!
    const k = this.kind[s]!
    const threshold = this.thresholdFor(s, q)
    const sc = this.scopes
    sc.select(i, k, this.tenant[s]!, q)
    sc.answered(wait, threshold >= 0 && wait <= threshold ? 1 : 0)
    const bucket = bucketOf(wait)
    sc.record(sc.waitHist, bucket)
    if (k === Kind.queue) sc.recordInterval(i, bucket)
  }

  private abandon(s: number, t: number, queue: number): void {
    if (this.abandoned[s] === 1) return
    this.abandoned[s] = 1
    const q = queue >= 0 ? queue : this.queue[s]!
    const wait = t - this.arrival[s]!
    const threshold = this.thresholdFor(s, q)
    this.leaveWaiting(s, t)
    this.leaveQueue(s, t)
    if (this.counted[s] === 0) return
    const sc = this.scopes
    sc.select(this.interval[s]!, this.kind[s]!, this.tenant[s]!, q)
    sc.inc(CC.abandoned, 1)
    sc.inc(CC.waitAbandonedMs, wait)
    sc.inc(CC.waitAllMs, wait)
    if (wait > 0) sc.inc(CC.waited, 1)
    sc.raise(CC.maxWaitMs, wait)
    if (wait <= this.shortAbandon) sc.inc(CC.shortAbandoned, 1)
    if (threshold >= 0 && wait <= threshold) sc.inc(CC.abandonedWithin, 1)
    sc.record(sc.abandonHist, bucketOf(wait))
  }

  private end(s: number, t: number, outcome: EndOutcome): void {
    const i = this.interval[s]!
    const k = this.kind[s]!
    const tn = this.tenant[s]!
    const counted = this.counted[s] === 1
    const sc = this.scopes
    if (this.answered[s] === 1) {
      const a = this.agentOf[s]!
      const held = this.held[s] === 1
      if (held) this.holdMs[s]! += t - this.holdStart[s]!
      this.held[s] = 0
      if (a >= 0) {
        this.agents.changeCalls(a, t, held ? 0 : -1, held ? -1 : 0)
        this.finishedCall[a] = this.slots.callIn(s)
        this.finishedInterval[a] = i
        this.finishedKind[a] = k
        this.finishedTenant[a] = tn
        this.finishedQueue[a] = this.answerQueue[s]!
        this.finishedCounted[a] = counted ? 1 : 0
      }
      if (!counted) return
      sc.select(i, k, tn, this.answerQueue[s]!)
      if (outcome === EndOutcome.inProgressAtEnd) {
        // Cut off by the horizon: its length is unknown (and likely long: long calls are the ones cut), so it is
        // counted apart rather than biasing handle times low as a short completed call.
        sc.inc(CC.connectedAtEnd, 1)
        sc.inc(CC.connectedAtEndMs, t - this.answerT[s]!)
        return
      }
      const hold = this.holdMs[s]!
      sc.inc(CC.handled, 1)
      sc.inc(CC.talkMs, t - this.answerT[s]! - hold)
      sc.inc(CC.holdMs, hold)
      return
    }
    if (outcome === EndOutcome.abandoned) {
      this.abandon(s, t, -1)
      return
    }
    if (this.abandoned[s] === 1) return
    const wait = t - this.arrival[s]!
    const q = this.queue[s]!
    this.leaveWaiting(s, t)
    this.leaveQueue(s, t)
    if (!counted) return
    if (outcome === EndOutcome.inProgressAtEnd) {
      // Still waiting when a steady-state run stopped: outcome unknown, wait so far kept apart.
      sc.select(i, k, tn, q)
      sc.inc(CC.inSystemAtEnd, 1)
      sc.inc(CC.waitInSystemAtEndMs, wait)
      return
    }
    sc.select(i, k, tn, -1)
    sc.inc(TERMINAL_COUNTER[outcome] ?? CC.unanswered, 1)
    sc.inc(CC.waitAllMs, wait)
    if (wait > 0) sc.inc(CC.waited, 1)
    sc.raise(CC.maxWaitMs, wait)
  }

  private grow(capacity: number): void {
    const copy = <T extends Float64Array | Int32Array | Int8Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity)
      next.set(old)
      return next
    }
    const f64 = (n: number) => new Float64Array(n)
    const i32 = (n: number) => new Int32Array(n)
    const i8 = (n: number) => new Int8Array(n)
    const u8 = (n: number) => new Uint8Array(n)
    this.arrival = copy(this.arrival, f64)
    this.interval = copy(this.interval, i32)
    this.kind = copy(this.kind, i8)
    this.tenant = copy(this.tenant, i32)
    this.counted = copy(this.counted, u8)
    this.waiting = copy(this.waiting, u8)
    this.queue = copy(this.queue, i32)
    this.queued = copy(this.queued, u8)
    this.lastQueue = copy(this.lastQueue, i32)
    this.answered = copy(this.answered, u8)
    this.abandoned = copy(this.abandoned, u8)
    this.answerT = copy(this.answerT, f64)
    this.agentOf = copy(this.agentOf, i32)
    this.answerQueue = copy(this.answerQueue, i32)
    this.held = copy(this.held, u8)
    this.holdStart = copy(this.holdStart, f64)
    this.holdMs = copy(this.holdMs, f64)
    this.capacity = capacity
  }
}
