/**
 * Mean and variance. `Moments` is Welford's streaming accumulator with Chan's merge; merging floats is not
 * associative to the last bit, so wherever results must be byte-identical whatever the grouping (replication
 * summaries), use {@link meanAndVariance} on the values in a fixed order instead.
 */

/** Welford's running mean and sum of squared deviations. */
export class Moments {
  n = 0
  mean = 0
  /** Σ (x − mean)². */
  m2 = 0

  /** Adds one observation. */
  add(x: number): void {
    this.n += 1
    const delta = x - this.mean
    this.mean += delta / this.n
    this.m2 += delta * (x - this.mean)
  }

  /** Adds another accumulator's observations (Chan et al.); exact in real arithmetic, not bit-for-bit. */
  merge(other: Moments): void {
    if (other.n === 0) return
    if (this.n === 0) {
      this.n = other.n
      this.mean = other.mean
      this.m2 = other.m2
      return
    }
    const n = this.n + other.n
    const delta = other.mean - this.mean
    this.mean += (delta * other.n) / n
    this.m2 += other.m2 + (delta * delta * this.n * other.n) / n
    this.n = n
  }

  /** The sample variance (n − 1 denominator); NaN below two observations. */
  get variance(): number {
    return this.n > 1 ? this.m2 / (this.n - 1) : Number.NaN
  }
}

/**
 * Mean and sample variance of `values` by two passes in the given order: deterministic for a given order,
 * and more accurate than Σx² − (Σx)²/n. Variance is NaN below two values; mean is NaN for none.
 */
export const meanAndVariance = (
  values: ReadonlyArray<number>
): { readonly mean: number; readonly variance: number } => {
  const n = values.length
  if (n === 0) return { mean: Number.NaN, variance: Number.NaN }
  let sum = 0
  for (const x of values) sum += x
  const mean = sum / n
  if (n === 1) return { mean, variance: Number.NaN }
  let squares = 0
  let residual = 0
  for (const x of values) {
    const d = x - mean
    squares += d * d
    residual += d
  }
  // The corrected two-pass formula: subtracting residual²/n removes the rounding error of the mean.
  return { mean, variance: Math.max(0, (squares - (residual * residual) / n) / (n - 1)) }
}
