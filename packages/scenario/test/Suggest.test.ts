import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { closestMatch, didYouMean, editDistance, listOf } from "../src/Suggest.ts"

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and swaps", () => {
    expect(editDistance("ringTimeout", "ringTimeout")).toBe(0)
    expect(editDistance("ringTimout", "ringTimeout")).toBe(1)
    expect(editDistance("ringtiemout", "ringtimeout")).toBe(1)
    expect(editDistance("expo", "exponential")).toBe(7)
    expect(editDistance("", "abc")).toBe(3)
  })

  it("is a metric on the strings it compares", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b)
        expect(d).toBe(editDistance(b, a))
        expect(d === 0).toBe(a === b)
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length))
        expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - b.length))
      })
    )
  })
})

describe("closestMatch", () => {
  it("suggests likely typos and nothing for unrelated words", () => {
    expect(closestMatch("ringTimout", ["ringTimeout", "wrapUp"])).toBe("ringTimeout")
    expect(closestMatch("Close", ["open", "close"])).toBe("close")
    expect(closestMatch("colour", ["id", "name", "strategy"])).toBeUndefined()
    expect(closestMatch("=>", ["<", "<=", ">", ">="])).toBe(">=")
  })

  it("formats the hint and lists", () => {
    expect(didYouMean("agent", ["agents", "queues"])).toBe(" (did you mean agents?)")
    expect(didYouMean("zzz", ["agents"])).toBe("")
    expect(listOf(["a", "b", "c"])).toBe("a, b or c")
    expect(listOf(["a", "b"], "and")).toBe("a and b")
    expect(listOf(["a"])).toBe("a")
  })
})
