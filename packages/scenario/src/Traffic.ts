/**
 * Traffic: where calls come from, when, and how long they last.
 */
import { Schema } from "effect"
import { CountBetween, Id, NonNegative, NumberBetween, PhoneNumber, Probability, withDefault } from "./Common.ts"
import { Distribution } from "./Distribution.ts"
import { MAX_CALLS_PER_HOUR, MAX_LOAD_MULTIPLIER, MAX_REDIALS } from "./Limits.ts"

const Volume = NumberBetween(0, MAX_CALLS_PER_HOUR, "the limit of calls per hour from one source")

/** One interval's forecast, as read from per-interval volumes or an interval CSV. */
export const IntervalVolume = Schema.Struct({
  start: Schema.Int.annotateKey({ description: "Interval start, milliseconds after midnight." }),
  offered: NonNegative.annotateKey({ description: "Calls offered in the interval." }),
  ahtMs: Schema.optionalKey(Schema.Int).annotateKey({
    description: "Average handle time of this interval from the CSV; the traffic's handle time is used when omitted."
  }),
  acwMs: Schema.optionalKey(Schema.Int).annotateKey({
    description:
      "After-call work of the interval (ms), from the CSV: the wrap-up of the calls arriving in the interval (instead of the queue's)."
  })
})
export type IntervalVolume = typeof IntervalVolume.Type

/**
 * How calls arrive: a constant rate, a list of volumes (one per interval from opening), or an interval CSV file
 * (`interval_start,queue,offered,aht_s[,acw_s]` or Genesys-style headers). The loader reads the CSV and fills
 * `intervals`; the path is kept for messages.
 */
export const Arrivals = Schema.Union([
  Schema.Struct({ ratePerHour: Volume }),
  Schema.Struct({ perInterval: Schema.NonEmptyArray(Volume) }),
  Schema.Struct({
    csv: Schema.String.annotateKey({
      description:
        "Interval CSV file, relative to the scenario's folder and inside it (`interval_start,queue,offered,aht_s[,acw_s]` or Genesys-style headers)."
    }),
    queue: Schema.optionalKey(Schema.String).annotateKey({
      description: "Rows of this queue name in the CSV; every row when omitted."
    }),
    intervals: Schema.optionalKey(Schema.Array(IntervalVolume)).annotateKey({
      description: "Filled by the loader from the file."
    })
  })
])
export type Arrivals = typeof Arrivals.Type

/** Callers who abandon may call again. */
export const Redial = Schema.Struct({
  probability: Probability.annotateKey({ description: "Probability that a caller who abandoned calls again." }),
  delay: Distribution.pipe(withDefault({ type: "exponential", mean: "10m" })),
  maxAttempts: CountBetween(0, MAX_REDIALS, "callers do not redial that often").pipe(withDefault(3)).annotateKey({
    description: "At most this many redials per original call."
  })
})
export type Redial = typeof Redial.Type

const common = {
  id: Schema.optionalKey(Id).annotateKey({ description: "Traffic id, for reports and common random numbers." }),
  arrivals: Arrivals.annotateKey({
    description: "When calls arrive: `ratePerHour`, `perInterval` volumes, or an interval `csv` file."
  }),
  handleTime: Distribution.annotateKey({ description: "Talk time; hold and wrap-up come on top." }),
  patience: Schema.optionalKey(Distribution).annotateKey({
    description: "How long callers wait (queued, ringing or on hold) before hanging up; never when omitted."
  }),
  redial: Schema.optionalKey(Redial).annotateKey({ description: "Callers who abandon may call again." })
}

/** Customer hold inside a call (queue and direct traffic: the caller is a customer). */
const customerHold = {
  holdTime: Schema.optionalKey(Distribution).annotateKey({
    description:
      "Customer hold: the agent puts the caller on hold once, halfway through the talk time, for this long; none when omitted."
  })
}

/** External callers dialling a tracking number (queue calls through its workflow). */
export const QueueTraffic = Schema.Struct({
  type: Schema.Literal("queue"),
  trackingNumber: PhoneNumber.annotateKey({
    description: "The tracking number dialled: it selects the workflow and the tenant."
  }),
  knownShare: Schema.optionalKey(Probability).annotateKey({
    description: "Overrides the customer directory's known share for these callers."
  }),
  priority: Schema.Int.pipe(withDefault(0)).annotateKey({
    description: "Caller priority: higher first, then first come first served."
  }),
  ...common,
  ...customerHold
})

/** Calls to an agent's direct line. */
export const DirectTraffic = Schema.Struct({
  type: Schema.Literal("direct"),
  agent: Id.annotateKey({ description: "The agent whose direct line is dialled." }),
  ...common,
  ...customerHold
})

/** Calls between agents. */
export const InternalTraffic = Schema.Struct({
  type: Schema.Literal("internal"),
  from: Schema.optionalKey(Schema.NonEmptyArray(Id)).annotateKey({
    description: "Calling agents (ids or group ids); any agent when omitted."
  }),
  to: Schema.optionalKey(Schema.NonEmptyArray(Id)).annotateKey({
    description: "Called agents (ids or group ids); any other agent when omitted."
  }),
  ...common
})

/** A traffic source. */
export const Traffic = Schema.Union([QueueTraffic, DirectTraffic, InternalTraffic])
export type Traffic = typeof Traffic.Type
export type QueueTraffic = typeof QueueTraffic.Type
export type DirectTraffic = typeof DirectTraffic.Type
export type InternalTraffic = typeof InternalTraffic.Type

/** Multiplies every traffic source's volume (load testing: 1.5 = 150 % of forecast). */
export const LoadMultiplier = NumberBetween(0, MAX_LOAD_MULTIPLIER, "a load test beyond that is a typo")
