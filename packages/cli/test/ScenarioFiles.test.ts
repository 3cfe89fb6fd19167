import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { loadScenarioFile } from "@ccsim/scenario"
import { NodeServices } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { findScenarioFiles } from "../src/ScenarioFiles.ts"

describe("findScenarioFiles", () => {
  it.effect("lists an unreadable subfolder as an entry and goes on with the rest (issue 16.12)", () =>
    Effect.gen(function* () {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), "ccsim-files-"))
      for (const dir of ["a", "b", "c"]) fs.mkdirSync(path.join(root, dir))
      for (const dir of ["a", "c"]) fs.writeFileSync(path.join(root, dir, "s.yaml"), "name: x\n")
      const locked = path.join(root, "b")
      // Permissions do not stop root, so the listing itself is made to fail for folder b.
      const list = (dir: string) => {
        if (dir === locked) throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" })
        return fs.readdirSync(dir, { withFileTypes: true })
      }
      const files = yield* findScenarioFiles([root], list)
      assert.deepStrictEqual(files, [path.join(root, "a", "s.yaml"), locked, path.join(root, "c", "s.yaml")])
      fs.rmSync(root, { recursive: true, force: true })
    })
  )

  it.effect("still refuses a folder named on the command line that cannot be read", () =>
    Effect.gen(function* () {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), "ccsim-files-"))
      const error = yield* Effect.flip(
        findScenarioFiles([root], () => {
          throw new Error("EACCES: permission denied")
        })
      )
      assert.strictEqual(error._tag, "InputError")
      fs.rmSync(root, { recursive: true, force: true })
    })
  )

  it.effect("the loader names a folder listed that way, in one line", () =>
    Effect.gen(function* () {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), "ccsim-files-"))
      const error = yield* Effect.flip(loadScenarioFile(root)).pipe(Effect.provide(NodeServices.layer))
      assert.strictEqual(error.format(), `${root}: not a scenario file: it is a folder, not a file`)
      fs.rmSync(root, { recursive: true, force: true })
    })
  )
})
