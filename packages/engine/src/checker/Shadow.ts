/**
 * The checker's shadow state: what it knows about calls, agents and queues from the hooks alone.
 * Nothing here is shared with the engine's rule code.
 */
import type { Distribution } from "@ccsim/scenario"
import type { AgentStatus, CallKind, StatusCause } from "../Observer.ts"
import { MissCounts } from "./MissCounts.ts"

/** An offer that is ringing at an agent. */
export interface OfferShadow {
  readonly call: CallShadow
  readonly agent: number
  /** −1 for direct and internal offers. */
  readonly queue: number
  readonly start: number
  /** When it must have ended (ring timeout); a miss happens exactly then. */
  readonly deadline: number
  ended: boolean
}

/** One stay of a call in a queue (a rollover to the same queue again would be a new visit). */
export class QueueVisit {
  /** Agents who missed or rejected the call in the current offer cycle (with the time), and in the whole visit. */
  readonly tried = new Map<number, number>()
  readonly triedEver = new Set<number>()
  /** Time of the last missed or rejected offer. */
  lastFailAt = Number.NEGATIVE_INFINITY
  /** The maximum wait passed while an offer rang; the call rolls over when its offers end. */
  extended = false
  /** Whether the last failure was a reject (R14 names it). */
  lastFailReject = false
  /** Whether some failed offer of this visit lasted no time (the engine then retries on a timer). */
  sawZeroLength = false
  /** The call must roll over at this instant (its last ringing offer ended after the maximum wait). */
  mustRollOverAt = -1
  /** The call joined beyond the queue's maximum length at this instant, so it must overflow at once. */
  overfullAt = -1
  /** An idle eligible agent was reported once for this visit (no repeats at every later instant). */
  idleReported = false
  readonly queue: number
  readonly entry: number
  /** entry + maxWait, or Infinity. */
  readonly deadline: number
  constructor(queue: number, entry: number, deadline: number) {
    this.queue = queue
    this.entry = entry
    this.deadline = deadline
  }
}

/** A call, from arrival to end. */
export class CallShadow {
  abandonedAt = -1
  routedStep = -1
  routedTarget = -1
  routedAt = -1
  /** The queue visit while the call waits in a queue (also while it rings there). */
  visit: QueueVisit | undefined = undefined
  readonly ringing: Array<OfferShadow> = []
  answeredBy = -1
  /** The queue whose offer was answered, −1 for direct/internal offers. */
  answeredQueue = -1
  /** Agents that hold this call, active or on hold. */
  readonly participants: Array<number> = []
  /** Times of offer cancellations that promise something else at the same instant. */
  hungUpCancelAt = -1
  elsewhereCancelAt = -1
  rolledOverCancelAt = -1
  /** The call left a queue at this time and must be routed on or end at the same instant. */
  leftQueueAt = -1
  /** The last time the call rolled over. */
  rolledOverAt = -1
  /** The call must end at this instant (abandoned, terminal step, or wrap-up already started). */
  mustEndAt = -1
  /** Dialled to a tracking number (it follows a workflow), whatever its kind (R1). */
  viaWorkflow = false
  /** Wrap-up due after this call from its arrival interval's `acw_s` (ms), or −1 for the queue's wrap-up. */
  acw = -1
  /** A direct call dialled to an agent's line: that agent (−1 otherwise); its `directLineUnanswered` applies. */
  dialled = -1
  /** The customer hold its source or script gives (`holdTime`, scripted `hold`), if any. */
  holdTime: Distribution | undefined = undefined
  /** A customer hold started (at most one per call) and, while it runs, when it ends (−1 otherwise). */
  customerHeld = false
  holdUntil = -1
  readonly index: number
  readonly kind: CallKind
  readonly arrivedAt: number
  /** Caller priority (higher first in line). */
  readonly priority: number
  constructor(index: number, kind: CallKind, arrivedAt: number, priority: number) {
    this.index = index
    this.kind = kind
    this.arrivedAt = arrivedAt
    this.priority = priority
  }
}

/** An agent's status, calls and counters. */
export class AgentShadow {
  status: AgentStatus = 2
  cause: StatusCause | -1 = -1
  statusAt = Number.NEGATIVE_INFINITY
  readonly offers: Array<OfferShadow> = []
  readonly active: Array<CallShadow> = []
  readonly held: Array<CallShadow> = []
  wrapUp: { readonly call: number; readonly start: number; readonly end: number } | undefined = undefined
  /** A queue call this agent handled ended at `t`: its wrap-up must start at the same instant. */
  wrapUpDue: { readonly call: CallShadow; readonly t: number; readonly optional: boolean } | undefined = undefined
  /** R11 counters. */
  readonly missCounts = new MissCounts()
  /** R11: the policy of this queue reached its threshold at `t`; the switch to Unavailable is due now. */
  pendingSwitch: { readonly queue: number; readonly t: number } | undefined = undefined
  /** What ended this agent's last offer without an answer (for naming R11 vs R12). */
  lastUnanswered = ""
  /** Times of outbound starts/ends and of status changes caused by outbound calls (they must coincide). */
  outboundEventAt = -1
  outboundStatusAt = -1
  /** An offer to this agent was cancelled as agent-left at this time (queue offer or not). */
  leftCancelAt = -1
  leftCancelQueue = false
  /** A shift end or break start was deferred at this time (overtime), and stays pending until `overtimeUntil`. */
  overtimeAt = -1
  overtimeUntil = -1
  readonly index: number

  /** Whether a deferred shift end or break start is pending at `t` (the agent is leaving: no new queue calls). */
  leaving(t: number): boolean {
    return this.overtimeAt >= 0 && t < this.overtimeUntil
  }

  constructor(index: number) {
    this.index = index
  }
}
