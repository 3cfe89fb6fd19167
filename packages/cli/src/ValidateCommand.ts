/**
 * `ccsim validate`: decode and check scenario files without running them.
 */
import type { Scenario, ScenarioError } from "@ccsim/scenario"
import { formatProblem, loadScenarioFile } from "@ccsim/scenario"
import { Console, Effect } from "effect"
import { InputError, InvalidFiles } from "./Error.ts"
import { findScenarioFiles } from "./ScenarioFiles.ts"
import type { Style } from "./Style.ts"

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`

/** Problems shown per file; the rest are counted, so one broken file cannot flood the terminal. */
export const MAX_PROBLEMS_SHOWN = 10

/** A scenario error as lines: the first problem first, at most {@link MAX_PROBLEMS_SHOWN}, then a count. */
export const scenarioErrorLines = (error: ScenarioError): Array<string> => {
  const problems = error.problems.length === 0 ? [error] : error.problems
  const lines = problems.slice(0, MAX_PROBLEMS_SHOWN).map(formatProblem)
  const more = problems.length - MAX_PROBLEMS_SHOWN
  if (more > 0) lines.push(`… and ${more} more problem${more === 1 ? "" : "s"} in ${error.file}`)
  return lines
}

/** A one-line description of a valid scenario: its name and size. */
export const describeScenario = (scenario: Scenario): string =>
  `${scenario.name} (${[
    plural(scenario.tenants.length, "tenant"),
    plural(scenario.queues.length, "queue"),
    plural(
      scenario.agents.reduce((n, agent) => n + agent.count, 0),
      "agent"
    ),
    plural(scenario.traffic.length, "traffic source")
  ].join(", ")})`

/** Validates every file; valid ones are listed on stdout, problems on stderr; exit 2 when any is invalid. */
export const validateCommand = Effect.fnUntraced(function* (options: {
  readonly paths: ReadonlyArray<string>
  readonly style: Style
}) {
  const { style } = options
  const files = yield* findScenarioFiles(options.paths)
  if (files.length === 0) {
    return yield* new InputError({
      subject: options.paths.join(" "),
      expected: "scenario files (.yaml, .yml or .json)",
      found: "none"
    })
  }
  let invalid = 0
  for (const file of files) {
    const result = yield* Effect.result(loadScenarioFile(file))
    if (result._tag === "Success") {
      yield* Console.log(`${style.green("✓")} ${file}  ${style.dim(describeScenario(result.success))}`)
    } else {
      invalid++
      const [first, ...rest] = scenarioErrorLines(result.failure)
      yield* Console.error(`${style.red("✗")} ${first}`)
      for (const line of rest) yield* Console.error(`  ${line}`)
    }
  }
  if (invalid > 0) return yield* new InvalidFiles({ invalid, total: files.length })
  if (files.length > 1) yield* Console.log(style.dim(`${files.length} scenario files valid`))
})
