/**
 * Atomic output files. Every file is written to a temporary file beside its target and renamed into place only
 * when complete, so an interrupted or failed run leaves either the previous file or none — never half a file —
 * and no temporary file behind.
 *
 * Streamed files (the trace) get a synchronous line sink, because the engine's hot loop is plain synchronous code
 * that cannot wait on an Effect per event; the sink buffers and writes in large chunks.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { StringDecoder } from "node:string_decoder"
// The module, not the package index: the index loads the engine and the report's drawing code, which `--help`,
// `erlang`, `schema` and `validate` do not need.
import { type LineSink, openSink, SINK_CHUNK, tempPathFor } from "@ccsim/runner/AtomicFile"
import { Context, Effect, Exit, Layer } from "effect"
import { OutputError } from "./Error.ts"

export type { LineSink }

const reasonOf = (error: unknown): string => {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = String((error as { code: unknown }).code)
    const known: Record<string, string> = {
      EACCES: "permission denied",
      EPERM: "operation not permitted",
      ENOENT: "no such folder",
      ENOTDIR: "a part of the path is not a folder",
      EISDIR: "it is a folder",
      ENOSPC: "no space left on the device",
      EROFS: "read-only file system"
    }
    return known[code] ?? code
  }
  return error instanceof Error ? error.message : String(error)
}

const attempt = <A>(target: string, f: () => A): Effect.Effect<A, OutputError> =>
  Effect.try({ try: f, catch: (error) => new OutputError({ path: target, reason: reasonOf(error) }) })

const removeQuietly = (file: string) =>
  Effect.sync(() => {
    try {
      fs.rmSync(file, { force: true })
    } catch {
      // Best effort: a leftover we cannot remove is not worth failing the run for.
    }
  })

/**
 * Writes `use`'s output to `file` through a synchronous sink, atomically: visible at `file` only if `use` succeeds.
 * Usable outside Effect services (the worker threads call it for trace parts).
 */
export const withAtomicSink = <A, E, R>(
  file: string,
  use: (sink: LineSink) => Effect.Effect<A, E, R>
): Effect.Effect<A, E | OutputError, R> => {
  const temp = tempPathFor(file)
  return Effect.acquireUseRelease(
    attempt(file, () => openSink(temp)),
    ({ sink }) => use(sink),
    (handle, exit) =>
      Exit.isSuccess(exit)
        ? attempt(file, () => {
            handle.flush()
            handle.close()
            fs.renameSync(temp, file)
          }).pipe(
            Effect.onError(() => removeQuietly(temp)),
            Effect.orDie
          )
        : Effect.sync(() => {
            try {
              handle.close()
            } catch {
              // Already closed or never usable; the temp file is removed next.
            }
          }).pipe(Effect.andThen(removeQuietly(temp)))
  )
}

/** Why a folder cannot be made or written: said plainly, never a bare error code. */
class FolderProblem extends Error {}

/**
 * Makes `dir` and its missing parents, one level at a time, and checks that it can be written. Node's recursive
 * mkdir spins for ever under a place that cannot hold folders (`/proc/x`); a file in the way is named as such.
 */
const makeDirectory = (dir: string): Effect.Effect<void, OutputError> =>
  Effect.try({
    try: () => {
      const missing: Array<string> = []
      let existing = path.resolve(dir)
      for (;;) {
        const stat = fs.statSync(existing, { throwIfNoEntry: false })
        if (stat !== undefined) {
          if (!stat.isDirectory()) {
            throw new FolderProblem(
              existing === path.resolve(dir) ? "it is a file, not a folder" : `${existing} is a file, not a folder`
            )
          }
          break
        }
        missing.unshift(existing)
        const parent = path.dirname(existing)
        if (parent === existing) break
        existing = parent
      }
      for (const folder of missing) {
        try {
          fs.mkdirSync(folder)
        } catch (error) {
          const code = typeof error === "object" && error !== null && "code" in error ? error.code : undefined
          if (code === "EEXIST" && fs.statSync(folder).isDirectory()) continue
          // ENOENT with the parent present: a special file system (e.g. /proc) that cannot hold new folders.
          throw code === "ENOENT" ? new FolderProblem(`no folder can be made in ${path.dirname(folder)}`) : error
        }
      }
      fs.accessSync(dir, fs.constants.W_OK)
    },
    catch: (error) =>
      new OutputError({ path: dir, reason: error instanceof FolderProblem ? error.message : reasonOf(error) })
  })

/** One file of {@link OutputWriter}'s `writeAll`: a text, or parts concatenated in order. */
export type OutputFile =
  | { readonly file: string; readonly content: string }
  | { readonly file: string; readonly parts: ReadonlyArray<string> }

/** Chunks copied between two yields to the event loop (1 MiB): copying a large trace stays interruptible. */
const CHUNKS_PER_YIELD = 16

/** Appends the file `part` to `sink` in bounded chunks, yielding now and then; the decoder keeps characters whole. */
const copyInto = (sink: LineSink, part: string): Effect.Effect<void, OutputError> =>
  Effect.acquireUseRelease(
    attempt(part, () => fs.openSync(part, "r")),
    (fd) =>
      Effect.gen(function* () {
        const decoder = new StringDecoder("utf8")
        const buffer = Buffer.allocUnsafe(SINK_CHUNK)
        for (let chunks = 1; ; chunks++) {
          const n = yield* attempt(part, () => fs.readSync(fd, buffer, 0, SINK_CHUNK, null))
          if (n === 0) break
          yield* attempt(part, () => sink.write(decoder.write(buffer.subarray(0, n))))
          if (chunks % CHUNKS_PER_YIELD === 0) yield* Effect.yieldNow
        }
        yield* attempt(part, () => sink.write(decoder.end()))
      }),
    (fd) => Effect.sync(() => fs.closeSync(fd))
  )

/**
 * Writes every file to a temporary file beside it, then renames them all into place at once (synchronously, so
 * an interrupt comes before the first rename or after the last): a run leaves all its files or none. On failure
 * or interrupt every temporary file is removed.
 */
const writeAll = (files: ReadonlyArray<OutputFile>): Effect.Effect<void, OutputError> => {
  const staged: Array<{ readonly file: string; readonly temp: string; close: (() => void) | undefined }> = []
  const stage = (entry: OutputFile) =>
    Effect.gen(function* () {
      const temp = tempPathFor(entry.file)
      const handle = yield* attempt(entry.file, () => openSink(temp))
      const item = { file: entry.file, temp, close: handle.close as (() => void) | undefined }
      staged.push(item)
      if ("content" in entry) yield* attempt(entry.file, () => handle.sink.write(entry.content))
      else for (const part of entry.parts) yield* copyInto(handle.sink, part)
      yield* attempt(entry.file, () => {
        handle.flush()
        item.close = undefined
        handle.close()
      })
      yield* Effect.yieldNow
    })
  return Effect.forEach(files, stage, { discard: true }).pipe(
    Effect.andThen(
      attempt(files.map((f) => f.file).join(", "), () => {
        for (const item of staged) fs.renameSync(item.temp, item.file)
        staged.length = 0
      })
    ),
    Effect.onExit(() =>
      Effect.forEach(
        staged,
        (item) =>
          Effect.sync(() => {
            try {
              item.close?.()
            } catch {
              // Already closed; the temporary file is removed next.
            }
          }).pipe(Effect.andThen(removeQuietly(item.temp))),
        { discard: true }
      )
    )
  )
}

/**
 * The output files of a run.
 *
 * @category services
 */
export class OutputWriter extends Context.Service<
  OutputWriter,
  {
    /** Creates `dir` and its parents. */
    readonly makeDirectory: (dir: string) => Effect.Effect<void, OutputError>
    /** Writes `content` to `file` atomically. */
    readonly writeFile: (file: string, content: string) => Effect.Effect<void, OutputError>
    /** Streams into `file` through a synchronous sink; the file appears only if `use` succeeds. */
    readonly withSink: <A, E, R>(
      file: string,
      use: (sink: LineSink) => Effect.Effect<A, E, R>
    ) => Effect.Effect<A, E | OutputError, R>
    /** Concatenates `parts` in order into `file` atomically, streaming (never the whole content in memory). */
    readonly concatenate: (file: string, parts: ReadonlyArray<string>) => Effect.Effect<void, OutputError>
    /** Writes several files, all or none (interruptible while writing; see {@link OutputFile}). */
    readonly writeAll: (files: ReadonlyArray<OutputFile>) => Effect.Effect<void, OutputError>
    /** Removes files if they exist (temporary parts); never fails. */
    readonly removeAll: (files: ReadonlyArray<string>) => Effect.Effect<void>
  }
>()("ccsim/cli/OutputWriter") {
  /** Writes to the real file system. */
  static readonly layer: Layer.Layer<OutputWriter> = Layer.succeed(OutputWriter)(
    OutputWriter.of({
      makeDirectory,
      writeFile: (file, content) => withAtomicSink(file, (sink) => Effect.sync(() => sink.write(content))),
      withSink: withAtomicSink,
      concatenate: (file, parts) => writeAll([{ file, parts }]),
      writeAll,
      removeAll: (files) => Effect.forEach(files, removeQuietly, { discard: true })
    })
  )
}
