/**
 * `ccsim sweep SCENARIO`: run the scenario at every value of one dimension (`--load`, `--agents` or `--set`),
 * print the curve and the breaking point, and write `sweep.json`, `sweep.csv` and `report.html` to
 * `reports/<name>-sweep/` or `--out`. The experiment is `@ccsim/runner`'s `runSweep`; this parses flags and
 * renders. Exit 0 whether or not the thresholds hold: a sweep explores, `ccsim test` gates.
 */
import * as path from "node:path"
import { breakingPointText, renderSweepReport } from "@ccsim/report"
import {
  Executor,
  parseAgents,
  parseLoad,
  parseSet,
  plannedReplications,
  runSweep,
  type SweepDimension,
  type SweepRequest,
  sweepCsv,
  sweepDocument,
  withOverrides
} from "@ccsim/runner"
import { loadScenarioFile } from "@ccsim/scenario"
import { Console, Effect, Result } from "effect"
import { InputError } from "./Error.ts"
import { OutputWriter } from "./OutputWriter.ts"
import { Progress } from "./Progress.ts"
import { folderName } from "./RunCommand.ts"
import type { Style } from "./Style.ts"
import { renderSweep, sweepHeadline } from "./SweepView.ts"

/** Options of `ccsim sweep`. */
export interface SweepOptions {
  readonly file: string
  readonly load: string | undefined
  readonly agents: string | undefined
  readonly set: string | undefined
  readonly findBreak: boolean
  readonly tolerance: number
  readonly seed: number | undefined
  readonly replications: number | undefined
  readonly workers: number
  readonly out: string | undefined
  readonly json: boolean
  readonly quiet: boolean
  readonly style: Style
}

/** The one dimension the flags name. */
const dimensionOf = (options: SweepOptions) =>
  Effect.gen(function* () {
    const given = [
      options.load === undefined ? undefined : parseLoad(options.load, !options.findBreak),
      options.agents === undefined ? undefined : parseAgents(options.agents),
      options.set === undefined ? undefined : parseSet(options.set)
    ].filter((d) => d !== undefined)
    if (given.length !== 1) {
      return yield* new InputError({
        subject: "ccsim sweep",
        expected: "one dimension: --load FROM:TO:STEP, --agents ENTRY=FROM:TO or --set PATH=V1,V2,…",
        found: given.length === 0 ? "none" : `${given.length}`
      })
    }
    const parsed = given[0]!
    return Result.isFailure(parsed) ? yield* parsed.failure : (parsed.success as SweepDimension)
  })

const checkFlags = (options: SweepOptions) =>
  Effect.gen(function* () {
    const positive = (subject: string, value: number | undefined, expected: string, ok: boolean) =>
      value === undefined || ok ? Effect.void : Effect.fail(new InputError({ subject, expected, found: String(value) }))
    yield* positive("--seed", options.seed, "a whole number of 0 or more", (options.seed ?? 0) >= 0)
    yield* positive("--replications", options.replications, "1 or more", (options.replications ?? 1) >= 1)
    yield* positive("--workers", options.workers, "1 or more threads", options.workers >= 1)
    yield* positive("--tolerance", options.tolerance, "a number above 0", options.tolerance > 0)
  })

/** Runs `ccsim sweep`. */
export const sweepCommand = Effect.fnUntraced(function* (options: SweepOptions) {
  yield* checkFlags(options)
  const dimension = yield* dimensionOf(options)
  const loaded = yield* loadScenarioFile(options.file)
  const scenario = withOverrides(loaded, { seed: options.seed, replications: undefined })
  const request: SweepRequest = {
    scenario,
    subject: options.file,
    dimension,
    replications: options.replications ?? scenario.replications,
    findBreak: options.findBreak ? { tolerance: options.tolerance } : undefined
  }
  if (request.replications < 2 && !options.json) {
    yield* Console.error(
      options.style.yellow("ccsim: one replication per point: no confidence intervals (use -r 10 or more)")
    )
  }
  const progress = yield* Progress
  const writer = yield* OutputWriter
  const outcome = yield* Effect.scoped(
    Effect.gen(function* () {
      const bar = yield* progress.track(`${scenario.name} sweep`, plannedReplications(request))
      return yield* runSweep({ ...request, onDone: () => bar.advance(1) })
    })
  ).pipe(Effect.provide(Executor.layer({ threads: options.workers })))
  const document = sweepDocument(outcome)

  const folder = options.out ?? path.join("reports", `${folderName(scenario.name)}-sweep`)
  yield* writer.makeDirectory(folder)
  const written: Array<string> = []
  const write = (name: string, content: string) =>
    writer
      .writeFile(path.join(folder, name), content)
      .pipe(Effect.tap(() => Effect.sync(() => written.push(path.join(folder, name)))))
  yield* write("sweep.json", `${JSON.stringify(document, null, 2)}\n`)
  yield* write("sweep.csv", sweepCsv(document))
  yield* write("report.html", renderSweepReport(document))

  const truncated = document.points.filter((p) => p.truncated > 0).map((p) => p.value)
  if (truncated.length > 0) {
    yield* Console.error(
      options.style.yellow(
        `ccsim: ${scenario.name}: at ${truncated.join(", ")} some replications could not empty and were stopped a day after closing`
      )
    )
  }
  if (options.json) return yield* Console.log(JSON.stringify(document, null, 2))
  if (options.quiet) return yield* Console.log(breakingPointText(document))
  yield* Console.log(options.style.bold(sweepHeadline(document)))
  yield* Console.log("")
  for (const line of renderSweep(document, options.style)) yield* Console.log(line)
  yield* Console.log("")
  yield* Console.log(options.style.dim(`wrote ${written.join(", ")}`))
})
