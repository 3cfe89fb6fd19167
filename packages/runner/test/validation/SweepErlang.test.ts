/**
 * A load sweep of an M/M/c+M queue against Erlang A (packages/analytic): Poisson arrivals, exponential talk and
 * patience, no ring time, no wrap-up, every caller known, steady state after a fixed warm-up of 30 handle times.
 *
 * - At every load, service level and abandonment agree with Erlang A within the engine validation suite's
 *   criterion: |mean − theory| ≤ max(3 standard errors, 0.01) (packages/engine/test/validation/erlang.ts).
 * - The breaking point (service-level ≥ 0.77 and abandon-rate ≤ 0.07, each with 95 % confidence) is within one
 *   grid step of the exact one, the load where Erlang A crosses the first of the two bounds; so is the one
 *   bisection finds. The confidence makes the measured point conservative (below the exact one) by about the
 *   interval's half-width over the curve's slope.
 *
 * About 0.6 M simulated calls on two worker threads (the runner's own), a few seconds of CPU.
 */
import { erlangA } from "@ccsim/analytic"
import { studentTQuantile } from "@ccsim/engine"
import { Scenario } from "@ccsim/scenario"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Result, Schema } from "effect"
import { Executor } from "../../src/Executor.ts"
import { runSweep, type SweepEstimate, type SweepRequest } from "../../src/Sweep.ts"
import { parseLoad } from "../../src/SweepDimension.ts"

const AGENTS = 10
const AHT = 90
const PATIENCE = 90
const T = 10
const RATE = 320 // calls per hour at load 1: 8 Erlangs on 10 agents
const REPLICATIONS = 10
const STEP = 0.1
const SL_BOUND = 0.77
const ABANDON_BOUND = 0.07

const scenario = Schema.decodeUnknownSync(Scenario)({
  name: "erlang-a-sweep",
  seed: 2027,
  replications: REPLICATIONS,
  time: { open: "00:00", duration: "16h", intervalMinutes: 60 },
  run: { mode: "steady-state", warmup: `${30 * AHT}s` },
  customerDirectory: { knownShare: 1 },
  queues: [
    {
      id: "service",
      ringTimeout: "1h",
      serviceLevel: { threshold: `${T}s`, target: SL_BOUND, definition: "answered-of-offered" }
    }
  ],
  workflows: [{ id: "main", trackingNumbers: ["555-0100"], steps: [{ to: "queue", queue: "service" }] }],
  agents: [{ id: "team", count: AGENTS, queues: [{ queue: "service" }], behaviour: { answerDelay: 0 } }],
  traffic: [
    {
      type: "queue",
      trackingNumber: "555-0100",
      arrivals: { ratePerHour: RATE },
      handleTime: { type: "exponential", mean: `${AHT}s` },
      patience: { type: "exponential", mean: `${PATIENCE}s` }
    }
  ],
  expect: {
    thresholds: [
      { metric: "service-level", op: ">=", value: SL_BOUND, confidence: 0.95 },
      { metric: "abandon-rate", op: "<=", value: ABANDON_BOUND, confidence: 0.95 }
    ]
  }
})

const theory = (load: number) =>
  erlangA({ agents: AGENTS, arrivalRate: (RATE * load) / 3600, aht: AHT, patience: PATIENCE, threshold: T })

/** The load where `f` (decreasing in load) crosses `bound`, by bisection of the exact formula. */
const crossing = (f: (load: number) => number, bound: number): number => {
  let lo = 0.5
  let hi = 2
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2
    if (f(mid) >= bound) lo = mid
    else hi = mid
  }
  return lo
}

/** The exact breaking point: the first bound Erlang A crosses as the load grows. */
const exactBreak = Math.min(
  crossing((m) => theory(m).serviceLevels["answered-of-offered"], SL_BOUND),
  crossing((m) => -theory(m).pAbandon, -ABANDON_BOUND)
)

/** The validation suite's criterion; the standard error comes back from the 95 % interval. */
const expectAgrees = (name: string, e: SweepEstimate, exact: number) => {
  const se = (e.hi! - e.lo!) / 2 / studentTQuantile(0.975, REPLICATIONS - 1)
  const tolerance = Math.max(3 * se, 0.01)
  assert.isAtMost(
    Math.abs(e.mean! - exact),
    tolerance,
    `${name}: simulated ${e.mean!.toFixed(4)} (se ${se.toFixed(4)}) vs Erlang A ${exact.toFixed(4)}`
  )
}

const request = (load: string, findBreak?: { tolerance: number }): SweepRequest => ({
  scenario,
  subject: "erlang-a-sweep",
  dimension: Result.getOrThrow(parseLoad(load, findBreak === undefined)),
  replications: REPLICATIONS,
  findBreak,
  parallelThresholdMs: 0
})

describe("a load sweep of M/M/c+M agrees with Erlang A", () => {
  it.live("service level and abandonment at every load, and the breaking point within one grid step", () =>
    Effect.gen(function* () {
      const sweep = yield* runSweep(request(`0.8:1.3:${STEP}`))
      assert.strictEqual(sweep.points.length, 6)
      for (const p of sweep.points) {
        const a = theory(p.x!)
        expectAgrees(`service level at ${p.value}`, p.total.serviceLevel, a.serviceLevels["answered-of-offered"])
        expectAgrees(`abandonment at ${p.value}`, p.total.abandonRate, a.pAbandon)
      }
      assert.strictEqual(sweep.breakingPoint.status, "found")
      const measured = Number(sweep.breakingPoint.value)
      assert.isAtMost(Math.abs(measured - exactBreak), STEP, `grid: ${measured} vs exact ${exactBreak.toFixed(4)}`)

      const bisected = yield* runSweep(request("0.8:1.3", { tolerance: 0.01 }))
      assert.strictEqual(bisected.method, "bisection")
      const found = Number(bisected.breakingPoint.value)
      const failsAt = Number(bisected.breakingPoint.failsAt)
      assert.isAtMost(failsAt - found, 0.01)
      assert.isAtMost(Math.abs(found - exactBreak), STEP, `bisection: ${found} vs exact ${exactBreak.toFixed(4)}`)
      // what the README quotes: printed, not asserted
      console.log(`breaking point: grid ${measured}, bisection ${found}, exact ${exactBreak.toFixed(4)}`)
    }).pipe(Effect.provide(Executor.layer({ threads: 2 })))
  )
})
