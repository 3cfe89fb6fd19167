/**
 * Scripted calls and agent actions at exact times, for deterministic rule tests.
 */
import { Schema } from "effect"
import { Id, PhoneNumber, withDefault } from "./Common.ts"
import { Duration, TimePoint } from "./Duration.ts"

const callCommon = {
  id: Schema.optionalKey(Id).annotateKey({
    description: "Call id used in the trace (`c1`, ...); `s<n>` in file order when omitted."
  }),
  at: TimePoint.annotateKey({ description: "When: a clock time (08:00:05) or an offset after opening (+5s)." }),
  talk: Duration.annotateKey({ description: "Talk time once answered." }),
  patience: Schema.optionalKey(Duration).annotateKey({
    description: "The caller hangs up after waiting this long (queued, ringing or on hold); never when omitted."
  })
}

const customerHold = {
  hold: Schema.optionalKey(Duration).annotateKey({
    description: "Customer hold: the agent puts the caller on hold halfway through the talk time, for this long."
  })
}

/** A scripted queue call through a tracking number. */
export const ScriptedQueueCall = Schema.Struct({
  type: Schema.Literal("queue"),
  trackingNumber: PhoneNumber,
  known: Schema.Boolean.pipe(withDefault(true)).annotateKey({
    description: "Whether the caller's number is known (no search time); known when omitted."
  }),
  priority: Schema.optionalKey(Schema.Int).annotateKey({
    description: "Caller priority: higher first, then first come first served."
  }),
  ...callCommon,
  ...customerHold
})

/** A scripted call to an agent's direct line. */
export const ScriptedDirectCall = Schema.Struct({
  type: Schema.Literal("direct"),
  agent: Id,
  ...callCommon,
  ...customerHold
})

/** A scripted internal call from one agent to another. */
export const ScriptedInternalCall = Schema.Struct({
  type: Schema.Literal("internal"),
  from: Id.annotateKey({ description: "The calling agent." }),
  to: Id.annotateKey({ description: "The called agent." }),
  ...callCommon
})

/** A scripted outbound call placed by an agent. */
export const ScriptedOutboundCall = Schema.Struct({
  type: Schema.Literal("outbound"),
  agent: Id.annotateKey({ description: "The agent (a single agent or a group member such as `team-2`)." }),
  id: Schema.optionalKey(Id),
  at: TimePoint.annotateKey({ description: "When: a clock time (08:00:05) or an offset after opening (+5s)." }),
  talk: Duration.annotateKey({ description: "Talk time once answered." })
})

export const ScriptedCall = Schema.Union([
  ScriptedQueueCall,
  ScriptedDirectCall,
  ScriptedInternalCall,
  ScriptedOutboundCall
])
export type ScriptedCall = typeof ScriptedCall.Type

/** Agent actions: set a status, sign in or out. */
export const AgentActions = ["available", "unavailable", "sign-in", "sign-out"] as const

/** A scripted agent action. */
export const ScriptedAction = Schema.Struct({
  at: TimePoint.annotateKey({ description: "When: a clock time (08:00:05) or an offset after opening (+5s)." }),
  agent: Id.annotateKey({ description: "The agent (a single agent or a group member such as `team-2`)." }),
  action: Schema.Literals(AgentActions).annotateKey({
    description: "`available`, `unavailable`, `sign-in` or `sign-out`."
  }),
  reason: Schema.optionalKey(Schema.String).annotateKey({ description: "Reason for `unavailable` (e.g. `lunch`)." })
})
export type ScriptedAction = typeof ScriptedAction.Type

/** The script of a scenario. */
export const Script = Schema.Struct({
  calls: Schema.Array(ScriptedCall)
    .pipe(withDefault([]))
    .annotateKey({ description: "Scripted calls (queue, direct, internal, outbound)." }),
  actions: Schema.Array(ScriptedAction)
    .pipe(withDefault([]))
    .annotateKey({ description: "Scripted agent actions (status changes, sign-in and sign-out)." })
})
export type Script = typeof Script.Type
