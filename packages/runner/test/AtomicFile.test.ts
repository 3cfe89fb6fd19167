import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { assert, describe, it } from "@effect/vitest"
import { isTempFile, tempPathFor, writeAtomicSync } from "../src/AtomicFile.ts"

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "ccsim-atomic-"))

describe("writeAtomicSync", () => {
  it("removes its temporary file when the producer throws", () => {
    const dir = tempDir()
    const file = path.join(dir, "r0.part")
    assert.throws(() =>
      writeAtomicSync(file, (sink) => {
        sink.write("partial\n")
        throw new Error("engine failed")
      })
    )
    assert.deepStrictEqual(fs.readdirSync(dir), [])
    writeAtomicSync(file, (sink) => sink.write("ok\n"))
    assert.strictEqual(fs.readFileSync(file, "utf8"), "ok\n")
  })

  it("names temporary files so that leftovers can be found", () => {
    const temp = path.basename(tempPathFor(path.join("out", "results.json")))
    assert.isTrue(isTempFile(temp))
    assert.isFalse(isTempFile("results.json"))
  })
})
