/**
 * The `ccsim` command line: flags, arguments and thin handlers. The work is done by the services and the packages
 * (`@ccsim/scenario`, `@ccsim/engine`, `@ccsim/analytic`, `@ccsim/report`).
 */
import * as os from "node:os"
import { ServiceLevelDefinitions } from "@ccsim/analytic"
import { scenarioJsonSchema } from "@ccsim/scenario"
import { Console, Effect, Option } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { checkErlangFlags, computeErlang, erlangJson, renderErlang } from "./ErlangView.ts"
import { OutputWriter } from "./OutputWriter.ts"
import { Progress } from "./Progress.ts"
import { colorWanted, makeStyle } from "./Style.ts"
import { validateCommand } from "./ValidateCommand.ts"

// The engine and the report (with its server-side DOM) load only for the commands that use them, so
// `ccsim erlang`, `schema` and `validate` start fast.
const runModule = Effect.promise(() => import("./RunCommand.ts"))
const testModule = Effect.promise(() => import("./TestCommand.ts"))
const reportModule = Effect.promise(() => import("./ReportCommand.ts"))
const staffModule = Effect.promise(() => import("./StaffCommand.ts"))

/** The version `ccsim --version` prints. */
export const version = "0.1.0"

const EXIT_CODES = `Exit codes:
  0    success
  1    an expectation failed (a threshold, an expected trace, a rule violation)
  2    invalid input or usage (missing or unreadable file, unknown extension, invalid scenario, unknown flag,
       bad flag value); one line naming the file, the place, what was expected and what was found
  3    internal error (a bug: run again with --verbose for the stack trace)
  130  interrupted (Ctrl-C); no half-written output file is left behind

Colour is off when stdout is not a terminal, with --no-color, or when NO_COLOR is set.`

const ccsim = Command.make("ccsim").pipe(
  Command.withSharedFlags({
    verbose: Flag.Boolean("verbose").pipe(Flag.withDescription("Show stack traces of errors"), Flag.withDefault(false)),
    noColor: Flag.Boolean("no-color").pipe(
      Flag.withoutNegation,
      Flag.withDescription("Plain text without colours (also: NO_COLOR=1)"),
      Flag.withDefault(false)
    )
  }),
  Command.withDescription(`ccsim: a discrete-event contact-center simulator and load tester.\n\n${EXIT_CODES}`)
)

/** The console style for this invocation (colour per --no-color, NO_COLOR and whether stdout is a terminal). */
const styleOf = Effect.map(ccsim, (root) =>
  makeStyle(
    colorWanted({ noColorFlag: root.noColor, noColorEnv: process.env.NO_COLOR, isTTY: process.stdout.isTTY === true })
  )
)

const scenarioArgs = Argument.String("scenario").pipe(
  Argument.withDescription("Scenario files (.yaml, .yml, .json)"),
  Argument.variadic({ min: 1 })
)

const quiet = Flag.Boolean("quiet").pipe(
  Flag.withAlias("q"),
  Flag.withDescription("Print only failures and the final verdict; no progress bar"),
  Flag.withDefault(false)
)

const workers = Flag.Int("workers").pipe(
  Flag.withDescription("Worker threads for replications; 1 runs in-process (default: number of cores)"),
  Flag.withDefault(os.availableParallelism())
)

const run = Command.make(
  "run",
  {
    scenarios: scenarioArgs,
    seed: Flag.Int("seed").pipe(Flag.withDescription("Base seed (default: the scenario's)"), Flag.optional),
    replications: Flag.Int("replications").pipe(
      Flag.withAlias("r"),
      Flag.withDescription("Independent replications (default: the scenario's)"),
      Flag.optional
    ),
    workers,
    out: Flag.String("out").pipe(
      Flag.withDescription("Output folder (default: reports/<scenario name>/)"),
      Flag.optional
    ),
    json: Flag.Boolean("json").pipe(
      Flag.withDescription("Print results.json on stdout instead of the summary"),
      Flag.withDefault(false)
    ),
    quiet,
    check: Flag.Boolean("check").pipe(
      Flag.withDescription("Check every event against the routing rules R3–R15 (conformance checker)"),
      Flag.withDefault(false)
    ),
    trace: Flag.Boolean("trace").pipe(
      Flag.withDescription("Also write trace.ndjson: every event of every replication, streamed to disk"),
      Flag.withDefault(false)
    ),
    raw: Flag.Boolean("raw").pipe(
      Flag.withDescription("Also put every replication's raw result (exactly mergeable counts) in results.json"),
      Flag.withDefault(false)
    )
  },
  Effect.fn(function* (flags) {
    const style = yield* styleOf
    const { runCommand } = yield* runModule
    yield* runCommand({
      files: flags.scenarios,
      seed: Option.getOrUndefined(flags.seed),
      replications: Option.getOrUndefined(flags.replications),
      workers: flags.workers,
      out: Option.getOrUndefined(flags.out),
      json: flags.json,
      quiet: flags.quiet,
      check: flags.check,
      trace: flags.trace,
      raw: flags.raw,
      style
    })
  })
).pipe(
  Command.withDescription(
    "Run scenarios: print a KPI summary per queue and tenant with 95% confidence intervals, and write results.json, intervals.csv and report.html"
  ),
  Command.withExamples([
    { command: "ccsim run scenarios/default.yaml", description: "Run the bundled scenario" },
    { command: "ccsim run s.yaml --replications 30 --seed 7 --out out/", description: "More replications" },
    { command: "ccsim run s.yaml --json > results.json", description: "Results on stdout" }
  ]),
  Command.provide((flags) => Progress.layer({ enabled: !flags.quiet && !flags.json }))
)

const test = Command.make(
  "test",
  {
    paths: Argument.String("path").pipe(
      Argument.withDescription("Scenario files or folders (searched recursively for .yaml, .yml, .json)"),
      Argument.variadic({ min: 1 })
    ),
    junit: Flag.String("junit").pipe(
      Flag.withDescription("Write a JUnit XML report: one testcase per expectation"),
      Flag.optional
    ),
    shard: Flag.String("shard").pipe(
      Flag.withDescription("Run share k of n (k/n): sorted paths dealt round-robin"),
      Flag.optional
    ),
    bail: Flag.Boolean("bail").pipe(
      Flag.withDescription("Stop at the first failing scenario"),
      Flag.withDefault(false)
    ),
    workers,
    quiet
  },
  Effect.fn(function* (flags) {
    const style = yield* styleOf
    const { testCommand } = yield* testModule
    yield* testCommand({
      paths: flags.paths,
      junit: Option.getOrUndefined(flags.junit),
      shard: Option.getOrUndefined(flags.shard),
      bail: flags.bail,
      workers: flags.workers,
      quiet: flags.quiet,
      style
    })
  })
).pipe(
  Command.withDescription(
    "Check scenarios' expectations (thresholds, expected traces, no rule violations); exit 1 when one fails"
  ),
  Command.withExamples([
    { command: "ccsim test scenarios/", description: "Every scenario under scenarios/" },
    { command: "ccsim test scenarios/ --junit junit.xml --shard 1/2", description: "CI: half the files, JUnit XML" }
  ]),
  Command.provide((flags) => Progress.layer({ enabled: !flags.quiet }))
)

const validate = Command.make(
  "validate",
  {
    paths: Argument.String("path").pipe(
      Argument.withDescription("Scenario files or folders"),
      Argument.variadic({ min: 1 })
    )
  },
  Effect.fn(function* (flags) {
    const style = yield* styleOf
    yield* validateCommand({ paths: flags.paths, style })
  })
).pipe(Command.withDescription("Decode and check scenarios without running them"))

const erlang = Command.make(
  "erlang",
  {
    rate: Flag.Finite("rate").pipe(Flag.withDescription("Offered calls per hour")),
    aht: Flag.String("aht").pipe(Flag.withDescription("Average handle time: 180s, 3m, 3m30s or seconds")),
    agents: Flag.Int("agents").pipe(
      Flag.withDescription("Agents on the phones (evaluate this staffing)"),
      Flag.optional
    ),
    threshold: Flag.String("threshold").pipe(
      Flag.withDescription("Service-level threshold T"),
      Flag.withDefault("20s")
    ),
    patience: Flag.String("patience").pipe(
      Flag.withDescription("Mean caller patience: Erlang A (with abandonment) instead of Erlang C"),
      Flag.optional
    ),
    target: Flag.Finite("target").pipe(
      Flag.withDescription("Service-level target (0.8 = 80% within T): print the required agents"),
      Flag.optional
    ),
    maxOccupancy: Flag.Finite("max-occupancy").pipe(
      Flag.withDescription("With --target: occupancy cap, e.g. 0.85"),
      Flag.optional
    ),
    shrinkage: Flag.Finite("shrinkage").pipe(
      Flag.withDescription("With --target: share of paid time off the phones, e.g. 0.3"),
      Flag.optional
    ),
    slDefinition: Flag.Literals("sl-definition", ServiceLevelDefinitions).pipe(
      Flag.withDescription("Erlang A: how abandoned calls count in the service level"),
      Flag.withDefault("answered-of-offered")
    ),
    json: Flag.Boolean("json").pipe(Flag.withDescription("Print one JSON object"), Flag.withDefault(false))
  },
  Effect.fn(function* (flags) {
    const style = yield* styleOf
    const request = yield* checkErlangFlags({
      rate: flags.rate,
      aht: flags.aht,
      agents: Option.getOrUndefined(flags.agents),
      threshold: flags.threshold,
      patience: Option.getOrUndefined(flags.patience),
      target: Option.getOrUndefined(flags.target),
      maxOccupancy: Option.getOrUndefined(flags.maxOccupancy),
      shrinkage: Option.getOrUndefined(flags.shrinkage),
      slDefinition: flags.slDefinition
    })
    const answer = yield* computeErlang(request)
    if (flags.json) return yield* Console.log(erlangJson(answer))
    for (const line of renderErlang(request, answer, style)) yield* Console.log(line)
  })
).pipe(
  Command.withDescription(
    "Erlang C / Erlang A: P(wait), service level, ASA, occupancy (and P(abandon)), or the agents a target needs"
  ),
  Command.withExamples([
    { command: "ccsim erlang --rate 200 --aht 180s --agents 14 --threshold 20s", description: "Erlang C" },
    { command: "ccsim erlang --rate 200 --aht 3m --agents 12 --patience 2m", description: "Erlang A" },
    { command: "ccsim erlang --rate 200 --aht 3m --target 0.8 --shrinkage 0.3", description: "Staffing" }
  ])
)

const schema = Command.make("schema", {}, () => Console.log(JSON.stringify(scenarioJsonSchema(), null, 2))).pipe(
  Command.withDescription("Print the JSON Schema of the scenario format (for editors: yaml-language-server)")
)

const report = Command.make(
  "report",
  {
    results: Argument.String("results").pipe(Argument.withDescription("A results.json written by ccsim run")),
    out: Flag.String("out").pipe(
      Flag.withDescription("Where to write the report (default: report.html beside results.json)"),
      Flag.optional
    )
  },
  Effect.fn(function* (flags) {
    const { reportCommand } = yield* reportModule
    yield* reportCommand({ results: flags.results, out: Option.getOrUndefined(flags.out) })
  })
).pipe(Command.withDescription("Re-render report.html from a saved results.json"))

const staff = Command.make(
  "staff",
  {
    scenario: Argument.String("scenario").pipe(Argument.withDescription("Scenario file (.yaml, .yml, .json)")),
    target: Flag.String("target").pipe(
      Flag.withDescription(
        "A target [queue:ID:]METRIC OP VALUE: service-level>=0.8, abandon-rate<=0.05, asa<=30s (repeatable; default: the scenario's thresholds, else each queue's service-level target)"
      ),
      Flag.atLeast(0)
    ),
    queue: Flag.String("queue").pipe(
      Flag.withDescription("Staff only this queue (repeatable); the others keep the scenario's agents"),
      Flag.atLeast(0)
    ),
    confidence: Flag.Finite("confidence").pipe(
      Flag.withDescription("Confidence with which every interval must meet every target"),
      Flag.withDefault(0.95)
    ),
    replications: Flag.Int("replications").pipe(
      Flag.withAlias("r"),
      Flag.withDescription("Replications of the day per staffing tried"),
      Flag.withDefault(40)
    ),
    seed: Flag.Int("seed").pipe(Flag.withDescription("Base seed (default: the scenario's)"), Flag.optional),
    workers,
    shrinkage: Flag.Finite("shrinkage").pipe(
      Flag.withDescription("Share of paid time off the phones: scheduled = required / (1 − shrinkage)"),
      Flag.optional
    ),
    maxOccupancy: Flag.Finite("max-occupancy").pipe(
      Flag.withDescription("Occupancy cap, e.g. 0.85: at least offered load / cap agents per interval"),
      Flag.optional
    ),
    shifts: Flag.String("shifts").pipe(
      Flag.withDescription("Shift templates (YAML, JSON or CSV): cover the requirement at least cost, then verify"),
      Flag.optional
    ),
    group: Flag.String("group").pipe(
      Flag.withDescription("Map a template group to a staffed queue: GROUP=QUEUE (repeatable)"),
      Flag.atLeast(0)
    ),
    maxIterations: Flag.Int("max-iterations").pipe(
      Flag.withDescription("Stop the search after this many iterations"),
      Flag.withDefault(40)
    ),
    out: Flag.String("out").pipe(
      Flag.withDescription("Output folder (default: reports/<scenario name>-staff/)"),
      Flag.optional
    ),
    json: Flag.Boolean("json").pipe(
      Flag.withDescription("Print staffing.json on stdout instead of the table"),
      Flag.withDefault(false)
    ),
    quiet
  },
  Effect.fn(function* (flags) {
    const style = yield* styleOf
    const { staffCommand } = yield* staffModule
    yield* staffCommand({
      file: flags.scenario,
      targets: flags.target,
      queues: flags.queue,
      confidence: flags.confidence,
      replications: flags.replications,
      seed: Option.getOrUndefined(flags.seed),
      workers: flags.workers,
      shrinkage: Option.getOrUndefined(flags.shrinkage),
      maxOccupancy: Option.getOrUndefined(flags.maxOccupancy),
      shifts: Option.getOrUndefined(flags.shifts),
      groups: flags.group,
      maxIterations: flags.maxIterations,
      out: Option.getOrUndefined(flags.out),
      json: flags.json,
      quiet: flags.quiet,
      style
    })
  })
).pipe(
  Command.withDescription(
    "Agents needed per interval and queue: Erlang A/C, refined by simulating the whole day (iterative staffing); with --shifts, the cheapest roster, verified by simulation"
  ),
  Command.withExamples([
    { command: "ccsim staff scenarios/default.yaml", description: "Targets from the scenario's thresholds" },
    {
      command: 'ccsim staff s.yaml --target "service-level>=0.8" --target "queue:billing:asa<=30s"',
      description: "Targets from flags"
    },
    {
      command: "ccsim staff scenarios/default.yaml --shifts scenarios/shifts/default-shifts.csv --group csr=service",
      description: "Cheapest roster of shift templates, verified"
    }
  ]),
  Command.provide((flags) => Progress.layer({ enabled: !flags.quiet && !flags.json }))
)

/** The whole command tree with its services. */
export const cli = ccsim.pipe(
  Command.withSubcommands([run, test, validate, erlang, staff, schema, report]),
  Command.provide(OutputWriter.layer)
)
