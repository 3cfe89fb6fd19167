import { Scenario } from "@ccsim/scenario"
import { Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runs } from "../../../../test-support/PropertyRuns.ts"
import { compile } from "../../src/Compile.ts"
import { runReplication } from "../../src/Simulation.ts"
import { TraceRecorder } from "../../src/Trace.ts"
import { scenarioArbitrary } from "./ScenarioArbitrary.ts"

const decode = Schema.decodeUnknownSync(Scenario)

/** The whole trace of one replication as JSON text. */
const traceJson = (input: unknown, seed: number, replication: number): string => {
  const model = compile(decode(input))
  const recorder = new TraceRecorder(model)
  runReplication(model, { seed, replication, observer: recorder })
  return JSON.stringify(recorder.events)
}

describe("determinism", () => {
  it("the same scenario and seed give identical trace bytes", () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.integer({ min: 0, max: 1000 }), (input, seed) => {
        expect(traceJson(input, seed, 0)).toBe(traceJson(input, seed, 0))
      }),
      { seed: 42, numRuns: runs(100) }
    )
  })

  it("a different seed or replication gives a different trace", () => {
    let compared = 0
    fc.assert(
      fc.property(scenarioArbitrary, (input) => {
        const base = traceJson(input, 1, 0)
        // Only scenarios with random traffic can differ (a day of scripted calls alone is the same for any seed).
        if (!base.includes('"source"')) return
        compared++
        expect(traceJson(input, 2, 0)).not.toBe(base)
        expect(traceJson(input, 1, 1)).not.toBe(base)
      }),
      { seed: 42, numRuns: runs(50) }
    )
    // Most random scenarios have random traffic: more than four in five of the runs must have been compared (in CI: more than 40 of 50).
    expect(compared).toBeGreaterThan(0.8 * runs(50))
  })
})
