import { checkScenario, Scenario } from "@ccsim/scenario"
import { Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runs } from "../../../../test-support/PropertyRuns.ts"
import { compile } from "../../src/Compile.ts"
import { ConformanceChecker } from "../../src/checker/Checker.ts"
import { formatViolation } from "../../src/checker/Violation.ts"
import { fanOut } from "../../src/FanOut.ts"
import { runReplication } from "../../src/Simulation.ts"
import { Conservation } from "./Conservation.ts"
import { scenarioArbitrary } from "./ScenarioArbitrary.ts"

const decode = Schema.decodeUnknownSync(Scenario)

/**
 * Random scenarios run with the conformance checker on: no rule is broken, and calls are conserved.
 * 1500 cases in CI (fewer locally: test-support/PropertyRuns.ts) with a fixed seed, so a failure reproduces.
 */
describe("random scenarios", () => {
  it("are valid, break no rule and conserve calls", () => {
    let calls = 0
    const cases = runs(1500)
    fc.assert(
      fc.property(scenarioArbitrary, (input) => {
        const scenario = decode(input)
        expect(checkScenario(scenario)).toEqual([])
        const model = compile(scenario)
        const checker = new ConformanceChecker(model)
        const conservation = new Conservation()
        const stats = runReplication(model, { observer: fanOut([checker, conservation]) })
        expect(checker.violations.map(formatViolation)).toEqual([])
        expect(conservation.problems).toEqual([])
        expect(conservation.unended).toEqual([])
        expect(conservation.arrived).toBe(stats.calls)
        expect(conservation.ended).toBe(conservation.arrived)
        if (scenario.run.mode === "terminating" && !stats.truncated)
          expect(conservation.outcomes["in-progress-at-end"]).toBe(0)
        calls += conservation.arrived
      }),
      { seed: 42, numRuns: cases }
    )
    // The cases are not empty: hundreds of calls per case on average.
    expect(calls).toBeGreaterThan(cases * 20)
  })
})
