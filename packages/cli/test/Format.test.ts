import { describe, expect, it } from "vitest"
import { count, fixed, percent, plusMinus, seconds } from "../src/Format.ts"

describe("formats", () => {
  it("percent, seconds, counts", () => {
    expect(percent(0.8123)).toBe("81.2%")
    expect(percent(undefined)).toBe("—")
    expect(percent(Number.NaN)).toBe("—")
    expect(seconds(12.345)).toBe("12.3s")
    expect(seconds(Number.POSITIVE_INFINITY)).toBe("∞")
    expect(seconds(null)).toBe("—")
    expect(count(12)).toBe("12")
    expect(count(12.34)).toBe("12.3")
    expect(fixed(1 / 3, 2)).toBe("0.33")
  })

  it("plusMinus is half the interval, empty without one", () => {
    expect(plusMinus([0.78, 0.82], (v) => percent(v))).toBe("±2.0%")
    expect(plusMinus(undefined, String)).toBe("")
    expect(plusMinus([Number.NaN, 1], String)).toBe("")
  })
})
