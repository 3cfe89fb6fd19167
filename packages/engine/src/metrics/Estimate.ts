/**
 * Point estimates over replications with 95 % confidence intervals. Values are taken in replication order, so
 * the same replications always give the same bytes whatever order they were computed in.
 *
 * Two kinds: a per-replication quantity (a count, a time, a maximum, a percentile) is estimated by its mean over
 * replications with a Student-t interval; a rate or average (service level, abandonment, ASA, occupancy, …) by
 * the ratio estimator Σ numerator / Σ denominator over replications with a delta-method t interval
 * (stats/Ratio.ts). The mean of per-replication ratios is biased when intervals hold few calls (its interval then
 * misses the true rate), so it is kept only as a named secondary field, `meanOfRatios`.
 */

import { halfWidth } from "../stats/ConfidenceInterval.ts"
import { meanAndVariance } from "../stats/Moments.ts"
import { ratioInterval } from "../stats/Ratio.ts"
import { studentTQuantile } from "../stats/StudentT.ts"
import type { EstimateSchema, PercentileEstimateSchema, RateEstimateSchema } from "./ResultsSchema.ts"

/** The confidence level of every interval in a summary. */
export const SUMMARY_CONFIDENCE = 0.95

/**
 * A per-replication quantity (a count, a time, a maximum) over replications. `null` where undefined:
 * mean with no replication, sd / halfWidth / ci with fewer than two.
 */
export type Estimate = typeof EstimateSchema.Type

/**
 * A rate or average: `ratio` = Σ numerator / Σ denominator over every replication (the point estimate shown
 * everywhere), its delta-method `standardError`, the 95 % t half-width and interval around it, and
 * `meanOfRatios`, the mean of the per-replication ratios with its own t interval (replications whose denominator
 * is 0 have no ratio and are left out of it).
 */
export type RateEstimate = typeof RateEstimateSchema.Type

/** A wait percentile: the mean of per-replication percentiles (an Estimate), and the percentile of all waits pooled. */
export type PercentileEstimate = typeof PercentileEstimateSchema.Type

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null)

/** The estimate of a per-replication quantity; non-finite values (undefined in a replication) are left out. */
export const estimate = (values: ReadonlyArray<number>): Estimate => {
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

/** The ratio estimate Σ numerators / Σ denominators × `scale`, from per-replication numerators and denominators. */
export const rateEstimate = (
  numerators: ReadonlyArray<number>,
  denominators: ReadonlyArray<number>,
  scale = 1
): RateEstimate => {
  const r = ratioInterval(numerators, denominators, { level: SUMMARY_CONFIDENCE })
  const ratio = finiteOrNull(scale * r.ratio)
  const h = finiteOrNull(scale * r.halfWidth)
  return {
    n: r.n,
    ratio,
    standardError: finiteOrNull(scale * r.standardError),
    halfWidth: h,
    ci: ratio === null || h === null ? null : [ratio - h, ratio + h],
    meanOfRatios: estimate(numerators.map((num, i) => (scale * num) / denominators[i]!))
  }
}

/** A percentile estimate from per-replication percentiles (NaN where undefined) and the pooled percentile. */
export const percentileEstimate = (values: ReadonlyArray<number>, pooled: number): PercentileEstimate => ({
  ...estimate(values),
  pooled: finiteOrNull(pooled)
})

/** The point value of an estimate: `ratio` for a rate, else `mean`. */
export const pointEstimate = (e: Estimate | RateEstimate): number | null => ("ratio" in e ? e.ratio : e.mean)

/**
 * The half-width of the two-sided `level` interval of an estimate (t with n − 1 degrees of freedom), or NaN when
 * undefined (fewer than two replications, no data).
 */
export const halfWidthAt = (e: Estimate | RateEstimate, level: number): number => {
  if ("ratio" in e) {
    return e.standardError === null || e.n < 2
      ? Number.NaN
      : studentTQuantile((1 + level) / 2, e.n - 1) * e.standardError
  }
  return e.sd === null ? Number.NaN : halfWidth(e.n, e.sd, level)
}
