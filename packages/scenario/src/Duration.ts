/**
 * Durations and clock times as written in scenario files, decoded to integer milliseconds.
 */
import { Effect, Schema, SchemaIssue, SchemaTransformation } from "effect"
import { formatClockTime, parseClockTime } from "./ClockTime.ts"
import { MIN_RING_TIMEOUT_MS } from "./Limits.ts"

export { formatClockTime, parseClockTime }

const DURATION_PATTERN =
  /^(?:(\d+(?:\.\d+)?)d)?(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+)ms)?$/

const invalid = (found: unknown, message: string) => new SchemaIssue.InvalidValue({ message }, found)

/** Parses `20s`, `5m`, `1h30m`, `250ms`, `1.5h` or `30d`; `undefined` when the text is not a duration. */
export const parseDurationText = (text: string): number | undefined => {
  const trimmed = text.trim()
  if (trimmed === "") return undefined
  const match = DURATION_PATTERN.exec(trimmed)
  if (match === null) return undefined
  const [, d, h, m, s, ms] = match
  const seconds = Number(d ?? 0) * 86_400 + Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0)
  return Math.round(seconds * 1000 + Number(ms ?? 0))
}

/** Formats milliseconds the way users write them: `1h30m`, `20s`, `250ms`. */
export const formatDuration = (ms: number): string => {
  if (ms === 0) return "0s"
  let rest = ms
  let out = ""
  const h = Math.floor(rest / 3_600_000)
  rest -= h * 3_600_000
  const m = Math.floor(rest / 60_000)
  rest -= m * 60_000
  const s = Math.floor(rest / 1000)
  rest -= s * 1000
  if (h > 0) out += `${h}h`
  if (m > 0) out += `${m}m`
  if (s > 0) out += `${s}s`
  if (rest > 0) out += `${rest}ms`
  return out
}

const MAX_DURATION_MS = 366 * 24 * 3_600_000

const durationSchema = (minimum: { readonly ms: number; readonly why: string } | undefined, identifier: string) =>
  Schema.Union([Schema.Finite, Schema.String])
    .annotate({
      identifier,
      expected: "a duration like 20s, 5m, 1h30m or a number of seconds",
      description: "A duration: 20s, 5m, 1h30m, 250ms, or a number of seconds"
    })
    .pipe(
      Schema.decodeTo(
        Schema.Int,
        SchemaTransformation.transformEffect({
          decode: (value: number | string) => {
            // `+ 0` turns -0 (from `-0` or `-1e-300`) into 0.
            const ms = (typeof value === "number" ? Math.round(value * 1000) : parseDurationText(value)) ?? Number.NaN
            if (Number.isNaN(ms)) {
              return Effect.fail(
                invalid(
                  value,
                  `expected a duration like 20s, 5m, 1h30m or a number of seconds, found ${JSON.stringify(value)}`
                )
              )
            }
            if (ms < 0) return Effect.fail(invalid(value, `expected a duration of 0 or more, found ${value}`))
            if (ms > MAX_DURATION_MS)
              return Effect.fail(invalid(value, `expected a duration of at most 366 days, found ${value}`))
            if (minimum !== undefined && ms < minimum.ms) {
              return Effect.fail(
                invalid(
                  value,
                  `expected a duration of at least ${formatDuration(minimum.ms)}, found ${Object.is(value, -0) ? "-0" : value}: ${minimum.why}`
                )
              )
            }
            return Effect.succeed(ms + 0)
          },
          encode: (ms: number) => Effect.succeed(formatDuration(ms))
        })
      )
    )
    .annotate({ description: "A duration: 20s, 5m, 1h30m, 250ms, or a number of seconds" })

/**
 * A duration: `20s`, `5m`, `1h30m`, `250ms`, or a plain number of seconds. Decodes to integer milliseconds.
 */
export const Duration = durationSchema(undefined, "Duration")

/**
 * A ring timeout: a duration of at least {@link MIN_RING_TIMEOUT_MS}. A shorter ring leaves no time to answer, and
 * offers would repeat without the simulated clock moving.
 */
export const RingTimeout = durationSchema(
  {
    ms: MIN_RING_TIMEOUT_MS,
    why: "a shorter ring leaves no time to answer, and offers would repeat without the clock moving"
  },
  "RingTimeout"
)

/** A clock time of day, `HH:MM` or `HH:MM:SS` (24-hour). Decodes to milliseconds after midnight. */
export const ClockTime = Schema.String.annotate({
  expected: "a clock time like 08:00 or 17:30:15",
  description: "A clock time of day, HH:MM or HH:MM:SS (24-hour)"
})
  .pipe(
    Schema.decodeTo(
      Schema.Int,
      SchemaTransformation.transformEffect({
        decode: (value: string) => {
          const ms = parseClockTime(value)
          return ms === undefined
            ? Effect.fail(
                invalid(value, `expected a clock time like 08:00 or 17:30:15, found ${JSON.stringify(value)}`)
              )
            : Effect.succeed(ms)
        },
        encode: (ms: number) => Effect.succeed(formatClockTime(ms))
      })
    )
  )
  .annotate({ description: "A clock time of day, HH:MM or HH:MM:SS (24-hour)" })

/**
 * A point in the simulated day: a clock time (`08:00:05`) or, with a leading `+`, a duration after the opening
 * time (`+5s`). Decodes to `{ clock: ms }` or `{ offset: ms }`; the model resolves it against the day's opening.
 */
export const TimePoint = Schema.Union([Schema.String, Schema.Finite])
  .annotate({
    expected: "a clock time like 08:00:05 or an offset like +5s after opening",
    description: "A clock time (08:00:05) or an offset after opening (+5s, or a number of seconds)"
  })
  .pipe(
    Schema.decodeTo(
      Schema.Struct({ kind: Schema.Literals(["clock", "offset"]), ms: Schema.Int }),
      SchemaTransformation.transformEffect({
        decode: (value: string | number) => {
          if (typeof value === "number") {
            return value < 0
              ? Effect.fail(invalid(value, `expected a time of 0 or more seconds after opening, found ${value}`))
              : Effect.succeed({ kind: "offset" as const, ms: Math.round(value * 1000) })
          }
          const text = value.trim()
          if (text.startsWith("+")) {
            const ms = parseDurationText(text.slice(1))
            return ms === undefined
              ? Effect.fail(
                  invalid(value, `expected an offset like +5s or +1m30s after opening, found ${JSON.stringify(value)}`)
                )
              : Effect.succeed({ kind: "offset" as const, ms })
          }
          const ms = parseClockTime(text)
          return ms === undefined
            ? Effect.fail(
                invalid(
                  value,
                  `expected a clock time like 08:00:05 or an offset like +5s, found ${JSON.stringify(value)}`
                )
              )
            : Effect.succeed({ kind: "clock" as const, ms })
        },
        encode: (point: { readonly kind: "clock" | "offset"; readonly ms: number }) =>
          Effect.succeed(point.kind === "clock" ? formatClockTime(point.ms) : `+${formatDuration(point.ms)}`)
      })
    )
  )
  .annotate({ description: "A clock time (08:00:05) or an offset after opening (+5s, or a number of seconds)" })

/** Decoded {@link TimePoint}. */
export type TimePoint = typeof TimePoint.Type
