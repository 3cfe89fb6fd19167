/**
 * The counters the collector keeps, by name. One list for call scopes (total, queue, tenant, call type, and
 * each of their intervals) and one for agents. Every counter is an integer (a count, or milliseconds, or
 * call·ms / agent·ms for time integrals), so sums stay exact in float64 and merging is exact. Counters whose
 * name starts with `max` merge by maximum instead of sum.
 */

/** Call-scope counters, in the order they appear in results. */
export const CALL_COUNTERS = [
  /** Calls offered to the scope (queue scope: calls that entered the queue, once per visit). */
  "offered",
  /** Calls answered by an agent (queue scope: answered from this queue). */
  "answered",
  /** Callers who hung up before being answered (waiting or ringing; not on hold). */
  "abandoned",
  /** Abandons within `settings.shortAbandonThreshold`, counted apart (also in `abandoned`). */
  "shortAbandoned",
  /** Answered with wait ≤ T, the service-level threshold of the queue that answered. */
  "answeredWithin",
  /** Abandoned with wait ≤ T, the threshold of the queue the caller was last in. */
  "abandonedWithin",
  /** Calls whose wait ended after more than 0 ms (calls still waiting at the end are not counted). */
  "waited",
  /** Rollover events: calls leaving a queue for the workflow's next step. */
  "rolledOver",
  "rolledOverMaxWait",
  "rolledOverQueueFull",
  "rolledOverNoAgents",
  "rolledOverAfterHours",
  /** Calls that ended at the answering service, voicemail, a hang-up step, or unanswered (direct/internal). */
  "answeringService",
  "voicemail",
  "hungUp",
  "unanswered",
  /** Unanswered calls still in the system (queue scope: still in this queue) when the run stopped. */
  "inSystemAtEnd",
  /**
   * Answered calls still connected (talking or on hold) when a steady-state run stopped: censored, their handle
   * time unknown, so not `handled` and not in handle-time averages.
   */
  "connectedAtEnd",
  /** Calls that were redials of an abandoned call. */
  "redials",
  /** Answered calls that ended (talk finished, or the caller hung up on hold). */
  "handled",
  /** Hold & Accept: times a call in the scope was put on hold. */
  "holds",
  /** Callers who hung up while on hold. */
  "heldAbandons",
  /** Wrap-ups that started after a call in the scope. */
  "wrapUps",
  /** Σ wait of answered calls (arrival → answer, across rollovers), ms. */
  "waitAnsweredMs",
  /** Σ wait of abandoned calls (arrival → hang-up), ms. */
  "waitAbandonedMs",
  /** Σ wait of every call whose wait ended (answered, abandoned, rolled over / left unanswered), ms. */
  "waitAllMs",
  /** Σ wait so far of the calls counted in `inSystemAtEnd`, ms. */
  "waitInSystemAtEndMs",
  /** Σ time connected so far (answer → end of run) of the calls counted in `connectedAtEnd`, ms. */
  "connectedAtEndMs",
  /** Σ talk time of handled calls (connected time minus time on hold), ms. */
  "talkMs",
  /** Σ time on hold of handled calls, ms. */
  "holdMs",
  /** Σ wrap-up time after the scope's calls, ms. */
  "wrapUpMs",
  /** ∫ waiting calls dt, call·ms (queue scope: calls in the queue). Attributed by time, not by arrival. */
  "waitingMs",
  /** Longest wait of any call, ms. */
  "maxWaitMs",
  /** Longest wait of an answered call, ms. */
  "maxWaitAnsweredMs"
] as const

export type CallCounterName = (typeof CALL_COUNTERS)[number]

/** A call scope's counters as a plain object (results). */
export type CallCounts = { [K in CallCounterName]: number }

/** Counter index by name. */
export const CallCounter = Object.fromEntries(CALL_COUNTERS.map((name, i) => [name, i])) as {
  readonly [K in CallCounterName]: number
}

/** Number of call counters. */
export const CALL_COUNTER_COUNT = CALL_COUNTERS.length

/** Agent counters, in the order they appear in results. Times are ms of simulated time after the warm-up. */
export const AGENT_COUNTERS = [
  /** Time signed in (any status but signed out). */
  "signedInMs",
  /** Scheduled time on the phones: shift time minus breaks, clipped to the measured window. */
  "scheduledMs",
  /** Time with status Available (busy or not). */
  "availableMs",
  /** Time Available with no call and no wrap-up (ringing counts as idle). */
  "idleMs",
  /** Time with status Unavailable (any reason, breaks included). */
  "unavailableMs",
  /** Time Unavailable because of the miss/reject policy (R11), until the next status change. */
  "unavailableMissMs",
  /** Time with at least one call (active or held) or in wrap-up. */
  "busyMs",
  /** ∫ (calls active + calls held + wrap-up) dt: equals the handled time of the agent's calls. */
  "workMs",
  /** ∫ active calls dt. */
  "talkMs",
  /** ∫ held calls dt. */
  "holdMs",
  /** ∫ wrap-up dt. */
  "wrapUpMs",
  /** Time worked past a shift end or break start to finish a call. */
  "overtimeMs",
  /** Offers that rang at the agent (all kinds). */
  "offers",
  /** Queue offers that rang at the agent. */
  "queueOffers",
  /** Calls the agent accepted (all kinds). */
  "answered",
  "queueAnswered",
  "directAnswered",
  "internalAnswered",
  /** Outbound calls the agent placed that connected. */
  "outbound",
  /** Queue offers that rang out (R9). */
  "misses",
  /** Queue offers rejected (R14). */
  "rejects",
  /** Direct and internal offers that rang out. */
  "directMisses",
  /** Direct and internal offers rejected. */
  "directRejects",
  /** Offers that stopped ringing for another reason (caller hung up, answered elsewhere, …). */
  "cancelledOffers",
  /** Hold & Accept: calls the agent put on hold. */
  "holds",
  "wrapUps",
  /** Times the agent worked overtime. */
  "overtimes",
  /** Times the miss/reject policy made the agent Unavailable. */
  "missUnavailable"
] as const

export type AgentCounterName = (typeof AGENT_COUNTERS)[number]

/** An agent's counters as a plain object (results). */
export type AgentCounts = { [K in AgentCounterName]: number }

/** Counter index by name. */
export const AgentCounter = Object.fromEntries(AGENT_COUNTERS.map((name, i) => [name, i])) as {
  readonly [K in AgentCounterName]: number
}

export const AGENT_COUNTER_COUNT = AGENT_COUNTERS.length

/** True for counters that merge by maximum. */
export const isMaxCounter = (name: string): boolean => name.startsWith("max")
