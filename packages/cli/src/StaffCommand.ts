/**
 * `ccsim staff SCENARIO`: the agents each queue needs per interval (Erlang start, refined by simulation), and with
 * `--shifts` the cheapest roster that covers them, verified by simulation. Writes `staffing.csv`, `staffing.json`
 * and `report.html` to `reports/<name>-staff/` or `--out`. The search itself is `staffDay` in @ccsim/runner.
 */
import * as path from "node:path"
import { renderStaffPage } from "@ccsim/report"
import {
  Executor,
  parseTarget,
  type StaffShifts,
  type StaffTarget,
  staffDay,
  staffingCsv,
  staffingDocument,
  staffPageData
} from "@ccsim/runner"
import { loadScenarioFile, loadShiftTemplatesFile } from "@ccsim/scenario"
import { Console, Effect, Result } from "effect"
import { InputError, InvalidFiles } from "./Error.ts"
import { OutputWriter } from "./OutputWriter.ts"
import { Progress } from "./Progress.ts"
import { folderName } from "./RunCommand.ts"
import { renderStaff } from "./StaffView.ts"
import type { Style } from "./Style.ts"
import { scenarioErrorLines } from "./ValidateCommand.ts"

/** Options of `ccsim staff`. */
export interface StaffOptions {
  readonly file: string
  readonly targets: ReadonlyArray<string>
  readonly queues: ReadonlyArray<string>
  readonly confidence: number
  readonly replications: number
  readonly seed: number | undefined
  readonly workers: number
  readonly shrinkage: number | undefined
  readonly maxOccupancy: number | undefined
  readonly shifts: string | undefined
  readonly groups: ReadonlyArray<string>
  readonly maxIterations: number
  readonly out: string | undefined
  readonly json: boolean
  readonly quiet: boolean
  readonly style: Style
}

const checkFlags = (options: StaffOptions) =>
  Effect.gen(function* () {
    const bad = (subject: string, expected: string, found: unknown) =>
      Effect.fail(new InputError({ subject, expected, found: String(found) }))
    if (!(options.confidence > 0.5 && options.confidence < 1))
      return yield* bad("--confidence", "a level above 0.5 and below 1, e.g. 0.95", options.confidence)
    if (!(Number.isInteger(options.replications) && options.replications >= 2 && options.replications <= 10_000))
      return yield* bad("--replications", "a whole number from 2 to 10000", options.replications)
    if (options.seed !== undefined && !(options.seed >= 0)) return yield* bad("--seed", "0 or more", options.seed)
    if (!(options.workers >= 1)) return yield* bad("--workers", "1 or more threads", options.workers)
    if (options.shrinkage !== undefined && !(options.shrinkage >= 0 && options.shrinkage < 1))
      return yield* bad("--shrinkage", "a share in [0, 1), e.g. 0.3", options.shrinkage)
    if (options.maxOccupancy !== undefined && !(options.maxOccupancy > 0 && options.maxOccupancy <= 1))
      return yield* bad("--max-occupancy", "a share in (0, 1], e.g. 0.85", options.maxOccupancy)
    if (!(Number.isInteger(options.maxIterations) && options.maxIterations >= 1))
      return yield* bad("--max-iterations", "1 or more", options.maxIterations)
    const targets: Array<StaffTarget> = []
    for (const text of options.targets) {
      const parsed = parseTarget(text)
      if (Result.isFailure(parsed)) return yield* parsed.failure
      targets.push(parsed.success)
    }
    const groups: Record<string, string> = {}
    for (const text of options.groups) {
      const match = /^([^=\s]+)=([^=\s]+)$/.exec(text.trim())
      if (match === null) return yield* bad("--group", "GROUP=QUEUE, e.g. csr=service", JSON.stringify(text))
      groups[match[1]!] = match[2]!
    }
    return { targets, groups }
  })

const loadScenario = (file: string) =>
  loadScenarioFile(file).pipe(
    Effect.catchTag("ScenarioError", (error) =>
      Console.error(scenarioErrorLines(error).join("\n")).pipe(
        Effect.andThen(Effect.fail(new InvalidFiles({ invalid: 1, total: 1 })))
      )
    )
  )

/** Runs `ccsim staff`. */
export const staffCommand = (options: StaffOptions) =>
  Effect.gen(function* () {
    const { targets, groups } = yield* checkFlags(options)
    const loaded = yield* loadScenario(options.file)
    const scenario = options.seed === undefined ? loaded : { ...loaded, seed: options.seed }
    let shifts: StaffShifts | undefined
    if (options.shifts !== undefined) {
      const file = options.shifts
      // A file that fails to decode is a ScenarioError: one line per problem, exit 2.
      const templates = yield* loadShiftTemplatesFile(file)
      shifts = { file, templates, groups }
    } else if (options.groups.length > 0) {
      return yield* new InputError({ subject: "--group", expected: "--shifts FILE with it", found: "no --shifts" })
    }
    const progress = yield* Progress
    const result = yield* staffDay({
      scenario,
      subject: options.file,
      targets,
      queues: options.queues,
      confidence: options.confidence,
      replications: options.replications,
      shrinkage: options.shrinkage ?? 0,
      maxOccupancy: options.maxOccupancy,
      maxIterations: options.maxIterations,
      shifts,
      track: (label, total, body) =>
        Effect.scoped(Effect.flatMap(progress.track(label, total), (bar) => body(bar.advance(1))))
    })
    const folder = options.out ?? path.join("reports", `${folderName(scenario.name)}-staff`)
    const writer = yield* OutputWriter
    yield* writer.makeDirectory(folder)
    const document = staffingDocument(result)
    const json = `${JSON.stringify(document, null, 2)}\n`
    yield* writer.writeFile(path.join(folder, "staffing.csv"), staffingCsv(result, scenario.time.date))
    yield* writer.writeFile(path.join(folder, "staffing.json"), json)
    yield* writer.writeFile(path.join(folder, "report.html"), renderStaffPage(staffPageData(result)))
    const written = ["staffing.csv", "staffing.json", "report.html"].map((f) => path.join(folder, f))
    if (options.json) return yield* Console.log(json.trimEnd())
    if (options.quiet) return
    for (const line of renderStaff(result, options.style)) yield* Console.log(line)
    yield* Console.log("")
    yield* Console.log(options.style.dim(`wrote ${written.join(", ")}`))
  }).pipe(Effect.provide(Executor.layer({ threads: options.workers })))
