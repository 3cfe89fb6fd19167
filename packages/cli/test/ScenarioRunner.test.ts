import * as path from "node:path"
import { compile, sufficientReplications } from "@ccsim/engine"
import { loadScenarioFile } from "@ccsim/scenario"
import { NodeServices } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { Progress } from "../src/Progress.ts"
import { runOneReplication } from "../src/Replication.ts"
import type { RunRequest } from "../src/ScenarioRunner.ts"
import { ScenarioRunner, withOverrides } from "../src/ScenarioRunner.ts"
import { repoRoot } from "./run.ts"

const layer = Layer.mergeAll(ScenarioRunner.layer, Progress.layerNoop, NodeServices.layer)
const fixture = path.join(repoRoot, "packages/cli/test/fixtures/passing.yaml")

const request = (scenario: RunRequest["scenario"], workers: number): RunRequest => ({
  file: fixture,
  scenario,
  workers,
  label: "test",
  sample: true,
  options: { seed: scenario.seed, check: true, tracePrefix: undefined, keepTraceOf: [0] }
})

const fingerprint = (outcome: {
  readonly outputs: ReadonlyArray<{ readonly result: unknown; readonly replication: number }>
}) => JSON.stringify(outcome.outputs.map((o) => [o.replication, o.result]))

describe("ScenarioRunner", () => {
  it.live("in-process and on threads give the same outputs in replication order", () =>
    Effect.gen(function* () {
      const scenario = yield* loadScenarioFile(fixture)
      const runner = yield* ScenarioRunner
      const local = yield* runner.run(request(scenario, 1))
      process.env.CCSIM_PARALLEL_THRESHOLD_MS = "0"
      const threaded = yield* runner
        .run(request(scenario, 2))
        .pipe(Effect.ensuring(Effect.sync(() => delete process.env.CCSIM_PARALLEL_THRESHOLD_MS)))
      assert.deepStrictEqual(
        local.outputs.map((o) => o.replication),
        [0, 1, 2, 3, 4, 5]
      )
      assert.strictEqual(fingerprint(threaded), fingerprint(local))
      // Replication 0 runs in the main thread: its sample and kept trace are there either way.
      assert.strictEqual(JSON.stringify(threaded.sample), JSON.stringify(local.sample))
      assert.isAbove(local.outputs[0]!.trace?.length ?? 0, 0)
      assert.strictEqual(local.outputs[1]!.trace, undefined)
    }).pipe(Effect.provide(layer))
  )

  it.live("a precision target keeps the fewest replications that meet it, whatever the batches", () =>
    Effect.gen(function* () {
      const base = yield* loadScenarioFile(fixture)
      const scenario = {
        ...withOverrides(base, { seed: 5, replications: 2 }),
        run: { ...base.run, targetRelativeHalfWidth: 0.5, maxReplications: 40 }
      }
      const runner = yield* ScenarioRunner
      const one = yield* runner.run(request(scenario, 1))
      const many = yield* runner.run(request(scenario, 7))
      // The fewest replications meeting the target, found directly over 40 replications.
      const model = compile(scenario)
      const direct = Array.from(
        { length: 40 },
        (_, r) => runOneReplication(model, r, request(scenario, 1).options).result
      )
      const expected = sufficientReplications(direct, 0.5)
      assert.isDefined(expected)
      assert.isTrue(one.precisionReached)
      assert.strictEqual(one.outputs.length, expected)
      assert.isAbove(one.outputs.length, 3)
      assert.strictEqual(fingerprint(many), fingerprint(one))
    }).pipe(Effect.provide(layer))
  )

  it.live("a scenario the engine cannot compile is an input error", () =>
    Effect.gen(function* () {
      const scenario = yield* loadScenarioFile(fixture)
      const runner = yield* ScenarioRunner
      // A workflow step naming a queue that does not exist (the loader would reject it; built by hand here).
      const broken = {
        ...scenario,
        workflows: [{ ...scenario.workflows[0]!, steps: [{ to: "queue" as const, queue: "nowhere" }] }]
      } as unknown as typeof scenario
      const error = yield* Effect.flip(runner.run(request(broken, 1)))
      assert.strictEqual(error._tag, "InputError")
      assert.include(error.message, "expected a scenario the engine can run")
    }).pipe(Effect.provide(layer))
  )
})
