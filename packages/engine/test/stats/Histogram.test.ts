import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runs } from "../../../../test-support/PropertyRuns.ts"
import {
  bucketLower,
  bucketOf,
  bucketUpper,
  bucketValue,
  HISTOGRAM_BUCKETS,
  HISTOGRAM_RELATIVE_ERROR,
  Histogram,
  mergeSparse,
  sparseCount,
  sparseQuantile
} from "../../src/stats/Histogram.ts"

const exactQuantile = (values: ReadonlyArray<number>, p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1]!
}

describe("Histogram buckets", () => {
  it("are exact below 128 ms and contiguous above", () => {
    for (let v = 0; v < 128; v++) expect(bucketOf(v)).toBe(v)
    for (let b = 0; b < HISTOGRAM_BUCKETS - 1; b++) expect(bucketUpper(b)).toBe(bucketLower(b + 1))
    expect(bucketOf(2000)).toBe(381)
    expect(bucketLower(381)).toBe(2000)
    expect(bucketOf(2 ** 40)).toBe(HISTOGRAM_BUCKETS - 1)
    expect(bucketOf(-5)).toBe(0)
  })

  it("put every value inside its bucket, represented within 1/128", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (v) => {
        const b = bucketOf(v)
        return (
          bucketLower(b) <= v &&
          v < bucketUpper(b) &&
          Math.abs(bucketValue(b) - v) <= HISTOGRAM_RELATIVE_ERROR * Math.max(v, 1)
        )
      }),
      { seed: 42, numRuns: runs(2000) }
    )
  })
})

describe("sparse histograms", () => {
  it("give quantiles within the documented relative error of the exact nearest-rank ones", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3_600_000 }), { minLength: 1, maxLength: 300 }),
        fc.constantFrom(0.5, 0.8, 0.9, 0.95, 0.99),
        (values, p) => {
          const h = new Histogram()
          for (const v of values) h.record(v)
          const exact = exactQuantile(values, p)
          return Math.abs(sparseQuantile(h.toSparse(), p) - exact) <= HISTOGRAM_RELATIVE_ERROR * exact
        }
      ),
      { seed: 42, numRuns: runs(300) }
    )
  })

  it("merge exactly, associatively and commutatively", () => {
    const make = (values: ReadonlyArray<number>) => {
      const h = new Histogram()
      for (const v of values) h.record(v)
      return h.toSparse()
    }
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 50 }),
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 50 }),
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 50 }),
        (x, y, z) => {
          const [a, b, c] = [make(x), make(y), make(z)]
          const left = JSON.stringify(mergeSparse(mergeSparse(a, b), c))
          const right = JSON.stringify(mergeSparse(a, mergeSparse(c, b)))
          return left === right && left === JSON.stringify(make([...x, ...y, ...z]))
        }
      ),
      { seed: 42, numRuns: runs(200) }
    )
  })

  it("count and read an empty histogram as NaN", () => {
    expect(sparseCount([])).toBe(0)
    expect(sparseQuantile([], 0.5)).toBeNaN()
  })
})
