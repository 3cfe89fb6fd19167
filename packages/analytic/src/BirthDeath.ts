/**
 * Exact numerical solution of the M/M/N+M birth–death chain, the reference the closed forms are
 * checked against. State n = calls in system; birth rate λ, death rate min(n, N)·μ + max(n − N, 0)·θ.
 */
import { requireInteger, requireNonNegative, requirePositive } from "./Input.ts"

/** Rates of the chain (per one time unit of the caller's choice). */
export interface BirthDeathInput {
  /** Number of agents N ≥ 1. */
  readonly agents: number
  /** Arrival rate λ. */
  readonly arrivalRate: number
  /** Service rate μ = 1/AHT. */
  readonly serviceRate: number
  /** Abandonment rate θ = 1/mean patience; 0 gives Erlang C (then λ < Nμ is required). */
  readonly abandonmentRate: number
  /** Truncate at K once the tail bounds on P(n > K) and its share of Lq are below this (default 1e-15). */
  readonly tailTolerance?: number
  /** Refuse to build more states than this (default 10 000 000). */
  readonly maxStates?: number
}

/** Stationary metrics of the chain. Arrival-based probabilities use PASTA. */
export interface BirthDeathResult {
  /** π₀..π_K, normalised over the truncated states. */
  readonly distribution: Float64Array
  /** P(W > 0) = Σ_{n≥N} πₙ. */
  readonly pWait: number
  /** P(abandon) = θ·Lq/λ (rate of abandonments over rate of arrivals). */
  readonly pAbandon: number
  /** P(abandon) from the tagged-customer argument; equal to `pAbandon`, kept as a self-check. */
  readonly pAbandonTagged: number
  /** Mean number waiting Σ (n − N)⁺·πₙ. */
  readonly lq: number
  /** Mean wait of all arrivals, Lq/λ (Little). */
  readonly meanWait: number
  /** Mean wait of answered calls, by the tagged-customer argument (see ErlangA.ts). */
  readonly asa: number
  /** Mean busy agents Σ min(n, N)·πₙ. */
  readonly meanBusy: number
  /** Occupancy: mean busy agents / N. */
  readonly occupancy: number
}

/** Solves the chain exactly (up to a rigorous tail bound) by the product form πₙ ∝ Π λ/death(k). */
export const solveBirthDeath = (input: BirthDeathInput): BirthDeathResult => {
  const { agents, arrivalRate: lambda, serviceRate: mu, abandonmentRate: theta } = input
  const tolerance = input.tailTolerance ?? 1e-15
  const maxStates = input.maxStates ?? 10_000_000
  requireInteger("agents", agents, 1)
  requireNonNegative("arrivalRate", lambda)
  requirePositive("serviceRate", mu)
  requireNonNegative("abandonmentRate", theta)
  if (theta === 0 && lambda >= agents * mu) {
    throw new RangeError("the chain has no stationary distribution: θ = 0 and λ ≥ Nμ")
  }
  const death = (n: number) => Math.min(n, agents) * mu + Math.max(n - agents, 0) * theta
  const SCALE = 1e200
  const weights: Array<number> = [1]
  let total = 1
  let queued = 0
  for (let n = 1; ; n++) {
    if (n >= maxStates) throw new RangeError(`the chain needs more than ${maxStates} states`)
    let p = (weights[n - 1]! * lambda) / death(n)
    if (p > SCALE) {
      // Products like A^N/N! overflow for big loads; rescale everything, only ratios matter.
      for (let k = 0; k < n; k++) weights[k]! /= SCALE
      total /= SCALE
      queued /= SCALE
      p /= SCALE
    }
    weights.push(p)
    total += p
    queued += Math.max(n - agents, 0) * p
    if (n > agents) {
      // Deaths never decrease with n, so every later ratio is ≤ r and the tails are geometric-bounded.
      const r = lambda / death(n + 1)
      if (r < 1) {
        const massTail = (p * r) / (1 - r)
        const queueTail = p * ((n - agents) * (r / (1 - r)) + r / ((1 - r) * (1 - r)))
        if (massTail <= tolerance * total && queueTail <= tolerance * queued) break
      }
    }
  }
  const distribution = Float64Array.from(weights, (w) => w / total)
  let pWait = 0
  let lq = 0
  let meanBusy = 0
  let answeredWait = 0
  let abandonTagged = 0
  let stageTimes = 0
  const capacity = agents * mu
  for (let n = 0; n < distribution.length; n++) {
    const pi = distribution[n]!
    meanBusy += Math.min(n, agents) * pi
    if (n < agents) continue
    // Tagged customer with j = n − N ahead: answered w.p. Nμ/(Nμ + (j+1)θ) after Σ 1/(Nμ + (i+1)θ).
    const j = n - agents
    const rate = capacity + (j + 1) * theta
    stageTimes += 1 / rate
    pWait += pi
    lq += j * pi
    answeredWait += pi * (capacity / rate) * stageTimes
    abandonTagged += pi * (((j + 1) * theta) / rate)
  }
  const pAbandon = lambda > 0 ? (theta * lq) / lambda : 0
  const pAnswered = 1 - pAbandon
  return {
    distribution,
    pWait,
    pAbandon,
    pAbandonTagged: abandonTagged,
    lq,
    meanWait: lambda > 0 ? lq / lambda : 0,
    asa: pAnswered > 0 ? answeredWait / pAnswered : 0,
    meanBusy,
    occupancy: meanBusy / agents
  }
}
