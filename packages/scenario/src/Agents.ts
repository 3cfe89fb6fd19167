/**
 * Agents, individually or as groups: queue memberships, direct lines, schedules and behaviour.
 */
import { Schema } from "effect"
import { Id, NonNegative, PhoneNumber, PositiveCount, Probability, withDefault } from "./Common.ts"
import { Distribution } from "./Distribution.ts"
import { ClockTime, Duration } from "./Duration.ts"

/** Membership of a queue: a tier (lower tiers are offered first) and a priority among the agent's queues. */
export const Membership = Schema.Struct({
  queue: Id,
  /** Tier 1 is offered first; higher tiers open as the caller's wait grows (queue `tierWait`). */
  tier: PositiveCount.pipe(withDefault(1)),
  /** The agent takes the oldest call of its highest-priority queue first (higher number first). */
  priority: Schema.Int.pipe(withDefault(0))
})
export type Membership = typeof Membership.Type

/** A break inside a shift: the agent is Unavailable (reason `break`) for its duration. */
export const Break = Schema.Struct({ start: ClockTime, duration: Duration })

/** A shift: signed in from start to end, with breaks. */
export const Shift = Schema.Struct({
  start: ClockTime,
  end: ClockTime,
  breaks: Schema.Array(Break).pipe(withDefault([]))
})
export type Shift = typeof Shift.Type

/** How a virtual agent behaves. */
export const Behaviour = Schema.Struct({
  /** Time from the start of the ring to the agent's answer (capped by the ring timeout: beyond it is a miss). */
  answerDelay: Distribution.pipe(withDefault("2s")),
  /** Probability of letting a queue offer ring out. */
  missProbability: Probability.pipe(withDefault(0)),
  /** Probability of rejecting a queue offer. */
  rejectProbability: Probability.pipe(withDefault(0)),
  /** Probability of letting a direct or internal call ring out. */
  directMissProbability: Probability.pipe(withDefault(0)),
  /** Probability of rejecting a direct or internal call. */
  directRejectProbability: Probability.pipe(withDefault(0)),
  /** Ring time of direct and internal calls before they count as missed. */
  directRingTimeout: Duration.pipe(withDefault("30s")),
  /** Time until the agent sets themselves Available again after the system made them Unavailable. */
  availableAgainAfter: Distribution.pipe(withDefault("1m")),
  /** Multiplies the talk time of every call this agent handles (1 = as drawn). */
  handleTimeMultiplier: NonNegative.pipe(withDefault(1)),
  /**
   * Scripted answers to successive offers (queue, direct or internal), used before the probabilities.
   * For deterministic rule tests: `[miss, answer, reject]`.
   */
  responses: Schema.Array(Schema.Literals(["answer", "miss", "reject"])).pipe(withDefault([]))
})
export type Behaviour = typeof Behaviour.Type

/** Outbound calls the agent places. */
export const OutboundActivity = Schema.Struct({
  ratePerHour: NonNegative,
  duration: Distribution,
  /** The status the agent keeps during the call (Available ⇒ still eligible for queue calls, R8). */
  status: Schema.Literals(["available", "unavailable"]).pipe(withDefault("available"))
})
export type OutboundActivity = typeof OutboundActivity.Type

/** Internal calls the agent places to other agents. */
export const InternalCalls = Schema.Struct({
  ratePerHour: NonNegative,
  duration: Distribution,
  /** Agents (or agent groups) called; any other agent when omitted. */
  to: Schema.optionalKey(Schema.NonEmptyArray(Id))
})
export type InternalCalls = typeof InternalCalls.Type

/** An agent, or a group of `count` identical agents with ids `<id>-1` … `<id>-<count>`. */
export const Agent = Schema.Struct({
  id: Id,
  name: Schema.optionalKey(Schema.String),
  count: PositiveCount.pipe(withDefault(1)),
  queues: Schema.Array(Membership).pipe(withDefault([])),
  /** A direct line (only for a single agent, not a group). */
  directLine: Schema.optionalKey(PhoneNumber),
  /** Shifts by clock time; signed in for the whole day when omitted. */
  shifts: Schema.optionalKey(Schema.Array(Shift)),
  /** Status at sign-in. */
  initialStatus: Schema.Literals(["available", "unavailable"]).pipe(withDefault("available")),
  behaviour: Behaviour.pipe(withDefault({})),
  outbound: Schema.optionalKey(OutboundActivity),
  internalCalls: Schema.optionalKey(InternalCalls)
})
export type Agent = typeof Agent.Type
