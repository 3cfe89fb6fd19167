/**
 * Simulating M/M/c and M/M/c+M with the engine and comparing with packages/analytic.
 *
 * Each grid point is run in steady-state mode: R independent replications of about `calls` calls each after a
 * warm-up of 30 handle times. Time is scaled per point (AHT = A · 100 h / calls) so that every point needs about
 * the same simulated calls whatever its load; the service-level threshold is 0.3 · AHT and patience a multiple
 * of AHT. Agents answer at once (no ring), callers are all known (no search time), no wrap-up: the Erlang model.
 *
 * The replications run in a worker thread (erlangWorker.ts), one per test file, so that the engine runs at
 * Node's full speed rather than under vitest's module runner; the assertions stay here.
 */
import { Worker } from "node:worker_threads"
import { type ErlangAResult, type ErlangCResult, erlangA, erlangC } from "@ccsim/analytic"
import { expect } from "vitest"
import type { RateEstimate } from "../../src/metrics/Estimate.ts"
import type { summarizeTotal } from "../../src/metrics/Summary.ts"
import type { QueueScenario } from "../metrics/scenarios.ts"
import type { WorkerReply, WorkerRequest } from "./erlangWorker.ts"

/** A grid point: c agents, offered load A (Erlangs), mean patience in handle times (Erlang A), calls per replication. */
export interface GridPoint {
  readonly agents: number
  readonly load: number
  readonly patience?: number
  readonly calls: number
}

/** 19 degrees of freedom: the sample standard errors behind the 3-se bands are themselves fairly precise. */
export const REPLICATIONS = 20
export const SEED = 2024
const HOURS = 100

/** Milliseconds-exact seconds (durations are parsed to whole ms). */
const seconds = (x: number) => Math.round(x * 1000) / 1000

type TotalSummary = ReturnType<typeof summarizeTotal>

export interface Simulated {
  readonly summary: TotalSummary
  readonly aht: number
  readonly threshold: number
  readonly theory: ErlangCResult | ErlangAResult
}

interface Waiting {
  readonly resolve: (summary: TotalSummary) => void
  readonly reject: (error: Error) => void
}

const waiting = new Map<number, Waiting>()
let nextId = 0
let worker: Worker | undefined

/** The file's worker, started on first use; unref'd so that it never keeps the test process alive. */
const theWorker = (): Worker => {
  if (worker !== undefined) return worker
  const started = new Worker(new URL("./erlangWorker.ts", import.meta.url))
  started.unref()
  started.on("message", (reply: WorkerReply) => {
    const request = waiting.get(reply.id)
    waiting.delete(reply.id)
    if ("error" in reply) request?.reject(new Error(reply.error))
    else request?.resolve(reply.summary)
  })
  const failAll = (error: Error) => {
    worker = undefined
    for (const request of waiting.values()) request.reject(error)
    waiting.clear()
  }
  started.on("error", failAll)
  started.on("exit", (code) => failAll(new Error(`erlangWorker.ts exited with code ${code}`)))
  worker = started
  return started
}

const runInWorker = (scenario: QueueScenario): Promise<TotalSummary> =>
  new Promise((resolve, reject) => {
    const request: WorkerRequest = { id: nextId++, scenario, replications: REPLICATIONS }
    waiting.set(request.id, { resolve, reject })
    theWorker().postMessage(request)
  })

/** Runs a grid point and computes its theory. */
export const simulate = async (p: GridPoint): Promise<Simulated> => {
  const aht = seconds((p.load * 3600 * HOURS) / p.calls)
  const threshold = seconds(0.3 * aht)
  const patience = p.patience === undefined ? undefined : seconds(p.patience * aht)
  const warmup = Math.round(30 * aht)
  const summary = await runInWorker({
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
  const input = { agents: p.agents, arrivalRate: p.load / aht, aht, threshold }
  const theory = patience === undefined ? erlangC(input) : erlangA({ ...input, patience })
  return { summary, aht, threshold, theory }
}

/** The ratio estimate's delta-method standard error. */
const standardError = (e: RateEstimate): number => e.standardError!

/** |ratio − theory| ≤ max(3 standard errors, 0.01), with a message naming the metric and the numbers. */
export const expectProbability = (name: string, e: RateEstimate, theory: number): void => {
  const mean = e.ratio!
  const tolerance = Math.max(3 * standardError(e), 0.01)
  expect(
    Math.abs(mean - theory),
    `${name}: simulated ${mean.toFixed(4)} (se ${standardError(e).toFixed(4)}) vs theory ${theory.toFixed(4)}`
  ).toBeLessThanOrEqual(tolerance)
}

/** ASA within 5 % of theory (the grid's run lengths keep 5 % at three standard errors or more). */
export const expectAsa = (e: RateEstimate, theory: number): void => {
  const mean = e.ratio!
  const se = standardError(e)
  expect(
    Math.abs(mean - theory),
    `ASA: simulated ${mean.toFixed(3)} s (se ${se.toFixed(3)}) vs theory ${theory.toFixed(3)} s`
  ).toBeLessThanOrEqual(0.05 * theory)
}
