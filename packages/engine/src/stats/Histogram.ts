/**
 * A mergeable log-linear histogram of non-negative integer durations in milliseconds (HDR-style).
 *
 * Buckets: values 0–127 ms each have their own bucket (exact). Above, every power-of-two range [2^e, 2^(e+1))
 * is split into 64 equal buckets, so a bucket is at most 1/64 of its lower bound wide. A bucket is reported by
 * the midpoint of the integers it holds, so any quantile read from the histogram is within 1/128 (0.79 %) of
 * the exact nearest-rank quantile, and exact below 128 ms. Values of 2³² ms (49.7 days) or more are counted
 * in the last bucket. Merging adds counts, so it is exact, associative and order-independent.
 */

/** Sub-buckets per power of two. */
const SUB = 64
const LINEAR = 2 * SUB
const MAX_EXPONENT = 31

/** Number of buckets: 128 exact ones, then 64 per power of two from 2⁷ to 2³¹. */
export const HISTOGRAM_BUCKETS = LINEAR + (MAX_EXPONENT - 6) * SUB

/** The maximum relative error of a value read back from the histogram. */
export const HISTOGRAM_RELATIVE_ERROR = 1 / (2 * SUB)

/** A sparse histogram as stored in results: `[bucket, count]` pairs sorted by bucket, counts > 0. */
export type SparseHistogram = Array<[number, number]>

/** The bucket of a duration in ms (negative values count as 0, fractions are floored). */
export const bucketOf = (ms: number): number => {
  if (!(ms >= LINEAR)) return ms > 0 ? Math.floor(ms) : 0
  if (ms >= 4294967296) return HISTOGRAM_BUCKETS - 1
  const v = ms >>> 0
  const exponent = 31 - Math.clz32(v)
  const shift = exponent - 6
  return LINEAR + (exponent - 7) * SUB + ((v >>> shift) - SUB)
}

/** The smallest value in bucket `b`. */
export const bucketLower = (b: number): number => {
  if (b < LINEAR) return b
  const exponent = 7 + Math.floor((b - LINEAR) / SUB)
  return (SUB + ((b - LINEAR) % SUB)) * 2 ** (exponent - 6)
}

/** One past the largest value in bucket `b`. */
export const bucketUpper = (b: number): number =>
  b < LINEAR ? b + 1 : bucketLower(b) + 2 ** (7 + Math.floor((b - LINEAR) / SUB) - 6)

/** The value that represents bucket `b`: the midpoint of the integers it holds. */
export const bucketValue = (b: number): number => (bucketLower(b) + bucketUpper(b) - 1) / 2

/** A dense histogram for recording; convert with {@link Histogram.toSparse} for results. */
export class Histogram {
  readonly counts = new Float64Array(HISTOGRAM_BUCKETS)
  total = 0

  /** Counts one duration in ms. */
  record(ms: number): void {
    this.counts[bucketOf(ms)]! += 1
    this.total += 1
  }

  /** The non-empty buckets as `[bucket, count]` pairs in bucket order. */
  toSparse(): SparseHistogram {
    const out: SparseHistogram = []
    const counts = this.counts
    for (let b = 0; b < HISTOGRAM_BUCKETS; b++) if (counts[b]! > 0) out.push([b, counts[b]!])
    return out
  }
}

/** Adds two sparse histograms (exact, associative, commutative). */
export const mergeSparse = (a: SparseHistogram, b: SparseHistogram): SparseHistogram => {
  const out: SparseHistogram = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    const x = a[i]
    const y = b[j]
    if (y === undefined || (x !== undefined && x[0] < y[0])) {
      out.push([x![0], x![1]])
      i++
    } else if (x === undefined || y[0] < x[0]) {
      out.push([y[0], y[1]])
      j++
    } else {
      out.push([x[0], x[1] + y[1]])
      i++
      j++
    }
  }
  return out
}

/** Total count of a sparse histogram. */
export const sparseCount = (h: SparseHistogram): number => {
  let n = 0
  for (const [, c] of h) n += c
  return n
}

/**
 * The nearest-rank p-quantile (the value of rank ⌈p·n⌉) read from a sparse histogram, in ms; within
 * {@link HISTOGRAM_RELATIVE_ERROR} of the exact one. NaN when empty.
 */
export const sparseQuantile = (h: SparseHistogram, p: number): number => {
  const n = sparseCount(h)
  if (n === 0) return Number.NaN
  const rank = Math.max(1, Math.ceil(p * n))
  let seen = 0
  for (const [b, c] of h) {
    seen += c
    if (seen >= rank) return bucketValue(b)
  }
  return bucketValue(h[h.length - 1]![0])
}
