import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { compile, measureReplication, summarizeTotal } from "@ccsim/engine"
import { loadScenarioFile } from "@ccsim/scenario"
import { NodeServices } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { MIN_AUTO_REPLICATIONS, precisionOf, replicationPlan, sufficientReplications } from "../src/Precision.ts"

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures/passing.yaml")
const load = loadScenarioFile(fixture).pipe(Effect.provide(NodeServices.layer))

describe("sufficientReplications", () => {
  it.effect("finds the fewest replications meeting the target, whatever the order of the results", () =>
    Effect.gen(function* () {
      const model = compile(yield* load)
      const results = Array.from({ length: 40 }, (_, r) => measureReplication(model, { replication: r }).result)
      const target = 0.5
      const n = sufficientReplications(results, target)
      assert.isDefined(n)
      assert.strictEqual(sufficientReplications([...results].reverse(), target), n)
      const kept = precisionOf(summarizeTotal(results.slice(0, n)), target)
      assert.isTrue(kept.reached)
      assert.isAtMost(kept.relativeHalfWidths["service-level"] ?? Number.NaN, target)
      if (n! > MIN_AUTO_REPLICATIONS)
        assert.isFalse(precisionOf(summarizeTotal(results.slice(0, n! - 1)), target).reached)
      // A loose target is met at the minimum; an impossible one never.
      assert.strictEqual(sufficientReplications(results, 10), MIN_AUTO_REPLICATIONS)
      assert.isUndefined(sufficientReplications(results.slice(0, 5), 0.0001))
    })
  )
})

describe("replicationPlan", () => {
  it.effect("runs the scenario's count, or at least three up to the ceiling with a precision target", () =>
    Effect.gen(function* () {
      const scenario = yield* load
      assert.deepStrictEqual(replicationPlan(scenario), { initial: 6, maximum: 6, target: undefined })
      const auto = {
        ...scenario,
        replications: 1,
        run: { ...scenario.run, targetRelativeHalfWidth: 0.1, maxReplications: 20 }
      }
      assert.deepStrictEqual(replicationPlan(auto), { initial: 3, maximum: 20, target: 0.1 })
    })
  )
})
