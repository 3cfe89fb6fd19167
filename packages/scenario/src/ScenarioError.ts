/**
 * The one error a scenario can fail with: the file, the line and column, the path inside the document, what was
 * expected and what was found. Further problems of the same file ride along in `problems`.
 */
import { Schema } from "effect"

/** One located problem. */
export const ScenarioProblem = Schema.Struct({
  file: Schema.String,
  line: Schema.optionalKey(Schema.Int),
  column: Schema.optionalKey(Schema.Int),
  /** Document path such as `queues[0].ringTimeout`; empty for problems with the whole file. */
  path: Schema.String,
  expected: Schema.String,
  found: Schema.String,
  /** One line: `expected …, found …`, with a hint such as `(did you mean ringTimeout?)`. */
  message: Schema.String
})
export type ScenarioProblem = typeof ScenarioProblem.Type

/** `file:line:column: path: message` — one line, no stack trace. */
export const formatProblem = (problem: ScenarioProblem): string => {
  const where =
    problem.line === undefined
      ? problem.file
      : problem.column === undefined
        ? `${problem.file}:${problem.line}`
        : `${problem.file}:${problem.line}:${problem.column}`
  return problem.path === "" ? `${where}: ${problem.message}` : `${where}: ${problem.path}: ${problem.message}`
}

/**
 * A scenario (or a CSV file it reads) that cannot be used. The fields describe the first problem in the file
 * (in document order); `problems` lists them all, the first one included.
 */
export class ScenarioError extends Schema.TaggedError<ScenarioError>()("ScenarioError", {
  ...ScenarioProblem.fields,
  problems: Schema.Array(ScenarioProblem)
}) {
  /** Every problem, one line each, the first problem first. */
  format(): string {
    return formatScenarioError(this)
  }

  override toString(): string {
    return formatScenarioError(this)
  }
}

/** Every problem of the error, one line each; the first line names the first problem. */
export const formatScenarioError = (error: ScenarioError): string => {
  const lines = error.problems.length === 0 ? [formatProblem(error)] : error.problems.map(formatProblem)
  return lines.join("\n")
}

/** Builds the error from located problems, ordering them by position so the first line is the first problem. */
export const scenarioError = (problems: ReadonlyArray<ScenarioProblem>): ScenarioError => {
  const sorted = problems.map(escapeProblem).sort(byPosition)
  const first = sorted[0]!
  return new ScenarioError({ ...first, problems: sorted })
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is escaped
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g

/**
 * Control characters as escapes (`\u001b`, `\r`): a message quotes the file, and a raw escape sequence or carriage
 * return would break its one line or drive the terminal.
 */
export const escapeControl = (text: string): string =>
  text.replace(CONTROL, (c) =>
    c === "\n" ? "\\n" : c === "\r" ? "\\r" : c === "\t" ? "\\t" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  )

const escapeProblem = (problem: ScenarioProblem): ScenarioProblem => ({
  ...problem,
  file: escapeControl(problem.file),
  path: escapeControl(problem.path),
  expected: escapeControl(problem.expected),
  found: escapeControl(problem.found),
  message: escapeControl(problem.message)
})

/** A problem with the whole file (not found, too large, wrong extension, …). */
export const fileError = (file: string, expected: string, found: string, message: string): ScenarioError =>
  scenarioError([{ file, path: "", expected, found, message }])

const byPosition = (a: ScenarioProblem, b: ScenarioProblem): number => {
  if (a.file !== b.file) return 0
  const la = a.line ?? Number.POSITIVE_INFINITY
  const lb = b.line ?? Number.POSITIVE_INFINITY
  if (la !== lb) return la - lb
  return (a.column ?? 0) - (b.column ?? 0)
}
