/**
 * Samplers for every distribution of the scenario format. A distribution is compiled once into a {@link Sampler}
 * (plain numbers plus, for empirical ones, an alias table); drawing is a switch on its code, with no allocation.
 * Draws are in milliseconds, rounded to the nearest integer millisecond (the engine's clock unit) and never negative.
 */
import type { Distribution } from "@ccsim/scenario"
import type { Stream } from "./Random.ts"

const CONSTANT = 0
const EXPONENTIAL = 1
const UNIFORM = 2
const NORMAL = 3
const LOGNORMAL = 4
const GAMMA = 5
const ERLANG = 6
const WEIBULL = 7
const EMPIRICAL = 8

/** A compiled distribution. Treat as opaque; build with {@link compileSampler}. */
export interface Sampler {
  readonly code: number
  readonly p1: number
  readonly p2: number
  readonly p3: number
  /** Empirical values (ms). */
  readonly values: Float64Array
  /** Alias-method tables of an empirical distribution. */
  readonly prob: Float64Array
  readonly alias: Int32Array
  /** The distribution's mean in ms (before rounding). */
  readonly mean: number
}

const EMPTY_F = new Float64Array(0)
const EMPTY_I = new Int32Array(0)

const make = (code: number, p1: number, p2: number, p3: number, mean: number): Sampler => ({
  code,
  p1,
  p2,
  p3,
  values: EMPTY_F,
  prob: EMPTY_F,
  alias: EMPTY_I,
  mean
})

/** Vose's alias method: O(1) draws from weighted values. */
const aliasTables = (weights: ReadonlyArray<number>): { prob: Float64Array; alias: Int32Array } => {
  const n = weights.length
  const total = weights.reduce((s, w) => s + w, 0)
  const prob = new Float64Array(n)
  const alias = new Int32Array(n)
  const scaled = weights.map((w) => (total > 0 ? (w * n) / total : 1))
  const small: Array<number> = []
  const large: Array<number> = []
  scaled.forEach((p, i) => {
    ;(p < 1 ? small : large).push(i)
  })
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!
    const l = large.pop()!
    prob[s] = scaled[s]!
    alias[s] = l
    scaled[l] = scaled[l]! + scaled[s]! - 1
    ;(scaled[l]! < 1 ? small : large).push(l)
  }
  for (const i of large) prob[i] = 1
  for (const i of small) prob[i] = 1
  for (let i = 0; i < n; i++) if (prob[i] === 1) alias[i] = i
  return { prob, alias }
}

/** Lanczos approximation of the gamma function (for the Weibull mean). */
const gammaFn = (z: number): number => {
  if (z < 0.5) return Math.PI / (Math.sin(Math.PI * z) * gammaFn(1 - z))
  const g = 7
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
  ]
  z -= 1
  let x = c[0]!
  for (let i = 1; i < g + 2; i++) x += c[i]! / (z + i)
  const t = z + g + 0.5
  return Math.sqrt(2 * Math.PI) * t ** (z + 0.5) * Math.exp(-t) * x
}

/** Compiles a decoded distribution (times in ms) into a sampler. */
export const compileSampler = (d: Distribution): Sampler => {
  switch (d.type) {
    case "constant":
      return make(CONSTANT, d.value, 0, 0, d.value)
    case "exponential":
      return make(EXPONENTIAL, d.mean, 0, 0, d.mean)
    case "uniform": {
      const lo = Math.min(d.min, d.max)
      const hi = Math.max(d.min, d.max)
      return make(UNIFORM, lo, hi - lo, 0, (lo + hi) / 2)
    }
    case "normal":
      return make(NORMAL, d.mean, d.sd, 0, d.mean)
    case "lognormal": {
      if (d.mean <= 0) return make(CONSTANT, 0, 0, 0, 0)
      const s2 = Math.log(1 + (d.sd * d.sd) / (d.mean * d.mean))
      return make(LOGNORMAL, Math.log(d.mean) - s2 / 2, Math.sqrt(s2), 0, d.mean)
    }
    case "gamma":
      return make(GAMMA, d.shape, d.scale, 0, d.shape * d.scale)
    case "erlang":
      return make(ERLANG, d.k, d.mean / d.k, 0, d.mean)
    case "weibull":
      return make(WEIBULL, d.shape, d.scale, 0, d.scale * gammaFn(1 + 1 / d.shape))
    case "empirical": {
      const values = Float64Array.from(d.values)
      const weights = d.weights ?? d.values.map(() => 1)
      const { alias, prob } = aliasTables(values.length === weights.length ? weights : d.values.map(() => 1))
      const total = weights.reduce((s, w) => s + w, 0)
      const mean = total > 0 ? d.values.reduce((s, v, i) => s + v * (weights[i] ?? 0), 0) / total : d.values[0]! * 1
      return { code: EMPIRICAL, p1: values.length, p2: 0, p3: 0, values, prob, alias, mean }
    }
  }
}

/** A gamma(shape, 1) deviate (Marsaglia–Tsang; shape < 1 by the boost u^(1/shape)). */
export const gammaDeviate = (shape: number, rng: Stream): number => {
  if (shape < 1) {
    const g = gammaDeviate(shape + 1, rng)
    return g * rng.nextOpen() ** (1 / shape)
  }
  const d = shape - 1 / 3
  const c = 1 / Math.sqrt(9 * d)
  for (;;) {
    let x = 0
    let v = 0
    do {
      x = rng.nextNormal()
      v = 1 + c * x
    } while (v <= 0)
    v = v * v * v
    const u = rng.nextOpen()
    if (u < 1 - 0.0331 * x * x * x * x) return d * v
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v
  }
}

/** A raw (unrounded) draw in ms. */
export const sampleRaw = (s: Sampler, rng: Stream): number => {
  switch (s.code) {
    case CONSTANT:
      return s.p1
    case EXPONENTIAL:
      return -s.p1 * Math.log(rng.nextOpen())
    case UNIFORM:
      return s.p1 + s.p2 * rng.next()
    case NORMAL: {
      if (s.p2 === 0) return Math.max(0, s.p1)
      // Truncated at 0 by resampling; a mean far below 0 would loop for long, so give up after 1000 tries.
      for (let i = 0; i < 1000; i++) {
        const x = s.p1 + s.p2 * rng.nextNormal()
        if (x >= 0) return x
      }
      return 0
    }
    case LOGNORMAL:
      return Math.exp(s.p1 + s.p2 * rng.nextNormal())
    case GAMMA:
      return s.p2 * gammaDeviate(s.p1, rng)
    case ERLANG: {
      if (s.p1 > 16) return s.p2 * gammaDeviate(s.p1, rng)
      let prod = 1
      for (let i = 0; i < s.p1; i++) prod *= rng.nextOpen()
      return -s.p2 * Math.log(prod)
    }
    case WEIBULL:
      return s.p2 * (-Math.log(rng.nextOpen())) ** (1 / s.p1)
    default: {
      const n = s.p1
      const u = rng.next() * n
      const i = Math.floor(u)
      return u - i < s.prob[i]! ? s.values[i]! : s.values[s.alias[i]!]!
    }
  }
}

/**
 * A draw in whole milliseconds (rounded to nearest, never negative). Constant and exponential draws, by far the
 * most common, are done here so that this small function inlines into its callers; the same arithmetic as
 * {@link sampleRaw}, so the same numbers.
 */
export const sampleMs = (s: Sampler, rng: Stream): number => {
  const code = s.code
  const x = code === CONSTANT ? s.p1 : code === EXPONENTIAL ? -s.p1 * Math.log(rng.nextOpen()) : sampleRaw(s, rng)
  return Math.max(0, Math.round(x))
}

/** A Poisson(mean) count: inversion for small means, PTRS (Hörmann 1993) for large ones. */
export const poissonDeviate = (mean: number, rng: Stream): number => {
  if (mean <= 0) return 0
  if (mean < 30) {
    let k = 0
    let p = Math.exp(-mean)
    let cdf = p
    const u = rng.next()
    while (u > cdf && k < 1000) {
      k++
      p *= mean / k
      cdf += p
    }
    return k
  }
  const slam = Math.sqrt(mean)
  const loglam = Math.log(mean)
  const b = 0.931 + 2.53 * slam
  const a = -0.059 + 0.02483 * b
  const invalpha = 1.1239 + 1.1328 / (b - 3.4)
  const vr = 0.9277 - 3.6224 / (b - 2)
  for (;;) {
    const u = rng.next() - 0.5
    const v = rng.nextOpen()
    const us = 0.5 - Math.abs(u)
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43)
    if (us >= 0.07 && v <= vr) return k
    if (k < 0 || (us < 0.013 && v > us)) continue
    if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -mean + k * loglam - logFactorial(k)) {
      return k
    }
  }
}

const logFactorial = (k: number): number => {
  if (k < 2) return 0
  if (k < 20) {
    let r = 0
    for (let i = 2; i <= k; i++) r += Math.log(i)
    return r
  }
  // Stirling series
  const x = k + 1
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x)
}
