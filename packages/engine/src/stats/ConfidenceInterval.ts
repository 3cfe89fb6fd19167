/**
 * Student-t confidence intervals for a mean over independent replications.
 */
import { studentTQuantile } from "./StudentT.ts"

/** A point estimate over replications with its t confidence interval. */
export interface Interval {
  readonly n: number
  readonly mean: number
  /** Sample standard deviation (n − 1); NaN for n < 2. */
  readonly sd: number
  /** t_{n−1, (1+level)/2} · sd / √n; NaN for n < 2. */
  readonly halfWidth: number
  readonly lower: number
  readonly upper: number
}

/** The half-width of the two-sided `level` t interval for n values with standard deviation sd. */
export const halfWidth = (n: number, sd: number, level = 0.95): number =>
  n < 2 || !Number.isFinite(sd) ? Number.NaN : (studentTQuantile((1 + level) / 2, n - 1) * sd) / Math.sqrt(n)

/** The two-sided t confidence interval of the mean from n, mean and sd. */
export const confidenceInterval = (n: number, mean: number, sd: number, level = 0.95): Interval => {
  const h = halfWidth(n, sd, level)
  return { n, mean, sd, halfWidth: h, lower: mean - h, upper: mean + h }
}
