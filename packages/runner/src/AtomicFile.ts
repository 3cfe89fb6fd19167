/**
 * Files that appear whole or not at all: written to a temporary file beside the target and renamed into place
 * when complete. The synchronous form is for the trace, which the engine's synchronous hot loop streams event by
 * event (in worker threads too); the sink buffers and writes in large chunks.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"

/** A synchronous, buffered text sink. */
export interface LineSink {
  /** Appends text (call with whole lines, `\n` included). */
  readonly write: (text: string) => void
}

let tempCounter = 0

/** A temporary path in the target's folder (same file system, so the final rename is atomic). */
export const tempPathFor = (target: string): string =>
  path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${++tempCounter}.tmp`)

/** True for the temporary files this module creates, so tests and cleanup can find leftovers. */
export const isTempFile = (name: string): boolean => /^\..+\.\d+-\d+\.tmp$/.test(name)

/** Bytes buffered before a write. */
export const SINK_CHUNK = 1 << 16

/** Opens a buffered synchronous sink on `file`; returns it with `flush` and `close`. */
export const openSink = (file: string) => {
  const fd = fs.openSync(file, "w")
  let buffer = ""
  const flush = () => {
    if (buffer.length > 0) {
      fs.writeSync(fd, buffer)
      buffer = ""
    }
  }
  const sink: LineSink = {
    write: (text) => {
      buffer += text
      if (buffer.length >= SINK_CHUNK) flush()
    }
  }
  return { sink, flush, close: () => fs.closeSync(fd) }
}

/**
 * Writes the file at `file` from a synchronous producer, atomically (plain function, for worker threads).
 * Throws on failure after removing the temporary file.
 */
export const writeAtomicSync = (file: string, produce: (sink: LineSink) => void): void => {
  const temp = tempPathFor(file)
  const handle = openSink(temp)
  try {
    produce(handle.sink)
    handle.flush()
    handle.close()
    fs.renameSync(temp, file)
  } catch (error) {
    try {
      handle.close()
    } catch {
      // Already closed.
    }
    fs.rmSync(temp, { force: true })
    throw error
  }
}

/**
 * Writes several files so that all of them appear or none does: each content is produced and written to a
 * temporary file (interruptible between files; a content may be an interruptible computation), then all are
 * renamed into place in one synchronous step. On failure or interruption the temporary files are removed.
 * Fails with the target path and the error when a file cannot be written.
 */
export const writeAllAtomic = <E, R>(
  files: ReadonlyArray<{ readonly path: string; readonly content: Effect.Effect<string, E, R> }>
): Effect.Effect<void, E | { readonly path: string; readonly error: unknown }, R> => {
  const temps: Array<string> = []
  const removeTemps = Effect.sync(() => {
    for (const temp of temps) fs.rmSync(temp, { force: true })
  })
  return Effect.gen(function* () {
    const written: Array<readonly [string, string]> = []
    for (const file of files) {
      const content = yield* file.content
      const temp = tempPathFor(file.path)
      temps.push(temp)
      yield* Effect.try({
        try: () => fs.writeFileSync(temp, content),
        catch: (error) => ({ path: file.path, error })
      })
      written.push([temp, file.path])
    }
    yield* Effect.try({
      try: () => {
        for (const [temp, target] of written) fs.renameSync(temp, target)
      },
      catch: (error) => ({ path: files[0]?.path ?? "", error })
    })
  }).pipe(Effect.onExit((exit) => (Exit.isSuccess(exit) ? Effect.void : removeTemps)))
}

/**
 * {@link writeAtomicSync} for a producer in slices (a generator): the file appears when the producer returns;
 * if it throws, or is abandoned between slices (`return()` on the generator, e.g. on an interrupt), the
 * temporary file is removed.
 */
export function* writeAtomicSteps<A>(
  file: string,
  produce: (sink: LineSink) => Generator<void, A, void>
): Generator<void, A, void> {
  const temp = tempPathFor(file)
  const handle = openSink(temp)
  let complete = false
  try {
    const value = yield* produce(handle.sink)
    handle.flush()
    handle.close()
    fs.renameSync(temp, file)
    complete = true
    return value
  } finally {
    if (!complete) {
      try {
        handle.close()
      } catch {
        // Already closed.
      }
      fs.rmSync(temp, { force: true })
    }
  }
}
