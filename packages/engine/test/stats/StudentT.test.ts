import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runs } from "../../../../test-support/PropertyRuns.ts"
import { normalQuantile } from "../../src/stats/Normal.ts"
import { incompleteBeta, studentTCdf, studentTQuantile } from "../../src/stats/StudentT.ts"

// Reference values computed with mpmath at 30 digits (they agree with printed t tables to every digit shown there).
const TABLE: ReadonlyArray<readonly [p: number, df: number, t: number]> = [
  [0.975, 1, 12.706204736174692],
  [0.975, 2, 4.302652729749462],
  [0.975, 3, 3.182446305283708],
  [0.975, 4, 2.7764451051977934],
  [0.975, 5, 2.5705818356363146],
  [0.975, 9, 2.262157162798205],
  [0.975, 10, 2.2281388519862744],
  [0.975, 19, 2.093024054408309],
  [0.975, 30, 2.0422724563012378],
  [0.975, 100, 1.9839715185235518],
  [0.975, 1000, 1.962339080826408],
  [0.95, 4, 2.1318467863266495],
  [0.95, 20, 1.7247182429207868],
  [0.995, 10, 3.169272672616951],
  [0.995, 1, 63.656741162871526],
  [0.9995, 5, 6.868826625881275],
  [0.9, 7, 1.4149239276505086],
  [0.975, 2.5, 3.5746548420036817],
  [0.999, 3, 10.214531852407383]
]

describe("studentTQuantile", () => {
  it.each(TABLE)("t(%f, %f) matches the reference to 1e-12 relative", (p, df, t) => {
    expect(Math.abs(studentTQuantile(p, df) - t)).toBeLessThanOrEqual(1e-12 * t)
  })

  it("is antisymmetric around 0.5 and 0 at the median", () => {
    expect(studentTQuantile(0.5, 7)).toBe(0)
    expect(studentTQuantile(0.025, 9)).toBeCloseTo(-2.262157162798205, 12)
  })

  it("tends to the normal quantile as the degrees of freedom grow", () => {
    expect(studentTQuantile(0.975, Number.POSITIVE_INFINITY)).toBeCloseTo(1.959963984540054, 12)
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(
      1.959963984540054 + (1.959963984540054 ** 3 + 1.959963984540054) / 4e6,
      8
    )
  })

  it("handles non-integer degrees of freedom between the integers", () => {
    const t = studentTQuantile(0.975, 2.5)
    expect(t).toBeLessThan(studentTQuantile(0.975, 2))
    expect(t).toBeGreaterThan(studentTQuantile(0.975, 3))
    expect(studentTCdf(t, 2.5)).toBeCloseTo(0.975, 12)
  })

  it("returns NaN for invalid input and infinities at the ends", () => {
    expect(studentTQuantile(1.2, 3)).toBeNaN()
    expect(studentTQuantile(0.5, 0)).toBeNaN()
    expect(studentTQuantile(1, 3)).toBe(Number.POSITIVE_INFINITY)
    expect(studentTQuantile(0, 3)).toBe(Number.NEGATIVE_INFINITY)
  })

  it("inverts the CDF for any p and df", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        fc.double({ min: 0.5, max: 500, noNaN: true }),
        (p, df) => {
          const t = studentTQuantile(p, df)
          const back = studentTCdf(t, df)
          return Math.abs(back - p) <= 1e-9 * Math.max(1, Math.min(p, 1 - p) * 1e3)
        }
      ),
      { seed: 42, numRuns: runs(300) }
    )
  })
})

describe("studentTCdf and incompleteBeta", () => {
  it("gives the Cauchy CDF for one degree of freedom", () => {
    for (const t of [-3, -0.5, 0, 0.7, 10]) expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 12)
  })

  it("matches closed forms of the incomplete beta", () => {
    // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 − (1 − x)^b.
    expect(incompleteBeta(1, 1, 0.3)).toBeCloseTo(0.3, 14)
    expect(incompleteBeta(2.5, 1, 0.4)).toBeCloseTo(0.4 ** 2.5, 13)
    expect(incompleteBeta(1, 3, 0.2)).toBeCloseTo(1 - 0.8 ** 3, 13)
    expect(incompleteBeta(2, 3, 0)).toBe(0)
    expect(incompleteBeta(2, 3, 1)).toBe(1)
  })
})

describe("normalQuantile", () => {
  it.each([
    [0.5, 0],
    [0.975, 1.959963984540054],
    [0.99, 2.3263478740408408],
    [0.999, 3.090232306167813],
    [0.9, 1.2815515655446004],
    [0.1, -1.2815515655446004],
    [1e-10, -6.361340902404056]
  ])("Φ⁻¹(%f) = %f", (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 12)
  })
})
