import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { assert, describe, it } from "@effect/vitest"
import { Deferred, Effect, Fiber } from "effect"
import { isTempFile, tempPathFor, writeAllAtomic, writeAtomicSync } from "../src/AtomicFile.ts"

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

describe("writeAllAtomic", () => {
  it.effect("writes every file, or none when interrupted between them (no temporary file left)", () =>
    Effect.gen(function* () {
      const dir = tempDir()
      const started = yield* Deferred.make<void>()
      const fiber = yield* Effect.forkChild(
        writeAllAtomic([
          { path: path.join(dir, "results.json"), content: Effect.succeed("{}\n") },
          // The second file is still being produced (like a report being drawn) when Ctrl-C arrives.
          {
            path: path.join(dir, "report.html"),
            content: Deferred.succeed(started, undefined).pipe(Effect.andThen(Effect.never))
          }
        ])
      )
      yield* Deferred.await(started)
      // The first file's temporary copy exists at this point; the interruption must remove it.
      assert.strictEqual(fs.readdirSync(dir).filter(isTempFile).length, 1)
      yield* Fiber.interrupt(fiber)
      assert.deepStrictEqual(fs.readdirSync(dir), [])

      yield* writeAllAtomic([
        { path: path.join(dir, "a.txt"), content: Effect.succeed("a") },
        { path: path.join(dir, "b.txt"), content: Effect.succeed("b") }
      ])
      assert.deepStrictEqual(fs.readdirSync(dir).sort(), ["a.txt", "b.txt"])
      assert.strictEqual(fs.readFileSync(path.join(dir, "b.txt"), "utf8"), "b")
    })
  )
})
