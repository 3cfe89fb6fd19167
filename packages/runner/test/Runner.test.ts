import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { compile } from "@ccsim/engine"
import { loadScenarioFile } from "@ccsim/scenario"
import { NodeServices } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { sufficientReplications } from "../src/Precision.ts"
import { metricsOnly, runOneReplication } from "../src/Replication.ts"
import type { RunOutcome, RunRequest } from "../src/Runner.ts"
import { Runner, withOverrides } from "../src/Runner.ts"

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures/passing.yaml")
const load = loadScenarioFile(fixture).pipe(Effect.provide(NodeServices.layer))

const request = (scenario: RunRequest["scenario"]): RunRequest => ({
  scenario,
  subject: fixture,
  check: true,
  keepTraceOf: [0],
  sample: true
})

const fingerprint = (outcome: RunOutcome) =>
  JSON.stringify(outcome.outputs.map((o) => [o.replication, o.result, o.trace, o.sample]))

/** Runs on two threads (the work estimate ignored), then in-process. */
const both = (req: RunRequest) =>
  Effect.all([
    Effect.flatMap(Runner, (runner) => runner.run(req)).pipe(
      Effect.provide(Runner.layer({ threads: 2, parallelThresholdMs: 0 }))
    ),
    Effect.flatMap(Runner, (runner) => runner.run(req)).pipe(Effect.provide(Runner.layer({ threads: 1 })))
  ])

describe("Runner", () => {
  it.live("in-process and on threads give the same outputs in replication order, the sample included", () =>
    Effect.gen(function* () {
      const [threaded, local] = yield* both(request(yield* load))
      assert.deepStrictEqual(
        local.outputs.map((o) => o.replication),
        [0, 1, 2, 3, 4, 5]
      )
      assert.strictEqual(fingerprint(threaded), fingerprint(local))
      assert.isDefined(local.sample)
      assert.strictEqual(JSON.stringify(threaded.sample), JSON.stringify(local.sample))
      assert.isAbove(local.outputs[0]!.trace?.length ?? 0, 0)
      assert.strictEqual(local.outputs[1]!.trace, undefined)
    })
  )

  it.live("a precision target keeps the fewest replications that meet it, whatever the batches", () =>
    Effect.gen(function* () {
      const base = yield* load
      const scenario = {
        ...withOverrides(base, { seed: 5, replications: 2 }),
        run: { ...base.run, targetRelativeHalfWidth: 0.5, maxReplications: 40 }
      }
      const [many, one] = yield* both({ scenario })
      // The fewest replications meeting the target, found directly over 40 replications.
      const model = compile(scenario)
      const direct = Array.from({ length: 40 }, (_, r) => runOneReplication(model, r, metricsOnly(5)).result)
      const expected = sufficientReplications(direct, 0.5)
      assert.isDefined(expected)
      assert.isTrue(one.precisionReached)
      assert.strictEqual(one.outputs.length, expected)
      assert.isAbove(one.outputs.length, 3)
      assert.strictEqual(fingerprint(many), fingerprint(one))
    })
  )

  it.live("a shard runs exactly its replications, equal to the same replications of the whole run", () =>
    Effect.gen(function* () {
      const scenario = yield* load
      const runner = yield* Runner
      const whole = yield* runner.run({ scenario })
      const shard = yield* runner.run({ scenario, replications: [1, 4] })
      assert.deepStrictEqual(
        shard.outputs.map((o) => o.replication),
        [1, 4]
      )
      assert.strictEqual(JSON.stringify(shard.outputs), JSON.stringify([whole.outputs[1], whole.outputs[4]]))
    }).pipe(Effect.provide(Runner.layer({ threads: 1 })))
  )
})
