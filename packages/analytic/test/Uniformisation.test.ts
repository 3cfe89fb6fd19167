import { describe, expect, it } from "vitest"
import type { UniformisedStep } from "../src/Uniformisation.ts"
import { advance, poissonWeights, UniformisationBuffers } from "../src/Uniformisation.ts"

// Two states, 0 → 1 at rate a and 1 → 0 at rate b: p₁(t) = a/(a+b)·(1 − e^(−(a+b)t)) from state 0.
const a = 0.3
const b = 0.7
const uniform = 1
const step: UniformisedStep = (src, dst) => {
  dst[0] = src[0]! * (1 - a / uniform) + src[1]! * (b / uniform)
  dst[1] = src[1]! * (1 - b / uniform) + src[0]! * (a / uniform)
}
const p1 = (t: number) => (a / (a + b)) * -Math.expm1(-(a + b) * t)
const p1Integral = (t: number) => (a / (a + b)) * (t + Math.expm1(-(a + b) * t) / (a + b))

describe("poissonWeights", () => {
  it("sums to 1 within the stated tail bound, for small and large means", () => {
    for (const x of [0, 1e-3, 0.5, 7, 60, 400]) {
      const sum = poissonWeights(x).reduce((s, w) => s + w, 0)
      expect(Math.abs(sum - 1), `x = ${x}`).toBeLessThan(1e-13)
    }
  })
})

describe("advance", () => {
  it("matches the two-state chain's closed form, also over many chunks", () => {
    for (const t of [0.01, 1, 5, 2000]) {
      const v = Float64Array.of(1, 0)
      const integral = new Float64Array(2)
      advance(v, t, uniform, step, new UniformisationBuffers(2), integral)
      expect(v[1]).toBeCloseTo(p1(t), 12)
      expect(v[0]! + v[1]!).toBeCloseTo(1, 12)
      expect(integral[1]! / Math.max(1, t)).toBeCloseTo(p1Integral(t) / Math.max(1, t), 12)
      expect(integral[0]! + integral[1]!).toBeCloseTo(t, 9)
    }
  })

  it("leaves the distribution alone for a zero step", () => {
    const v = Float64Array.of(0.25, 0.75)
    advance(v, 0, uniform, step, new UniformisationBuffers(2))
    expect(Array.from(v)).toEqual([0.25, 0.75])
  })
})
