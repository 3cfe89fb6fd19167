import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runs } from "../../../../test-support/PropertyRuns.ts"
import { batchMeans, mser5, mserOfBatchMeans } from "../../src/stats/Mser.ts"

/** MSER(d) by its definition, O(k²), as a reference. */
const bruteForce = (z: ReadonlyArray<number>): { d: number; value: number } => {
  const k = z.length
  let best = { d: 0, value: Number.POSITIVE_INFINITY }
  for (let d = 0; d <= Math.min(Math.floor(k / 2), k - 2); d++) {
    const kept = z.slice(d)
    const mean = kept.reduce((s, x) => s + x, 0) / kept.length
    const value = kept.reduce((s, x) => s + (x - mean) ** 2, 0) / kept.length ** 2
    if (value < best.value - 1e-12 * Math.abs(value)) best = { d, value }
  }
  return best
}

describe("MSER-5", () => {
  it("batches by 5 and drops an incomplete last batch", () => {
    expect(batchMeans([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 5)).toEqual([3, 8])
  })

  it("deletes a hand-computed transient", () => {
    // Batch means 10, 10, 0, 1, 0, 1, 0, 1, 0, 1: deleting the two high batches leaves 0/1 alternating,
    // MSER(2) = Σ(z − ½)²/8² = 8·¼/64 = 1/32, less than at d = 0, 1, 3, 4 or 5.
    const series = [10, 10, 0, 1, 0, 1, 0, 1, 0, 1].flatMap((z) => [z, z, z, z, z])
    const result = mser5(series)
    expect(result.batches).toBe(2)
    expect(result.truncation).toBe(10)
    expect(result.statistic).toBeCloseTo(1 / 32, 14)
    expect(result.detected).toBe(true)
  })

  it("deletes nothing from a stationary series", () => {
    // MSER(0) = 12·1/12² = 1/12; MSER(1) = (6·(10/11)² + 5·(12/11)²)/11² ≈ 0.0902; MSER(2) = 10/10² = 0.1.
    const z = [4, 6, 4, 6, 4, 6, 4, 6, 4, 6, 4, 6]
    const result = mserOfBatchMeans(z)
    expect(result.batches).toBe(0)
    expect(result.statistic).toBeCloseTo(1 / 12, 14)
  })

  it("reports a minimum at the end of the searched half as not detected", () => {
    // A trend that never settles: the best cut is always the latest one.
    const z = Array.from({ length: 20 }, (_, i) => 20 - i + (i % 2) * 0.1)
    const result = mserOfBatchMeans(z)
    expect(result.detected).toBe(false)
    expect(result.batches).toBe(10)
  })

  it("handles too-short series", () => {
    expect(mser5([1, 2, 3]).detected).toBe(false)
    expect(mser5([1, 2, 3]).truncation).toBe(0)
  })

  it("matches the definition computed by brute force", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 2, maxLength: 80 }), (z) => {
        const fast = mserOfBatchMeans(z)
        const slow = bruteForce(z)
        return Math.abs(fast.statistic - slow.value) <= 1e-9 * Math.max(1, slow.value) && fast.batches === slow.d
      }),
      { seed: 42, numRuns: runs(300) }
    )
  })
})
