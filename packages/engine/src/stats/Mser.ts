/**
 * MSER-5 warm-up detection (White 1997; the method Hoad, Robinson and Davies found most accurate and robust).
 *
 * The output series is cut into batches of 5 and averaged; for each candidate deletion point d (in batches),
 * MSER(d) = Σ_{j>d} (Z_j − Z̄_d)² / (k − d)², the squared standard error of the mean of what is kept. The
 * warm-up is the d that minimises it over the first half of the batches (the statistic is unreliable near the
 * end, where few batches remain). A minimum on the boundary of that half means the series is still drifting:
 * the run is too short to show a steady state, reported as `detected: false`.
 */

/** The result of MSER on a series. */
export interface MserResult {
  /** Raw observations to delete (batches deleted × batch size). */
  readonly truncation: number
  /** Batches deleted. */
  readonly batches: number
  /** Number of batch means the series made. */
  readonly batchCount: number
  /** The minimised statistic MSER(d*). */
  readonly statistic: number
  /** False when the series has fewer than 2 batches or the minimum is at the end of the searched half. */
  readonly detected: boolean
}

/** Means of consecutive batches of `size` observations; an incomplete last batch is dropped. */
export const batchMeans = (series: ReadonlyArray<number>, size: number): Array<number> => {
  const count = Math.floor(series.length / size)
  const means = new Array<number>(count)
  for (let j = 0; j < count; j++) {
    let sum = 0
    for (let i = j * size; i < (j + 1) * size; i++) sum += series[i]!
    means[j] = sum / size
  }
  return means
}

/**
 * MSER on batch means `z` (already batched): the deletion point d* ∈ [0, ⌊k/2⌋] minimising MSER(d).
 * Ties go to the smallest d. O(k): suffix means and squared deviations are built backwards with Welford steps.
 */
export const mserOfBatchMeans = (z: ReadonlyArray<number>, batchSize = 1): MserResult => {
  const k = z.length
  if (k < 2) return { truncation: 0, batches: 0, batchCount: k, statistic: Number.NaN, detected: false }
  // statistic[d] for d = k−1 … 0, computed from the suffix z[d..k−1].
  const statistic = new Float64Array(k)
  let n = 0
  let mean = 0
  let m2 = 0
  for (let d = k - 1; d >= 0; d--) {
    n += 1
    const x = z[d]!
    const delta = x - mean
    mean += delta / n
    m2 += delta * (x - mean)
    statistic[d] = m2 / (n * n)
  }
  // Search d over the first half; keep at least two batches.
  const limit = Math.min(Math.floor(k / 2), k - 2)
  let best = 0
  for (let d = 1; d <= limit; d++) if (statistic[d]! < statistic[best]!) best = d
  return {
    truncation: best * batchSize,
    batches: best,
    batchCount: k,
    statistic: statistic[best]!,
    detected: best < limit || limit === 0
  }
}

/** MSER-5: MSER on means of batches of 5 raw observations. `truncation` counts raw observations to delete. */
export const mser5 = (series: ReadonlyArray<number>): MserResult => mserOfBatchMeans(batchMeans(series, 5), 5)
