/**
 * The checker's own reading of R11 (unavailable on miss), kept apart from the engine's code.
 *
 * Semantics (where the seed is silent, the settings' documented defaults; the same reading as FreeSWITCH's
 * per-agent `max-no-answer`):
 * - each agent has one set of counters, shared by all queues; a queue offer that rings out (`no-answer`) or is
 *   rejected (`reject`) counts only if the policy of the offer's queue lists that outcome;
 * - a counted outcome adds one to the shared count and one to that outcome's own count; the queue's policy compares
 *   the shared count, or (with `separateCounts`) the outcome's own count, with its threshold;
 * - reaching the threshold resets the counts and, if the agent is Available, switches them to Unavailable at
 *   that instant with the queue's reason;
 * - an answered queue call resets the counts, unless its queue's policy counts misses that are not consecutive;
 * - a status change by the agent, their schedule (shift, break) or self-recovery — anything but the miss policy
 *   and outbound calls — resets the counts when `settings.resetMissCountOnStatusChange` is on.
 */
import type { QueueModel } from "../Model.ts"

/** A queue's R11 policy, as compiled. */
export type MissPolicy = NonNullable<QueueModel["unavailableOnMiss"]>

/** Offer outcomes that may count toward R11. */
export type MissOutcome = "no-answer" | "reject"

/** One agent's counters. */
export class MissCounts {
  shared = 0
  noAnswer = 0
  reject = 0

  /** Whether the policy counts this outcome at all. */
  static counts(policy: MissPolicy, outcome: MissOutcome): boolean {
    return outcome === "no-answer" ? policy.countNoAnswer : policy.countReject
  }

  /** Records a failed queue offer; true when the policy now switches the agent to Unavailable (counts reset). */
  record(policy: MissPolicy, outcome: MissOutcome): boolean {
    if (!MissCounts.counts(policy, outcome)) return false
    // Both the shared count and the outcome's own count move; the queue's policy says which one it compares.
    this.shared++
    const own = outcome === "no-answer" ? ++this.noAnswer : ++this.reject
    const reached = (policy.separateCounts ? own : this.shared) >= policy.threshold
    if (reached) this.reset()
    return reached
  }

  reset(): void {
    this.shared = 0
    this.noAnswer = 0
    this.reject = 0
  }
}
