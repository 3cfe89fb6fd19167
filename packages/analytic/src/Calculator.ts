/**
 * The one-call Erlang calculator behind `ccsim erlang`: planner units in (calls per hour, seconds),
 * one flat, JSON-friendly record out.
 */
import { erlangA } from "./ErlangA.ts"
import { erlangC } from "./ErlangC.ts"
import { requireNonNegative, requirePositive } from "./Input.ts"
import type { ServiceLevelDefinition } from "./ServiceLevel.ts"
import { defaultServiceLevelDefinition } from "./ServiceLevel.ts"

/** Calculator input in planner units. */
export interface ErlangQuery {
  /** Offered calls per hour. */
  readonly ratePerHour: number
  /** Average handle time in seconds. */
  readonly ahtSeconds: number
  /** Agents on the phones (a non-whole number uses the continuous extension of Erlang B). */
  readonly agents: number
  /** Service-level threshold T in seconds. */
  readonly thresholdSeconds: number
  /** Mean patience in seconds; when given, Erlang A is used instead of Erlang C. */
  readonly patienceSeconds?: number
  /** Erlang A only: the service-level definition (default answered-of-offered). */
  readonly serviceLevelDefinition?: ServiceLevelDefinition
}

/** Erlang C answer. In overload `pWait` is 1, `serviceLevel` 0, `occupancy` 1 and `asa` Infinity. */
export interface ErlangCSummary {
  readonly model: "erlang-c"
  readonly agents: number
  /** Offered load in Erlangs, ratePerHour·ahtSeconds/3600. */
  readonly offeredLoad: number
  readonly pWait: number
  /** P(W ≤ T). */
  readonly serviceLevel: number
  /** Mean wait of all calls, seconds. */
  readonly asa: number
  readonly occupancy: number
}

/** Erlang A answer. */
export interface ErlangASummary {
  readonly model: "erlang-a"
  readonly agents: number
  /** Offered load in Erlangs. */
  readonly offeredLoad: number
  readonly pWait: number
  /** The service level at T under the chosen definition. */
  readonly serviceLevel: number
  /** Mean wait of answered calls, seconds (the ASA the engine's metrics report). */
  readonly asa: number
  /** Achieved occupancy λ(1 − P(abandon))·AHT/N. */
  readonly occupancy: number
  readonly pAbandon: number
}

/** What `erlang` returns: Erlang C without patience, Erlang A with it. */
export type ErlangSummary = ErlangCSummary | ErlangASummary

/**
 * Erlang C or A in planner units. `asa` is the mean wait of all calls for Erlang C (the usual
 * planner ASA) and the mean wait of answered calls for Erlang A (abandoners excluded, as the
 * engine measures it); the mean wait of all arrivals is `erlangA(...).meanWait`.
 */
export const erlang = (query: ErlangQuery): ErlangSummary => {
  // Checked here too so that errors name the fields the caller used.
  requireNonNegative("ratePerHour", query.ratePerHour)
  requirePositive("ahtSeconds", query.ahtSeconds)
  requireNonNegative("agents", query.agents)
  requireNonNegative("thresholdSeconds", query.thresholdSeconds)
  if (query.patienceSeconds !== undefined && !(query.patienceSeconds > 0)) {
    throw new RangeError(`patienceSeconds must be > 0, got ${query.patienceSeconds}`)
  }
  const base = {
    agents: query.agents,
    arrivalRate: query.ratePerHour / 3600,
    aht: query.ahtSeconds,
    threshold: query.thresholdSeconds
  }
  if (query.patienceSeconds === undefined) {
    const c = erlangC(base)
    const { agents, offeredLoad, pWait, serviceLevel, asa, occupancy } = c
    return { model: "erlang-c", agents, offeredLoad, pWait, serviceLevel, asa, occupancy }
  }
  const a = erlangA({ ...base, patience: query.patienceSeconds })
  const definition = query.serviceLevelDefinition ?? defaultServiceLevelDefinition
  const { agents, offeredLoad, pWait, asa, occupancy, pAbandon } = a
  return {
    model: "erlang-a",
    agents,
    offeredLoad,
    pWait,
    serviceLevel: a.serviceLevels[definition],
    asa,
    occupancy,
    pAbandon
  }
}
