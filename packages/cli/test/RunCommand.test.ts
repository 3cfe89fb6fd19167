import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { ccsimInProcess, repoRoot } from "./run.ts"

const passing = path.join(repoRoot, "packages/cli/test/fixtures/passing.yaml")

describe("ccsim run --set", () => {
  it.effect("overrides a value by id; the results say so", () =>
    Effect.gen(function* () {
      const out = fs.mkdtempSync(path.join(os.tmpdir(), "ccsim-set-"))
      const { code } = yield* ccsimInProcess([
        "run",
        passing,
        "--set",
        "agents[agent].count=5",
        "--set",
        "run.loadMultiplier=2",
        "--workers",
        "1",
        "--quiet",
        "--out",
        out
      ])
      assert.strictEqual(code, 0)
      const results = JSON.parse(fs.readFileSync(path.join(out, "results.json"), "utf8"))
      assert.strictEqual(results.summary.allAgents.agents, 5)
      fs.rmSync(out, { recursive: true, force: true })
    })
  )

  it.effect("a bad path or value exits 2 with one line naming the --set", () =>
    Effect.gen(function* () {
      for (const [set, line] of [
        [
          "agents[agnet].count=5",
          "--set agents[agnet].count=5: agents[agnet]: agents has no entry agnet (did you mean agent?): expected one of agent"
        ],
        [
          "agents[agent].count=many",
          '--set agents[agent].count=many: agents[agent].count: expected a number, found "many"'
        ],
        ["count", "--set count: expected PATH=VALUE, like queues[service].ringTimeout=30s or run.loadMultiplier=1.2"]
      ] as const) {
        const { code, stdout, stderr } = yield* ccsimInProcess(["run", passing, "--set", set, "--workers", "1"])
        assert.strictEqual(code, 2, set)
        assert.deepStrictEqual(stdout, [])
        assert.deepStrictEqual(stderr, [line])
      }
    })
  )
})
