/**
 * The checker's state and the lookups every check shares: the shadow agents, calls and queues, the violations
 * found, and who is eligible for a queue offer now. Kept apart from the checks themselves (Offers.ts, Instant.ts,
 * Agents.ts, Checker.ts) so that each file reads on its own.
 */
import { formatClockTime } from "@ccsim/scenario/clock-time"
import { callIdOf } from "../Compile.ts"
import type { Model, QueueModel } from "../Model.ts"
import { AgentStatus, CallKind } from "../Observer.ts"
import { Deadlines } from "./Deadlines.ts"
import { AgentShadow, type CallShadow, type OfferShadow, type QueueVisit } from "./Shadow.ts"
import type { RuleId, Violation } from "./Violation.ts"

/** Options of the checker. */
export interface CheckerOptions {
  /** Names a call index in violations; the trace's call id (scripted id or `c<n>`) when omitted. */
  readonly callId?: (call: number) => string
  /**
   * At the end of every instant, check that no eligible agent idles while a call waits in their queue (R9, R14:
   * a missed or rejected call goes to the next agent at once). On by default.
   */
  readonly workConserving?: boolean
}

/** What the checker knows of a call number. */
export const CALL_UNKNOWN = 0
export const CALL_LIVE = 1
export const CALL_ENDED = 2
export const CALL_ABANDONED = 3

/** The shared state of one checker. */
export class CheckerCore {
  readonly found: Array<Violation> = []
  readonly callId: (call: number) => string
  readonly workConserving: boolean
  readonly agents: Array<AgentShadow>
  readonly waiting: Array<Set<CallShadow>>
  readonly memberTier: Array<Map<number, number>>
  readonly directRingTimeout: Array<number>
  readonly blocksQueueOffers: Array<boolean>
  private readonly anyBlocking: boolean
  callState = new Uint8Array(1024)
  readonly calls = new Map<number, CallShadow>()
  /** Scheduled redials: original call → arrival time and caller priority. */
  readonly redials = new Map<number, { readonly at: number; readonly priority: number }>()
  /** Priorities of calls that ended in the current instant (a redial may be scheduled right after the end). */
  readonly endedPriority = new Map<number, number>()
  readonly deadlines = new Deadlines()
  readonly dirtyCalls = new Set<CallShadow>()
  readonly dirtyAgents = new Set<AgentShadow>()
  now = Number.NEGATIVE_INFINITY
  event = ""
  finished = false

  readonly model: Model

  constructor(model: Model, options: CheckerOptions = {}) {
    this.model = model
    this.callId = options.callId ?? ((call) => callIdOf(model, call))
    this.workConserving = options.workConserving ?? true
    this.agents = model.agents.map((agent) => new AgentShadow(agent.index))
    this.waiting = model.queues.map(() => new Set<CallShadow>())
    this.memberTier = model.queues.map((queue) => new Map(queue.members.map((m) => [m.agent, m.tier])))
    this.directRingTimeout = model.agents.map((agent) => agent.behaviour.directRingTimeout)
    const blocking = model.settings.nonQueueCallsBlockQueueOffers
    this.blocksQueueOffers = [
      false,
      blocking.includes("direct"),
      blocking.includes("internal"),
      blocking.includes("outbound")
    ]
    this.anyBlocking = blocking.length > 0
  }

  /** The call still on this queue visit, if any. */
  findVisitor(visit: QueueVisit): CallShadow | undefined {
    for (const c of this.waiting[visit.queue]!) if (c.visit === visit) return c
    return undefined
  }

  /** The call leaves its queue (answered, rolled over or ended). */
  leaveQueue(c: CallShadow): void {
    if (c.visit !== undefined) this.waiting[c.visit.queue]!.delete(c)
    c.visit = undefined
  }

  /** The call, or a violation when it never arrived or already ended. */
  live(call: number, agent = -1): CallShadow | undefined {
    const c = this.calls.get(call)
    if (c !== undefined) return c
    const state = this.stateOf(call)
    this.report(
      "I",
      state === CALL_UNKNOWN ? "an event for a call that never arrived" : "an event after the call ended",
      call,
      agent
    )
    return undefined
  }

  /** What is known of a call number: unknown, live, ended or ended by a hang-up. */
  stateOf(call: number): number {
    return call < this.callState.length ? this.callState[call]! : CALL_UNKNOWN
  }

  setState(call: number, state: number): void {
    if (call >= this.callState.length) {
      let size = this.callState.length * 2
      while (size <= call) size *= 2
      const grown = new Uint8Array(size)
      grown.set(this.callState)
      this.callState = grown
    }
    this.callState[call] = state
  }

  /** Where the call is, in words. */
  callStage(c: CallShadow): string {
    if (c.participants.some((a) => this.agents[a]!.held.includes(c))) return "is on hold"
    if (c.answeredBy >= 0) return `is talking to ${this.agentId(c.answeredBy)}`
    if (c.ringing.length > 0) return `rings at ${this.agentList(c.ringing)}`
    if (c.visit !== undefined) return `waits in ${this.queueId(c.visit.queue)}`
    return "is neither waiting, ringing nor on hold"
  }

  /** Records a violation at the current time and event. */
  report(rule: RuleId, message: string, call = -1, agent = -1): void {
    this.reportAt(this.now, rule, message, call, agent)
  }

  reportAt(t: number, rule: RuleId, message: string, call = -1, agent = -1): void {
    this.found.push({
      t,
      at: formatClockTime(Math.max(0, t)),
      event: this.event,
      ...(call >= 0 ? { call: this.callId(call) } : {}),
      ...(agent >= 0 ? { agent: this.agentId(agent) } : {}),
      rule,
      message
    })
  }

  agentId(agent: number): string {
    return this.model.agents[agent]?.id ?? `agent #${agent}`
  }

  queueId(queue: number): string {
    return this.model.queues[queue]?.id ?? `queue #${queue}`
  }

  reasonName(reason: number): string {
    return reason < 0 ? "(none)" : (this.model.reasons[reason] ?? `#${reason}`)
  }

  agentList(offers: ReadonlyArray<OfferShadow>): string {
    return offers.map((o) => this.agentId(o.agent)).join(", ")
  }

  /** Eligible for a queue offer now, ignoring membership and tiers. */
  eligible(a: AgentShadow, t: number): boolean {
    if (a.status !== AgentStatus.available || a.pendingSwitch !== undefined || a.leaving(t)) return false
    if (this.queueEngaged(a) || this.blockingKind(a) >= 0) return false
    if (a.wrapUp !== undefined || (a.wrapUpDue !== undefined && a.wrapUpDue.t === t)) return false
    if (!this.model.settings.holdAndAccept && a.active.length + a.held.length > 0) return false
    return true
  }

  /** Whether the offer rule lets `agent` get this call now (R9: others first, retry delay). */
  reofferAllowed(t: number, visit: QueueVisit, q: QueueModel, agent: number): boolean {
    const policy = this.model.settings.reofferSameAgent
    if (policy === "never") return !visit.triedEver.has(agent)
    if (!visit.tried.has(agent)) return true
    // With a retry delay (or after an offer that lasted no time) the next cycle starts on a timer this checker does
    // not model, so an agent who already failed the call is never owed it.
    if (q.retryDelay > 0 || visit.sawZeroLength) return false
    return policy === "immediately" || this.untriedEligible(t, visit, q) < 0
  }

  /** An eligible member whose tier is open and who has not failed this call in the current cycle, or −1. */
  untriedEligible(t: number, visit: QueueVisit, q: QueueModel): number {
    for (const m of q.members) {
      if (visit.tried.has(m.agent) || !tierOpen(q, m.tier, visit, t)) continue
      if (this.eligible(this.agents[m.agent]!, this.now)) return m.agent
    }
    return -1
  }

  /** What keeps the agent from another queue call (R5), or undefined. */
  queueEngagement(a: AgentShadow): string | undefined {
    for (const offer of a.offers) if (offer.queue >= 0) return `call ${this.callId(offer.call.index)} rings`
    for (const c of a.active) if (c.answeredQueue >= 0) return `on queue call ${this.callId(c.index)}`
    for (const c of a.held) if (c.answeredQueue >= 0) return `queue call ${this.callId(c.index)} is on hold`
    return undefined
  }

  /** Whether {@link queueEngagement} finds something (without building its message: this runs very often). */
  queueEngaged(a: AgentShadow): boolean {
    for (const offer of a.offers) if (offer.queue >= 0) return true
    for (const c of a.active) if (c.answeredQueue >= 0) return true
    for (const c of a.held) if (c.answeredQueue >= 0) return true
    return false
  }

  /** A non-queue call that blocks queue offers under `settings.nonQueueCallsBlockQueueOffers`, or undefined. */
  blockingCall(a: AgentShadow): string | undefined {
    const kind = this.blockingKind(a)
    return kind >= 0 ? kindName(kind) : undefined
  }

  /** The kind of the first blocking non-queue call (active calls first, then held ones), or −1. */
  blockingKind(a: AgentShadow): number {
    if (!this.anyBlocking) return -1
    for (const c of a.active) {
      const kind = this.blocking(c)
      if (kind >= 0) return kind
    }
    for (const c of a.held) {
      const kind = this.blocking(c)
      if (kind >= 0) return kind
    }
    return -1
  }

  private blocking(c: CallShadow): number {
    if (c.answeredQueue >= 0) return -1
    const kind = c.kind === CallKind.queue ? CallKind.direct : c.kind
    return this.blocksQueueOffers[kind] ? kind : -1
  }
}

export const secs = (ms: number): string => `${ms / 1000}s`

export const kindName = (kind: number): string => ["queue", "direct", "internal", "outbound"][kind] ?? `kind ${kind}`

export const tierOpen = (q: QueueModel, tier: number, visit: QueueVisit, t: number): boolean =>
  q.tierWait <= 0 || tier <= 1 || t - visit.entry >= (tier - 1) * q.tierWait

/** Removes the first occurrence of `item`, keeping the order (without `splice`, which allocates). */
export const remove = <A>(list: Array<A>, item: A): void => {
  const i = list.indexOf(item)
  if (i < 0) return
  for (let j = i + 1; j < list.length; j++) list[j - 1] = list[j]!
  list.pop()
}
