import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { ccsimInProcess } from "./run.ts"

describe("ccsim validate", () => {
  it.effect("a folder without scenarios is invalid input, exit 2, like test (issue 16.7)", () =>
    Effect.gen(function* () {
      const empty = fs.mkdtempSync(path.join(os.tmpdir(), "ccsim-validate-"))
      fs.writeFileSync(path.join(empty, "notes.txt"), "not a scenario\n")
      const { code, stdout, stderr } = yield* ccsimInProcess(["validate", empty])
      assert.strictEqual(code, 2)
      assert.deepStrictEqual(stdout, [])
      assert.deepStrictEqual(stderr, [`ccsim: ${empty}: expected scenario files (.yaml, .yml or .json), found none`])
      fs.rmSync(empty, { recursive: true, force: true })
    })
  )

  it.effect("refuses a degenerate ring timeout and an absurd agent count at once, exit 2 (issue 16.1, 16.3)", () =>
    Effect.gen(function* () {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ccsim-validate-"))
      const file = path.join(dir, "s.yaml")
      fs.writeFileSync(
        file,
        'name: s\ntime: { open: "08:00", close: "09:00" }\nqueues: [{ id: q, ringTimeout: 0 }]\nagents: [{ id: a, count: 1e9 }]\n'
      )
      const { code, stderr } = yield* ccsimInProcess(["validate", file])
      assert.strictEqual(code, 2)
      assert.deepStrictEqual(stderr, [
        `✗ ${file}:3:32: queues[0].ringTimeout: expected a duration of at least 1s, found 0: a shorter ring leaves no time to answer, and offers would repeat without the clock moving`,
        `  ${file}:4:26: agents[0].count: expected a whole number of at most 100,000 (the limit of agents in a scenario), found 1e9`
      ])
      fs.rmSync(dir, { recursive: true, force: true })
    })
  )
})
