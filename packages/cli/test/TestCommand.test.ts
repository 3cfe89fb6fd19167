/**
 * `ccsim test` in-process, on a runner the test controls: one file whose run gets stuck does not stop the others,
 * and JUnit is written for all of them.
 */
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { Runner } from "@ccsim/runner"
import { NodeServices } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit, Layer } from "effect"
import { TestConsole } from "effect/testing"
import { OutputWriter } from "../src/OutputWriter.ts"
import { Progress } from "../src/Progress.ts"
import { makeStyle } from "../src/Style.ts"
import { testFiles } from "../src/TestCommand.ts"
import { repoRoot } from "./run.ts"
import { parseXml } from "./xml.ts"

const fixture = (name: string) => path.join(repoRoot, "packages/cli/test/fixtures", name)

/** The real runner, except that `stuck`'s offers time out at once (below the loader's bound): its clock stops. */
const stuckRunner = (stuck: string) =>
  Layer.effect(Runner)(
    Effect.gen(function* () {
      const real = yield* Runner
      return Runner.of({
        run: (request) =>
          real.run(
            request.subject !== stuck
              ? request
              : {
                  ...request,
                  scenario: {
                    ...request.scenario,
                    queues: request.scenario.queues.map((q) => ({ ...q, ringTimeout: 0.0001 }))
                  }
                }
          )
      })
    })
  ).pipe(Layer.provide(Runner.layer({ threads: 1 })))

describe("ccsim test", () => {
  it.live("a file whose run makes no progress is reported invalid; the others run and JUnit has them all", () =>
    Effect.gen(function* () {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ccsim-test-"))
      const junit = path.join(dir, "junit.xml")
      const stuck = fixture("passing.yaml")
      const exit = yield* Effect.exit(
        testFiles({
          paths: [stuck, fixture("failing-threshold.yaml")],
          junit,
          shard: undefined,
          set: [],
          bail: false,
          workers: 1,
          quiet: false,
          style: makeStyle(false)
        }).pipe(Effect.provide(stuckRunner(stuck)))
      )
      assert.isTrue(Exit.isFailure(exit))
      const lines = (yield* TestConsole.logLines).map(String)
      assert.include(
        lines.join("\n"),
        `${stuck}: expected a scenario the engine can run, found replication 0 made no progress`
      )
      const root = parseXml(fs.readFileSync(junit, "utf8"))
      const suites = root.children.map((s) => s.attributes.name)
      assert.lengthOf(suites, 2)
      const [first, second] = root.children
      assert.strictEqual(first!.children.filter((c) => c.name === "testcase")[0]!.children[0]!.name, "error")
      assert.isAbove(second!.children.filter((c) => c.name === "testcase").length, 1)
    }).pipe(Effect.provide([NodeServices.layer, TestConsole.layer, OutputWriter.layer, Progress.layerNoop]))
  )
})
