/**
 * `ccsim run`: run scenarios, print their KPI summary and thresholds, and write `results.json`, `intervals.csv`,
 * `report.html` (and with `--trace`, `trace.ndjson`) to `reports/<scenario name>/` or `--out`.
 * Every scenario is loaded and checked before any runs; exit 1 when a strict threshold fails.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { formatViolation } from "@ccsim/engine"
import type { Analysis, RunOutcome } from "@ccsim/runner"
import {
  analyze,
  applyOverrides,
  intervalsCsvOf,
  parseOverrides,
  Runner,
  replicationPlan,
  runDocument,
  thresholdExpectation,
  tracePartFile,
  withOverrides
} from "@ccsim/runner"
import type { Scenario } from "@ccsim/scenario"
import { loadScenarioFile, MAX_REPLICATIONS } from "@ccsim/scenario"
import { Console, Effect } from "effect"
import { ExpectationsFailed, InputError, InvalidFiles } from "./Error.ts"
import { renderExpectations } from "./Expectations.ts"
import { type OutputFile, OutputWriter } from "./OutputWriter.ts"
import { Progress } from "./Progress.ts"
import { renderReportFile } from "./ReportFile.ts"
import { runPartials, shardOf } from "./RunPartial.ts"
import type { Style } from "./Style.ts"
import { renderSummary, runHeadline } from "./SummaryView.ts"
import { scenarioErrorLines } from "./ValidateCommand.ts"

/** Options of `ccsim run`. */
export interface RunOptions {
  readonly files: ReadonlyArray<string>
  readonly seed: number | undefined
  readonly replications: number | undefined
  /** `--set PATH=VALUE` overrides, applied to every scenario. */
  readonly set: ReadonlyArray<string>
  readonly workers: number
  readonly out: string | undefined
  readonly json: boolean
  readonly quiet: boolean
  readonly check: boolean
  readonly trace: boolean
  /** Also put every replication's raw result in results.json. */
  readonly raw: boolean
  /** `--shard k/n`, `--partial`, `--from-replication f`: run a share and write a part for `ccsim merge`. */
  readonly shard?: string | undefined
  readonly partial?: boolean | undefined
  readonly fromReplication?: number | undefined
  readonly style: Style
}

/** Things the user should know about a run that still succeeded (printed on stderr). */
export const runNotes = (outcome: RunOutcome, scenario: Scenario): Array<string> => {
  const notes: Array<string> = []
  const truncated = outcome.outputs.filter((o) => o.truncated).map((o) => o.replication)
  if (truncated.length > 0) {
    notes.push(
      `replication${truncated.length === 1 ? "" : "s"} ${truncated.join(", ")} could not empty and ${truncated.length === 1 ? "was" : "were"} stopped a day after closing (calls waiting with no agent, patience or maximum wait)`
    )
  }
  if (outcome.precisionReached === false) {
    notes.push(
      `the precision target (relative half-width ≤ ${scenario.run.targetRelativeHalfWidth}) was not reached within ${scenario.run.maxReplications} replications`
    )
  }
  return notes
}

/** A folder name from a scenario name: lower case, letters, digits, `.`, `_` and `-`. */
export const folderName = (name: string): string => {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[-.]+|-+$/g, "")
  return slug === "" ? "scenario" : slug
}

/** Output folders: `--out` itself for one scenario, `--out/<name>` for several, else `reports/<name>`; made unique. */
export const outputFolders = (names: ReadonlyArray<string>, out: string | undefined): Array<string> => {
  const used = new Map<string, number>()
  return names.map((name) => {
    const base = folderName(name)
    const n = (used.get(base) ?? 0) + 1
    used.set(base, n)
    const unique = n === 1 ? base : `${base}-${n}`
    if (out !== undefined) return names.length === 1 ? out : path.join(out, unique)
    return path.join("reports", unique)
  })
}

const checkFlags = (options: RunOptions) =>
  Effect.gen(function* () {
    if (options.seed !== undefined && !(options.seed >= 0)) {
      return yield* new InputError({
        subject: "--seed",
        expected: "a whole number of 0 or more",
        found: String(options.seed)
      })
    }
    if (
      options.replications !== undefined &&
      !(options.replications >= 1 && options.replications <= MAX_REPLICATIONS)
    ) {
      return yield* new InputError({
        subject: "--replications",
        expected: `1 to ${MAX_REPLICATIONS.toLocaleString("en-US")} (the scenario limit: intervals stop narrowing long before)`,
        found: String(options.replications)
      })
    }
    if (!(options.workers >= 1)) {
      return yield* new InputError({
        subject: "--workers",
        expected: "1 or more threads",
        found: String(options.workers)
      })
    }
  })

/** Loads every scenario first: each problem is printed, and nothing runs unless all are valid. */
const loadAll = (files: ReadonlyArray<string>, style: Style) =>
  Effect.gen(function* () {
    const scenarios: Array<Scenario> = []
    const failures: Array<Array<string>> = []
    for (const file of files) {
      const result = yield* Effect.result(loadScenarioFile(file))
      if (result._tag === "Success") scenarios.push(result.success)
      else failures.push(scenarioErrorLines(result.failure))
    }
    if (failures.length === 1 && files.length === 1) return yield* Effect.fail(failures[0]!)
    if (failures.length > 0) {
      for (const lines of failures) {
        const [first, ...rest] = lines
        yield* Console.error(`${style.red("✗")} ${first}`)
        for (const line of rest) yield* Console.error(`  ${line}`)
      }
      return yield* new InvalidFiles({ invalid: failures.length, total: files.length })
    }
    return scenarios
  }).pipe(
    Effect.catchIf(
      (e): e is Array<string> => Array.isArray(e),
      (lines) => Console.error(lines.join("\n")).pipe(Effect.andThen(new InvalidFiles({ invalid: 1, total: 1 })))
    )
  )

/** Prints one scenario's report to the console. */
export const printRun = (
  scenario: Scenario,
  analysis: Analysis,
  written: ReadonlyArray<string>,
  options: Pick<RunOptions, "quiet" | "style">
) =>
  Effect.gen(function* () {
    const { style } = options
    const expectations = analysis.thresholds.map(thresholdExpectation)
    if (options.quiet) {
      const failing = expectations.filter((e) => !e.ok)
      if (failing.length > 0) {
        yield* Console.log(`${style.bold(scenario.name)}`)
        for (const line of renderExpectations(failing, style, { indent: "  ", onlyFailures: true }))
          yield* Console.log(line)
      }
      if (analysis.violationCount > 0)
        yield* Console.log(`${style.red("✗")} ${analysis.violationCount} rule violations`)
      return
    }
    yield* Console.log(style.bold(runHeadline(scenario, analysis.summary.replications)))
    yield* Console.log("")
    for (const line of renderSummary(analysis.summary, style)) yield* Console.log(line)
    if (expectations.length > 0) {
      yield* Console.log("")
      yield* Console.log(style.bold("THRESHOLDS"))
      for (const line of renderExpectations(expectations, style, { indent: "  ", onlyFailures: false })) {
        yield* Console.log(line)
      }
    }
    if (analysis.checked) {
      yield* Console.log("")
      yield* Console.log(style.bold("RULES"))
      const n = analysis.violationCount
      yield* Console.log(
        n === 0
          ? `  ${style.green("✓")} no violations of R3–R15 in ${analysis.summary.replications} replications`
          : `  ${style.red("✗")} ${n} violation${n === 1 ? "" : "s"} of the routing rules`
      )
      for (const v of analysis.violations) {
        yield* Console.log(`    ${style.dim(`replication ${v.replication}:`)} ${formatViolation(v.violation)}`)
      }
    }
    yield* Console.log("")
    yield* Console.log(style.dim(`wrote ${written.join(", ")}`))
  })

/**
 * Test hook: with `CCSIM_TEST_PHASE_MARKER` set, `ccsim run` says on stderr when it enters a phase
 * (`ccsim: phase simulate|draw|write`), so the end-to-end tests can interrupt it in each phase.
 */
const phase = (name: "simulate" | "draw" | "write") =>
  process.env.CCSIM_TEST_PHASE_MARKER ? Console.error(`ccsim: phase ${name}`) : Effect.void

/**
 * Removes the trace parts of this run and their temporary files: whatever a replication wrote before it
 * finished, was interrupted, or its worker thread was stopped.
 */
const removeTraceParts = (writer: OutputWriter["Service"], tracePrefix: string) =>
  Effect.suspend(() => {
    const folder = path.dirname(tracePrefix)
    const prefix = path.basename(tracePrefix)
    let names: Array<string> = []
    try {
      names = fs.readdirSync(folder)
    } catch {
      // The folder is gone or unreadable: nothing of ours to remove.
    }
    const ours = names.filter((name) => name.startsWith(prefix) || name.startsWith(`.${prefix}`))
    return writer.removeAll(ours.map((name) => path.join(folder, name)))
  })

/** Runs `ccsim run`. */
export const runCommand = (options: RunOptions) =>
  runScenarios(options).pipe(Effect.provide(Runner.layer({ threads: options.workers })))

const runScenarios = Effect.fnUntraced(function* (options: RunOptions) {
  yield* checkFlags(options)
  const shard = yield* shardOf({
    shard: options.shard,
    partial: options.partial === true,
    fromReplication: options.fromReplication,
    trace: options.trace,
    json: options.json
  })
  const overrides = yield* Effect.fromResult(parseOverrides(options.set))
  const scenarios: Array<Scenario> = []
  for (const loaded of yield* loadAll(options.files, options.style)) {
    const overridden = yield* Effect.fromResult(applyOverrides(loaded, overrides))
    scenarios.push(withOverrides(overridden, { seed: options.seed, replications: options.replications }))
  }
  const folders = outputFolders(
    scenarios.map((s) => s.name),
    options.out
  )
  if (shard !== undefined) {
    const { files, check, quiet } = options
    return yield* runPartials({ scenarios, files, folders, shard, check, quiet })
  }
  const runner = yield* Runner
  const progress = yield* Progress
  const writer = yield* OutputWriter
  const documents: Array<unknown> = []
  let failedThresholds = 0
  let totalThresholds = 0

  // Every output folder is made (and found writable) before any simulation starts.
  for (const folder of folders) yield* writer.makeDirectory(folder)

  for (const [i, scenario] of scenarios.entries()) {
    const file = options.files[i]!
    const folder = folders[i]!
    const traceFile = path.join(folder, "trace.ndjson")
    const tracePrefix = options.trace ? path.join(folder, `.trace.${process.pid}.r`) : undefined

    const written = yield* Effect.gen(function* () {
      yield* phase("simulate")
      const outcome = yield* Effect.scoped(
        Effect.gen(function* () {
          const bar = yield* progress.track(scenario.name, replicationPlan(scenario).maximum)
          return yield* runner.run({
            scenario,
            subject: file,
            check: options.check,
            tracePrefix,
            sample: true,
            onDone: () => bar.advance(1)
          })
        })
      )
      yield* phase("draw")
      const analysis = analyze(scenario, outcome, options.check)
      const document = runDocument({ analysis, sample: outcome.sample, raw: options.raw })
      documents.push(document)
      const outputs: Array<OutputFile> = [
        { file: path.join(folder, "results.json"), content: `${JSON.stringify(document, null, 2)}\n` },
        { file: path.join(folder, "intervals.csv"), content: intervalsCsvOf(analysis) }
      ]
      const report = yield* Effect.result(renderReportFile(document))
      if (report._tag === "Success") outputs.push({ file: path.join(folder, "report.html"), content: report.success })
      else yield* Console.error(options.style.yellow(`ccsim: report.html not written: ${report.failure.message}`))
      if (tracePrefix !== undefined) {
        outputs.push({ file: traceFile, parts: outcome.outputs.map((o) => tracePartFile(tracePrefix, o.replication)) })
      }
      yield* phase("write")
      // All the files or none: an interrupt while writing leaves no results.json without its report.
      yield* writer.writeAll(outputs)
      const files = outputs.map((o) => path.basename(o.file))
      for (const row of analysis.thresholds) {
        totalThresholds++
        if (!row.ok && row.strict) failedThresholds++
      }
      // With --check, "no rule violations" is an expectation too.
      if (options.check) {
        totalThresholds++
        if (analysis.violationCount > 0) failedThresholds++
      }
      const notes = runNotes(outcome, scenario)
      for (const note of notes) yield* Console.error(options.style.yellow(`ccsim: ${scenario.name}: ${note}`))
      if (!options.json)
        yield* printRun(
          scenario,
          analysis,
          files.map((f) => path.join(folder, f)),
          options
        )
      return files
    }).pipe(Effect.ensuring(tracePrefix === undefined ? Effect.void : removeTraceParts(writer, tracePrefix)))
    if (!options.json && !options.quiet && i < scenarios.length - 1 && written.length >= 0) yield* Console.log("")
  }

  if (options.json) {
    yield* Console.log(JSON.stringify(documents.length === 1 ? documents[0] : documents, null, 2))
  }
  if (failedThresholds > 0) return yield* new ExpectationsFailed({ failed: failedThresholds, total: totalThresholds })
  // --quiet still ends with the verdict (a failure's verdict is the error line on stderr).
  if (options.quiet && !options.json) yield* Console.log(passVerdict(scenarios.length, totalThresholds, options.style))
})

/** `✓ 1 scenario, 3 expectations passed` — the last line of a passing `run --quiet`. */
export const passVerdict = (scenarios: number, expectations: number, style: Style): string => {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`
  const checked = expectations === 0 ? "no expectations" : `${plural(expectations, "expectation")} passed`
  return `${style.green("✓")} ${plural(scenarios, "scenario")}, ${checked}`
}
