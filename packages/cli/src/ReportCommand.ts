/**
 * `ccsim report <results.json>`: redraw `report.html` from saved results.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { decodeReportSource } from "@ccsim/report"
import { Console, Effect } from "effect"
import { InputError, InternalError } from "./Error.ts"
import { OutputWriter } from "./OutputWriter.ts"
import { renderReportFile } from "./ReportFile.ts"

/** Reads and parses the results file; every problem names the file (exit 2). */
const readResults = (file: string) =>
  Effect.try({
    try: () => {
      const stat = fs.statSync(file, { throwIfNoEntry: false })
      if (stat === undefined)
        throw new InputError({
          subject: file,
          expected: "a results.json written by ccsim run",
          found: "nothing at that path"
        })
      if (!stat.isFile()) throw new InputError({ subject: file, expected: "a results.json file", found: "a folder" })
      const text = fs.readFileSync(file, "utf8")
      let document: unknown
      try {
        document = JSON.parse(text)
      } catch (error) {
        throw new InputError({
          subject: file,
          expected: "JSON",
          found: error instanceof Error ? error.message : String(error)
        })
      }
      const decoded = decodeReportSource(document)
      if (decoded._tag === "problem") {
        // Another version, or a hand-edited file: name the field, never draw half a report.
        const { path: place, expected, found } = decoded.problem
        throw new InputError({
          subject: file,
          ...(place === "" ? {} : { place }),
          expected,
          ...(found === undefined ? {} : { found })
        })
      }
      return { document: decoded.source, written: stat.mtime }
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

/** Runs `ccsim report`. */
export const reportCommand = Effect.fnUntraced(function* (options: {
  readonly results: string
  readonly out: string | undefined
}) {
  const { document, written } = yield* readResults(options.results)
  const html = yield* renderReportFile(document, written).pipe(
    Effect.mapError((problem) =>
      problem.invalidData
        ? new InputError({ subject: options.results, expected: "results the report can draw", found: problem.message })
        : new InternalError({ message: `cannot render the report from ${options.results}: ${problem.message}` })
    )
  )
  const out = options.out ?? path.join(path.dirname(options.results), "report.html")
  const writer = yield* OutputWriter
  yield* writer.makeDirectory(path.dirname(out))
  yield* writer.writeFile(out, html)
  yield* Console.log(`wrote ${out}`)
})
