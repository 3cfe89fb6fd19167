/**
 * Point estimates over replications with 95 % Student-t confidence intervals. Values are taken in replication
 * order, so the same replications always give the same bytes whatever order they were computed in.
 */

import { halfWidth } from "../stats/ConfidenceInterval.ts"
import { meanAndVariance } from "../stats/Moments.ts"
import type { EstimateSchema, RateEstimateSchema } from "./ResultsSchema.ts"

/** The confidence level of every interval in a summary. */
export const SUMMARY_CONFIDENCE = 0.95

/**
 * A per-replication quantity (a count, a time, a maximum) over replications. `null` where undefined:
 * mean with no replication, sd / halfWidth / ci with fewer than two.
 */
export type Estimate = typeof EstimateSchema.Type

/**
 * A rate or average (service level, ASA, occupancy, …). Two estimates, each named: `meanOfReplications`, the
 * mean of the per-replication ratios (its sd and 95 % CI follow), and `pooled`, Σ numerator / Σ denominator
 * over all replications. Replications where the denominator is 0 (e.g. no calls offered) have no ratio and
 * are left out of `meanOfReplications` (and of n).
 */
export type RateEstimate = typeof RateEstimateSchema.Type

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null)

interface Moments {
  readonly n: number
  readonly mean: number | null
  readonly sd: number | null
  readonly halfWidth: number | null
  readonly ci: readonly [number, number] | null
}

const moments = (values: ReadonlyArray<number>): Moments => {
  const defined = values.filter((x) => Number.isFinite(x))
  const n = defined.length
  if (n === 0) return { n, mean: null, sd: null, halfWidth: null, ci: null }
  const { mean, variance } = meanAndVariance(defined)
  const sd = Math.sqrt(variance)
  const h = halfWidth(n, sd, SUMMARY_CONFIDENCE)
  return {
    n,
    mean: finiteOrNull(mean),
    sd: finiteOrNull(sd),
    halfWidth: finiteOrNull(h),
    ci: Number.isFinite(h) ? [mean - h, mean + h] : null
  }
}

/** The estimate of a per-replication quantity; non-finite values (undefined in a replication) are left out. */
export const estimate = (values: ReadonlyArray<number>): Estimate => moments(values)

/** The estimate of a ratio from per-replication numerators and denominators, times `scale`. */
export const rateEstimate = (
  numerators: ReadonlyArray<number>,
  denominators: ReadonlyArray<number>,
  scale = 1
): RateEstimate => {
  let sumNum = 0
  let sumDen = 0
  const ratios = numerators.map((num, i) => {
    const den = denominators[i]!
    sumNum += num
    sumDen += den
    return den > 0 ? (scale * num) / den : Number.NaN
  })
  return fromRatios(ratios, sumDen > 0 ? (scale * sumNum) / sumDen : Number.NaN)
}

/** A rate estimate from per-replication values and a separately computed pooled value. */
export const fromRatios = (ratios: ReadonlyArray<number>, pooled: number): RateEstimate => {
  const m = moments(ratios)
  return {
    n: m.n,
    meanOfReplications: m.mean,
    pooled: finiteOrNull(pooled),
    sd: m.sd,
    halfWidth: m.halfWidth,
    ci: m.ci
  }
}

/** The point value of an estimate: `mean`, or `meanOfReplications` for a rate. */
export const pointEstimate = (e: Estimate | RateEstimate): number | null =>
  "mean" in e ? e.mean : e.meanOfReplications
