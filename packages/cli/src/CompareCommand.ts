/**
 * `ccsim compare BASE [CANDIDATE]`: run both with the same seed and replication indices (common random numbers)
 * in one batch, print the paired differences, and write compare.json, compare.csv and report.html to
 * `reports/<base name>-compare/` or `--out`. The candidate is CANDIDATE, or BASE, with the `--set` overrides.
 * Exit 1 when a `--max-worse` margin may be exceeded; 2 for bad input (scenarios that cannot be compared, margins
 * on unknown metrics).
 */
import * as path from "node:path"
import type { Margin } from "@ccsim/runner"
import {
  applyOverrides,
  CompareInputError,
  checkMargins,
  compareCsv,
  compareDocument,
  compareJson,
  compareRows,
  Executor,
  parseMargin,
  parseOverrides,
  runComparison
} from "@ccsim/runner"
import { loadScenarioFile } from "@ccsim/scenario"
import { Console, Effect } from "effect"
import { renderCompare } from "./CompareView.ts"
import { ExpectationsFailed, InputError } from "./Error.ts"
import type { JunitCase } from "./Junit.ts"
import { junitXml } from "./Junit.ts"
import { OutputWriter } from "./OutputWriter.ts"
import { Progress } from "./Progress.ts"
import { folderName } from "./RunCommand.ts"
import type { Style } from "./Style.ts"

/** Options of `ccsim compare`. */
export interface CompareOptions {
  readonly base: string
  readonly candidate: string | undefined
  readonly set: ReadonlyArray<string>
  readonly maxWorse: ReadonlyArray<string>
  readonly seed: number | undefined
  readonly replications: number | undefined
  readonly workers: number
  readonly out: string | undefined
  readonly junit: string | undefined
  readonly json: boolean
  readonly quiet: boolean
  readonly style: Style
}

/** Runs `ccsim compare`. */
export const compareCommand = (options: CompareOptions) =>
  compare(options).pipe(Effect.provide(Executor.layer({ threads: options.workers })))

const compare = Effect.fnUntraced(function* (options: CompareOptions) {
  if (!(options.workers >= 1)) {
    return yield* new InputError({
      subject: "--workers",
      expected: "1 or more threads",
      found: String(options.workers)
    })
  }
  if (options.candidate === undefined && options.set.length === 0) {
    return yield* new InputError({
      subject: "ccsim compare",
      expected: "a CANDIDATE scenario or --set overrides to make one from BASE",
      found: "neither"
    })
  }
  const margins: Array<Margin> = []
  for (const text of options.maxWorse) {
    const margin = parseMargin(text)
    if (margin instanceof CompareInputError) return yield* margin
    margins.push(margin)
  }
  const overrides = yield* Effect.fromResult(parseOverrides(options.set))
  const base = yield* loadScenarioFile(options.base)
  const loaded = options.candidate === undefined ? base : yield* loadScenarioFile(options.candidate)
  const candidate = yield* Effect.fromResult(applyOverrides(loaded, overrides))
  const seed = options.seed ?? base.seed
  const replications = options.replications ?? base.replications
  if (!(seed >= 0))
    return yield* new InputError({ subject: "--seed", expected: "a whole number of 0 or more", found: String(seed) })
  if (!(replications >= 2)) {
    return yield* new InputError({
      subject: options.replications === undefined ? options.base : "--replications",
      expected: "at least 2 replications for paired confidence intervals (set --replications)",
      found: String(replications)
    })
  }

  const progress = yield* Progress
  const run = yield* Effect.scoped(
    Effect.gen(function* () {
      const bar = yield* progress.track("ccsim compare", 2 * replications)
      return yield* runComparison({
        base,
        candidate,
        baseSubject: options.base,
        candidateSubject: options.candidate ?? `--set ${options.set.join(" --set ")}`,
        replications,
        seed,
        onDone: () => bar.advance(1)
      })
    })
  )
  const rows = compareRows(run)
  const checked = checkMargins(rows, margins)
  if (checked instanceof CompareInputError) return yield* checked
  const document = compareDocument({
    run,
    baseFile: options.base,
    candidateFile: options.candidate ?? options.base,
    overrides: options.set,
    seed,
    rows,
    margins: checked
  })

  const writer = yield* OutputWriter
  const folder = options.out ?? path.join("reports", `${folderName(base.name)}-compare`)
  yield* writer.makeDirectory(folder)
  const written: Array<string> = []
  const write = (name: string, content: string) =>
    writer
      .writeFile(path.join(folder, name), content)
      .pipe(Effect.tap(() => Effect.sync(() => written.push(path.join(folder, name)))))
  yield* write("compare.json", compareJson(document))
  yield* write("compare.csv", compareCsv(document))
  const { renderComparePage } = yield* Effect.promise(() => import("@ccsim/report"))
  yield* write("report.html", renderComparePage(document))

  if (options.junit !== undefined) {
    yield* writer.makeDirectory(path.dirname(options.junit))
    const cases = checked.map((m): JunitCase => {
      const observed = `worse by ${m.worsening ?? "—"}, 95% upper bound ${m.upperBound ?? "—"}, margin ${m.margin}`
      return m.ok
        ? {
            name: `${m.scope} ${m.metric} worse by at most ${m.margin}`,
            classname: "compare",
            time: 0,
            output: observed
          }
        : {
            name: `${m.scope} ${m.metric} worse by at most ${m.margin}`,
            classname: "compare",
            time: 0,
            failure: { message: observed, type: "margin", body: `${m.text}: ${m.message}\n${observed}` }
          }
    })
    const suite = {
      name: `${options.base} vs ${options.candidate ?? options.base}`,
      time: 0,
      properties: [
        ["base", options.base],
        ["candidate", options.candidate ?? options.base],
        ...options.set.map((s): [string, string] => ["set", s]),
        ["seed", String(seed)],
        ["replications", String(replications)]
      ] as Array<readonly [string, string]>,
      cases
    }
    yield* writer.writeFile(options.junit, junitXml([suite], "ccsim compare"))
    written.push(options.junit)
  }

  if (options.json) yield* Console.log(compareJson(document).trimEnd())
  else if (!options.quiet) {
    for (const line of renderCompare(document, options.style)) yield* Console.log(line)
    yield* Console.log("")
    yield* Console.log(options.style.dim(`wrote ${written.join(", ")}`))
  } else {
    for (const m of checked.filter((x) => !x.ok)) yield* Console.log(`${options.style.red("✗")} ${m.text}`)
  }
  const failed = checked.filter((m) => !m.ok).length
  if (failed > 0) return yield* new ExpectationsFailed({ failed, total: checked.length })
})
