/**
 * Engine settings: every behaviour where the seed text is silent is a named setting with a default.
 * The README lists them with the reason for each default.
 */
import { Schema } from "effect"
import { withDefault } from "./Common.ts"
import { Duration } from "./Duration.ts"

/** Kinds of non-queue call that an agent may be on. */
export const NonQueueCallKinds = ["direct", "internal", "outbound"] as const

/** Global routing and accounting settings. */
export const Settings = Schema.Struct({
  /**
   * Which non-queue calls make an agent ineligible for queue offers. The seed limits only queue calls
   * ("one call at a time from a Queue"; outbound with Available still gets queue calls), so none block by default.
   */
  nonQueueCallsBlockQueueOffers: Schema.Array(Schema.Literals(NonQueueCallKinds)).pipe(withDefault([])),
  /** An offer that is ringing when the queue's maximum wait passes finishes its ring before the call rolls over. */
  offerFinishesRingBeforeRollover: Schema.Boolean.pipe(withDefault(true)),
  /** When an agent who missed or rejected a call may be offered it again: after the others were tried (default). */
  reofferSameAgent: Schema.Literals(["after-others", "never", "immediately"]).pipe(withDefault("after-others")),
  /** Longest-idle measures idle time from the end of the agent's last queue call (default), any call, or becoming Available. */
  idleSince: Schema.Literals(["last-queue-call-end", "last-call-end", "became-available"]).pipe(
    withDefault("last-queue-call-end")
  ),
  /** Agents on a queue call may hold it and accept a direct or internal call (Hold & Accept). */
  holdAndAccept: Schema.Boolean.pipe(withDefault(true)),
  /** At shift end or break start, a call in progress finishes first and the extra time is recorded as overtime. */
  shiftEndPolicy: Schema.Literals(["finish-call"]).pipe(withDefault("finish-call")),
  /** Abandons within this time are counted apart as short abandons. */
  shortAbandonThreshold: Duration.pipe(withDefault("5s")),
  /** A manual status change resets the miss/reject counters of the auto-unavailable policy. */
  resetMissCountOnStatusChange: Schema.Boolean.pipe(withDefault(true))
})

/** Decoded settings. */
export type Settings = typeof Settings.Type
