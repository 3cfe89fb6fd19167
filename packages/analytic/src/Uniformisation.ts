/**
 * Uniformisation of a finite continuous-time Markov chain: p(t + h) = Σₖ Poisson(k; Λh)·p·Pᵏ with
 * P = I + Q/Λ and Λ ≥ every state's total outflow. All terms are non-negative, so there is no
 * cancellation, and the Poisson tail left off is bounded explicitly (below 1e-16 here).
 */

/** One uniformised step: `dst` = `src`·P, where P = I + Q/Λ for the chain's generator Q. */
export type UniformisedStep = (src: Float64Array, dst: Float64Array) => void

/** Poisson weights above Λh are split into chunks of at most this mean, so e^(−Λh) never underflows. */
const CHUNK_MEAN = 400

/**
 * Poisson(k; x) for k = 0..K, K the first k above x where the geometric bound on the tail beyond it,
 * pₖ·x/(k + 1 − x), is below 1e-17 (x ≤ 400, so e^(−x) does not underflow).
 */
export const poissonWeights = (x: number): Float64Array => {
  const weights: Array<number> = [Math.exp(-x)]
  for (let k = 1; ; k++) {
    const w = (weights[k - 1]! * x) / k
    weights.push(w)
    if (k > x && (w * x) / (k + 1 - x) < 1e-17) break
  }
  return Float64Array.from(weights)
}

/** Work buffers for {@link advance}, sized once per chain. */
export class UniformisationBuffers {
  readonly term: Float64Array
  readonly next: Float64Array
  readonly sum: Float64Array
  constructor(size: number) {
    this.term = new Float64Array(size)
    this.next = new Float64Array(size)
    this.sum = new Float64Array(size)
  }
}

/**
 * Advances the distribution `v` (in place) over a time `h` of a chain with uniformisation rate `rate`.
 * When `integral` is given, ∫₀ʰ v(s) ds is added to it, exactly: Σₖ vₖ·P(N(Λh) ≥ k + 1)/Λ.
 */
export const advance = (
  v: Float64Array,
  h: number,
  rate: number,
  step: UniformisedStep,
  buffers: UniformisationBuffers,
  integral?: Float64Array
): void => {
  if (!(h > 0)) return
  if (!(rate > 0)) {
    // Nothing moves: the distribution stays, and its integral grows linearly.
    if (integral !== undefined) for (let i = 0; i < v.length; i++) integral[i]! += h * v[i]!
    return
  }
  const chunks = Math.ceil((rate * h) / CHUNK_MEAN)
  const weights = poissonWeights((rate * h) / chunks)
  // above[k] = P(N ≥ k + 1), summed from the right so small tails keep their digits.
  const above = new Float64Array(weights.length)
  for (let k = weights.length - 2; k >= 0; k--) above[k] = above[k + 1]! + weights[k + 1]!
  let term = buffers.term
  let next = buffers.next
  const sum = buffers.sum
  for (let chunk = 0; chunk < chunks; chunk++) {
    term.set(v)
    const w0 = weights[0]!
    for (let i = 0; i < v.length; i++) sum[i] = w0 * term[i]!
    if (integral !== undefined) addScaled(integral, term, above[0]! / rate)
    for (let k = 1; k < weights.length; k++) {
      step(term, next)
      const swap = term
      term = next
      next = swap
      addScaled(sum, term, weights[k]!)
      if (integral !== undefined) addScaled(integral, term, above[k]! / rate)
    }
    v.set(sum)
  }
}

const addScaled = (target: Float64Array, source: Float64Array, factor: number): void => {
  if (factor === 0) return
  for (let i = 0; i < target.length; i++) target[i]! += factor * source[i]!
}
