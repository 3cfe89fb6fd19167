import type { Distribution } from "@ccsim/scenario"
import { describe, expect, it } from "vitest"
import { makeStream } from "../../src/kernel/Random.ts"
import { compileSampler, poissonDeviate, sampleMs, sampleRaw } from "../../src/kernel/Samplers.ts"

const N = 60_000

/** Sample mean and variance of raw draws. */
const moments = (d: Distribution, seed = 1) => {
  const s = compileSampler(d)
  const rng = makeStream(seed, 0, `sampler:${d.type}`)
  let sum = 0
  let sq = 0
  for (let i = 0; i < N; i++) {
    const x = sampleRaw(s, rng)
    sum += x
    sq += x * x
  }
  const mean = sum / N
  return { mean, variance: (sq - N * mean * mean) / (N - 1), sampler: s }
}

/** |sample mean − μ| within 4.5 standard errors (σ/√n): fails by chance about once in 150 000 runs. */
const expectMean = (mean: number, mu: number, sigma: number) =>
  expect(Math.abs(mean - mu)).toBeLessThan((4.5 * sigma) / Math.sqrt(N))

/** Sample variance within 4.5 standard errors, using the fourth central moment μ4. */
const expectVariance = (variance: number, sigma2: number, mu4: number) =>
  expect(Math.abs(variance - sigma2)).toBeLessThan(4.5 * Math.sqrt((mu4 - sigma2 * sigma2) / N))

describe("samplers", () => {
  it("constant", () => {
    const { mean, variance } = moments({ type: "constant", value: 30_000 })
    expect(mean).toBe(30_000)
    expect(variance).toBe(0)
  })

  it("exponential: mean m, variance m²", () => {
    const m = 180_000
    const r = moments({ type: "exponential", mean: m })
    expectMean(r.mean, m, m)
    expectVariance(r.variance, m * m, 9 * m ** 4)
    expect(r.sampler.mean).toBe(m)
  })

  it("uniform: mean (a+b)/2, variance (b−a)²/12", () => {
    const a = 10_000
    const b = 70_000
    const r = moments({ type: "uniform", min: a, max: b })
    const w = b - a
    expectMean(r.mean, (a + b) / 2, w / Math.sqrt(12))
    expectVariance(r.variance, (w * w) / 12, w ** 4 / 80)
  })

  it("normal truncated at 0 by resampling: never negative, moments of the truncated normal", () => {
    const mu = 10_000
    const sd = 10_000
    const r = moments({ type: "normal", mean: mu, sd })
    // truncated at 0 = 1 sd below the mean: mean = μ + σ φ(1)/Φ(1)
    const phi = Math.exp(-0.5) / Math.sqrt(2 * Math.PI)
    const Phi1 = 0.8413447460685429
    const tMean = mu + (sd * phi) / Phi1
    const tVar = sd * sd * (1 - (phi * -1) / Phi1 - (phi / Phi1) ** 2)
    expectMean(r.mean, tMean, Math.sqrt(tVar))
    const s = compileSampler({ type: "normal", mean: mu, sd })
    const rng = makeStream(2, 0, "n")
    for (let i = 0; i < 10_000; i++) expect(sampleRaw(s, rng)).toBeGreaterThanOrEqual(0)
  })

  it("lognormal from the mean and sd of the value itself", () => {
    const m = 200_000
    const sd = 100_000
    const r = moments({ type: "lognormal", mean: m, sd })
    expectMean(r.mean, m, sd)
    // the variance of a lognormal sample converges slowly; check it within 10 %
    expect(Math.abs(r.variance / (sd * sd) - 1)).toBeLessThan(0.1)
  })

  it("gamma (Marsaglia–Tsang): mean kθ, variance kθ², also for shape < 1", () => {
    for (const k of [0.5, 2.5]) {
      const theta = 40_000
      const r = moments({ type: "gamma", shape: k, scale: theta })
      expectMean(r.mean, k * theta, Math.sqrt(k) * theta)
      // μ4 of gamma = 3k(k+2)θ⁴
      expectVariance(r.variance, k * theta * theta, 3 * k * (k + 2) * theta ** 4)
    }
  })

  it("erlang: mean m, variance m²/k (small and large k)", () => {
    for (const k of [3, 40]) {
      const m = 120_000
      const r = moments({ type: "erlang", k, mean: m })
      expectMean(r.mean, m, m / Math.sqrt(k))
      const theta = m / k
      expectVariance(r.variance, k * theta * theta, 3 * k * (k + 2) * theta ** 4)
    }
  })

  it("weibull: mean λΓ(1+1/k)", () => {
    const lambda = 60_000
    const r = moments({ type: "weibull", shape: 2, scale: lambda })
    const mean = lambda * (Math.sqrt(Math.PI) / 2)
    const variance = lambda * lambda * (1 - Math.PI / 4)
    expectMean(r.mean, mean, Math.sqrt(variance))
    expect(r.sampler.mean).toBeCloseTo(mean, 3)
  })

  it("empirical: values in proportion to their weights (alias method)", () => {
    const s = compileSampler({ type: "empirical", values: [1000, 2000, 3000], weights: [1, 2, 7] })
    const rng = makeStream(3, 0, "emp")
    const counts = new Map<number, number>()
    for (let i = 0; i < N; i++) {
      const x = sampleMs(s, rng)
      counts.set(x, (counts.get(x) ?? 0) + 1)
    }
    const expected = new Map([
      [1000, 0.1],
      [2000, 0.2],
      [3000, 0.7]
    ])
    // chi-square, 2 degrees of freedom, 99.9 % critical value 13.82
    let chi = 0
    for (const [v, p] of expected) chi += ((counts.get(v) ?? 0) - N * p) ** 2 / (N * p)
    expect(chi).toBeLessThan(13.82)
    expect([...counts.keys()].sort()).toEqual([1000, 2000, 3000])
    expect(s.mean).toBeCloseTo(2600, 6)
  })

  it("empirical with equal weights when none are given", () => {
    const s = compileSampler({ type: "empirical", values: [5, 6] })
    expect(s.mean).toBe(5.5)
  })

  it("draws whole, non-negative milliseconds", () => {
    const s = compileSampler({ type: "exponential", mean: 1234.5 })
    const rng = makeStream(4, 0, "ms")
    for (let i = 0; i < 1000; i++) {
      const x = sampleMs(s, rng)
      expect(Number.isInteger(x)).toBe(true)
      expect(x).toBeGreaterThanOrEqual(0)
    }
  })

  it("Poisson counts have mean and variance λ, for small and large λ", () => {
    for (const lambda of [3.7, 250]) {
      const rng = makeStream(6, 0, `poisson:${lambda}`)
      const n = 40_000
      let sum = 0
      let sq = 0
      for (let i = 0; i < n; i++) {
        const k = poissonDeviate(lambda, rng)
        expect(Number.isInteger(k) && k >= 0).toBe(true)
        sum += k
        sq += k * k
      }
      const mean = sum / n
      const variance = (sq - n * mean * mean) / (n - 1)
      expect(Math.abs(mean - lambda)).toBeLessThan(4.5 * Math.sqrt(lambda / n))
      // μ4 of Poisson = λ(1 + 3λ)
      expect(Math.abs(variance - lambda)).toBeLessThan(
        4.5 * Math.sqrt((lambda * (1 + 3 * lambda) - lambda * lambda) / n)
      )
    }
    expect(poissonDeviate(0, makeStream(1, 0, "z"))).toBe(0)
  })
})
