/**
 * M/M/c+M against Erlang A (exact closed forms in packages/analytic), including overload, with patience from
 * half a handle time to ten. Every service-level definition is compared with its Erlang A counterpart.
 */
import { type ErlangAResult, ServiceLevelDefinitions } from "@ccsim/analytic"
import { describe, it } from "vitest"
import { SERVICE_LEVEL_KEYS } from "../../src/metrics/Summary.ts"
import { expectAsa, expectProbability, type GridPoint, simulate } from "./erlang.ts"

const GRID: ReadonlyArray<GridPoint> = [
  { agents: 1, load: 1.5, patience: 1, calls: 20_000, strictAsa: true },
  { agents: 3, load: 1.8, patience: 10, calls: 40_000, strictAsa: true },
  { agents: 5, load: 6, patience: 0.5, calls: 20_000, strictAsa: true },
  { agents: 10, load: 9, patience: 1, calls: 40_000, strictAsa: true },
  { agents: 20, load: 20, patience: 1, calls: 50_000, strictAsa: true },
  { agents: 50, load: 55, patience: 0.5, calls: 50_000, strictAsa: true },
  { agents: 100, load: 110, patience: 0.5, calls: 80_000, strictAsa: true }
]

describe("M/M/c+M agrees with Erlang A", () => {
  it.each(GRID)(
    "c = $agents, A = $load, patience = $patience AHT",
    (point) => {
      const { summary, theory } = simulate(point)
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
      expectAsa(m.asa, a.asa, point.strictAsa)
    },
    120_000
  )
})
