import { describe, expect, it } from "vitest"
import { gaussWeights, kronrodNodes, kronrodWeights } from "../src/GaussKronrod.ts"

const integrate = (weights: ReadonlyArray<number>, f: (x: number) => number) =>
  kronrodNodes.reduce((s, x, i) => s + weights[i]! * f(x), 0)

describe("Gauss–Kronrod 7/15", () => {
  it("integrates xᵈ over [−1, 1] exactly up to degree 22 (Kronrod) and 13 (Gauss)", () => {
    for (let d = 0; d <= 22; d++) {
      const exact = d % 2 === 0 ? 2 / (d + 1) : 0
      expect(
        integrate(kronrodWeights, (x) => x ** d),
        `Kronrod x^${d}`
      ).toBeCloseTo(exact, 14)
      if (d <= 13)
        expect(
          integrate(gaussWeights, (x) => x ** d),
          `Gauss x^${d}`
        ).toBeCloseTo(exact, 14)
    }
    // Degree 14 is beyond the 7-point Gauss rule: its error is what the pair estimates.
    expect(Math.abs(integrate(gaussWeights, (x) => x ** 14) - 2 / 15)).toBeGreaterThan(1e-6)
  })

  it("uses 7 of the 15 nodes for Gauss, symmetric about 0", () => {
    expect(gaussWeights.filter((w) => w > 0)).toHaveLength(7)
    kronrodNodes.forEach((x, i) => {
      expect(x + kronrodNodes[14 - i]!).toBe(0)
      expect(kronrodWeights[i]).toBe(kronrodWeights[14 - i])
    })
  })
})
