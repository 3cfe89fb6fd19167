/**
 * Small building blocks shared by the sections of the format.
 */
import { Effect, Schema } from "effect"

/** An identifier: letters, digits, `-`, `_`, `.`; starts with a letter or digit. */
export const Id = Schema.String.check(
  Schema.isPattern(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, {
    message: "expected an id of letters, digits, '-', '_' or '.', starting with a letter or digit"
  })
).annotate({ description: "An identifier: letters, digits, '-', '_', '.'" })

/** A phone number as text: digits with optional `+`, spaces, dashes, dots and parentheses. */
export const PhoneNumber = Schema.String.check(
  Schema.isPattern(/^\+?[0-9][0-9 ().-]{2,30}$/, {
    message: "expected a phone number such as +1 555 0100 or 555-0100"
  })
).annotate({ description: "A phone number such as +1 555 0100" })

/** A probability in [0, 1]. */
export const Probability = Schema.Finite.check(
  Schema.isBetween({ minimum: 0, maximum: 1 }, { message: "expected a probability between 0 and 1" })
)

/** A finite number ≥ 0. */
export const NonNegative = Schema.Finite.check(
  Schema.isGreaterThanOrEqualTo(0, { message: "expected a number of 0 or more" })
)

/** A finite number > 0. */
export const Positive = Schema.Finite.check(Schema.isGreaterThan(0, { message: "expected a number greater than 0" }))

/** An integer ≥ 0. */
export const Count = Schema.Int.check(
  Schema.isGreaterThanOrEqualTo(0, { message: "expected a whole number of 0 or more" })
)

/** An integer ≥ 1. */
export const PositiveCount = Schema.Int.check(
  Schema.isGreaterThanOrEqualTo(1, { message: "expected a whole number of 1 or more" })
)

/** A number written for messages: `100,000`. */
export const showLimit = (n: number): string => n.toLocaleString("en-US")

/**
 * A whole number from `minimum` to `maximum`. Below the minimum is an ordinary mistake; above the maximum, the
 * message says why the limit is there.
 */
export const CountBetween = (minimum: number, maximum: number, why: string) =>
  Schema.Int.check(
    Schema.isGreaterThanOrEqualTo(minimum, { message: `expected a whole number of ${showLimit(minimum)} or more` }),
    Schema.isLessThanOrEqualTo(maximum, {
      message: `expected a whole number of at most ${showLimit(maximum)} (${why})`
    })
  )

/** A finite number from `minimum` to `maximum`; `minimumWhy` explains a minimum that is itself a limit. */
export const NumberBetween = (minimum: number, maximum: number, why: string, minimumWhy?: string) =>
  Schema.Finite.check(
    Schema.isGreaterThanOrEqualTo(minimum, {
      message: `expected a number of ${showLimit(minimum)} or more${minimumWhy === undefined ? "" : ` (${minimumWhy})`}`
    }),
    Schema.isLessThanOrEqualTo(maximum, { message: `expected a number of at most ${showLimit(maximum)} (${why})` })
  )

/**
 * Gives a field a default, written as it would be in the file (so durations are `"20s"`, not milliseconds).
 *
 * The default is decoded once, here, and applied on the decoded side: a default on the encoded side would make the
 * decoder check the encoded shape of the whole field first, which hides the value errors inside it (a bad duration
 * next to a bad distribution would go unreported).
 */
export const withDefault =
  <S extends Schema.Top>(encodedDefault: S["Encoded"]) =>
  (schema: S): Schema.withDecodingDefaultTypeKey<S> => {
    const decode = Schema.decodeUnknownSync(schema as unknown as Schema.Codec<S["Type"], S["Encoded"]>)
    return schema
      .pipe(Schema.withDecodingDefaultTypeKey(Effect.succeed(decode(encodedDefault))))
      .annotateKey({ default: encodedDefault })
  }
