import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { erlangB, erlangBAt, erlangBContinuous } from "../src/ErlangB.ts"
import { expectRelative } from "./close.ts"
import { erlangBContinuousValues, erlangBValues } from "./references.ts"

describe("erlangB", () => {
  it("matches mpmath for N up to 3000 and non-integer loads", () => {
    for (const [servers, load, expected] of erlangBValues) {
      expectRelative(erlangB(servers, load), expected, 1e-13, `B(${servers}, ${load})`)
    }
  })

  it("is 1 with no servers and 0 with no load", () => {
    expect(erlangB(0, 3.2)).toBe(1)
    expect(erlangB(25, 0)).toBe(0)
  })

  it("falls as servers are added and rises with load", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.double({ min: 0.01, max: 500, noNaN: true }), (n, load) => {
        expect(erlangB(n + 1, load)).toBeLessThanOrEqual(erlangB(n, load))
        expect(erlangB(n, load * 1.1)).toBeGreaterThanOrEqual(erlangB(n, load))
      })
    )
  })

  it("stays finite and in (0, 1] for thousands of servers", () => {
    const b = erlangB(5000, 4990.5)
    expect(b > 0 && b < 1).toBe(true)
  })

  it("rejects fractional servers and negative loads", () => {
    expect(() => erlangB(2.5, 1)).toThrow(RangeError)
    expect(() => erlangB(3, -1)).toThrow(RangeError)
    expect(() => erlangB(3, Number.NaN)).toThrow(RangeError)
  })
})

describe("erlangBContinuous", () => {
  it("matches mpmath Aˢe⁻ᴬ/Γ(s+1, A)", () => {
    for (const [servers, load, expected] of erlangBContinuousValues) {
      expectRelative(erlangBContinuous(servers, load), expected, 1e-13, `B(${servers}, ${load})`)
    }
  })

  it("equals the recursion at whole numbers of servers", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.double({ min: 0.01, max: 400, noNaN: true }), (n, load) => {
        expectRelative(erlangBContinuous(n, load), erlangB(n, load), 1e-12, `B(${n}, ${load})`)
      })
    )
  })

  it("decreases smoothly between whole numbers", () => {
    let previous = erlangBContinuous(10, 10)
    for (let s = 10.05; s <= 14; s += 0.05) {
      const b = erlangBContinuous(s, 10)
      expect(b).toBeLessThan(previous)
      previous = b
    }
  })

  it("handles zero load", () => {
    expect(erlangBContinuous(0, 0)).toBe(1)
    expect(erlangBContinuous(2.5, 0)).toBe(0)
  })

  it("is chosen by erlangBAt only for fractional servers", () => {
    expect(erlangBAt(14, 10)).toBe(erlangB(14, 10))
    expect(erlangBAt(13.5, 10)).toBe(erlangBContinuous(13.5, 10))
  })
})
