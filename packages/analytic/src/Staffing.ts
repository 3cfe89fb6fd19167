/**
 * Staffing search: the fewest agents meeting service goals, with Erlang C (no abandonment) or
 * Erlang A (exponential patience), plus the fractional requirement planners add up across intervals
 * before rounding.
 */
import { erlangA } from "./ErlangA.ts"
import { erlangC } from "./ErlangC.ts"
import { ceilCount, requireNonNegative, requirePositive, requireProbability } from "./Input.ts"
import type { ServiceLevelDefinition } from "./ServiceLevel.ts"
import { defaultServiceLevelDefinition } from "./ServiceLevel.ts"

/** Goals and traffic for one interval; all times in one unit, rates per that unit. */
export interface StaffingInput {
  /** Arrival rate λ. */
  readonly arrivalRate: number
  /** Average handle time. */
  readonly aht: number
  /** Service-level threshold T. */
  readonly threshold: number
  /** Required service level at T, in [0, 1] (0 disables it). */
  readonly serviceLevelTarget: number
  /** Mean patience; given (finite) means Erlang A, absent means Erlang C. */
  readonly patience?: number
  /** Erlang A only: which service level the target refers to (default answered-of-offered). */
  readonly serviceLevelDefinition?: ServiceLevelDefinition
  /** Optional cap on ASA (Erlang C: mean wait of all calls; Erlang A: mean wait of answered calls). */
  readonly asaTarget?: number
  /** Optional cap on P(abandon) (always met by Erlang C). */
  readonly abandonTarget?: number
  /** Optional occupancy cap in (0, 1]: requires N ≥ A / maxOccupancy (offered-load occupancy). */
  readonly maxOccupancy?: number
  /** Share of paid time not on the phones, in [0, 1): scheduled = ⌈N / (1 − shrinkage)⌉. */
  readonly shrinkage?: number
  /** Give up above this many agents (default max(1000, 10·A + 100)). */
  readonly maxAgents?: number
}

/** A reason that decides the number of agents. */
export type StaffingConstraint = "service-level" | "asa" | "abandonment" | "occupancy" | "stability"

/** The metrics achieved with the chosen whole number of agents. */
export interface StaffingAchieved {
  /** Service level at T under the chosen definition (Erlang C: P(W ≤ T)). */
  readonly serviceLevel: number
  /** ASA in the same sense as `asaTarget`. */
  readonly asa: number
  readonly pAbandon: number
  readonly occupancy: number
  readonly pWait: number
}

/** Result of a staffing search. */
export interface StaffingResult {
  readonly model: "erlang-c" | "erlang-a"
  /** Offered load A = λ·AHT in Erlangs. */
  readonly offeredLoad: number
  /** Fewest whole agents on the phones that meet every goal (0 when no calls are offered). */
  readonly agents: number
  /**
   * The real-valued requirement N* ∈ (agents − 1, agents]: the smallest real N at which every goal
   * holds, found by bisection (to 1e-12 relative) on the Erlang C/A formulas with Jagerman's continuous Erlang B,
   * Aˢe⁻ᴬ/Γ(s+1, A), in place of the integer one. That extension is smooth and matches the integer
   * formulas at whole N, so it needs no interpolation between N − 1 and N. Hard bounds count too
   * (N* ≥ A/maxOccupancy; Erlang C: N* > A). Planners sum these over intervals before rounding.
   */
  readonly fractionalAgents: number
  /** Agents to schedule after shrinkage, ⌈agents / (1 − shrinkage)⌉. */
  readonly scheduled: number
  readonly achieved: StaffingAchieved
  /**
   * What fails with one agent fewer: the first entry of `failingWithOneFewer`, so the goals come
   * before the hard bounds (service-level, asa, abandonment, occupancy, stability); "none" when
   * one agent fewer is no staffing at all (Erlang A with a single agent).
   */
  readonly binding: StaffingConstraint | "none"
  /**
   * Every goal and hard bound that fails with `agents − 1`, in the priority order of
   * {@link StaffingConstraints}. Several often fail together: an occupancy cap can set the same
   * minimum as the service-level target, and Erlang C below the load fails stability and every goal.
   */
  readonly failingWithOneFewer: ReadonlyArray<StaffingConstraint>
}

/** The constraints in the order `binding` picks from: the planner's goals first, then the hard bounds. */
export const StaffingConstraints: ReadonlyArray<StaffingConstraint> = [
  "service-level",
  "asa",
  "abandonment",
  "occupancy",
  "stability"
]

/**
 * Finds the fewest agents meeting every goal by scanning up from the hard lower bounds (Erlang C:
 * N > A; occupancy cap: N ≥ A/maxOccupancy; otherwise 1), so no monotonicity is assumed for the
 * integer answer. Throws a RangeError for invalid input or when `maxAgents` is not enough.
 */
export const requiredAgents = (input: StaffingInput): StaffingResult => {
  const { arrivalRate, aht, threshold, serviceLevelTarget, patience, maxOccupancy } = input
  requireNonNegative("arrivalRate", arrivalRate)
  requirePositive("aht", aht)
  requireNonNegative("threshold", threshold)
  requireProbability("serviceLevelTarget", serviceLevelTarget)
  if (patience !== undefined && !(patience > 0)) throw new RangeError(`patience must be > 0, got ${patience}`)
  if (input.asaTarget !== undefined) requireNonNegative("asaTarget", input.asaTarget)
  if (input.abandonTarget !== undefined) requireProbability("abandonTarget", input.abandonTarget)
  if (maxOccupancy !== undefined && !(maxOccupancy > 0 && maxOccupancy <= 1)) {
    throw new RangeError(`maxOccupancy must be in (0, 1], got ${maxOccupancy}`)
  }
  const shrinkage = input.shrinkage ?? 0
  if (!(shrinkage >= 0 && shrinkage < 1)) throw new RangeError(`shrinkage must be in [0, 1), got ${shrinkage}`)

  const withPatience = patience !== undefined && Number.isFinite(patience)
  const model = withPatience ? "erlang-a" : "erlang-c"
  const definition = input.serviceLevelDefinition ?? defaultServiceLevelDefinition
  const offeredLoad = arrivalRate * aht
  if (offeredLoad === 0) {
    const achieved = { serviceLevel: 1, asa: 0, pAbandon: 0, occupancy: 0, pWait: 0 }
    return {
      model,
      offeredLoad,
      agents: 0,
      fractionalAgents: 0,
      scheduled: 0,
      achieved,
      binding: "none",
      failingWithOneFewer: []
    }
  }

  // Metrics at a (possibly real) number of agents; undefined when Erlang C is unstable there.
  const evaluate = (agents: number): StaffingAchieved | undefined => {
    if (withPatience) {
      const r = erlangA({ agents, arrivalRate, aht, patience, threshold })
      const { asa, pAbandon, occupancy, pWait } = r
      return { serviceLevel: r.serviceLevels[definition], asa, pAbandon, occupancy, pWait }
    }
    const r = erlangC({ agents, arrivalRate, aht, threshold })
    if (!r.stable) return undefined
    const { serviceLevel, asa, occupancy, pWait } = r
    return { serviceLevel, asa, pAbandon: 0, occupancy, pWait }
  }
  const failedGoals = (m: StaffingAchieved): Array<StaffingConstraint> => {
    const failed: Array<StaffingConstraint> = []
    if (m.serviceLevel < serviceLevelTarget) failed.push("service-level")
    if (input.asaTarget !== undefined && m.asa > input.asaTarget) failed.push("asa")
    if (input.abandonTarget !== undefined && m.pAbandon > input.abandonTarget) failed.push("abandonment")
    return failed
  }
  // Erlang C at N ≤ A: SL 0 and ASA ∞ fail any goal set; abandonment is 0 in Erlang C.
  const overloadFailures = (): Array<StaffingConstraint> =>
    failedGoals({ serviceLevel: 0, asa: Number.POSITIVE_INFINITY, pAbandon: 0, occupancy: 1, pWait: 1 })
  // The cap is on offered-load occupancy A/N, the planner convention; Erlang A's achieved occupancy is lower.
  const occupancyHolds = (agents: number) =>
    maxOccupancy === undefined || offeredLoad <= maxOccupancy * agents * (1 + 1e-12)
  const meetsAll = (agents: number): boolean => {
    if (agents <= 0 || !occupancyHolds(agents)) return false
    const m = evaluate(agents)
    return m !== undefined && failedGoals(m).length === 0
  }

  const stabilityMinimum = withPatience ? 1 : Math.floor(offeredLoad) + 1
  const occupancyMinimum = maxOccupancy === undefined ? 1 : Math.max(1, ceilCount(offeredLoad / maxOccupancy))
  const lowest = Math.max(stabilityMinimum, occupancyMinimum)
  const maxAgents = input.maxAgents ?? Math.max(1000, Math.ceil(10 * offeredLoad) + 100)

  let agents = lowest
  let achieved = evaluate(agents)!
  while (failedGoals(achieved).length > 0) {
    agents += 1
    if (agents > maxAgents) throw new RangeError(`no staffing up to ${maxAgents} agents meets the goals`)
    achieved = evaluate(agents)!
  }

  // Everything that fails one agent below, goals included when a bound already set the minimum (the
  // answer can sit on the occupancy cap while the service level fails there too). Erlang C below the
  // load is evaluated by its overload limits (SL 0, ASA ∞). Zero agents is no staffing for Erlang A.
  const fewer = agents - 1
  const failingWithOneFewer: Array<StaffingConstraint> = []
  if (fewer >= 1) {
    const m = evaluate(fewer)
    failingWithOneFewer.push(...(m === undefined ? overloadFailures() : failedGoals(m)))
    if (!occupancyHolds(fewer)) failingWithOneFewer.push("occupancy")
  }
  if (!withPatience && fewer <= offeredLoad) failingWithOneFewer.push("stability")
  const binding = failingWithOneFewer[0] ?? "none"

  // Bisection for the smallest real N in (agents − 1, agents] where everything holds (continuous Erlang).
  let lo = agents - 1
  let hi = agents
  for (let i = 0; i < 100 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
    const mid = 0.5 * (lo + hi)
    if (meetsAll(mid)) hi = mid
    else lo = mid
  }
  return {
    model,
    offeredLoad,
    agents,
    fractionalAgents: hi,
    scheduled: ceilCount(agents / (1 - shrinkage)),
    achieved,
    binding,
    failingWithOneFewer
  }
}
