import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  logGamma,
  logLowerGamma,
  logScaledLowerGamma,
  logScaledLowerGammaDrop,
  logUpperGamma,
  regularizedGammaP,
  regularizedGammaQ
} from "../src/IncompleteGamma.ts"
import { expectRelative } from "./close.ts"
import { gammaValues, logGammaIncompleteValues, logGammaValues } from "./references.ts"

describe("logGamma", () => {
  it("matches mpmath, from 1e-8 to 1e6", () => {
    for (const [x, expected] of logGammaValues) {
      expect(Math.abs(logGamma(x) - expected), `lnΓ(${x})`).toBeLessThan(1e-14 * Math.max(1, Math.abs(expected)))
    }
  })

  it("satisfies lnΓ(x + 1) = lnΓ(x) + ln x", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e5, noNaN: true }), (x) => {
        const lhs = logGamma(x + 1)
        const rhs = logGamma(x) + Math.log(x)
        expect(Math.abs(lhs - rhs)).toBeLessThan(1e-12 * Math.max(1, Math.abs(lhs)))
      })
    )
  })

  it("rejects x ≤ 0", () => {
    expect(() => logGamma(0)).toThrow(RangeError)
    expect(() => logGamma(-1.5)).toThrow(RangeError)
  })
})

describe("regularized incomplete gamma", () => {
  it("matches mpmath P and Q, including a = 1e5 and tails near 1e-17", () => {
    for (const [a, x, p, q] of gammaValues) {
      expectRelative(regularizedGammaP(a, x), p, 2e-12, `P(${a}, ${x})`)
      expectRelative(regularizedGammaQ(a, x), q, 2e-12, `Q(${a}, ${x})`)
    }
  })

  it("gives P(1, x) = 1 − e^(−x) and P + Q = 1", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 800, noNaN: true }),
        (a, x) => {
          expect(Math.abs(regularizedGammaP(a, x) + regularizedGammaQ(a, x) - 1)).toBeLessThan(1e-13)
          expectRelative(regularizedGammaP(1, a), -Math.expm1(-a), 1e-13)
        }
      )
    )
  })

  it("is 0 and 1 at x = 0", () => {
    expect(regularizedGammaP(3.5, 0)).toBe(0)
    expect(regularizedGammaQ(3.5, 0)).toBe(1)
  })

  it("rejects a ≤ 0 and negative or infinite x", () => {
    expect(() => regularizedGammaP(0, 1)).toThrow(RangeError)
    expect(() => regularizedGammaP(1, -1)).toThrow(RangeError)
    expect(() => regularizedGammaQ(1, Number.POSITIVE_INFINITY)).toThrow(RangeError)
  })
})

describe("log-space incomplete gamma", () => {
  it("matches mpmath ln γ and ln Γ where the values overflow doubles", () => {
    for (const [a, x, lower, upper] of logGammaIncompleteValues) {
      expectRelative(logLowerGamma(a, x), lower, 1e-13, `lnγ(${a}, ${x})`)
      expectRelative(logUpperGamma(a, x), upper, 1e-13, `lnΓ(${a}, ${x})`)
    }
  })

  it("has scaled lower value 1/a at x = 0", () => {
    expect(logScaledLowerGamma(2.5, 0)).toBeCloseTo(-Math.log(2.5), 15)
  })

  it("gives γ(a, x) − γ(a, x·e^(−u)) consistent with P", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 60, noNaN: true }),
        fc.double({ min: 0.05, max: 80, noNaN: true }),
        fc.double({ min: 1e-3, max: 5, noNaN: true }),
        (a, x, u) => {
          const y = x * Math.exp(-u)
          const viaP = regularizedGammaP(a, x) - regularizedGammaP(a, y)
          // Convert the scaled log drop back: × x^a e^(−x) / Γ(a).
          const drop = Math.exp(logScaledLowerGammaDrop(a, x, u) + a * Math.log(x) - x - logGamma(a))
          expect(Math.abs(drop - viaP)).toBeLessThan(1e-12)
        }
      )
    )
  })

  it("returns the whole scaled lower value when x·e^(−u) underflows to 0", () => {
    expect(logScaledLowerGammaDrop(3, 2, 800)).toBeCloseTo(logScaledLowerGamma(3, 2), 14)
  })
})
