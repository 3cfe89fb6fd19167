/**
 * Tenants, the customer directory, queues and workflows: where a call goes and by which rules.
 */
import { type ServiceLevelDefinition, ServiceLevelDefinitions } from "@ccsim/analytic"
import { Schema } from "effect"
import { Count, Id, PhoneNumber, PositiveCount, Probability, withDefault } from "./Common.ts"
import { Distribution } from "./Distribution.ts"
import { ClockTime, Duration, RingTimeout } from "./Duration.ts"

/** A tenant (brand) and the tracking/marketing numbers that belong to it (R2). */
export const Tenant = Schema.Struct({
  id: Id,
  name: Schema.optionalKey(Schema.String).annotateKey({ description: "A display name for reports." }),
  trackingNumbers: Schema.NonEmptyArray(PhoneNumber).annotateKey({
    description: "The tracking (marketing) numbers of this tenant: a call to one carries the tenant (R2)."
  })
})
export type Tenant = typeof Tenant.Type

/** Caller lookup (R2): the share of callers whose number is linked to a customer record. */
export const CustomerDirectory = Schema.Struct({
  knownShare: Probability.pipe(withDefault(0.7)).annotateKey({
    description: "Share of queue callers whose number is known."
  }),
  unknownCallerSearchTime: Distribution.pipe(withDefault({ type: "exponential", mean: "45s" })).annotateKey({
    description: "Extra handling time an agent spends searching for or creating the customer of an unknown caller."
  })
})
export type CustomerDirectory = typeof CustomerDirectory.Type

/** The four common service-level definitions (`@ccsim/analytic`'s); the scenario's choice is named in every output. */
export { type ServiceLevelDefinition, ServiceLevelDefinitions }

/** Agent-selection strategies (longest idle is the default). */
export const Strategies = [
  "longest-idle",
  "round-robin",
  "fewest-calls",
  "least-talk-time",
  "random",
  "ring-all",
  "linear"
] as const
export type Strategy = (typeof Strategies)[number]

/** Outcomes of a queue offer that count toward making the agent Unavailable (R11). */
export const MissOutcomes = ["no-answer", "reject"] as const

/** R11: when a missed or rejected queue offer switches the agent to Unavailable. */
export const UnavailableOnMiss = Schema.Struct({
  enabled: Schema.Boolean.pipe(withDefault(true)).annotateKey({
    description: "Switch the policy off without deleting it."
  }),
  outcomes: Schema.Array(Schema.Literals(MissOutcomes))
    .pipe(withDefault(["no-answer", "reject"]))
    .annotateKey({ description: "Which offer outcomes count." }),
  threshold: PositiveCount.pipe(withDefault(1)).annotateKey({
    description: "How many counted outcomes switch the agent to Unavailable."
  }),
  consecutive: Schema.Boolean.pipe(withDefault(true)).annotateKey({
    description: "Count only consecutive outcomes (an answered queue call resets the count)."
  }),
  separateCounts: Schema.Boolean.pipe(withDefault(false)).annotateKey({
    description:
      "Keep separate counts for no-answer and reject (each against the threshold) instead of one shared count."
  }),
  reason: Schema.String.pipe(withDefault("missed-call")).annotateKey({
    description: "The Unavailable reason the agent is given."
  })
})
export type UnavailableOnMiss = typeof UnavailableOnMiss.Type

/** Service-level threshold, target and definition of a queue. */
export const ServiceLevel = Schema.Struct({
  threshold: Duration.pipe(withDefault("20s")).annotateKey({
    description: "Calls answered within this wait count as answered in time."
  }),
  target: Probability.pipe(withDefault(0.8)).annotateKey({
    description: "The service-level target (a fraction: 0.8 = 80 %)."
  }),
  definition: Schema.Literals(ServiceLevelDefinitions)
    .pipe(withDefault("answered-of-offered"))
    .annotateKey({ description: "Which service-level formula is used; the choice is named in every output." })
})
export type ServiceLevel = typeof ServiceLevel.Type

/** Where a call goes next: a step of a workflow, or a queue's overflow target. */
export const Step = Schema.Union([
  Schema.Struct({ to: Schema.Literal("queue"), queue: Id }),
  Schema.Struct({ to: Schema.Literal("direct-line"), agent: Id }),
  Schema.Struct({ to: Schema.Literal("answering-service") }),
  Schema.Struct({ to: Schema.Literal("voicemail") }),
  Schema.Struct({ to: Schema.Literal("hang-up") })
])
export type Step = typeof Step.Type

/** Step kinds, for messages and docs. */
export const StepKinds = ["queue", "direct-line", "answering-service", "voicemail", "hang-up"] as const

/** A queue with every routing parameter of R3–R15. */
export const Queue = Schema.Struct({
  id: Id,
  name: Schema.optionalKey(Schema.String).annotateKey({ description: "A display name for reports." }),
  ringTimeout: RingTimeout.pipe(withDefault("20s")).annotateKey({
    description: "How long each offer rings before it is a miss (R9)."
  }),
  wrapUp: Distribution.pipe(withDefault(0)).annotateKey({ description: "Wrap-up after each queue call (R6)." }),
  strategy: Schema.Literals(Strategies).pipe(withDefault("longest-idle")).annotateKey({
    description:
      "How the queue picks among eligible agents: longest idle (default), round robin, fewest calls, least talk time, random, ring-all, or linear (member order)."
  }),
  maxWait: Schema.optionalKey(Duration).annotateKey({
    description:
      "Maximum wait in this queue before the call rolls over to the workflow's next step (R10); none when omitted."
  }),
  unavailableOnMiss: Schema.optionalKey(UnavailableOnMiss).annotateKey({
    description: "R11 policy; agents are never made Unavailable by this queue when omitted."
  }),
  maxLength: Schema.optionalKey(Count).annotateKey({
    description: "Calls waiting beyond this length overflow at entry to `overflow`; no limit when omitted."
  }),
  overflow: Schema.optionalKey(Step).annotateKey({
    description: "Where calls go when the queue is full; the workflow's next step when omitted."
  }),
  priority: Schema.Int.pipe(withDefault(0)).annotateKey({
    description: "Priority of this queue's calls for agents in several queues (higher first)."
  }),
  serviceLevel: ServiceLevel.pipe(withDefault({})).annotateKey({
    description: "Service-level threshold, target and definition used in reports and thresholds."
  }),
  tierWait: Duration.pipe(withDefault(0)).annotateKey({
    description: "Tier n of the members opens after the caller has waited (n − 1) × tierWait; all tiers at once when 0."
  }),
  retryDelay: Duration.pipe(withDefault(0)).annotateKey({
    description: "Pause after every eligible agent failed an offer before the cycle starts again."
  }),
  rolloverWhenNoAgents: Schema.Boolean.pipe(withDefault(false)).annotateKey({
    description: "Roll over at once when no member is signed in, instead of waiting for the maximum wait."
  })
})
export type Queue = typeof Queue.Type

/** Business hours of a workflow; outside them calls take `afterHours`. */
export const BusinessHours = Schema.Struct({
  open: ClockTime.annotateKey({ description: "Business hours start." }),
  close: ClockTime.annotateKey({ description: "Business hours end." }),
  afterHours: Schema.NonEmptyArray(Step).annotateKey({ description: "Steps for calls outside business hours." })
})
export type BusinessHours = typeof BusinessHours.Type

/** A workflow: its entry points (tracking numbers) and the ordered steps a call takes. */
export const Workflow = Schema.Struct({
  id: Id,
  name: Schema.optionalKey(Schema.String).annotateKey({ description: "A display name for reports." }),
  trackingNumbers: Schema.NonEmptyArray(PhoneNumber).annotateKey({
    description: "The numbers that enter this workflow; each must belong to a tenant when tenants are declared."
  }),
  steps: Schema.NonEmptyArray(Step).annotateKey({
    description:
      "The steps a call takes in order: queues (each until its maxWait), a direct line, or a terminal step (answering service, voicemail, hang-up)."
  }),
  businessHours: Schema.optionalKey(BusinessHours).annotateKey({
    description: "Business hours of the workflow; outside them calls take `afterHours`."
  })
})
export type Workflow = typeof Workflow.Type
