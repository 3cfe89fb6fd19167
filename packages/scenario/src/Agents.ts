/**
 * Agents, individually or as groups: queue memberships, direct lines, schedules and behaviour.
 */
import { Schema } from "effect"
import { CountBetween, Id, NumberBetween, PhoneNumber, Probability, withDefault } from "./Common.ts"
import { Distribution } from "./Distribution.ts"
import { ClockTime, Duration, RingTimeout } from "./Duration.ts"
import { MAX_AGENTS, MAX_CALLS_PER_HOUR, MAX_HANDLE_TIME_MULTIPLIER, MAX_TIER } from "./Limits.ts"

const AgentRate = NumberBetween(0, MAX_CALLS_PER_HOUR, "the limit of calls per hour in a scenario")

/** Membership of a queue: a tier (lower tiers are offered first) and a priority among the agent's queues. */
export const Membership = Schema.Struct({
  queue: Id.annotateKey({ description: "The queue's id." }),
  tier: CountBetween(1, MAX_TIER, "tiers open one tierWait apart").pipe(withDefault(1)).annotateKey({
    description: "Tier 1 is offered first; higher tiers open as the caller's wait grows (queue `tierWait`)."
  }),
  priority: Schema.Int.pipe(withDefault(0)).annotateKey({
    description: "The agent takes the oldest call of its highest-priority queue first (higher number first)."
  })
})
export type Membership = typeof Membership.Type

/** A break inside a shift: the agent is Unavailable (reason `break`) for its duration. */
export const Break = Schema.Struct({ start: ClockTime, duration: Duration })

/** A shift: signed in from start to end, with breaks. */
export const Shift = Schema.Struct({
  start: ClockTime,
  end: ClockTime.annotateKey({ description: "Shift end (sign-out)." }),
  breaks: Schema.Array(Break).pipe(withDefault([])).annotateKey({ description: "Breaks inside the shift." })
})
export type Shift = typeof Shift.Type

/** How a virtual agent behaves. */
export const Behaviour = Schema.Struct({
  answerDelay: Distribution.pipe(withDefault("2s")).annotateKey({
    description:
      "Time from the start of the ring to the agent's answer (capped by the ring timeout: beyond it is a miss)."
  }),
  missProbability: Probability.pipe(withDefault(0)).annotateKey({
    description: "Probability of letting a queue offer ring out."
  }),
  rejectProbability: Probability.pipe(withDefault(0)).annotateKey({
    description: "Probability of rejecting a queue offer."
  }),
  directMissProbability: Probability.pipe(withDefault(0)).annotateKey({
    description: "Probability of letting a direct or internal call ring out."
  }),
  directRejectProbability: Probability.pipe(withDefault(0)).annotateKey({
    description: "Probability of rejecting a direct or internal call."
  }),
  directRingTimeout: RingTimeout.pipe(withDefault("30s")).annotateKey({
    description: "Ring time of direct and internal calls before they count as missed."
  }),
  availableAgainAfter: Distribution.pipe(withDefault("1m")).annotateKey({
    description: "Time until the agent sets themselves Available again after the system made them Unavailable."
  }),
  handleTimeMultiplier: NumberBetween(0, MAX_HANDLE_TIME_MULTIPLIER, "talk times that long are a typo")
    .pipe(withDefault(1))
    .annotateKey({
      description: "Multiplies the talk time of every call this agent handles (1 = as drawn)."
    }),
  responses: Schema.Array(Schema.Literals(["answer", "miss", "reject"]))
    .pipe(withDefault([]))
    .annotateKey({
      description:
        "Scripted answers to successive offers (queue, direct or internal), used before the probabilities. For deterministic rule tests: `[miss, answer, reject]`."
    })
})
export type Behaviour = typeof Behaviour.Type

/** Outbound calls the agent places. */
export const OutboundActivity = Schema.Struct({
  ratePerHour: AgentRate.annotateKey({ description: "Calls per hour (Poisson arrivals)." }),
  duration: Distribution.annotateKey({ description: "Length of each outbound call." }),
  status: Schema.Literals(["available", "unavailable"]).pipe(withDefault("available")).annotateKey({
    description: "The status the agent keeps during the call (Available ⇒ still eligible for queue calls, R8)."
  })
})
export type OutboundActivity = typeof OutboundActivity.Type

/** Internal calls the agent places to other agents. */
export const InternalCalls = Schema.Struct({
  ratePerHour: AgentRate.annotateKey({ description: "Calls per hour (Poisson arrivals)." }),
  duration: Distribution.annotateKey({ description: "Length of each internal call." }),
  to: Schema.optionalKey(Schema.NonEmptyArray(Id)).annotateKey({
    description: "Agents (or agent groups) called; any other agent when omitted."
  })
})
export type InternalCalls = typeof InternalCalls.Type

/**
 * Where a direct call goes when the agent does not take it (missed, rejected, or not rung: signed out or the line
 * already ringing). Absent: it ends `unanswered` — the seed says only that a missed direct call leaves the agent's
 * status unchanged (R12), not where the caller goes, and a voicemail box is a choice the scenario should make.
 */
export const DirectLineUnanswered = Schema.Union([
  Schema.Struct({ to: Schema.Literal("unanswered") }),
  Schema.Struct({ to: Schema.Literal("voicemail") }),
  Schema.Struct({ to: Schema.Literal("answering-service") }),
  Schema.Struct({ to: Schema.Literal("direct-line"), agent: Id })
]).annotate({
  expected: "{ to: unanswered }, { to: voicemail }, { to: answering-service } or { to: direct-line, agent: <id> }"
})
export type DirectLineUnanswered = typeof DirectLineUnanswered.Type

/** An agent, or a group of `count` identical agents with ids `<id>-1` … `<id>-<count>`. */
export const Agent = Schema.Struct({
  id: Id,
  name: Schema.optionalKey(Schema.String).annotateKey({ description: "A display name for reports." }),
  count: CountBetween(1, MAX_AGENTS, "the limit of agents in a scenario").pipe(withDefault(1)).annotateKey({
    description: "Number of identical agents: a group with count > 1 is expanded to `<id>-1` … `<id>-<count>`."
  }),
  queues: Schema.Array(Membership)
    .pipe(withDefault([]))
    .annotateKey({ description: "The queues the agent is a member of, with tier and priority." }),
  directLine: Schema.optionalKey(PhoneNumber).annotateKey({
    description: "A direct line (only for a single agent, not a group)."
  }),
  directLineUnanswered: Schema.optionalKey(DirectLineUnanswered).annotateKey({
    description:
      "Where a direct call the agent does not take goes: `unanswered` (the default: the call ends), voicemail, the answering service, or forwarded once to another agent's direct line. Calls a workflow sent to the line follow the workflow's next step instead."
  }),
  shifts: Schema.optionalKey(Schema.Array(Shift)).annotateKey({
    description: "Shifts by clock time; signed in for the whole day when omitted."
  }),
  initialStatus: Schema.Literals(["available", "unavailable"])
    .pipe(withDefault("available"))
    .annotateKey({ description: "Status at sign-in." }),
  behaviour: Behaviour.pipe(withDefault({})).annotateKey({
    description: "How the virtual agent answers offers and how long it takes."
  }),
  outbound: Schema.optionalKey(OutboundActivity).annotateKey({
    description: "Outbound calls the agent places during the day."
  }),
  internalCalls: Schema.optionalKey(InternalCalls).annotateKey({
    description: "Internal calls the agent places to other agents."
  })
})
export type Agent = typeof Agent.Type
