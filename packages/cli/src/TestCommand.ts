/**
 * `ccsim test`: run each scenario's expectations — thresholds, the expected trace, no rule violations — and report
 * like k6: a THRESHOLDS block first (✓/✗, scope, metric, condition, observed value with its CI), then totals.
 * Exit 1 when a strict expectation fails, 2 when a file is invalid, 3 on an internal error.
 */
import * as path from "node:path"
import type { Expectation, Override, RunnerError, ScenarioVerdict } from "@ccsim/runner"
import { applyOverrides, checkExpectations, parseOverrides, Runner } from "@ccsim/runner"
import type { Scenario, ScenarioError } from "@ccsim/scenario"
import { loadScenarioFile } from "@ccsim/scenario"
import { Clock, Console, Effect } from "effect"
import { ExpectationsFailed, InputError, InternalError, InvalidFiles } from "./Error.ts"
import { renderExpectations } from "./Expectations.ts"
import type { JunitCase, JunitSuite } from "./Junit.ts"
import { junitXml } from "./Junit.ts"
import { OutputWriter } from "./OutputWriter.ts"
import { Progress } from "./Progress.ts"
import { findScenarioFiles } from "./ScenarioFiles.ts"
import { parseShard, shardFiles } from "./Shard.ts"
import type { Style } from "./Style.ts"
import { scenarioErrorLines } from "./ValidateCommand.ts"

/** Options of `ccsim test`. */
export interface TestOptions {
  readonly paths: ReadonlyArray<string>
  readonly junit: string | undefined
  readonly shard: string | undefined
  readonly bail: boolean
  /** `--set PATH=VALUE` overrides, applied to every scenario. */
  readonly set: ReadonlyArray<string>
  readonly workers: number
  readonly quiet: boolean
  readonly style: Style
}

/** What happened to one file. */
type FileOutcome =
  | { readonly _tag: "ran"; readonly file: string; readonly verdict: ScenarioVerdict; readonly ms: number }
  | { readonly _tag: "invalid"; readonly file: string; readonly lines: ReadonlyArray<string>; readonly ms: number }
  | {
      readonly _tag: "crashed"
      readonly file: string
      readonly message: string
      readonly stack: string
      readonly ms: number
    }

const failedStrict = (e: Expectation) => !e.ok && e.strict
const fileFailed = (o: FileOutcome) => o._tag !== "ran" || o.verdict.expectations.some(failedStrict)

const describeRun = (scenario: Scenario) =>
  `${scenario.name} · seed ${scenario.seed} · ${scenario.replications} replication${scenario.replications === 1 ? "" : "s"}`

const junitSuite = (o: FileOutcome): JunitSuite => {
  const classname = o.file
    .replace(/\.(ya?ml|json)$/i, "")
    .split(path.sep)
    .join(".")
  const time = o.ms / 1000
  if (o._tag === "invalid") {
    return {
      name: o.file,
      time,
      properties: [["file", o.file]],
      cases: [
        {
          name: "scenario is valid",
          classname,
          time,
          error: { message: o.lines[0] ?? "invalid scenario", type: "invalid-scenario", body: o.lines.join("\n") }
        }
      ]
    }
  }
  if (o._tag === "crashed") {
    return {
      name: o.file,
      time,
      properties: [["file", o.file]],
      cases: [
        { name: "scenario runs", classname, time, error: { message: o.message, type: "internal-error", body: o.stack } }
      ]
    }
  }
  const { scenario } = o.verdict
  return {
    name: o.file,
    time,
    properties: [
      ["scenario", scenario.name],
      ["seed", String(scenario.seed)],
      ["replications", String(scenario.replications)],
      ["file", o.file]
    ],
    cases: o.verdict.expectations.map((e): JunitCase => {
      const name = `${e.scope} ${e.condition}`
      const body = [`observed ${e.observed}`, ...e.details].join("\n")
      if (failedStrict(e))
        return { name, classname, time: 0, failure: { message: `observed ${e.observed}`, type: e.kind, body } }
      return { name, classname, time: 0, output: e.ok ? `observed ${e.observed}` : `warning (not strict): ${body}` }
    })
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`

/** Runs `ccsim test`: one runner (and its worker threads) for every file. */
export const testCommand = (options: TestOptions) =>
  testFiles(options).pipe(Effect.provide(Runner.layer({ threads: options.workers })))

/** `ccsim test` on the `Runner` in context (tests give it their own). */
export const testFiles = Effect.fnUntraced(function* (options: TestOptions) {
  const { style } = options
  let shard: { readonly index: number; readonly count: number } | undefined
  if (options.shard !== undefined) {
    shard = parseShard(options.shard)
    if (shard === undefined) {
      return yield* new InputError({
        subject: "--shard",
        expected: "k/n with 1 ≤ k ≤ n, like 1/4",
        found: JSON.stringify(options.shard)
      })
    }
  }
  if (!(options.workers >= 1)) {
    return yield* new InputError({
      subject: "--workers",
      expected: "1 or more threads",
      found: String(options.workers)
    })
  }
  const overrides = yield* Effect.fromResult(parseOverrides(options.set))
  const all = yield* findScenarioFiles(options.paths)
  if (all.length === 0) {
    return yield* new InputError({
      subject: options.paths.join(" "),
      expected: "scenario files (.yaml, .yml or .json)",
      found: "none"
    })
  }
  const files = shard === undefined ? all : shardFiles(all, shard)
  const writer = yield* OutputWriter
  const progress = yield* Progress
  const started = yield* Clock.currentTimeMillis

  yield* Console.log(style.bold("THRESHOLDS"))
  if (shard !== undefined) {
    yield* Console.log(
      style.dim(`  shard ${shard.index}/${shard.count}: ${plural(files.length, "file")} of ${all.length}`)
    )
  }

  const outcomes: Array<FileOutcome> = []
  yield* Effect.scoped(
    Effect.gen(function* () {
      const bar = yield* progress.track("ccsim test", files.length)
      for (const file of files) {
        const t0 = yield* Clock.currentTimeMillis
        const outcome = yield* testFile(file, overrides)
        const ms = (yield* Clock.currentTimeMillis) - t0
        const done: FileOutcome = { ...outcome, ms } as FileOutcome
        outcomes.push(done)
        yield* bar.advance()
        yield* printOutcome(done, style, options.quiet)
        if (options.bail && fileFailed(done)) break
      }
    })
  )

  const elapsed = ((yield* Clock.currentTimeMillis) - started) / 1000
  const expectations = outcomes.flatMap((o) => (o._tag === "ran" ? o.verdict.expectations : []))
  const passed = expectations.filter((e) => e.ok).length
  const failed = expectations.filter(failedStrict).length
  const warned = expectations.filter((e) => !e.ok && !e.strict).length
  const invalid = outcomes.filter((o) => o._tag === "invalid").length
  const crashed = outcomes.filter((o) => o._tag === "crashed").length
  const failedFiles = outcomes.filter(fileFailed).length
  const skipped = files.length - outcomes.length

  const count = (n: number, word: string, color: (t: string) => string) =>
    n > 0 ? color(`${n} ${word}`) : `${n} ${word}`
  yield* Console.log("")
  yield* Console.log(style.bold("TOTAL RESULTS"))
  yield* Console.log(
    `  scenarios     ${[count(outcomes.length - failedFiles, "passed", style.green), count(failedFiles, "failed", style.red), ...(invalid > 0 ? [`${invalid} invalid`] : []), ...(crashed > 0 ? [`${crashed} crashed`] : []), ...(skipped > 0 ? [`${skipped} not run (--bail)`] : [])].join(", ")} (${files.length})`
  )
  yield* Console.log(
    `  expectations  ${[count(passed, "passed", style.green), count(failed, "failed", style.red), ...(warned > 0 ? [style.yellow(`${warned} warnings`)] : [])].join(", ")} (${expectations.length})`
  )
  yield* Console.log(`  time          ${elapsed.toFixed(1)}s`)

  if (options.junit !== undefined) {
    const dir = path.dirname(options.junit)
    yield* writer.makeDirectory(dir)
    yield* writer.writeFile(options.junit, junitXml(outcomes.map(junitSuite)))
  }

  if (crashed > 0) {
    const first = outcomes.find((o) => o._tag === "crashed")
    return yield* new InternalError({
      message: first?._tag === "crashed" ? `${first.file}: ${first.message}` : "a scenario crashed"
    })
  }
  if (invalid > 0) return yield* new InvalidFiles({ invalid, total: files.length })
  if (failed > 0) return yield* new ExpectationsFailed({ failed, total: expectations.length })
})

/** Loads, runs and checks one file; an invalid or crashing file becomes an outcome, not a failure of the run. */
const testFile = (file: string, overrides: ReadonlyArray<Override>) =>
  Effect.gen(function* () {
    const runner = yield* Runner
    const scenario = yield* Effect.flatMap(loadScenarioFile(file), (loaded) =>
      Effect.fromResult(applyOverrides(loaded, overrides))
    )
    const keepTrace = scenario.expect.trace !== undefined
    const outcome = yield* runner.run({
      scenario,
      subject: file,
      check: scenario.expect.noViolations,
      keepTraceOf: keepTrace ? [0] : []
    })
    return { _tag: "ran" as const, file, verdict: checkExpectations(scenario, outcome) }
  }).pipe(
    Effect.catch((error: ScenarioError | RunnerError) =>
      Effect.succeed(
        error._tag === "ScenarioError"
          ? { _tag: "invalid" as const, file, lines: scenarioErrorLines(error) }
          : error._tag === "UnrunnableScenario"
            ? { _tag: "invalid" as const, file, lines: [error.message] }
            : {
                _tag: "crashed" as const,
                file,
                message: error.message,
                stack: (error.cause instanceof Error ? error.cause.stack : undefined) ?? error.message
              }
      )
    ),
    Effect.catchDefect((defect) =>
      Effect.succeed({
        _tag: "crashed" as const,
        file,
        message: defect instanceof Error ? defect.message : String(defect),
        stack: (defect instanceof Error ? defect.stack : undefined) ?? String(defect)
      })
    )
  )

const printOutcome = (o: FileOutcome, style: Style, quiet: boolean) =>
  Effect.gen(function* () {
    const time = style.dim(`${(o.ms / 1000).toFixed(1)}s`)
    switch (o._tag) {
      case "invalid": {
        yield* Console.log(`  ${style.red("✗")} ${o.file}  ${style.red("invalid")}`)
        for (const line of o.lines) yield* Console.log(`      ${line}`)
        return
      }
      case "crashed": {
        yield* Console.log(`  ${style.red("✗")} ${o.file}  ${style.red(`internal error: ${o.message}`)}`)
        return
      }
      case "ran": {
        const failed = o.verdict.expectations.some(failedStrict)
        if (quiet && o.verdict.expectations.every((e) => e.ok)) return
        yield* Console.log(
          `  ${failed ? style.red("✗") : style.green("✓")} ${style.bold(o.file)}  ${style.dim(describeRun(o.verdict.scenario))}  ${time}`
        )
        for (const line of renderExpectations(o.verdict.expectations, style, { indent: "    ", onlyFailures: quiet })) {
          yield* Console.log(line)
        }
      }
    }
  })
