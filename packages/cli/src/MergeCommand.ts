/**
 * `ccsim merge PART… --out DIR`: reassemble the partial results of `ccsim run --shard k/n --partial` into the
 * `results.json`, `intervals.csv` and `report.html` one machine would have written (the report's run date is the
 * time the newest part was written). Parts that do not belong together are refused (exit 2) by the runner's
 * merge; the three files are written all or none, so Ctrl-C leaves no output file.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { addReplicationsCommand, intervalsCsvOf, mergedResults, mergeParts, writeAllAtomic } from "@ccsim/runner"
import { Console, Effect } from "effect"
import { ExpectationsFailed, InputError, OutputError } from "./Error.ts"
import { renderReportFile } from "./ReportFile.ts"
import { outputFolders, printRun, runNotes } from "./RunCommand.ts"
import type { Style } from "./Style.ts"

/** Options of `ccsim merge`. */
export interface MergeOptions {
  readonly parts: ReadonlyArray<string>
  readonly out: string | undefined
  readonly allowMissing: boolean
  readonly raw: boolean
  readonly quiet: boolean
  readonly style: Style
}

/** Reads and parses one part; a missing, unreadable or non-JSON file is bad input naming it (exit 2). */
const readPart = (file: string) =>
  Effect.try({
    try: () => {
      const stat = fs.statSync(file, { throwIfNoEntry: false })
      if (stat === undefined) {
        throw new InputError({ subject: file, expected: "a partial results file", found: "nothing at that path" })
      }
      if (!stat.isFile()) throw new InputError({ subject: file, expected: "a partial results file", found: "a folder" })
      const text = fs.readFileSync(file, "utf8")
      try {
        return { file, json: JSON.parse(text) as unknown, written: stat.mtime }
      } catch (error) {
        throw new InputError({
          subject: file,
          expected: "JSON",
          found: error instanceof Error ? error.message : String(error)
        })
      }
    },
    catch: (error) =>
      error instanceof InputError
        ? error
        : new InputError({
            subject: file,
            expected: "a readable file",
            found: error instanceof Error ? error.message : String(error)
          })
  })

/** Runs `ccsim merge`. */
export const mergeCommand = Effect.fnUntraced(function* (options: MergeOptions) {
  const inputs = yield* Effect.forEach(options.parts, readPart)
  const merged = yield* mergeParts(inputs, { allowMissing: options.allowMissing })
  const { scenario, outcome } = merged
  const folder = outputFolders([scenario.name], options.out)[0]!
  const { analysis, document, missingNote } = mergedResults(merged, { raw: options.raw })
  const newest = new Date(Math.max(...inputs.map((input) => input.written.getTime())))
  const report = yield* Effect.result(renderReportFile(document, newest))

  const files = [
    { name: "results.json", content: `${JSON.stringify(document, null, 2)}\n` },
    { name: "intervals.csv", content: intervalsCsvOf(analysis) },
    ...(report._tag === "Success" ? [{ name: "report.html", content: report.success }] : [])
  ]
  yield* Effect.try({
    try: () => fs.mkdirSync(folder, { recursive: true }),
    catch: (error) => new OutputError({ path: folder, reason: error instanceof Error ? error.message : String(error) })
  })
  yield* writeAllAtomic(
    files.map((f) => ({ path: path.join(folder, f.name), content: Effect.succeed(f.content) }))
  ).pipe(
    Effect.mapError(
      (failure) =>
        new OutputError({
          path: failure.path,
          reason: failure.error instanceof Error ? failure.error.message : String(failure.error)
        })
    )
  )
  if (report._tag === "Failure") {
    yield* Console.error(options.style.yellow(`ccsim: report.html not written: ${report.failure.message}`))
  }
  for (const note of runNotes(outcome, scenario)) {
    yield* Console.error(options.style.yellow(`ccsim: ${scenario.name}: ${note}`))
  }
  if (missingNote !== undefined) {
    yield* Console.error(options.style.yellow(`ccsim: ${scenario.name}: ${missingNote}`))
  }
  const written = files.map((f) => path.join(folder, f.name))
  if (!options.quiet) yield* printRun(scenario, analysis, written, { quiet: false, style: options.style })
  if (merged.more !== undefined) {
    const { more } = merged
    const now = more.relativeHalfWidth === null ? "undefined" : more.relativeHalfWidth.toPrecision(2)
    yield* Console.log("")
    yield* Console.log(
      `Precision target (relative half-width ≤ ${more.target}) not reached with ${more.held} replications (now ${now}): about ${more.total - more.held} more are needed (${more.total} in all).`
    )
    yield* Console.log(`Add them with, for K = 1…${merged.shard.count}:`)
    yield* Console.log(`  ${addReplicationsCommand(merged, more, path.dirname(options.parts[0]!))}`)
    yield* Console.log(`then merge every part again (${options.parts.length} now, ${merged.shard.count} more).`)
  }
  let failed = analysis.thresholds.filter((row) => !row.ok && row.strict).length
  let total = analysis.thresholds.length
  if (merged.check) {
    total++
    if (analysis.violationCount > 0) failed++
  }
  if (failed > 0) return yield* new ExpectationsFailed({ failed, total })
})
