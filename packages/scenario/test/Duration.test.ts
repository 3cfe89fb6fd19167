import { Result, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  ClockTime,
  Duration,
  formatClockTime,
  formatDuration,
  parseClockTime,
  parseDurationText,
  RingTimeout,
  TimePoint
} from "../src/index.ts"

describe("durations", () => {
  it("parses the forms users write", () => {
    expect(parseDurationText("20s")).toBe(20_000)
    expect(parseDurationText("1h30m")).toBe(5_400_000)
    expect(parseDurationText("1.5h")).toBe(5_400_000)
    expect(parseDurationText("250ms")).toBe(250)
    expect(parseDurationText("30d")).toBe(30 * 86_400_000)
    expect(parseDurationText("1d12h")).toBe(36 * 3_600_000)
    expect(parseDurationText("5m")).toBe(300_000)
    expect(parseDurationText("20 sec")).toBeUndefined()
    expect(parseDurationText("")).toBeUndefined()
  })

  it("formats milliseconds back to text that parses to the same value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 366 * 24 * 3_600_000 }), (ms) => {
        expect(parseDurationText(formatDuration(ms))).toBe(ms)
      })
    )
  })

  it("decodes numbers as seconds and round-trips through encoding", () => {
    expect(Schema.decodeUnknownSync(Duration)(1.5)).toBe(1500)
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * 24 * 3_600_000 }), (ms) => {
        const encoded = Schema.encodeSync(Duration)(ms)
        expect(Schema.decodeUnknownSync(Duration)(encoded)).toBe(ms)
      })
    )
  })
})

describe("bounded durations", () => {
  it("turns -0 and values that round to -0 into 0", () => {
    for (const value of [-0, -1e-300, "0s"]) expect(Object.is(Schema.decodeUnknownSync(Duration)(value), 0)).toBe(true)
  })

  it("refuses ring timeouts under 1s, however they are written, and accepts 1s", () => {
    for (const value of [0, "0s", -0, 1e-300, 0.0001, 0.999, "999ms"]) {
      expect(Result.isFailure(Schema.decodeUnknownResult(RingTimeout)(value)), String(value)).toBe(true)
    }
    expect(Schema.decodeUnknownSync(RingTimeout)("1s")).toBe(1000)
    expect(Schema.decodeUnknownSync(RingTimeout)(1)).toBe(1000)
  })
})

describe("clock times and time points", () => {
  it("round-trips every second of the day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 24 * 3600 }), (s) => {
        expect(parseClockTime(formatClockTime(s * 1000))).toBe(s * 1000)
        expect(Schema.decodeUnknownSync(ClockTime)(Schema.encodeSync(ClockTime)(s * 1000))).toBe(s * 1000)
      })
    )
  })

  it("reads a time point as a clock time or an offset after opening", () => {
    expect(Schema.decodeUnknownSync(TimePoint)("08:00:05")).toEqual({ kind: "clock", ms: 28_805_000 })
    expect(Schema.decodeUnknownSync(TimePoint)("+5s")).toEqual({ kind: "offset", ms: 5000 })
    expect(Schema.decodeUnknownSync(TimePoint)(90)).toEqual({ kind: "offset", ms: 90_000 })
    expect(Result.isFailure(Schema.decodeUnknownResult(TimePoint)(-1))).toBe(true)
  })
})
