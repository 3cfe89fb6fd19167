/**
 * Erlang B: the probability that an arrival finds every server busy in M/M/N/N (blocked calls lost).
 * It is also the building block of Erlang C and Erlang A.
 */
import { logScaledUpperGamma } from "./IncompleteGamma.ts"
import { requireInteger, requireNonNegative } from "./Input.ts"

/**
 * Erlang B blocking probability B(N, A) for a whole number of servers N and any load A ≥ 0 (Erlangs).
 * Uses the recursion B(k) = A·B(k−1) / (k + A·B(k−1)), which needs no factorials and never
 * overflows, so N in the thousands is fine (O(N)).
 */
export const erlangB = (servers: number, load: number): number => {
  requireInteger("servers", servers, 0)
  requireNonNegative("load", load)
  let b = 1
  for (let k = 1; k <= servers; k++) {
    const ab = load * b
    b = ab / (k + ab)
  }
  return b
}

/**
 * Erlang B extended to a real number of servers s ≥ 0 (Jagerman's continuous extension):
 * B(s, A) = Aˢ·e⁻ᴬ / Γ(s + 1, A), which equals the recursion at whole s and decreases smoothly in s.
 * Written as 1 / (A·Γ(s+1, A)·eᴬ·A⁻⁽ˢ⁺¹⁾) so that only a scaled incomplete gamma is needed.
 * Used for fractional staffing requirements.
 */
export const erlangBContinuous = (servers: number, load: number): number => {
  requireNonNegative("servers", servers)
  requireNonNegative("load", load)
  if (load === 0) return servers === 0 ? 1 : 0
  return Math.exp(-Math.log(load) - logScaledUpperGamma(servers + 1, load))
}

/** Erlang B for any s ≥ 0: the exact recursion at whole numbers, the continuous extension otherwise. */
export const erlangBAt = (servers: number, load: number): number =>
  Number.isInteger(servers) ? erlangB(servers, load) : erlangBContinuous(servers, load)
