import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { digammaDifference } from "../src/Digamma.ts"
import { expectRelative } from "./close.ts"
import { digammaDifferences } from "./references.ts"

describe("digammaDifference", () => {
  it("matches mpmath, including n = 1e12 and c = 1e9", () => {
    for (const [c, n, expected] of digammaDifferences) {
      expectRelative(digammaDifference(c, n), expected, 1e-14, `ψ(${c} + ${n}) − ψ(${c})`)
    }
  })

  it("equals Σ_{i<n} 1/(c + i) for whole n", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 2000 }), (c, n) => {
        let sum = 0
        for (let i = 0; i < n; i++) sum += 1 / (c + i)
        expectRelative(digammaDifference(c, n), sum, 1e-12)
      })
    )
  })

  it("rejects c ≤ 0", () => {
    expect(() => digammaDifference(0, 1)).toThrow(RangeError)
  })
})
