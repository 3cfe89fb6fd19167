/**
 * The future of one waiting caller in an M/M/c+M line: the chain of (b busy agents, j callers ahead
 * of it) plus two absorbing states, answered and abandoned. Callers behind it never matter under FCFS,
 * so this is all its future depends on. Every move lowers b or j, or absorbs, so the chain is acyclic.
 *
 * Used two ways by the transient oracle: forward (the distribution over the next T, for "answered
 * within T"), and backward (value functions for the eventual outcome, solved once per interval).
 */
import type { UniformisedStep } from "./Uniformisation.ts"

/** Service and patience rates μ = 1/AHT and θ = 1/patience (0: nobody abandons). */
export interface Rates {
  readonly mu: number
  readonly theta: number
}

/** Index space of the tagged chain; a waiting caller always sees every agent busy, so b ≥ c ≥ cMin. */
export class TaggedSpace {
  readonly cMin: number
  readonly cMax: number
  readonly queueLimit: number
  readonly width: number
  readonly answered: number
  readonly abandoned: number
  readonly size: number
  constructor(cMin: number, cMax: number, queueLimit: number) {
    this.cMin = cMin
    this.cMax = cMax
    this.queueLimit = queueLimit
    this.width = cMax - cMin + 1
    this.answered = (queueLimit + 1) * this.width
    this.abandoned = this.answered + 1
    this.size = this.abandoned + 1
  }
  index(busy: number, ahead: number): number {
    return ahead * this.width + (busy - this.cMin)
  }
  /** A rate at least every state's total outflow, for uniformisation. */
  uniformRate(rates: Rates): number {
    return this.cMax * rates.mu + (this.queueLimit + 1) * rates.theta
  }
}

/** Where a freed agent sends the tagged chain: above capacity the agent leaves, else the line moves up. */
const afterService = (space: TaggedSpace, agents: number, b: number, j: number): number =>
  b > agents ? space.index(b - 1, j) : j > 0 ? space.index(b, j - 1) : space.answered

/** Forward step of the distribution with `agents` on the phones. */
export const taggedStep = (space: TaggedSpace, rates: Rates, agents: number, uniform: number): UniformisedStep => {
  const { cMin, cMax, queueLimit, answered, abandoned, width } = space
  const { mu, theta } = rates
  return (src, dst) => {
    dst.fill(0)
    dst[answered] = src[answered]!
    dst[abandoned] = src[abandoned]!
    let lost = 0
    for (let j = 0; j <= queueLimit; j++) {
      const row = j * width - cMin
      for (let b = cMin; b <= cMax; b++) {
        const i = row + b
        const m = src[i]!
        if (m === 0) continue
        const scale = m / uniform
        const service = b * mu * scale
        // Index arithmetic inline: this loop is the oracle's hot path.
        if (b > agents) dst[i - 1]! += service
        else if (j > 0) dst[i - width]! += service
        else dst[answered]! += service
        if (j > 0) dst[i - width]! += j * theta * scale
        lost += theta * scale
        dst[i]! += m - (b * mu + (j + 1) * theta) * scale
      }
    }
    dst[abandoned]! += lost
  }
}

/** New agents at a boundary answer the callers ahead first, then the tagged caller. */
export const taggedAddAgents = (space: TaggedSpace, u: Float64Array, agents: number): void => {
  for (let j = 0; j <= space.queueLimit; j++) {
    for (let b = space.cMin; b < agents; b++) {
      const i = space.index(b, j)
      const m = u[i]!
      if (m === 0) continue
      const free = agents - b
      u[i] = 0
      if (free > j) u[space.answered]! += m
      else u[space.index(agents, j - free)]! += m
    }
  }
}

/**
 * Value functions, stored as one vector [h | g | w] of three blocks of `space.size`:
 * h = P(eventually answered), g = E[W·1{answered}], w = E[W], W the wait still to come.
 * Backward, −dh/ds = Qh, −dg/ds = Qg + D·h and −dw/ds = Qw + D·1 (D: indicator of waiting), so
 * [h; g] evolves by the block generator [[Q, 0], [D, Q]], whose uniformised matrix [[P, 0], [D/Λ, P]]
 * is non-negative: the same Poisson sum as the forward equations, without cancellation.
 */
export const valuesStep = (space: TaggedSpace, rates: Rates, agents: number, uniform: number): UniformisedStep => {
  const { cMin, cMax, queueLimit, answered, abandoned, size, width } = space
  const { mu, theta } = rates
  const g = size
  const w = 2 * size
  const dwell = 1 / uniform
  return (src, dst) => {
    for (const block of [0, g, w]) {
      dst[block + answered] = src[block + answered]!
      dst[block + abandoned] = src[block + abandoned]!
    }
    for (let j = 0; j <= queueLimit; j++) {
      const row = j * width - cMin
      const aheadShare = (j * theta) / uniform
      for (let b = cMin; b <= cMax; b++) {
        const i = row + b
        const served = b > agents ? i - 1 : j > 0 ? i - width : answered
        const ahead = j > 0 ? i - width : i
        const serviceShare = (b * mu) / uniform
        const stay = 1 - (b * mu + (j + 1) * theta) / uniform
        // The own-abandonment share goes to "abandoned", whose values are all 0.
        const h = src[i]!
        dst[i] = stay * h + serviceShare * src[served]! + aheadShare * src[ahead]!
        dst[g + i] = stay * src[g + i]! + serviceShare * src[g + served]! + aheadShare * src[g + ahead]! + h * dwell
        dst[w + i] = stay * src[w + i]! + serviceShare * src[w + served]! + aheadShare * src[w + ahead]! + dwell
      }
    }
  }
}

/** Values just before a boundary that adds agents: the state jumps as in {@link taggedAddAgents}. */
export const valuesAddAgents = (space: TaggedSpace, v: Float64Array, agents: number): void => {
  const { size } = space
  for (let j = 0; j <= space.queueLimit; j++) {
    for (let b = space.cMin; b < agents; b++) {
      const free = agents - b
      const target = free > j ? space.answered : space.index(agents, j - free)
      const i = space.index(b, j)
      for (let block = 0; block < 3 * size; block += size) v[block + i] = v[block + target]!
    }
  }
}

/**
 * The values once nothing changes any more (after the day, `agents` for ever), exactly by the acyclic
 * recursion: each state's values from those of the states it can move to, in order of increasing j, b.
 * With θ > 0 every caller leaves; with θ = 0, `agents` must be > 0.
 */
export const settledValues = (space: TaggedSpace, rates: Rates, agents: number): Float64Array => {
  const { size } = space
  const { mu, theta } = rates
  const v = new Float64Array(3 * size)
  v[space.answered] = 1
  for (let j = 0; j <= space.queueLimit; j++) {
    for (let b = space.cMin; b <= space.cMax; b++) {
      const i = space.index(b, j)
      const rate = b * mu + (j + 1) * theta
      // Only b = 0 with θ = 0 has no way out; it is unreachable when agents > 0 (b ≥ agents while waiting).
      if (rate === 0) continue
      const served = afterService(space, agents, b, j)
      const ahead = j > 0 ? space.index(b, j - 1) : i
      const aheadRate = j * theta
      const h = (b * mu * v[served]! + aheadRate * v[ahead]!) / rate
      v[i] = h
      v[size + i] = (h + b * mu * v[size + served]! + aheadRate * v[size + ahead]!) / rate
      v[2 * size + i] = (1 + b * mu * v[2 * size + served]! + aheadRate * v[2 * size + ahead]!) / rate
    }
  }
  return v
}
