/**
 * Scripted calls and agent actions at exact times, for deterministic rule tests.
 */
import { Schema } from "effect"
import { Id, PhoneNumber, withDefault } from "./Common.ts"
import { Duration, TimePoint } from "./Duration.ts"

const callCommon = {
  /** Call id used in the trace (`c1`, ...); `s<n>` in file order when omitted. */
  id: Schema.optionalKey(Id),
  at: TimePoint,
  /** Talk time once answered. */
  talk: Duration,
  /** The caller hangs up after waiting this long (queued, ringing or on hold); never when omitted. */
  patience: Schema.optionalKey(Duration)
}

/** A scripted queue call through a tracking number. */
export const ScriptedQueueCall = Schema.Struct({
  type: Schema.Literal("queue"),
  trackingNumber: PhoneNumber,
  /** Whether the caller's number is known (no search time); known when omitted. */
  known: Schema.Boolean.pipe(withDefault(true)),
  priority: Schema.optionalKey(Schema.Int),
  ...callCommon
})

/** A scripted call to an agent's direct line. */
export const ScriptedDirectCall = Schema.Struct({ type: Schema.Literal("direct"), agent: Id, ...callCommon })

/** A scripted internal call from one agent to another. */
export const ScriptedInternalCall = Schema.Struct({
  type: Schema.Literal("internal"),
  from: Id,
  to: Id,
  ...callCommon
})

/** A scripted outbound call placed by an agent. */
export const ScriptedOutboundCall = Schema.Struct({
  type: Schema.Literal("outbound"),
  agent: Id,
  id: Schema.optionalKey(Id),
  at: TimePoint,
  talk: Duration
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
  at: TimePoint,
  agent: Id,
  action: Schema.Literals(AgentActions),
  /** Reason for `unavailable` (e.g. `lunch`). */
  reason: Schema.optionalKey(Schema.String)
})
export type ScriptedAction = typeof ScriptedAction.Type

/** The script of a scenario. */
export const Script = Schema.Struct({
  calls: Schema.Array(ScriptedCall).pipe(withDefault([])),
  actions: Schema.Array(ScriptedAction).pipe(withDefault([]))
})
export type Script = typeof Script.Type
