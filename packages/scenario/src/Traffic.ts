/**
 * Traffic: where calls come from, when, and how long they last.
 */
import { Schema } from "effect"
import { Id, NonNegative, PhoneNumber, Probability, withDefault } from "./Common.ts"
import { Distribution } from "./Distribution.ts"

/** One interval's forecast, as read from per-interval volumes or an interval CSV. */
export const IntervalVolume = Schema.Struct({
  /** Interval start, milliseconds after midnight. */
  start: Schema.Int,
  offered: NonNegative,
  /** Average handle time of this interval from the CSV; the traffic's handle time is used when omitted. */
  ahtMs: Schema.optionalKey(Schema.Int),
  acwMs: Schema.optionalKey(Schema.Int)
})
export type IntervalVolume = typeof IntervalVolume.Type

/**
 * How calls arrive: a constant rate, a list of volumes (one per interval from opening), or an interval CSV file
 * (`interval_start,queue,offered,aht_s[,acw_s]` or Genesys-style headers). The loader reads the CSV and fills
 * `intervals`; the path is kept for messages.
 */
export const Arrivals = Schema.Union([
  Schema.Struct({ ratePerHour: NonNegative }),
  Schema.Struct({ perInterval: Schema.NonEmptyArray(NonNegative) }),
  Schema.Struct({
    csv: Schema.String,
    /** Rows of this queue name in the CSV; every row when omitted. */
    queue: Schema.optionalKey(Schema.String),
    /** Filled by the loader from the file. */
    intervals: Schema.optionalKey(Schema.Array(IntervalVolume))
  })
])
export type Arrivals = typeof Arrivals.Type

/** Callers who abandon may call again. */
export const Redial = Schema.Struct({
  probability: Probability,
  delay: Distribution.pipe(withDefault({ type: "exponential", mean: "10m" })),
  /** At most this many redials per original call. */
  maxAttempts: Schema.Int.pipe(withDefault(3))
})
export type Redial = typeof Redial.Type

const common = {
  id: Schema.optionalKey(Id),
  arrivals: Arrivals,
  /** Talk time (hold and wrap-up come from the rules). */
  handleTime: Distribution,
  /** How long callers wait (queued, ringing or on hold) before hanging up; never when omitted. */
  patience: Schema.optionalKey(Distribution),
  redial: Schema.optionalKey(Redial)
}

/** External callers dialling a tracking number (queue calls through its workflow). */
export const QueueTraffic = Schema.Struct({
  type: Schema.Literal("queue"),
  trackingNumber: PhoneNumber,
  /** Overrides the customer directory's known share for these callers. */
  knownShare: Schema.optionalKey(Probability),
  /** Caller priority: higher first, then first come first served. */
  priority: Schema.Int.pipe(withDefault(0)),
  ...common
})

/** Calls to an agent's direct line. */
export const DirectTraffic = Schema.Struct({
  type: Schema.Literal("direct"),
  agent: Id,
  ...common
})

/** Calls between agents. */
export const InternalTraffic = Schema.Struct({
  type: Schema.Literal("internal"),
  /** Calling agents (ids or group ids); any agent when omitted. */
  from: Schema.optionalKey(Schema.NonEmptyArray(Id)),
  /** Called agents (ids or group ids); any other agent when omitted. */
  to: Schema.optionalKey(Schema.NonEmptyArray(Id)),
  ...common
})

/** A traffic source. */
export const Traffic = Schema.Union([QueueTraffic, DirectTraffic, InternalTraffic])
export type Traffic = typeof Traffic.Type
export type QueueTraffic = typeof QueueTraffic.Type
export type DirectTraffic = typeof DirectTraffic.Type
export type InternalTraffic = typeof InternalTraffic.Type

/** Multiplies every traffic source's volume (load testing: 1.5 = 150 % of forecast). */
export const LoadMultiplier = NonNegative
