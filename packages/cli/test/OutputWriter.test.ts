import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { isTempFile } from "@ccsim/runner"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit, Fiber } from "effect"
import { OutputWriter } from "../src/OutputWriter.ts"

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "ccsim-out-"))
const leftovers = (dir: string) => fs.readdirSync(dir).filter(isTempFile)

describe("OutputWriter", () => {
  it.effect("writes a file atomically and leaves no temporary file", () =>
    Effect.gen(function* () {
      const dir = tempDir()
      const writer = yield* OutputWriter
      yield* writer.makeDirectory(path.join(dir, "a", "b"))
      const file = path.join(dir, "a", "b", "results.json")
      yield* writer.writeFile(file, '{"ok":true}\n')
      assert.strictEqual(fs.readFileSync(file, "utf8"), '{"ok":true}\n')
      assert.deepStrictEqual(fs.readdirSync(path.join(dir, "a", "b")), ["results.json"])
    }).pipe(Effect.provide(OutputWriter.layer))
  )

  it.effect("a failing stream leaves neither the file nor a temporary file, and keeps an older file", () =>
    Effect.gen(function* () {
      const dir = tempDir()
      const file = path.join(dir, "trace.ndjson")
      fs.writeFileSync(file, "old\n")
      const writer = yield* OutputWriter
      const exit = yield* Effect.exit(
        writer.withSink(file, (sink) =>
          Effect.gen(function* () {
            for (let i = 0; i < 10_000; i++) sink.write(`{"line":${i}}\n`)
            return yield* Effect.fail("stop")
          })
        )
      )
      assert.isTrue(Exit.isFailure(exit))
      assert.strictEqual(fs.readFileSync(file, "utf8"), "old\n")
      assert.deepStrictEqual(leftovers(dir), [])
    }).pipe(Effect.provide(OutputWriter.layer))
  )

  it.live("an interrupted stream leaves no file behind", () =>
    Effect.gen(function* () {
      const dir = tempDir()
      const file = path.join(dir, "trace.ndjson")
      const writer = yield* OutputWriter
      const fiber = yield* Effect.forkChild(
        writer.withSink(file, (sink) =>
          Effect.gen(function* () {
            sink.write("x".repeat(200_000))
            yield* Effect.never
          })
        )
      )
      yield* Effect.sleep("20 millis")
      assert.lengthOf(leftovers(dir), 1)
      yield* Fiber.interrupt(fiber)
      assert.deepStrictEqual(fs.readdirSync(dir), [])
    }).pipe(Effect.provide(OutputWriter.layer))
  )

  it.effect("concatenates parts in order, keeping multi-byte characters whole across chunks", () =>
    Effect.gen(function* () {
      const dir = tempDir()
      const a = path.join(dir, "a.part")
      const b = path.join(dir, "b.part")
      // 65535 ASCII bytes then a 3-byte character: it straddles the 64 KiB read chunk.
      const first = `${"x".repeat(65_535)}€\n`
      fs.writeFileSync(a, first)
      fs.writeFileSync(b, "ü second\n")
      const writer = yield* OutputWriter
      const out = path.join(dir, "all.ndjson")
      yield* writer.concatenate(out, [a, b])
      yield* writer.removeAll([a, b, path.join(dir, "missing.part")])
      assert.strictEqual(fs.readFileSync(out, "utf8"), `${first}ü second\n`)
      assert.deepStrictEqual(fs.readdirSync(dir), ["all.ndjson"])
    }).pipe(Effect.provide(OutputWriter.layer))
  )

  it.effect("a folder that cannot be written is an OutputError naming the file", () =>
    Effect.gen(function* () {
      const writer = yield* OutputWriter
      const error = yield* Effect.flip(writer.writeFile(path.join(tempDir(), "no", "such", "x.json"), "{}"))
      assert.strictEqual(error._tag, "OutputError")
      assert.include(error.message, "x.json: cannot write: no such folder")
    }).pipe(Effect.provide(OutputWriter.layer))
  )

  it.effect("writes several files all or none: a failure in the last leaves none of them and no temporary file", () =>
    Effect.gen(function* () {
      const dir = tempDir()
      const writer = yield* OutputWriter
      const results = path.join(dir, "results.json")
      const trace = path.join(dir, "trace.ndjson")
      const exit = yield* Effect.exit(
        writer.writeAll([
          { file: results, content: "{}\n" },
          { file: trace, parts: [path.join(dir, "missing.part")] }
        ])
      )
      assert.isTrue(Exit.isFailure(exit))
      assert.deepStrictEqual(fs.readdirSync(dir), [])
      yield* writer.writeAll([
        { file: results, content: "{}\n" },
        { file: path.join(dir, "report.html"), content: "<html></html>\n" }
      ])
      assert.deepStrictEqual(fs.readdirSync(dir).sort(), ["report.html", "results.json"])
    }).pipe(Effect.provide(OutputWriter.layer))
  )

  it.effect("an interrupt while several files are written leaves none of them and no temporary file", () =>
    Effect.gen(function* () {
      const dir = tempDir()
      const writer = yield* OutputWriter
      const fiber = yield* Effect.forkChild(
        writer.writeAll([
          { file: path.join(dir, "results.json"), content: "{}\n" },
          { file: path.join(dir, "report.html"), content: "<html></html>\n" }
        ])
      )
      // The writer yields after each file: the first is staged, the second not yet.
      yield* Effect.yieldNow
      assert.lengthOf(leftovers(dir), 1)
      yield* Fiber.interrupt(fiber)
      assert.deepStrictEqual(fs.readdirSync(dir), [])
    }).pipe(Effect.provide(OutputWriter.layer))
  )
})
