import { assert, describe, it } from "@effect/vitest"
import { clock, count, duration, percent, shortDuration } from "../../src/draw/Format.ts"

describe("formats", () => {
  it("clock times", () => {
    assert.strictEqual(clock(8 * 3600), "08:00")
    assert.strictEqual(clock(8 * 3600 + 75), "08:01:15")
    assert.strictEqual(clock(24 * 3600 + 60), "00:01 (+1d)")
  })
  it("durations", () => {
    assert.strictEqual(duration(4.25), "4.3 s")
    assert.strictEqual(duration(42), "42 s")
    assert.strictEqual(duration(125), "2 min 05 s")
    assert.strictEqual(duration(3720), "1 h 02 min")
    assert.strictEqual(duration(Number.NaN), "–")
    assert.strictEqual(shortDuration(30), "30s")
    assert.strictEqual(shortDuration(90), "1m30s")
    assert.strictEqual(shortDuration(7200), "2h")
  })
  it("percentages and counts", () => {
    assert.strictEqual(percent(0.8234), "82.3 %")
    assert.strictEqual(count(1234), "1,234")
    assert.strictEqual(count(12.345), "12.3")
  })
})
