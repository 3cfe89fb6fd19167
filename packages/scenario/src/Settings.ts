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
  nonQueueCallsBlockQueueOffers: Schema.Array(Schema.Literals(NonQueueCallKinds)).pipe(withDefault([])).annotateKey({
    description:
      'Which non-queue calls make an agent ineligible for queue offers. The seed limits only queue calls ("one call at a time from a Queue"; outbound with Available still gets queue calls), so none block by default.'
  }),
  offerFinishesRingBeforeRollover: Schema.Boolean.pipe(withDefault(true)).annotateKey({
    description:
      "An offer that is ringing when the queue's maximum wait passes finishes its ring before the call rolls over."
  }),
  reofferSameAgent: Schema.Literals(["after-others", "never", "immediately"])
    .pipe(withDefault("after-others"))
    .annotateKey({
      description:
        "When an agent who missed or rejected a call may be offered it again: after the others were tried (default)."
    }),
  idleSince: Schema.Literals(["last-queue-call-end", "last-call-end", "became-available"])
    .pipe(withDefault("last-queue-call-end"))
    .annotateKey({
      description:
        "Longest-idle measures idle time from the end of the agent's last queue call (default), any call, or becoming Available."
    }),
  holdAndAccept: Schema.Boolean.pipe(withDefault(true)).annotateKey({
    description: "Agents on a queue call may hold it and accept a direct or internal call (Hold & Accept)."
  }),
  shiftEndPolicy: Schema.Literals(["finish-call"]).pipe(withDefault("finish-call")).annotateKey({
    description:
      "At shift end or break start, a call in progress finishes first and the extra time is recorded as overtime."
  }),
  shortAbandonThreshold: Duration.pipe(withDefault("5s")).annotateKey({
    description: "Abandons within this time are counted apart as short abandons."
  }),
  resetMissCountOnStatusChange: Schema.Boolean.pipe(withDefault(true)).annotateKey({
    description: "A manual status change resets the miss/reject counters of the auto-unavailable policy."
  })
})

/** Decoded settings. */
export type Settings = typeof Settings.Type
