/**
 * M/M/c against Erlang C, from light load to heavy (overload only with abandonment: ErlangA.test.ts). Every
 * point checks SL, P(wait) and occupancy to max(3 standard errors, 0.01) and ASA to 5 %.
 *
 * How the points were chosen. ASA is a mean wait, i.e. the time-average queue length over λ, and the queue of an
 * M/M/c is a birth–death chain, so the relative variance of its estimate is known exactly (Whitt 1992:
 * σ² = 2 Σⱼ Fⱼ² / (πⱼ λ), Fⱼ = Σ_{i≤j} πᵢ (fᵢ − E f), f = queue length): over T handle times it is K / T, i.e.
 * K · A / N over N calls. K is smallest, about 42–45 for c ≥ 20, where P(wait) is about a quarter (ρ ≈ 0.8 at
 * c = 20, 0.88 at 50, 0.91 at 100) and grows fast on both sides: at lighter load waits are rare (c = 100,
 * A = 80: P(wait) 0.02, K = 154), at heavier load the queue's busy periods get long. And with K fixed, the calls
 * needed grow with A, since one handle time holds A calls. Each point's calls are set so that 5 % of ASA is at
 * least 3 standard errors (ASA rel. se ≈ √(K·A / (20 · calls)), 20 replications):
 *
 *   c    A    ρ     P(wait)  K·A    calls/replication  ASA rel. se  why this point
 *   1    0.5  0.5   0.50       34    20 000            0.9 %        one agent, moderate load
 *   2    0.6  0.3   0.14       61    20 000            1.2 %        light load (at many agents light load makes
 *                                                                   waits too rare to check ASA to 5 %)
 *   5    3.5  0.7   0.38      171    50 000            1.3 %        few agents, moderately heavy load
 *   20   16   0.8   0.26      708   127 500            1.7 %        many agents, at K·A's minimum
 *   50   44   0.88  0.28     1854   335 000            1.7 %        idem
 *   100  91   0.91  0.26     3786   682 500            1.7 %        idem; the suite's longest run (13.65 M calls)
 *
 * Light load at many agents (c = 100, A = 80) would need about 44 M calls for the same precision.
 */
import type { ErlangCResult } from "@ccsim/analytic"
import { describe, expect, it } from "vitest"
import { expectAsa, expectProbability, type GridPoint, simulate } from "./erlang.ts"

const GRID: ReadonlyArray<GridPoint> = [
  { agents: 1, load: 0.5, calls: 20_000 },
  { agents: 2, load: 0.6, calls: 20_000 },
  { agents: 5, load: 3.5, calls: 50_000 },
  { agents: 20, load: 16, calls: 127_500 },
  { agents: 50, load: 44, calls: 335_000 },
  { agents: 100, load: 91, calls: 682_500 }
]

describe("M/M/c agrees with Erlang C", () => {
  it.each(GRID)(
    "c = $agents, A = $load",
    async (point) => {
      const { summary, theory } = await simulate(point)
      const c = theory as ErlangCResult
      const m = summary.total.metrics
      expect(c.stable).toBe(true)
      expectProbability("service level", m.serviceLevelAnsweredOfOffered, c.serviceLevel)
      expectProbability("P(wait)", m.waitProbability, c.pWait)
      expectProbability("occupancy", summary.allAgents.metrics.occupancy, c.occupancy)
      expect(m.abandonRate.ratio).toBe(0)
      expectAsa(m.asa, c.asa)
    },
    300_000
  )
})
