/**
 * Atomic output files. Every file is written to a temporary file beside its target and renamed into place only
 * when complete, so an interrupted or failed run leaves either the previous file or none — never half a file —
 * and no temporary file behind.
 *
 * Streamed files (the trace) get a synchronous line sink, because the engine's hot loop is plain synchronous code
 * that cannot wait on an Effect per event; the sink buffers and writes in large chunks.
 */
import * as fs from "node:fs"
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
    /** Removes files if they exist (temporary parts); never fails. */
    readonly removeAll: (files: ReadonlyArray<string>) => Effect.Effect<void>
  }
>()("ccsim/cli/OutputWriter") {
  /** Writes to the real file system. */
  static readonly layer: Layer.Layer<OutputWriter> = Layer.succeed(OutputWriter)(
    OutputWriter.of({
      makeDirectory: (dir) => attempt(dir, () => void fs.mkdirSync(dir, { recursive: true })),
      writeFile: (file, content) => withAtomicSink(file, (sink) => Effect.sync(() => sink.write(content))),
      withSink: withAtomicSink,
      concatenate: (file, parts) =>
        withAtomicSink(file, (sink) =>
          Effect.forEach(
            parts,
            (part) =>
              attempt(part, () => {
                // Copy in bounded chunks: a trace part can be large.
                // The decoder keeps a character split across two chunks whole.
                const fd = fs.openSync(part, "r")
                const decoder = new StringDecoder("utf8")
                try {
                  const buffer = Buffer.allocUnsafe(SINK_CHUNK)
                  for (;;) {
                    const n = fs.readSync(fd, buffer, 0, SINK_CHUNK, null)
                    if (n === 0) break
                    sink.write(decoder.write(buffer.subarray(0, n)))
                  }
                  sink.write(decoder.end())
                } finally {
                  fs.closeSync(fd)
                }
              }),
            { discard: true }
          )
        ),
      removeAll: (files) => Effect.forEach(files, removeQuietly, { discard: true })
    })
  )
}
