import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { compile } from "@ccsim/engine"
import { loadScenarioFile } from "@ccsim/scenario"
import { NodeServices } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit, Fiber, Runtime } from "effect"
import type { Job } from "../src/Executor.ts"
import { Executor } from "../src/Executor.ts"
import type { ReplicationOptions } from "../src/Replication.ts"
import { runOneReplication } from "../src/Replication.ts"
import { UnrunnableScenario } from "../src/RunnerError.ts"
import { variantOf } from "../src/Variant.ts"

const errorExitCodeOf = (error: UnrunnableScenario): number => error[Runtime.errorExitCode]

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures/passing.yaml")
const options: ReplicationOptions = { seed: 11, check: true, tracePrefix: undefined, keepTraceOf: [], sampleOf: [] }
const load = loadScenarioFile(fixture).pipe(Effect.provide(NodeServices.layer))

describe("Executor", () => {
  it.live("one pool runs two variants in one batch and again in the next, in job order, equal to in-process", () =>
    Effect.gen(function* () {
      const scenario = yield* load
      const busier = variantOf({ ...scenario, name: "busier", replications: 3 })
      const base = variantOf(scenario)
      const executor = yield* Executor
      const jobs: Array<Job> = [1, 2, 3].flatMap((replication) => [
        { variant: base, replication, options },
        { variant: busier, replication, options }
      ])
      const done: Array<number> = []
      const first = yield* executor.run(jobs, { onDone: (o) => Effect.sync(() => done.push(o.replication)) })
      const second = yield* executor.run(jobs.slice(0, 2))
      assert.deepStrictEqual(
        first.map((o) => o.replication),
        [1, 1, 2, 2, 3, 3]
      )
      assert.deepStrictEqual([...done].sort(), [1, 1, 2, 2, 3, 3])
      assert.strictEqual(JSON.stringify(second), JSON.stringify(first.slice(0, 2)))
      for (const [i, output] of first.entries()) {
        const model = compile(jobs[i]!.variant.scenario)
        const local = runOneReplication(model, output.replication, options)
        assert.strictEqual(JSON.stringify(output.result), JSON.stringify(local.result))
        assert.strictEqual(output.violationCount, 0)
      }
    }).pipe(Effect.provide(Executor.layer({ threads: 2 })))
  )

  it.live("the report's sample of a replication is the same from a thread as in-process", () =>
    Effect.gen(function* () {
      const variant = variantOf(yield* load)
      const sampled = { ...options, sampleOf: [2] }
      const jobs: Array<Job> = [2, 3].map((replication) => ({ variant, replication, options: sampled }))
      const executor = yield* Executor
      const threaded = yield* executor.run(jobs)
      const local = yield* executor.run(jobs, { inProcess: true })
      assert.isDefined(threaded[0]!.sample)
      assert.isUndefined(threaded[1]!.sample)
      assert.strictEqual(JSON.stringify(threaded), JSON.stringify(local))
    }).pipe(Effect.provide(Executor.layer({ threads: 2 })))
  )

  it.live("a replication that throws in a worker fails the batch naming it; the next batch runs", () =>
    Effect.gen(function* () {
      const variant = variantOf(yield* load)
      const executor = yield* Executor
      // A trace prefix inside a folder that does not exist makes the worker's trace file fail to open.
      const broken = { ...options, tracePrefix: "/nonexistent-ccsim-folder/t.r" }
      const error = yield* Effect.flip(
        executor.run([1, 2].map((replication) => ({ variant, replication, options: broken })))
      )
      assert.strictEqual(error._tag, "RunFailed")
      assert.match(error.message, /^replication [12] failed: .*ENOENT/)
      const again = yield* executor.run([{ variant, replication: 1, options }])
      assert.strictEqual(again[0]!.replication, 1)
    }).pipe(Effect.provide(Executor.layer({ threads: 2 })))
  )

  it.effect("a scenario the engine cannot compile is an input error (exit 2) naming the file", () =>
    Effect.gen(function* () {
      const scenario = yield* load
      // A workflow step naming a queue that does not exist (the loader would reject it; built by hand here).
      const broken = {
        ...scenario,
        workflows: [{ ...scenario.workflows[0]!, steps: [{ to: "queue" as const, queue: "nowhere" }] }]
      } as unknown as typeof scenario
      const executor = yield* Executor
      const error = yield* Effect.flip(executor.compile(variantOf(broken), "broken.yaml"))
      assert.strictEqual(error._tag, "UnrunnableScenario")
      assert.match(error.message, /^broken\.yaml: expected a scenario the engine can run, found /)
      assert.strictEqual(error["~effect/Runtime/errorExitCode"], 2)
    }).pipe(Effect.provide(Executor.layerInProcess))
  )

  it.live(
    "a replication whose clock stops moving fails as the scenario's fault (exit 2), in-process and on a thread",
    () =>
      Effect.gen(function* () {
        const scenario = yield* load
        // Below the loader's bound: offers time out at once and are made again without the clock moving.
        const stuck = variantOf({ ...scenario, queues: scenario.queues.map((q) => ({ ...q, ringTimeout: 0.0001 })) })
        const executor = yield* Executor
        for (const inProcess of [true, false]) {
          const failure = yield* Effect.flip(
            executor.run([{ variant: stuck, replication: 0, options: { ...options, check: false } }], { inProcess })
          )
          assert.instanceOf(failure, UnrunnableScenario)
          assert.strictEqual(errorExitCodeOf(failure), 2)
          assert.match(
            failure.message,
            /^passing small: expected a scenario the engine can run, found replication 0 made no progress: \d+ events between/
          )
        }
      }).pipe(Effect.provide(Executor.layer({ threads: 2 })))
  )

  it.live("an interrupted in-process replication stops between slices and leaves no trace part", () =>
    Effect.gen(function* () {
      const scenario = yield* load
      const long = variantOf({
        ...scenario,
        agents: scenario.agents.map((a) => ({ ...a, count: 50 })),
        traffic: scenario.traffic.map((t) => ({ ...t, arrivals: { ratePerHour: 20_000 } }))
      } as typeof scenario)
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ccsim-executor-"))
      const traced = { ...options, check: false, tracePrefix: path.join(dir, ".trace.r") }
      const executor = yield* Executor
      const fiber = yield* Effect.forkChild(executor.run([{ variant: long, replication: 0, options: traced }]))
      // The trace part's temporary file appears with the first slice; the replication is far from done then.
      while (fs.readdirSync(dir).length === 0) yield* Effect.sleep("10 millis")
      const exit = yield* Fiber.interrupt(fiber).pipe(Effect.andThen(Fiber.await(fiber)))
      assert.isTrue(Exit.hasInterrupts(exit))
      assert.deepStrictEqual(fs.readdirSync(dir), [])
    }).pipe(Effect.provide(Executor.layerInProcess))
  )
})
