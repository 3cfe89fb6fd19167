/**
 * Agents: status, activity (the calls and offers that make it up), counters for strategies and R11, and each
 * agent's memberships sorted for matching — typed arrays indexed by agent.
 */
import type { Model } from "../Model.ts"
import * as observer from "../Observer.ts"
import * as events from "./Events.ts"

// Module-local copies of the imports: V8 folds a module's own constants into the machine code but reads an
// imported binding at every use (engine README, "Imports in hot modules").
const { AgentStatus } = observer
const { NO_EVENT, Pending } = events

const i32 = (n: number, fill: number): Int32Array<ArrayBuffer> => new Int32Array(n).fill(fill)

export class AgentTable {
  /** AgentStatus. */
  readonly status: Uint8Array
  readonly reason: Int32Array
  /** StatusCause of the current status. */
  readonly cause: Uint8Array
  readonly active: Int32Array
  readonly heldTop: Int32Array
  readonly queueCall: Int32Array
  readonly qOfferQueue: Int32Array
  readonly qOfferEv: Int32Array
  /** ResponseCode of the ringing queue offer. */
  readonly qOfferResp: Uint8Array
  readonly qOfferStart: Float64Array
  readonly dOffer: Int32Array
  readonly dOfferEv: Int32Array
  readonly dOfferResp: Uint8Array
  readonly dOfferStart: Float64Array
  readonly wrap: Uint8Array
  readonly wrapEv: Int32Array
  readonly idleSince: Float64Array
  readonly answered: Int32Array
  readonly talk: Float64Array
  readonly miss: Int32Array
  readonly reject: Int32Array
  readonly shared: Int32Array
  readonly offers: Int32Array
  /** Pending. */
  readonly pending: Uint8Array
  readonly pendingCause: Uint8Array
  readonly recoverEv: Int32Array
  readonly inBreak: Uint8Array
  readonly savedStatus: Uint8Array
  readonly savedReason: Int32Array
  readonly outEv: Int32Array
  readonly intEv: Int32Array
  readonly outRestore: Uint8Array
  /** 1 while the agent is in the member sets of its queues. */
  readonly eligible: Uint8Array
  /** Memberships sorted by (membership priority desc, queue priority desc, file order): [start, end) per agent. */
  readonly memberStart: Int32Array
  readonly memberQueue: Int32Array
  /** The agent's position in that queue's member list. */
  readonly memberPos: Int32Array
  readonly memberPriority: Int32Array
  readonly memberQueuePriority: Int32Array

  constructor(model: Model) {
    const A = model.agents.length
    this.status = new Uint8Array(A).fill(AgentStatus.signedOut)
    this.reason = i32(A, -1)
    this.cause = new Uint8Array(A)
    this.active = i32(A, -1)
    this.heldTop = i32(A, -1)
    this.queueCall = i32(A, -1)
    this.qOfferQueue = i32(A, -1)
    this.qOfferEv = i32(A, NO_EVENT)
    this.qOfferResp = new Uint8Array(A)
    this.qOfferStart = new Float64Array(A)
    this.dOffer = i32(A, -1)
    this.dOfferEv = i32(A, NO_EVENT)
    this.dOfferResp = new Uint8Array(A)
    this.dOfferStart = new Float64Array(A)
    this.wrap = new Uint8Array(A)
    this.wrapEv = i32(A, NO_EVENT)
    this.idleSince = new Float64Array(A).fill(Number.NEGATIVE_INFINITY)
    this.answered = i32(A, 0)
    this.talk = new Float64Array(A)
    this.miss = i32(A, 0)
    this.reject = i32(A, 0)
    this.shared = i32(A, 0)
    this.offers = i32(A, 0)
    this.pending = new Uint8Array(A).fill(Pending.none)
    this.pendingCause = new Uint8Array(A)
    this.recoverEv = i32(A, NO_EVENT)
    this.inBreak = new Uint8Array(A)
    this.savedStatus = new Uint8Array(A)
    this.savedReason = i32(A, -1)
    this.outEv = i32(A, NO_EVENT)
    this.intEv = i32(A, NO_EVENT)
    this.outRestore = new Uint8Array(A)
    this.eligible = new Uint8Array(A)

    // Memberships, with each member's position in its queue's member list.
    const posInQueue = model.queues.map((q) => {
      const m = new Map<number, number>()
      q.members.forEach((x, i) => {
        if (!m.has(x.agent)) m.set(x.agent, i)
      })
      return m
    })
    const total = model.agents.reduce((n, a) => n + a.queues.length, 0)
    this.memberStart = new Int32Array(A + 1)
    this.memberQueue = new Int32Array(total)
    this.memberPos = new Int32Array(total)
    this.memberPriority = new Int32Array(total)
    this.memberQueuePriority = new Int32Array(total)
    let k = 0
    model.agents.forEach((a, i) => {
      this.memberStart[i] = k
      const sorted = a.queues
        .map((m, order) => ({ ...m, order }))
        .filter((m, idx, all) => all.findIndex((x) => x.queue === m.queue) === idx)
        .sort(
          (x, y) =>
            y.priority - x.priority ||
            model.queues[y.queue]!.priority - model.queues[x.queue]!.priority ||
            x.order - y.order
        )
      for (const m of sorted) {
        this.memberQueue[k] = m.queue
        this.memberPos[k] = posInQueue[m.queue]!.get(i)!
        this.memberPriority[k] = m.priority
        this.memberQueuePriority[k] = model.queues[m.queue]!.priority
        k++
      }
    })
    this.memberStart[A] = k
  }
}
