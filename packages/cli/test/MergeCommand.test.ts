import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { ccsimInProcess } from "./run.ts"

const fixture = "packages/cli/test/fixtures/passing.yaml"
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "ccsim-merge-"))
const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file))

const ok = (args: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const outcome = yield* ccsimInProcess(args)
    assert.strictEqual(outcome.code, 0, outcome.stderr.join("\n"))
    return outcome
  })

describe("ccsim merge (in-process)", () => {
  it.effect("for 1 to 4 shards, in any part order, results.json and intervals.csv equal the unsharded run's", () =>
    Effect.gen(function* () {
      const root = tempDir()
      const common = [fixture, "--seed", "5", "--replications", "5", "--check", "--workers", "1", "--quiet"]
      yield* ok(["run", ...common, "--raw", "--out", path.join(root, "whole")])
      for (let n = 1; n <= 4; n++) {
        const parts = path.join(root, `parts-${n}`)
        for (let k = 1; k <= n; k++) yield* ok(["run", ...common, "--shard", `${k}/${n}`, "--partial", "--out", parts])
        const files = Array.from({ length: n }, (_, k) => path.join(parts, `part-${k + 1}-of-${n}.json`))
        for (const [order, given] of [
          ["given", files],
          ["reversed", [...files].reverse()]
        ] as const) {
          const out = path.join(root, `merged-${n}-${order}`)
          yield* ok(["merge", ...given, "--raw", "--quiet", "--out", out])
          for (const file of ["results.json", "intervals.csv"]) {
            assert.isTrue(read(out, file).equals(read(path.join(root, "whole"), file)), `${n} shards ${order}: ${file}`)
          }
          assert.isTrue(fs.existsSync(path.join(out, "report.html")))
        }
      }
    })
  )

  it.effect("a part of another scenario, or a shard flag without --partial, is exit 2 with one line", () =>
    Effect.gen(function* () {
      const root = tempDir()
      const parts = path.join(root, "parts")
      yield* ok(["run", fixture, "--replications", "2", "--shard", "1/2", "--partial", "--quiet", "--out", parts])
      yield* ok([
        "run",
        "packages/cli/test/fixtures/failing-threshold.yaml",
        "--replications",
        "2",
        "--shard",
        "2/2",
        "--partial",
        "--quiet",
        "--out",
        path.join(root, "other")
      ])
      const mixed = yield* ccsimInProcess([
        "merge",
        path.join(parts, "part-1-of-2.json"),
        path.join(root, "other", "part-2-of-2.json")
      ])
      assert.strictEqual(mixed.code, 2)
      assert.strictEqual(mixed.stderr.length, 1)
      assert.match(
        mixed.stderr[0]!,
        /^ccsim: parts of different scenarios cannot be merged: .*part-1-of-2\.json .* vs /
      )
      const alone = yield* ccsimInProcess(["run", fixture, "--shard", "1/2"])
      assert.strictEqual(alone.code, 2)
      assert.deepStrictEqual(alone.stderr, [
        "ccsim: --shard: expected --partial too (a shard writes a partial results file for ccsim merge), found --shard 1/2 alone"
      ])
      assert.isFalse(fs.existsSync(path.join(root, "merged")))
    })
  )
})
