/**
 * Simulating M/M/c and M/M/c+M with the engine and comparing with packages/analytic.
 *
 * Each grid point is run in steady-state mode: R independent replications of about `calls` calls each after a
 * warm-up of 30 handle times. Time is scaled per point (AHT = A · 100 h / calls) so that every point needs about
 * the same simulated calls whatever its load; the service-level threshold is 0.3 · AHT and patience a multiple
 * of AHT. Agents answer at once (no ring), callers are all known (no search time), no wrap-up: the Erlang model.
 */
import { type ErlangAResult, type ErlangCResult, erlangA, erlangC } from "@ccsim/analytic"
import { expect } from "vitest"
import type { RateEstimate } from "../../src/metrics/Estimate.ts"
import { measureReplication } from "../../src/metrics/Replications.ts"
import { summarizeTotal } from "../../src/metrics/Summary.ts"
import { queueModel } from "../metrics/scenarios.ts"

/** A grid point: c agents, offered load A (Erlangs), mean patience in handle times (Erlang A), calls per replication. */
export interface GridPoint {
  readonly agents: number
  readonly load: number
  readonly patience?: number
  readonly calls: number
  /** Check ASA to 5 % (else to 3 standard errors, see ErlangC.test.ts). */
  readonly strictAsa: boolean
}

export const REPLICATIONS = 10
export const SEED = 2024
const HOURS = 100

/** Milliseconds-exact seconds (durations are parsed to whole ms). */
const seconds = (x: number) => Math.round(x * 1000) / 1000

export interface Simulated {
  readonly summary: ReturnType<typeof summarizeTotal>
  readonly aht: number
  readonly threshold: number
  readonly theory: ErlangCResult | ErlangAResult
}

/** Runs a grid point and computes its theory. */
export const simulate = (p: GridPoint): Simulated => {
  const aht = seconds((p.load * 3600 * HOURS) / p.calls)
  const threshold = seconds(0.3 * aht)
  const patience = p.patience === undefined ? undefined : seconds(p.patience * aht)
  const warmup = Math.round(30 * aht)
  const model = queueModel({
    agents: p.agents,
    ratePerHour: (p.load * 3600) / aht,
    ahtSeconds: aht,
    thresholdSeconds: threshold,
    mode: "steady-state",
    warmup: `${warmup}s`,
    duration: `${HOURS + Math.ceil(warmup / 3600)}h`,
    intervalMinutes: 60,
    seed: SEED,
    ...(patience !== undefined ? { patienceSeconds: patience } : {})
  })
  const results = Array.from({ length: REPLICATIONS }, (_, r) => measureReplication(model, { replication: r }).result)
  const input = { agents: p.agents, arrivalRate: p.load / aht, aht, threshold }
  const theory = patience === undefined ? erlangC(input) : erlangA({ ...input, patience })
  return { summary: summarizeTotal(results), aht, threshold, theory }
}

const standardError = (e: RateEstimate): number => e.sd! / Math.sqrt(e.n)

/** |mean − theory| ≤ max(3 standard errors, 0.01), with a message naming the metric and the numbers. */
export const expectProbability = (name: string, e: RateEstimate, theory: number): void => {
  const mean = e.meanOfReplications!
  const tolerance = Math.max(3 * standardError(e), 0.01)
  expect(
    Math.abs(mean - theory),
    `${name}: simulated ${mean.toFixed(4)} (se ${standardError(e).toFixed(4)}) vs theory ${theory.toFixed(4)}`
  ).toBeLessThanOrEqual(tolerance)
}

/** ASA within 5 % of theory; or, when not strict, within max(5 %, 3 standard errors). */
export const expectAsa = (e: RateEstimate, theory: number, strict: boolean): void => {
  const mean = e.meanOfReplications!
  const se = standardError(e)
  const tolerance = strict ? 0.05 * theory : Math.max(0.05 * theory, 3 * se)
  expect(
    Math.abs(mean - theory),
    `ASA: simulated ${mean.toFixed(3)} s (se ${se.toFixed(3)}) vs theory ${theory.toFixed(3)} s`
  ).toBeLessThanOrEqual(tolerance)
}
