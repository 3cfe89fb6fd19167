import * as path from "node:path"
import { compile } from "@ccsim/engine"
import { loadScenarioFile } from "@ccsim/scenario"
import { NodeServices } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { runOneReplication } from "../src/Replication.ts"
import { WorkerPool } from "../src/WorkerPool.ts"
import { repoRoot } from "./run.ts"

const options = { seed: 11, check: true, tracePrefix: undefined, keepTraceOf: [] }

describe("WorkerPool", () => {
  it.live("runs replications on threads and returns them in order, equal to in-process runs", () =>
    Effect.gen(function* () {
      const scenario = yield* loadScenarioFile(path.join(repoRoot, "packages/cli/test/fixtures/passing.yaml"))
      const pool = yield* WorkerPool
      const done: Array<number> = []
      const replications = [1, 2, 3, 4, 5]
      const outputs = yield* pool.run({
        init: { scenario, options },
        replications,
        threads: 2,
        onDone: (o) => Effect.sync(() => done.push(o.replication))
      })
      assert.deepStrictEqual(
        outputs.map((o) => o.replication),
        replications
      )
      assert.deepStrictEqual([...done].sort(), replications)
      const model = compile(scenario)
      for (const output of outputs) {
        const local = runOneReplication(model, output.replication, options)
        assert.strictEqual(JSON.stringify(output.result), JSON.stringify(local.result))
        assert.strictEqual(output.violationCount, 0)
      }
    }).pipe(Effect.provide([WorkerPool.layer, NodeServices.layer]))
  )

  it.live("a replication that throws in a worker is an internal error naming it", () =>
    Effect.gen(function* () {
      const scenario = yield* loadScenarioFile(path.join(repoRoot, "packages/cli/test/fixtures/passing.yaml"))
      const pool = yield* WorkerPool
      // A trace prefix inside a folder that does not exist makes the worker's trace file fail to open.
      const error = yield* Effect.flip(
        pool.run({
          init: { scenario, options: { ...options, tracePrefix: "/nonexistent-ccsim-folder/t.r" } },
          replications: [1, 2],
          threads: 2,
          onDone: () => Effect.void
        })
      )
      assert.strictEqual(error._tag, "InternalError")
      assert.match(error.message, /^replication [12] failed: .*ENOENT/)
    }).pipe(Effect.provide([WorkerPool.layer, NodeServices.layer]))
  )
})
