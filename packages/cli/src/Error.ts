/**
 * The command's errors and their exit codes. Each error that reaches the user carries its process exit code
 * (`Runtime.errorExitCode`), so the exit code is decided where the error is made, not in a lookup table.
 *
 * Exit codes: 0 success · 1 an expectation failed · 2 invalid input or usage · 3 internal error · 130 interrupted.
 */
import { ScenarioError } from "@ccsim/scenario"
import { Runtime, Schema } from "effect"
import { CliError } from "effect/cli"

/** The exit codes of `ccsim`, as documented in the README and `ccsim --help`. */
export const ExitCode = {
  success: 0,
  expectationFailed: 1,
  invalidInput: 2,
  internal: 3,
  interrupted: 130
} as const

/**
 * Bad input or usage: a missing or unreadable file, an unknown extension, an invalid scenario, a bad flag value.
 * Rendered as ONE line naming the file (or flag), the place, what was expected and what was found.
 *
 * @category errors
 */
export class InputError extends Schema.TaggedError<InputError>()("InputError", {
  /** The file or the flag the problem is in, e.g. `scenarios/x.yaml` or `--aht`. */
  subject: Schema.String,
  /** Where inside it: `12:5 queues[0].ringTimeout`; empty when the subject itself is the problem. */
  place: Schema.optionalKey(Schema.String),
  expected: Schema.String,
  found: Schema.optionalKey(Schema.String)
}) {
  override readonly [Runtime.errorExitCode] = ExitCode.invalidInput
  override get message(): string {
    const place = this.place === undefined || this.place === "" ? "" : `${this.place}: `
    const found = this.found === undefined ? "" : `, found ${this.found}`
    return `${this.subject}: ${place}expected ${this.expected}${found}`
  }
}

/**
 * An output file could not be written (e.g. `--out` names a folder without write permission). Exit 2: the
 * user chose the place.
 *
 * @category errors
 */
export class OutputError extends Schema.TaggedError<OutputError>()("OutputError", {
  path: Schema.String,
  reason: Schema.String
}) {
  override readonly [Runtime.errorExitCode] = ExitCode.invalidInput
  override get message(): string {
    return `${this.path}: cannot write: ${this.reason}`
  }
}

/**
 * Some of the scenario files given were invalid; each problem was printed as it was found. Exit 2.
 *
 * @category errors
 */
export class InvalidFiles extends Schema.TaggedError<InvalidFiles>()("InvalidFiles", {
  invalid: Schema.Number,
  total: Schema.Number
}) {
  override readonly [Runtime.errorExitCode] = ExitCode.invalidInput
  override get message(): string {
    return `${this.invalid} of ${this.total} scenario files ${this.invalid === 1 ? "is" : "are"} invalid`
  }
}

/**
 * One or more expectations (thresholds, expected traces, no violations) failed. The failures were already
 * printed; this only sets the exit code.
 *
 * @category errors
 */
export class ExpectationsFailed extends Schema.TaggedError<ExpectationsFailed>()("ExpectationsFailed", {
  failed: Schema.Number,
  total: Schema.Number
}) {
  override readonly [Runtime.errorExitCode] = ExitCode.expectationFailed
  override get message(): string {
    return `${this.failed} of ${this.total} expectation${this.total === 1 ? "" : "s"} failed`
  }
}

/**
 * A bug or an environment failure (a worker crashed, the engine threw). Exit 3; the stack is shown with `--verbose`.
 *
 * @category errors
 */
export class InternalError extends Schema.TaggedError<InternalError>()("InternalError", {
  message: Schema.String,
  cause: Schema.optionalKey(Schema.Defect())
}) {
  override readonly [Runtime.errorExitCode] = ExitCode.internal
}

/** What an error says about its exit code: its own `Runtime.errorExitCode`, when it carries one. */
const carriedExitCode = (error: unknown): number | undefined => {
  if (typeof error !== "object" || error === null || !(Runtime.errorExitCode in error)) return undefined
  const code = error[Runtime.errorExitCode]
  return typeof code === "number" ? code : undefined
}

/**
 * The exit code of any failure, decided here once: errors of ccsim and of the runner carry theirs; the two
 * foreign errors that reach the user are a decoded scenario's problems (2) and effect/cli's help (0, or 2 when
 * it shows a parse error); anything else is a bug (3).
 */
export const errorExitCode = (error: unknown): number => {
  // effect/cli's help carries 1 for a parse error; for ccsim that is a usage error.
  if (error instanceof CliError.ShowHelp) return error.errors.length > 0 ? ExitCode.invalidInput : ExitCode.success
  if (error instanceof ScenarioError) return ExitCode.invalidInput
  return carriedExitCode(error) ?? ExitCode.internal
}
