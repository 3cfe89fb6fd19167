import { describe, expect, it } from "vitest"
import { describeFound, formatPath } from "../src/Problem.ts"

describe("formatPath", () => {
  it("writes document paths the way users read them", () => {
    expect(formatPath(["queues", 0, "ringTimeout"])).toBe("queues[0].ringTimeout")
    expect(formatPath(["expect", "thresholds", 2])).toBe("expect.thresholds[2]")
    expect(formatPath(["tenants", 1, "a b"])).toBe('tenants[1]["a b"]')
    expect(formatPath([])).toBe("")
  })
})

describe("describeFound", () => {
  it("shows values as written, shortened", () => {
    expect(describeFound("20 sec")).toBe('"20 sec"')
    expect(describeFound(1.5)).toBe("1.5")
    expect(describeFound(null)).toBe("null (an empty value)")
    expect(describeFound(undefined)).toBe("nothing")
    expect(describeFound([])).toBe("an empty list")
    expect(describeFound({ a: 1, b: 2 })).toBe("a mapping with keys a, b")
    expect(describeFound("x".repeat(100)).length).toBeLessThanOrEqual(60)
  })
})
