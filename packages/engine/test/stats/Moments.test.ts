import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runs } from "../../../../test-support/PropertyRuns.ts"
import { confidenceInterval, halfWidth } from "../../src/stats/ConfidenceInterval.ts"
import { Moments, meanAndVariance } from "../../src/stats/Moments.ts"

describe("meanAndVariance", () => {
  it("computes the sample mean and variance", () => {
    const { mean, variance } = meanAndVariance([2, 4, 4, 4, 5, 5, 7, 9])
    expect(mean).toBe(5)
    expect(variance).toBeCloseTo(32 / 7, 14)
  })

  it("stays accurate with a large offset", () => {
    const { mean, variance } = meanAndVariance([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16])
    expect(mean).toBe(1e9 + 10)
    expect(variance).toBe(30)
  })

  it("is NaN where undefined", () => {
    expect(meanAndVariance([]).mean).toBeNaN()
    expect(meanAndVariance([3]).mean).toBe(3)
    expect(meanAndVariance([3]).variance).toBeNaN()
  })
})

describe("Moments (Welford)", () => {
  it("agrees with the two-pass formula, also after merging", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 60 }),
        fc.nat(),
        (xs, cut) => {
          const split = cut % xs.length
          const a = new Moments()
          const b = new Moments()
          for (const [i, x] of xs.entries()) (i < split ? a : b).add(x)
          a.merge(b)
          const exact = meanAndVariance(xs)
          const scale = Math.max(1, ...xs.map(Math.abs))
          return (
            a.n === xs.length &&
            Math.abs(a.mean - exact.mean) <= 1e-9 * scale &&
            Math.abs(a.variance - exact.variance) <= 1e-7 * scale * scale
          )
        }
      ),
      { seed: 42, numRuns: runs(200) }
    )
  })
})

describe("confidenceInterval", () => {
  it("is mean ± t(0.975, n−1)·sd/√n", () => {
    const ci = confidenceInterval(10, 5, 2)
    const h = (2.2621571628540993 * 2) / Math.sqrt(10)
    expect(ci.halfWidth).toBeCloseTo(h, 10)
    expect(ci.lower).toBeCloseTo(5 - h, 10)
    expect(ci.upper).toBeCloseTo(5 + h, 10)
  })

  it("widens with the level and is undefined below two values", () => {
    expect(halfWidth(10, 1, 0.99)).toBeGreaterThan(halfWidth(10, 1, 0.95))
    expect(halfWidth(1, 1)).toBeNaN()
  })
})
