/**
 * Ratio estimators over replications: Σxᵢ / Σyᵢ with a confidence interval valid for a ratio.
 *
 * A rate such as a service level (answered within T / offered) or an ASA (total wait / answered) is a
 * ratio of two sums per replication. The mean of per-replication ratios is biased when the denominators
 * are small and vary with what the numerator measures (a busy replication has both more calls and a
 * worse service level), and its interval then misses the true rate. The pooled ratio Σx / Σy converges
 * to E[x]/E[y], the planner's "calls answered in time out of calls offered", with a bias of order 1/n.
 *
 * Intervals use Student's t with n − 1 degrees of freedom and either
 * - the delta method (default): SE = sd(xᵢ − R·yᵢ) / (√n·ȳ), the linearisation of x̄/ȳ; or
 * - the jackknife: SE² = (n − 1)/n · Σ (R₍ᵢ₎ − R̄₍·₎)², R₍ᵢ₎ the ratio without replication i.
 */
import { studentTQuantile } from "./StudentT.ts"

/** How the standard error of a ratio is estimated. */
export type RatioMethod = "delta" | "jackknife"

/** A pooled ratio over replications with its confidence interval. */
export interface RatioInterval {
  /** Replications, those with a zero denominator included (they are part of the sample). */
  readonly n: number
  readonly numerator: number
  readonly denominator: number
  /** Σx / Σy; NaN when Σy = 0 (no denominator, e.g. no calls offered: the rate is undefined). */
  readonly ratio: number
  /** Standard error of the ratio; NaN for n < 2, Σy = 0, or a jackknife with a replication holding all of Σy. */
  readonly standardError: number
  /** t_{n−1, (1+level)/2} · standardError; 0 when every replication has the same ratio. */
  readonly halfWidth: number
  readonly lower: number
  readonly upper: number
  readonly method: RatioMethod
}

/** Options of {@link ratioInterval}. */
export interface RatioOptions {
  /** Two-sided confidence level (default 0.95). */
  readonly level?: number
  /** Standard-error method (default "delta"). */
  readonly method?: RatioMethod
}

const sum = (values: ArrayLike<number>): number => {
  let s = 0
  for (let i = 0; i < values.length; i++) s += values[i]!
  return s
}

/**
 * True when every replication has the same ratio up to rounding (xᵢ/yᵢ within 1e-14 relative, and
 * xᵢ = 0 where yᵢ = 0): such a sample has no spread, so the interval has width 0 rather than noise.
 */
const allSameRatio = (x: ArrayLike<number>, y: ArrayLike<number>): boolean => {
  let first: number | undefined
  for (let i = 0; i < x.length; i++) {
    if (y[i] === 0) {
      if (x[i] !== 0) return false
      continue
    }
    const r = x[i]! / y[i]!
    if (first === undefined) first = r
    else if (Math.abs(r - first) > 1e-14 * Math.max(Math.abs(r), Math.abs(first))) return false
  }
  return true
}

const deltaStandardError = (x: ArrayLike<number>, y: ArrayLike<number>, ratio: number, meanY: number): number => {
  const n = x.length
  let squares = 0
  for (let i = 0; i < n; i++) {
    const residual = x[i]! - ratio * y[i]!
    squares += residual * residual
  }
  return Math.sqrt(squares / (n - 1)) / (Math.sqrt(n) * Math.abs(meanY))
}

const jackknifeStandardError = (x: ArrayLike<number>, y: ArrayLike<number>, totalX: number, totalY: number): number => {
  const n = x.length
  const leaveOneOut = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const rest = totalY - y[i]!
    if (rest === 0) return Number.NaN
    leaveOneOut[i] = (totalX - x[i]!) / rest
  }
  const mean = sum(leaveOneOut) / n
  let squares = 0
  for (let i = 0; i < n; i++) squares += (leaveOneOut[i]! - mean) ** 2
  return Math.sqrt(((n - 1) / n) * squares)
}

/**
 * The pooled ratio Σxᵢ / Σyᵢ of per-replication numerators and denominators, with its t interval.
 * Used for every rate (service levels, abandonment, occupancy, P(wait)) and for weighted means: the
 * ASA is `ratioInterval(totalWaitOfAnswered, answered)`. Throws a RangeError for arrays of different
 * lengths or a level outside (0, 1).
 */
export const ratioInterval = (
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: RatioOptions = {}
): RatioInterval => {
  const level = options.level ?? 0.95
  const method = options.method ?? "delta"
  if (x.length !== y.length)
    throw new RangeError(`numerators (${x.length}) and denominators (${y.length}) differ in length`)
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`)
  const n = x.length
  const numerator = sum(x)
  const denominator = sum(y)
  const undefinedInterval = (ratio: number): RatioInterval => ({
    n,
    numerator,
    denominator,
    ratio,
    standardError: Number.NaN,
    halfWidth: Number.NaN,
    lower: Number.NaN,
    upper: Number.NaN,
    method
  })
  if (denominator === 0 || n === 0) return undefinedInterval(Number.NaN)
  const ratio = numerator / denominator
  if (n < 2) return undefinedInterval(ratio)
  const standardError = allSameRatio(x, y)
    ? 0
    : method === "delta"
      ? deltaStandardError(x, y, ratio, denominator / n)
      : jackknifeStandardError(x, y, numerator, denominator)
  const halfWidth = studentTQuantile((1 + level) / 2, n - 1) * standardError
  return {
    n,
    numerator,
    denominator,
    ratio,
    standardError,
    halfWidth,
    lower: ratio - halfWidth,
    upper: ratio + halfWidth,
    method
  }
}
