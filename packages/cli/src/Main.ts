/**
 * Running the command line: parse, run the handler, and turn the outcome into an exit code. Every failure becomes
 * one clear line on stderr (a stack trace only with `--verbose`); interrupts pass through so the runtime exits 130
 * after finalizers removed temporary files.
 */

import { ScenarioError } from "@ccsim/scenario"
import { Cause, Console, Effect, Layer } from "effect"
import { CliConfig, CliError, CliOutput, Command, GlobalFlag } from "effect/cli"
import { cli, version } from "./Cli.ts"
import { ExitCode, errorExitCode, InvalidFiles } from "./Error.ts"
import { colorWanted, escapeControl } from "./Style.ts"
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
      return `${command}: unknown command ${JSON.stringify(error.subcommand)}${didYouMean(error.suggestions)}; commands: run, test, validate, erlang, schema, report, compare`
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

/** The lines that describe a failure on stderr (the stack is added with --verbose for internal errors). */
const failureLines = (error: unknown, code: number): ReadonlyArray<string> => {
  // The presenter already printed the help or the one-line parse error.
  if (error instanceof CliError.ShowHelp) return []
  if (error instanceof ScenarioError) return scenarioErrorLines(error)
  // Each file's problem was printed as it was found; a count only helps when there were several.
  if (error instanceof InvalidFiles) return error.total > 1 ? [`ccsim: ${error.message}`] : []
  const message = error instanceof Error ? error.message : String(error)
  if (code === ExitCode.internal) return [`ccsim: internal error: ${message}`]
  return [`ccsim: ${message}`]
}

/** Prints a failure and returns its exit code (decided by `errorExitCode`). */
const report = (cause: Cause.Cause<unknown>, verbose: boolean): Effect.Effect<number> =>
  Effect.gen(function* () {
    const error = Cause.squash(cause)
    const code = errorExitCode(error)
    const lines = failureLines(error, code)
    for (const line of lines) yield* Console.error(line)
    const stack =
      typeof error === "object" && error !== null && "cause" in error
        ? (stackOf(error.cause) ?? stackOf(error))
        : stackOf(error)
    if (code === ExitCode.internal) {
      if (verbose && stack !== undefined) yield* Console.error(stack)
      else yield* Console.error("ccsim: run again with --verbose for the stack trace, and please report it")
    } else if (verbose && code === ExitCode.invalidInput && lines.length > 0 && stack !== undefined) {
      yield* Console.error(stack)
    }
    return code
  })

/**
 * The help and version formatter: coloured under the same rule as the rest of the output (a terminal, no
 * `--no-color`, `NO_COLOR` unset). Help is printed while parsing, before any command reads its flags, so the
 * flag is looked for in the raw arguments.
 */
export const helpFormatter = (
  args: ReadonlyArray<string>,
  terminal: { readonly noColorEnv: string | undefined; readonly isTTY: boolean }
): CliOutput.Formatter =>
  CliOutput.defaultFormatter({ colors: colorWanted({ noColorFlag: args.includes("--no-color"), ...terminal }) })

// `--wizard`, `--completions` and `--log-level` would only clutter the help of a batch tool.
const config = (args: ReadonlyArray<string>) =>
  Layer.mergeAll(
    CliConfig.layer({ builtIns: [GlobalFlag.Help, GlobalFlag.Version] }),
    CliOutput.layerPresenter(presenter),
    CliOutput.layer(helpFormatter(args, { noColorEnv: process.env.NO_COLOR, isTTY: process.stdout.isTTY === true }))
  )

/** Whether ccsim colours its output in this invocation (as `Cli.ts` decides it). */
const colorOf = (args: ReadonlyArray<string>): boolean =>
  colorWanted({
    noColorFlag: args.includes("--no-color"),
    noColorEnv: process.env.NO_COLOR,
    isTTY: process.stdout.isTTY === true
  })

/**
 * The console with every printed string made safe for a terminal ({@link escapeControl}): names, files and
 * messages come from users' files, and must not move the cursor or retitle the window. Colour escapes stay only
 * when ccsim colours its own output.
 */
const escapingConsole = (console: Console.Console, keepColor: boolean): Console.Console => {
  const safe =
    (print: (...args: ReadonlyArray<unknown>) => void) =>
    (...args: ReadonlyArray<unknown>) =>
      print(...args.map((a) => (typeof a === "string" ? escapeControl(a, keepColor) : a)))
  return Object.assign(Object.create(console) as Console.Console, {
    log: safe(console.log.bind(console)),
    error: safe(console.error.bind(console)),
    warn: safe(console.warn.bind(console)),
    info: safe(console.info.bind(console))
  })
}

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
    Effect.provide(config(args)),
    (program) =>
      Console.consoleWith((console) =>
        program.pipe(Effect.provideService(Console.Console, escapingConsole(console, colorOf(args))))
      )
  )
