/**
 * Probability distributions of durations (handle time, patience, wrap-up, answer delay, ...).
 * All parameters that are times are durations (decoded to milliseconds); shapes are plain numbers.
 */
import { Schema, SchemaTransformation } from "effect"
import { CountBetween, NumberBetween } from "./Common.ts"
import { Duration } from "./Duration.ts"
import { MAX_ERLANG_PHASES, MAX_SHAPE, MIN_SHAPE } from "./Limits.ts"

const SHAPE_WHY = "beyond it the draws overflow or degenerate"
const Shape = NumberBetween(MIN_SHAPE, MAX_SHAPE, SHAPE_WHY, SHAPE_WHY)

const NonNegative = Schema.Finite.check(Schema.isGreaterThanOrEqualTo(0, { message: "expected a weight of 0 or more" }))

/** Always the same value. */
export const Constant = Schema.Struct({ type: Schema.Literal("constant"), value: Duration })
/** Exponential with the given mean. */
export const Exponential = Schema.Struct({ type: Schema.Literal("exponential"), mean: Duration })
/** Uniform between min and max. */
export const Uniform = Schema.Struct({ type: Schema.Literal("uniform"), min: Duration, max: Duration })
/** Normal with mean and standard deviation, truncated at 0 (resampled until non-negative). */
export const Normal = Schema.Struct({ type: Schema.Literal("normal"), mean: Duration, sd: Duration })
/** Lognormal given by the mean and standard deviation of the duration itself (not of its logarithm). */
export const Lognormal = Schema.Struct({ type: Schema.Literal("lognormal"), mean: Duration, sd: Duration })
/** Gamma with a shape and a scale (the scale is a duration; mean = shape × scale). */
export const Gamma = Schema.Struct({ type: Schema.Literal("gamma"), shape: Shape, scale: Duration })
/** Erlang with k phases and the given overall mean. */
export const Erlang = Schema.Struct({
  type: Schema.Literal("erlang"),
  k: CountBetween(1, MAX_ERLANG_PHASES, "each draw sums k exponential draws"),
  mean: Duration
})
/** Weibull with a shape and a scale (a duration). */
export const Weibull = Schema.Struct({ type: Schema.Literal("weibull"), shape: Shape, scale: Duration })
/** Empirical: one of the values, drawn with the given weights (equal weights when omitted). */
export const Empirical = Schema.Struct({
  type: Schema.Literal("empirical"),
  values: Schema.NonEmptyArray(Duration),
  weights: Schema.optionalKey(Schema.NonEmptyArray(NonNegative))
})

/** A distribution written out with its `type`. */
export const DistributionSpec = Schema.Union([
  Constant,
  Exponential,
  Uniform,
  Normal,
  Lognormal,
  Gamma,
  Erlang,
  Weibull,
  Empirical
]).annotate({
  expected: "a distribution such as { type: exponential, mean: 3m }",
  description:
    "A distribution written out with its type: constant, exponential, uniform, normal, lognormal, gamma, erlang, weibull or empirical"
})

/** Decoded distribution. */
export type Distribution = typeof DistributionSpec.Type

/** The distribution type names, for messages and the JSON Schema. */
export const DistributionTypes = [
  "constant",
  "exponential",
  "uniform",
  "normal",
  "lognormal",
  "gamma",
  "erlang",
  "weibull",
  "empirical"
] as const

/**
 * A distribution, or a bare duration as shorthand for a constant (`wrapUp: 30s`).
 */
export const Distribution = Schema.Union([Duration, DistributionSpec])
  .annotate({
    identifier: "Distribution",
    expected: "a duration like 3m or a distribution such as { type: exponential, mean: 3m }",
    description: "A distribution ({ type: exponential, mean: 3m }, ...) or a duration meaning a constant"
  })
  .pipe(
    Schema.decodeTo(
      Schema.toType(DistributionSpec),
      SchemaTransformation.transform({
        decode: (value: number | Distribution): Distribution =>
          typeof value === "number" ? { type: "constant", value } : value,
        encode: (value: Distribution): number | Distribution => value
      })
    )
  )
  .annotate({ description: "A distribution ({ type: exponential, mean: 3m }, ...) or a duration meaning a constant" })
