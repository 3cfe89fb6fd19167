/**
 * Erlang C (M/M/N, infinitely patient callers, first come first served).
 * All times share one unit of the caller's choice (seconds in the CLI); rates are per that unit.
 */
import { erlangBAt } from "./ErlangB.ts"
import { clamp01, requireNonNegative, requirePositive } from "./Input.ts"

/** Parameters of an M/M/N queue. */
export interface ErlangCInput {
  /** Number of agents N (a whole number; a real value uses the continuous extension). */
  readonly agents: number
  /** Arrival rate λ, calls per time unit. */
  readonly arrivalRate: number
  /** Average handle time 1/μ (talk + hold + after-call work). */
  readonly aht: number
  /** Service-level threshold T. */
  readonly threshold: number
}

/** Erlang C steady-state metrics. When `stable` is false (N ≤ A) the queue grows without bound. */
export interface ErlangCResult {
  /** True when N > A; otherwise the values below are the overload limits. */
  readonly stable: boolean
  readonly agents: number
  /** Offered load A = λ·AHT in Erlangs. */
  readonly offeredLoad: number
  /** P(W > 0) = C(N, A); 1 in overload. */
  readonly pWait: number
  /** P(W ≤ T) = 1 − C·e^(−(N−A)T/AHT); 0 in overload. */
  readonly serviceLevel: number
  /** ASA: mean wait of all calls, C·AHT/(N − A); Infinity in overload. */
  readonly asa: number
  /** Mean wait of the calls that wait, AHT/(N − A); Infinity in overload. */
  readonly meanWaitDelayed: number
  /** Agent occupancy A/N; 1 in overload. */
  readonly occupancy: number
  /** Mean queue length λ·ASA (Little); Infinity in overload. */
  readonly lq: number
}

/**
 * Erlang C probability of waiting C(N, A) = B / (1 − ρ(1 − B)), ρ = A/N, B = Erlang B.
 * Returns 1 when N ≤ A, the overload limit, instead of the meaningless value of the formula there.
 */
export const erlangCProbability = (agents: number, load: number): number => {
  requireNonNegative("agents", agents)
  requireNonNegative("load", load)
  if (agents <= load) return 1
  const b = erlangBAt(agents, load)
  // N·B / (N − A(1 − B)) has a denominator > N − A > 0, so no cancellation or sign trouble.
  return clamp01((agents * b) / (agents - load * (1 - b)))
}

/** Erlang C metrics for N agents; never NaN or negative, also in overload. */
export const erlangC = (input: ErlangCInput): ErlangCResult => {
  const { agents, arrivalRate, aht, threshold } = input
  requireNonNegative("agents", agents)
  requireNonNegative("arrivalRate", arrivalRate)
  requirePositive("aht", aht)
  requireNonNegative("threshold", threshold)
  const offeredLoad = arrivalRate * aht
  if (agents <= offeredLoad) {
    return {
      stable: false,
      agents,
      offeredLoad,
      pWait: 1,
      serviceLevel: 0,
      asa: Number.POSITIVE_INFINITY,
      meanWaitDelayed: Number.POSITIVE_INFINITY,
      occupancy: 1,
      lq: Number.POSITIVE_INFINITY
    }
  }
  const pWait = erlangCProbability(agents, offeredLoad)
  const spare = agents - offeredLoad
  const meanWaitDelayed = aht / spare
  const asa = pWait * meanWaitDelayed
  return {
    stable: true,
    agents,
    offeredLoad,
    pWait,
    serviceLevel: clamp01(1 - pWait * Math.exp((-spare * threshold) / aht)),
    asa,
    meanWaitDelayed,
    occupancy: offeredLoad / agents,
    lq: arrivalRate * asa
  }
}
