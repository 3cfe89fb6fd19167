import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { Stream } from "../../src/kernel/Random.ts"
import { makeStream } from "../../src/kernel/Random.ts"
import { confidenceInterval } from "../../src/stats/ConfidenceInterval.ts"
import { meanAndVariance } from "../../src/stats/Moments.ts"
import { ratioInterval } from "../../src/stats/Ratio.ts"

const close = (a: number, b: number, relative = 1e-9) => Math.abs(a - b) <= relative * Math.max(1, Math.abs(b))

describe("ratioInterval", () => {
  it("pools the sums and uses the delta-method standard error", () => {
    const x = [8, 15, 9, 12]
    const y = [10, 20, 12, 14]
    const r = ratioInterval(x, y)
    const ratio = 44 / 56
    const residuals = x.map((xi, i) => xi - ratio * y[i]!)
    const se = Math.sqrt(meanAndVariance(residuals).variance) / (Math.sqrt(4) * 14)
    expect(r.ratio).toBeCloseTo(ratio, 15)
    expect(r.standardError).toBeCloseTo(se, 15)
    expect(r.halfWidth).toBeCloseTo(3.182446305284263 * se, 12)
    expect(r.lower).toBeCloseTo(ratio - r.halfWidth, 15)
    expect(r.method).toBe("delta")
  })

  it("gives the jackknife standard error on request", () => {
    const x = [8, 15, 9, 12]
    const y = [10, 20, 12, 14]
    const loo = x.map((xi, i) => (44 - xi) / (56 - y[i]!))
    const mean = loo.reduce((s, v) => s + v, 0) / 4
    const se = Math.sqrt((3 / 4) * loo.reduce((s, v) => s + (v - mean) ** 2, 0))
    const r = ratioInterval(x, y, { method: "jackknife" })
    expect(r.ratio).toBeCloseTo(44 / 56, 15)
    expect(r.standardError).toBeCloseTo(se, 15)
    expect(r.method).toBe("jackknife")
  })

  it("is the answered-weighted mean for ASA: Σ wait / Σ answered", () => {
    const r = ratioInterval([30, 50, 0], [3, 2, 0])
    expect(r.ratio).toBe(16)
    expect(r.n).toBe(3)
  })

  it("has no interval for one replication and no ratio without denominators", () => {
    const one = ratioInterval([3], [4])
    expect(one.ratio).toBe(0.75)
    expect(one.halfWidth).toBeNaN()
    expect(one.lower).toBeNaN()
    const empty = ratioInterval([0, 0], [0, 0])
    expect(empty.ratio).toBeNaN()
    expect(empty.standardError).toBeNaN()
    expect(ratioInterval([], []).ratio).toBeNaN()
  })

  it("gives a zero-width interval when every replication has the same ratio (up to rounding)", () => {
    // 0.7 / 7 is 0.09999999999999999 in doubles: the same ratio as 0.1 / 1 for every practical purpose.
    const r = ratioInterval([0.1, 0.2, 0, 0.7], [1, 2, 0, 7])
    expect(r.ratio).toBeCloseTo(0.1, 15)
    expect(r.halfWidth).toBe(0)
    expect(r.lower).toBe(r.ratio)
    expect(ratioInterval([5, 5], [5, 5], { method: "jackknife" }).halfWidth).toBe(0)
    expect(ratioInterval([5, 6], [5, 5]).halfWidth).toBeGreaterThan(0)
  })

  it("has no jackknife interval when one replication holds every denominator", () => {
    expect(ratioInterval([1, 1], [4, 0], { method: "jackknife" }).standardError).toBeNaN()
    expect(ratioInterval([1, 1], [4, 0]).ratio).toBe(0.5)
    expect(ratioInterval([1, 1], [4, 0]).halfWidth).toBeGreaterThan(0)
  })

  it("rejects arrays of different lengths and a bad level", () => {
    expect(() => ratioInterval([1], [1, 2])).toThrow(RangeError)
    expect(() => ratioInterval([1, 2], [1, 2], { level: 1 })).toThrow(RangeError)
  })
})

describe("ratioInterval properties", () => {
  const sample = fc
    .array(fc.tuple(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 0.5, max: 1e4, noNaN: true })), {
      minLength: 2,
      maxLength: 40
    })
    .map((pairs) => ({ x: pairs.map((p) => p[0]), y: pairs.map((p) => p[1]) }))

  it("lies between the smallest and largest replication ratio, inside its own interval", () => {
    fc.assert(
      fc.property(sample, ({ x, y }) => {
        const ratios = x.map((xi, i) => xi / y[i]!)
        for (const method of ["delta", "jackknife"] as const) {
          const r = ratioInterval(x, y, { method })
          expect(r.ratio).toBeGreaterThanOrEqual(Math.min(...ratios) * (1 - 1e-12))
          expect(r.ratio).toBeLessThanOrEqual(Math.max(...ratios) * (1 + 1e-12))
          expect(r.halfWidth).toBeGreaterThanOrEqual(0)
          expect(r.lower <= r.ratio && r.ratio <= r.upper).toBe(true)
        }
      }),
      { seed: 15, numRuns: 200 }
    )
  })

  it("scales with the numerator, inversely with the denominator, and ignores the order", () => {
    fc.assert(
      fc.property(sample, fc.double({ min: 0.01, max: 100, noNaN: true }), ({ x, y }, a) => {
        for (const method of ["delta", "jackknife"] as const) {
          const r = ratioInterval(x, y, { method })
          const scaled = ratioInterval(
            x.map((v) => a * v),
            y,
            { method }
          )
          const shrunk = ratioInterval(
            x,
            y.map((v) => a * v),
            { method }
          )
          const reversed = ratioInterval([...x].reverse(), [...y].reverse(), { method })
          expect(close(scaled.ratio, a * r.ratio)).toBe(true)
          expect(close(scaled.halfWidth, a * r.halfWidth, 1e-7)).toBe(true)
          expect(close(shrunk.ratio, r.ratio / a)).toBe(true)
          expect(close(shrunk.halfWidth, r.halfWidth / a, 1e-7)).toBe(true)
          expect(close(reversed.ratio, r.ratio)).toBe(true)
          expect(close(reversed.halfWidth, r.halfWidth, 1e-7)).toBe(true)
        }
      }),
      { seed: 16, numRuns: 100 }
    )
  })

  it("with equal denominators is the ordinary t interval of the per-replication ratios", () => {
    fc.assert(
      fc.property(sample, fc.integer({ min: 1, max: 500 }), ({ x }, c) => {
        const r = ratioInterval(
          x,
          x.map(() => c)
        )
        const { mean, variance } = meanAndVariance(x.map((v) => v / c))
        const t = confidenceInterval(x.length, mean, Math.sqrt(variance))
        expect(close(r.ratio, t.mean)).toBe(true)
        expect(close(r.halfWidth, t.halfWidth, 1e-7)).toBe(true)
      }),
      { seed: 17, numRuns: 100 }
    )
  })
})

/** Knuth's product method; fine for a mean of 20. */
const poisson = (rng: Stream, mean: number): number => {
  const limit = Math.exp(-mean)
  let k = 0
  let product = rng.next()
  while (product > limit) {
    k += 1
    product *= rng.next()
  }
  return k
}

describe("ratioInterval coverage on a known ratio model", () => {
  // Each replication offers y ~ Poisson(20) calls and answers each in time with probability e^(−y/40):
  // busier replications do worse, as in a real interval. By E[y·sʸ] = λs·e^(λ(s−1)), the true rate is
  // E[x]/E[y] = e^(−1/40)·e^(20(e^(−1/40) − 1)) = 0.5952…, while the mean of per-replication ratios
  // tends to E[e^(−y/40)] = e^(20(e^(−1/40) − 1)) = 0.6103…, about 1.2 of its standard errors away at n = 100.
  const lambda = 20
  const s = Math.exp(-1 / 40)
  const truth = s * Math.exp(lambda * (s - 1))
  const experiments = 1000
  const replications = 100
  const rng = makeStream(15, 0, "ratio-coverage")
  const covered = { delta: 0, jackknife: 0, meanOfRatios: 0 }
  const errors: Array<number> = []
  for (let e = 0; e < experiments; e++) {
    const x = new Float64Array(replications)
    const y = new Float64Array(replications)
    for (let i = 0; i < replications; i++) {
      const offered = poisson(rng, lambda)
      const p = Math.exp(-offered / 40)
      let answered = 0
      for (let c = 0; c < offered; c++) if (rng.next() < p) answered += 1
      x[i] = answered
      y[i] = offered
    }
    const delta = ratioInterval(x, y)
    const jackknife = ratioInterval(x, y, { method: "jackknife" })
    if (delta.lower <= truth && truth <= delta.upper) covered.delta += 1
    if (jackknife.lower <= truth && truth <= jackknife.upper) covered.jackknife += 1
    const ratios = Array.from(x, (xi, i) => (y[i]! > 0 ? xi / y[i]! : 0))
    const { mean, variance } = meanAndVariance(ratios)
    const naive = confidenceInterval(replications, mean, Math.sqrt(variance))
    if (naive.lower <= truth && truth <= naive.upper) covered.meanOfRatios += 1
    errors.push(delta.ratio - truth)
  }
  // If an interval covers 95% of the time, the count is Binomial(1000, 0.95): 950 ± 3.29·√(1000·0.95·0.05),
  // a 99.9% band, so a correct estimator fails this fixed-seed test with probability 0.001.
  const band = 3.29 * Math.sqrt(experiments * 0.95 * 0.05)

  it("covers the true rate 95% of the time, by the delta method and by the jackknife", () => {
    expect(Math.abs(covered.delta - 950)).toBeLessThanOrEqual(band)
    expect(Math.abs(covered.jackknife - 950)).toBeLessThanOrEqual(band)
  })

  it("has no bias beyond 3.29 standard errors over the experiments", () => {
    const { mean, variance } = meanAndVariance(errors)
    expect(Math.abs(mean)).toBeLessThanOrEqual(3.29 * Math.sqrt(variance / experiments))
  })

  it("while the mean of per-replication ratios misses it far more often (the estimator it replaces)", () => {
    expect(covered.meanOfRatios).toBeLessThan(950 - band)
  })
})
