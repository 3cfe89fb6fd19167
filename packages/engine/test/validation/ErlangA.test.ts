/**
 * M/M/c+M against Erlang A (exact closed forms in packages/analytic), including overload, with patience from
 * half a handle time to ten. Every service-level definition is compared with its Erlang A counterpart. Abandonment
 * keeps queues short-lived, so these short runs already estimate ASA to about 1–1.5 % (one standard error), well
 * inside its 5 % tolerance.
 */
import { type ErlangAResult, ServiceLevelDefinitions } from "@ccsim/analytic"
import { describe, it } from "vitest"
import { SERVICE_LEVEL_KEYS } from "../../src/metrics/Summary.ts"
import { expectAsa, expectProbability, type GridPoint, simulate } from "./erlang.ts"

const GRID: ReadonlyArray<GridPoint> = [
  { agents: 1, load: 1.5, patience: 1, calls: 10_000 },
  { agents: 3, load: 1.8, patience: 10, calls: 20_000 },
  { agents: 5, load: 6, patience: 0.5, calls: 10_000 },
  { agents: 10, load: 9, patience: 1, calls: 20_000 },
  { agents: 20, load: 20, patience: 1, calls: 25_000 },
  { agents: 50, load: 55, patience: 0.5, calls: 25_000 },
  { agents: 100, load: 110, patience: 0.5, calls: 40_000 }
]

describe("M/M/c+M agrees with Erlang A", () => {
  it.each(GRID)(
    "c = $agents, A = $load, patience = $patience AHT",
    async (point) => {
      const { summary, theory } = await simulate(point)
      const a = theory as ErlangAResult
      const m = summary.total.metrics
      for (const definition of ServiceLevelDefinitions) {
        expectProbability(
          `service level (${definition})`,
          m[SERVICE_LEVEL_KEYS[definition]],
          a.serviceLevels[definition]
        )
      }
      expectProbability("P(wait)", m.waitProbability, a.pWait)
      expectProbability("P(abandon)", m.abandonRate, a.pAbandon)
      expectProbability("occupancy", summary.allAgents.metrics.occupancy, a.occupancy)
      expectAsa(m.asa, a.asa)
    },
    120_000
  )
})
