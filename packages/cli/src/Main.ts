/**
 * Running the command line: parse, run the handler, and turn the outcome into an exit code. Every failure becomes
 * one clear line on stderr (a stack trace only with `--verbose`); interrupts pass through so the runtime exits 130
 * after finalizers removed temporary files.
 */

import type { ScenarioError } from "@ccsim/scenario"
import { Cause, Console, Effect, Layer } from "effect"
import type { CliError } from "effect/cli"
import { CliConfig, CliOutput, Command, GlobalFlag } from "effect/cli"
import { cli, version } from "./Cli.ts"
import type { ExpectationsFailed, InputError, InternalError, InvalidFiles, OutputError } from "./Error.ts"
import { ExitCode } from "./Error.ts"
import { scenarioErrorLines } from "./ValidateCommand.ts"

type NonShowHelpError = CliError.NonShowHelpErrors

const didYouMean = (suggestions: ReadonlyArray<string>) =>
  suggestions.length === 0 ? "" : ` (did you mean ${suggestions.join(" or ")}?)`

/** One line for a command-line parse error: the command, the flag or argument, expected and found. */
export const describeCliError = (commandPath: ReadonlyArray<string>, error: NonShowHelpError): string => {
  const command = commandPath.join(" ")
  const help = `; see "${command} --help"`
  switch (error._tag) {
    case "UnrecognizedOption":
      return `${command}: unknown flag ${error.option}${didYouMean(error.suggestions)}${help}`
    case "InvalidValue":
      return `${command}: ${error.kind === "flag" ? `--${error.option.replace(/^-+/, "")}` : `<${error.option}>`}: expected ${error.expected.replace(/^Expected /i, "").replace(/^a string representing /, "")}, found ${JSON.stringify(error.value)}`
    case "MissingOption":
      return `${command}: --${error.option.replace(/^-+/, "")}: expected a value, found nothing (the flag is required)${help}`
    case "MissingArgument":
      return `${command}: <${error.argument}>: expected an argument, found nothing${help}`
    case "UnexpectedArgument":
      return `${command}: expected no more arguments, found ${error.arguments.map((a) => JSON.stringify(a)).join(" ")}${help}`
    case "UnknownSubcommand":
      return `${command}: unknown command ${JSON.stringify(error.subcommand)}${didYouMean(error.suggestions)}; commands: run, test, validate, erlang, schema, report`
    case "DuplicateOption":
      return `${command}: flag ${error.option} is defined twice`
    case "ValidationError":
      return `${command}: ${error.message}`
    case "UserError":
      return `${command}: ${error.message}`
  }
}

/**
 * Help and version go to stdout as usual; a parse error is ONE line on stderr instead of the whole help text.
 */
const presenter: CliOutput.Presenter = {
  present: (event) =>
    Effect.gen(function* () {
      const formatter = yield* CliOutput.Formatter
      switch (event._tag) {
        case "Help":
          return yield* Console.log(formatter.formatHelpDoc(event.helpDoc))
        case "Version":
          return yield* Console.log(formatter.formatVersion(event.name, event.version))
        case "InvalidInvocation": {
          const first = event.errors[0]
          return yield* Console.error(
            first === undefined ? "ccsim: invalid command line" : describeCliError(event.commandPath, first)
          )
        }
      }
    })
}

const stackOf = (error: unknown): string | undefined => (error instanceof Error ? error.stack : undefined)

/** Prints a failure and returns its exit code. */
const report = (cause: Cause.Cause<unknown>, verbose: boolean): Effect.Effect<number> =>
  Effect.gen(function* () {
    const error = Cause.squash(cause)
    const withStack = (line: string, code: number) =>
      Effect.gen(function* () {
        yield* Console.error(line)
        const stack = stackOf(error)
        if (verbose && stack !== undefined) yield* Console.error(stack)
        return code
      })
    if (typeof error === "object" && error !== null && "_tag" in error) {
      switch (error._tag) {
        case "ShowHelp": {
          // The presenter already printed the help or the one-line parse error.
          const errors = (error as CliError.ShowHelp).errors
          return errors.length > 0 ? ExitCode.invalidInput : ExitCode.success
        }
        case "ScenarioError":
          return yield* withStack(scenarioErrorLines(error as ScenarioError).join("\n"), ExitCode.invalidInput)
        case "InputError":
        case "OutputError":
          return yield* withStack(`ccsim: ${(error as InputError | OutputError).message}`, ExitCode.invalidInput)
        case "InvalidFiles": {
          // Each file's problem was printed as it was found; a count only helps when there were several.
          const invalid = error as InvalidFiles
          if (invalid.total > 1) yield* Console.error(`ccsim: ${invalid.message}`)
          return ExitCode.invalidInput
        }
        case "ExpectationsFailed":
          // The failing expectations were printed with their observed values; this names the verdict on stderr.
          yield* Console.error(`ccsim: ${(error as ExpectationsFailed).message}`)
          return ExitCode.expectationFailed
        case "InternalError": {
          const internal = error as InternalError
          yield* Console.error(`ccsim: internal error: ${internal.message}`)
          const stack = stackOf(internal.cause) ?? stackOf(internal)
          if (verbose && stack !== undefined) yield* Console.error(stack)
          else yield* Console.error("ccsim: run again with --verbose for the stack trace, and please report it")
          return ExitCode.internal
        }
      }
    }
    const message = error instanceof Error ? error.message : String(error)
    yield* Console.error(`ccsim: internal error: ${message}`)
    const stack = stackOf(error)
    if (verbose && stack !== undefined) yield* Console.error(stack)
    else yield* Console.error("ccsim: run again with --verbose for the stack trace, and please report it")
    return ExitCode.internal
  })

// `--wizard`, `--completions` and `--log-level` would only clutter the help of a batch tool.
const config = Layer.mergeAll(
  CliConfig.layer({ builtIns: [GlobalFlag.Help, GlobalFlag.Version] }),
  CliOutput.layerPresenter(presenter)
)

/**
 * Runs `ccsim` with `args` (without `node` and the script) and returns the exit code: 0 success, 1 an expectation
 * failed, 2 invalid input or usage, 3 internal error. Interruption is not caught (the runtime exits 130).
 */
export const main = (args: ReadonlyArray<string>) =>
  Command.runWith(cli, { version })(args).pipe(
    Effect.as<number>(ExitCode.success),
    Effect.catchCause((cause) =>
      Cause.hasInterruptsOnly(cause) ? Effect.failCause(cause) : report(cause, args.includes("--verbose"))
    ),
    Effect.onInterrupt(() => Console.error("\nccsim: interrupted")),
    Effect.provide(config)
  )
