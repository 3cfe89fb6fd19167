/**
 * Erlang A (Palm's M/M/N+M): Erlang C plus callers who abandon after an exponential patience with
 * mean 1/θ. Stable at any load. Closed forms follow Garnett–Mandelbaum–Reiman (2002) and
 * Mandelbaum–Zeltyn (2007), with a = Nμ/θ, x = λ/θ, E_B = Erlang B(N, λ/μ) and
 * A(a, x) = a·eˣ·x⁻ᵃ·γ(a, x). Every incomplete gamma is handled in scaled log form, so N from 1 to
 * thousands and heavy overload stay finite.
 *
 * The mean wait of answered calls (the ASA planners and the engine report) has no simple closed
 * form; it is computed exactly by the tagged-customer argument over the stationary queue, see
 * {@link erlangA}.
 */

import { digammaDifference } from "./Digamma.ts"
import { erlangBAt } from "./ErlangB.ts"
import { erlangC } from "./ErlangC.ts"
import { logScaledLowerGamma, logScaledLowerGammaDrop } from "./IncompleteGamma.ts"
import { clamp01, requireNonNegative, requirePositive } from "./Input.ts"
import type { ServiceLevelDefinition } from "./ServiceLevel.ts"
import { serviceLevelOf } from "./ServiceLevel.ts"

/** Parameters of an M/M/N+M queue; all times in one unit, rates per that unit. */
export interface ErlangAInput {
  /** Number of agents N (a whole number; a real value uses the continuous extension). */
  readonly agents: number
  /** Arrival rate λ, calls per time unit. */
  readonly arrivalRate: number
  /** Average handle time 1/μ. */
  readonly aht: number
  /** Mean patience 1/θ of an exponentially patient caller; Infinity gives Erlang C. */
  readonly patience: number
  /** Service-level threshold T. */
  readonly threshold: number
}

/** The four service levels at the threshold, one per definition. */
export type ServiceLevels = { readonly [D in ServiceLevelDefinition]: number }

/** Erlang A steady-state metrics. Probabilities are per offered call. */
export interface ErlangAResult {
  /** False only for infinite patience with N ≤ A (then the Erlang C overload limits are returned). */
  readonly stable: boolean
  readonly agents: number
  /** Offered load λ/μ in Erlangs. */
  readonly offeredLoad: number
  /** P(W > 0): the call finds all agents busy. */
  readonly pWait: number
  /** P(abandon). */
  readonly pAbandon: number
  /** P(abandon | W > 0). */
  readonly pAbandonGivenWait: number
  /** P(answered) = 1 − P(abandon). */
  readonly pAnswered: number
  /** Mean time in queue of all arrivals, abandoners included: P(abandon)/θ. */
  readonly meanWait: number
  /** ASA: mean wait of answered calls, E[W | answered] (what the engine reports as ASA). */
  readonly asa: number
  /** Mean number waiting, λ·meanWait = λ·P(abandon)/θ. */
  readonly lq: number
  /** Agent occupancy λ(1 − P(abandon))/(Nμ). */
  readonly occupancy: number
  /** P(answered and waited ≤ T). */
  readonly answeredWithin: number
  /** P(abandoned and waited ≤ T): the short abandons. */
  readonly abandonedWithin: number
  /** P(W ≤ T): answered or abandoned by T. */
  readonly waitWithin: number
  /** The service level at T under each definition. */
  readonly serviceLevels: ServiceLevels
}

const serviceLevelsFrom = (answered: number, answeredWithin: number, abandonedWithin: number): ServiceLevels => {
  const counts = { offered: 1, answered, answeredWithin, abandonedWithin }
  // A zero denominator only happens with no answered calls, where 0 is the honest service level.
  const level = (definition: ServiceLevelDefinition) => clamp01(serviceLevelOf(definition, counts) ?? 0)
  return {
    "answered-of-offered": level("answered-of-offered"),
    "answered-of-offered-minus-short-abandons": level("answered-of-offered-minus-short-abandons"),
    "answered-of-answered": level("answered-of-answered"),
    "answered-and-short-abandons-of-offered": level("answered-and-short-abandons-of-offered")
  }
}

/**
 * Tagged-customer sums over the queue. A caller who arrives to find N + j in system (j ahead of it)
 * moves up at rate Nμ + iθ while i are ahead and abandons at rate θ. Competing exponentials make each
 * stage's length independent of how it ends, so with rᵢ = Nμ + (i+1)θ:
 *   P(answered | j) = Πᵢ (Nμ + iθ)/rᵢ = Nμ/r_j (telescoping), E[W·1{answered} | j] = P(answered | j)·Σᵢ≤ⱼ 1/rᵢ.
 * By PASTA the arrival sees N + j with weight w_j = Πᵢ₌₁ʲ λ/(Nμ + iθ) (Σ w_j = A(a, x)).
 * Summing gives E[W·1{answered} | W>0], and P(abandon | W>0) = Σ w_j (j+1)θ/r_j / Σ w_j, which is
 * the closed form 1/(ρA) + 1 − 1/ρ written as a sum of positive terms (exact where that form cancels).
 * The sum runs until its geometric tail bound is below 1e-17; in overload it costs O(√(λ/θ)) terms.
 */
const queuedSums = (
  serviceCapacity: number,
  arrivalRate: number,
  theta: number
): { readonly answeredWait: number; readonly abandon: number } => {
  const SCALE = 1e250
  // In overload the weights peak at j* = (λ − Nμ)/θ with width √(λ/θ); below j* − 10√(λ/θ) their total
  // is under 1e-21 of the sum, so very long queues start there, with Σᵢ<ⱼ 1/rᵢ from the digamma function.
  const spread = 10 * Math.sqrt(arrivalRate / theta)
  const start = Math.max(0, Math.floor((arrivalRate - serviceCapacity) / theta - spread))
  const first = start >= 1000 ? start : 0
  let weight = 1
  let weights = 0
  let weightedWait = 0
  let weightedAbandon = 0
  let stageTimes = first === 0 ? 0 : digammaDifference(serviceCapacity / theta + 1, first) / theta
  for (let j = first; ; j++) {
    const rate = serviceCapacity + (j + 1) * theta
    stageTimes += 1 / rate
    weights += weight
    weightedWait += weight * (serviceCapacity / rate) * stageTimes
    weightedAbandon += (weight * ((j + 1) * theta)) / rate
    // w_{j+1} = w_j·λ/(Nμ + (j+1)θ); later ratios are smaller, so the tail is at most geometric.
    const ratio = arrivalRate / rate
    weight *= ratio
    if (ratio < 1) {
      const gap = 1 - ratio
      const tailWait = (weight / gap) * (stageTimes + 1 / (gap * serviceCapacity))
      if (weight / gap <= 1e-17 * weights && tailWait <= 1e-17 * weightedWait) break
    }
    // Rescale when w_j grows (overload); only ratios matter.
    if (weight > SCALE) {
      weight /= SCALE
      weights /= SCALE
      weightedWait /= SCALE
      weightedAbandon /= SCALE
    }
  }
  return { answeredWait: weightedWait / weights, abandon: weightedAbandon / weights }
}

const fromErlangC = (input: ErlangAInput): ErlangAResult => {
  const c = erlangC(input)
  return {
    stable: c.stable,
    agents: c.agents,
    offeredLoad: c.offeredLoad,
    pWait: c.pWait,
    pAbandon: 0,
    pAbandonGivenWait: 0,
    pAnswered: 1,
    meanWait: c.asa,
    asa: c.asa,
    lq: c.lq,
    occupancy: c.occupancy,
    answeredWithin: c.serviceLevel,
    abandonedWithin: 0,
    waitWithin: c.serviceLevel,
    serviceLevels: serviceLevelsFrom(1, c.serviceLevel, 0)
  }
}

/** Nobody can be answered: every caller abandons after its patience. */
const noAgents = (input: ErlangAInput, offeredLoad: number): ErlangAResult => {
  const shortAbandons = -Math.expm1(-input.threshold / input.patience)
  return {
    stable: true,
    agents: 0,
    offeredLoad,
    pWait: 1,
    pAbandon: 1,
    pAbandonGivenWait: 1,
    pAnswered: 0,
    meanWait: input.patience,
    asa: 0,
    lq: input.arrivalRate * input.patience,
    occupancy: 0,
    answeredWithin: 0,
    abandonedWithin: shortAbandons,
    waitWithin: shortAbandons,
    serviceLevels: serviceLevelsFrom(0, 0, shortAbandons)
  }
}

const noCalls = (agents: number): ErlangAResult => ({
  stable: true,
  agents,
  offeredLoad: 0,
  pWait: 0,
  pAbandon: 0,
  pAbandonGivenWait: 0,
  pAnswered: 1,
  meanWait: 0,
  asa: 0,
  lq: 0,
  occupancy: 0,
  answeredWithin: 1,
  abandonedWithin: 0,
  waitWithin: 1,
  serviceLevels: serviceLevelsFrom(1, 1, 0)
})

/**
 * Erlang A metrics for N agents, exact for any load (overload included) and N from 1 to thousands.
 *
 * - P(W>0) = A·E_B / (1 + (A − 1)·E_B), evaluated as E_B / (E_B + (1 − E_B)/A) so A may be astronomically large.
 * - P(Ab | W>0) = 1/(ρA) + 1 − 1/ρ, ρ = λ/(Nμ) (or the same quantity as a positive series where that
 *   difference would cancel: long patience with ρ < 1); P(Ab) = P(W>0)·P(Ab | W>0); mean wait of all = P(Ab)/θ.
 * - P(W > t | W>0) = [γ(a, x·e^(−θt)) / γ(a, x)]·e^(−θt).
 * - P(answered, W > t | W>0) = γ(a+1, x·e^(−θt)) / (x·γ(a, x)).
 * - Short abandons P(abandoned, W ≤ t) = P(W ≤ t) − P(answered, W ≤ t).
 * - A real (non-whole) N uses the continuous Erlang B and a = Nμ/θ as is; staffing uses it for N*.
 * - `asa`, the mean wait of answered calls E[W | answered], is exact from the tagged-customer sum
 *   over the stationary distribution (no truncation beyond a 1e-17 tail bound). `meanWait` is the
 *   mean over all arrivals. Zero agents: everyone abandons, and `asa` is 0 (no answered calls).
 */
export const erlangA = (input: ErlangAInput): ErlangAResult => {
  const { agents, arrivalRate, aht, patience, threshold } = input
  requireNonNegative("agents", agents)
  requireNonNegative("arrivalRate", arrivalRate)
  requirePositive("aht", aht)
  if (!(patience > 0)) throw new RangeError(`patience must be > 0, got ${patience}`)
  requireNonNegative("threshold", threshold)
  if (patience === Number.POSITIVE_INFINITY) return fromErlangC(input)
  const offeredLoad = arrivalRate * aht
  if (arrivalRate === 0) return noCalls(agents)
  if (agents === 0) return noAgents(input, offeredLoad)

  const theta = 1 / patience
  const serviceCapacity = agents / aht
  const a = (agents * patience) / aht
  const x = arrivalRate * patience
  const rho = offeredLoad / agents
  const blocking = erlangBAt(agents, offeredLoad)
  const logScaledAtX = logScaledLowerGamma(a, x)
  const inverseA = Math.exp(-Math.log(a) - logScaledAtX)
  // A·E_B/(1 + (A − 1)·E_B) divided through by A; the complement is kept separately so that a
  // tiny P(immediate answer) in overload is not lost to 1 − P(W>0).
  const denominator = blocking + (1 - blocking) * inverseA
  const pWait = blocking / denominator
  const pImmediate = ((1 - blocking) * inverseA) / denominator
  const queued = queuedSums(serviceCapacity, arrivalRate, theta)
  // 1/(ρA) + 1 − 1/ρ = (1/A − (1 − ρ))/ρ. For ρ < 1 and long patience 1/A ≈ 1 − ρ and the difference
  // loses digits (it tends to 0 as θ → 0); there the positive-term sum of the same quantity is used.
  const spare = (agents - offeredLoad) / agents
  const closedForm = (inverseA - spare) / rho
  const amplification = inverseA / Math.abs(inverseA - spare)
  const pAbandonGivenWait = clamp01(amplification > 1e4 ? queued.abandon : closedForm)
  // P(answered | W>0) = γ(a+1, x)/(x·γ(a, x)) = (1 − 1/A)/ρ (by γ(a+1, x) = a·γ(a, x) − xᵃe⁻ˣ). The
  // second form is exact when 1/A is small (overload); the ratio of scaled gammas when A is near 1.
  const pAnsweredGivenWait =
    inverseA < 0.5 ? (1 - inverseA) / rho : Math.exp(logScaledLowerGamma(a + 1, x) - logScaledAtX)
  const pAbandon = pWait * pAbandonGivenWait
  const pAnswered = pImmediate + pWait * pAnsweredGivenWait
  const meanWait = pAbandon * patience

  let answeredWithin = pImmediate
  let waitWithin = pImmediate
  const u = theta * threshold
  // u can underflow to 0 for a denormal threshold; then the T = 0 values are exact.
  if (u > 0) {
    // P(answered, W ≤ T | W>0) = [γ(a+1, x) − γ(a+1, x·e^(−θT))] / (x·γ(a, x)).
    const answeredSoon = Math.exp(logScaledLowerGammaDrop(a + 1, x, u) - logScaledAtX)
    // P(V ≤ T | W>0) = 1 − γ(a, x·e^(−θT))/γ(a, x) for the offered wait V; W ≤ T when V ≤ T or patience ≤ T.
    const offeredWaitWithin = Math.exp(logScaledLowerGammaDrop(a, x, u) - logScaledAtX)
    answeredWithin = clamp01(pImmediate + pWait * Math.min(answeredSoon, pAnsweredGivenWait))
    waitWithin = clamp01(pImmediate + pWait * (-Math.expm1(-u) + Math.exp(-u) * offeredWaitWithin))
  }
  const abandonedWithin = Math.max(0, waitWithin - answeredWithin)

  const answeredWait = pWait * queued.answeredWait
  return {
    stable: true,
    agents,
    offeredLoad,
    pWait,
    pAbandon,
    pAbandonGivenWait,
    pAnswered,
    meanWait,
    asa: pAnswered > 0 ? answeredWait / pAnswered : 0,
    lq: arrivalRate * meanWait,
    occupancy: clamp01((offeredLoad * pAnswered) / agents),
    answeredWithin,
    abandonedWithin,
    waitWithin,
    serviceLevels: serviceLevelsFrom(pAnswered, answeredWithin, abandonedWithin)
  }
}
