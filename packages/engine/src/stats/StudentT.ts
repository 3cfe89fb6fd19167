/**
 * Student's t distribution: CDF and quantile for any degrees of freedom ν > 0 (not only integers), used for
 * confidence intervals over replications. The quantile is solved by safeguarded Newton steps on the exact
 * tail probability (regularized incomplete beta), so it is accurate to about 1e-12 relative for every ν;
 * ν = ∞ gives the normal quantile.
 */
import { logGamma } from "@ccsim/analytic"
import { normalQuantile } from "./Normal.ts"

const MAX_ITERATIONS = 20_000
const EPS = 1e-16
const TINY = 1e-300

/** Continued fraction for the incomplete beta (modified Lentz), converging fast for x < (a+1)/(a+b+2). */
const betaContinuedFraction = (a: number, b: number, x: number): number => {
  const qab = a + b
  const qap = a + 1
  const qam = a - 1
  let c = 1
  let d = 1 - (qab * x) / qap
  if (Math.abs(d) < TINY) d = TINY
  d = 1 / d
  let h = d
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2))
    d = 1 + aa * d
    if (Math.abs(d) < TINY) d = TINY
    c = 1 + aa / c
    if (Math.abs(c) < TINY) c = TINY
    d = 1 / d
    h *= d * c
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2))
    d = 1 + aa * d
    if (Math.abs(d) < TINY) d = TINY
    c = 1 + aa / c
    if (Math.abs(c) < TINY) c = TINY
    d = 1 / d
    const delta = d * c
    h *= delta
    if (Math.abs(delta - 1) < EPS) break
  }
  return h
}

/**
 * The regularized incomplete beta I_x(a, b), with `y = 1 − x` passed separately so that x close to 1 keeps
 * its precision.
 */
export const incompleteBeta = (a: number, b: number, x: number, y: number = 1 - x): number => {
  if (x <= 0) return 0
  if (y <= 0) return 1
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(y)
  const front = Math.exp(logFront)
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(a, b, x)) / a
    : 1 - (front * betaContinuedFraction(b, a, y)) / b
}

/** P(T > t) for t ≥ 0, computed without cancellation for large t. */
const upperTail = (t: number, df: number): number => {
  const t2 = t * t
  // x = ν/(ν + t²), y = t²/(ν + t²): the tail is ½·I_x(ν/2, ½).
  return 0.5 * incompleteBeta(df / 2, 0.5, df / (df + t2), t2 / (df + t2))
}

/** The density of t with ν degrees of freedom. */
export const studentTDensity = (t: number, df: number): number =>
  Math.exp(
    logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log1p((t * t) / df)
  )

/** P(T ≤ t) for Student's t with `df` > 0 degrees of freedom (`Infinity` allowed). */
export const studentTCdf = (t: number, df: number): number => {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN
  if (df === Number.POSITIVE_INFINITY) return 0.5 * erfc(-t / Math.SQRT2)
  const tail = upperTail(Math.abs(t), df)
  return t >= 0 ? 1 - tail : tail
}

/**
 * The p-quantile of Student's t with `df` > 0 degrees of freedom: the t with P(T ≤ t) = p.
 * `studentTQuantile(0.975, 9)` = 2.2621571627… (the 95 % two-sided factor for 10 replications).
 */
export const studentTQuantile = (p: number, df: number): number => {
  if (!(p >= 0 && p <= 1) || !(df > 0)) return Number.NaN
  if (p === 0) return Number.NEGATIVE_INFINITY
  if (p === 1) return Number.POSITIVE_INFINITY
  if (p === 0.5) return 0
  if (df === Number.POSITIVE_INFINITY) return normalQuantile(p)
  const sign = p > 0.5 ? 1 : -1
  const q = p > 0.5 ? 1 - p : p
  if (df === 1) return sign * Math.tan(Math.PI * (0.5 - q))
  if (df === 2) return sign * Math.sqrt(2 / (4 * q * (1 - q)) - 2)
  // Cornish–Fisher start, then Newton on ln P(T > t) − ln q, kept inside a bracket [lo, hi].
  const z = -normalQuantile(q)
  const z2 = z * z
  let t =
    z +
    (z * (z2 + 1)) / (4 * df) +
    (z * (5 * z2 * z2 + 16 * z2 + 3)) / (96 * df * df) +
    (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / (384 * df * df * df)
  if (!(t > 0) || !Number.isFinite(t)) t = z > 0 ? z : 1
  let lo = 0
  let hi = Number.POSITIVE_INFINITY
  const logQ = Math.log(q)
  for (let i = 0; i < 200; i++) {
    const tail = upperTail(t, df)
    if (tail > q) lo = t
    else hi = t
    const f = Math.log(tail) - logQ
    const slope = -studentTDensity(t, df) / tail
    let next = t - f / slope
    if (!(next > lo && next < hi) || !Number.isFinite(next))
      next = hi === Number.POSITIVE_INFINITY ? 2 * t : (lo + hi) / 2
    if (Math.abs(next - t) <= 1e-15 * Math.max(1, Math.abs(t))) return sign * next
    t = next
  }
  return sign * t
}

/** The complementary error function (Numerical Recipes' Chebyshev fit, relative error < 1.2e-7). */
const erfc = (x: number): number => {
  const z = Math.abs(x)
  const t = 1 / (1 + 0.5 * z)
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))
    )
  return x >= 0 ? r : 2 - r
}
