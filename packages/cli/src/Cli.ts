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
const sweepModule = Effect.promise(() => import("./SweepCommand.ts"))
const mergeModule = Effect.promise(() => import("./MergeCommand.ts"))
const compareModule = Effect.promise(() => import("./CompareCommand.ts"))
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

/** `--set PATH=VALUE`, repeatable: what-ifs without editing the file. */
const set = Flag.String("set").pipe(
  Flag.withDescription(
    "Override a scenario value, e.g. queues[service].ringTimeout=30s or agents[csr-early].count=9 (repeatable; VALUE is YAML)"
  ),
  Flag.atLeast(0)
)

const workers = Flag.Int("workers").pipe(
  Flag.withDescription(
    "Replications run at a time: this process and N − 1 worker threads; 1 runs in-process (default: number of cores)"
  ),
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
    set,
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
    ),
    shard: Flag.String("shard").pipe(
      Flag.withDescription("With --partial: run share k of n (k/n), the replications ≡ k−1 (mod n)"),
      Flag.optional
    ),
    partial: Flag.Boolean("partial").pipe(
      Flag.withDescription("Write a partial results file (part-k-of-n.json) for ccsim merge instead of results"),
      Flag.withDefault(false)
    ),
    fromReplication: Flag.Int("from-replication").pipe(
      Flag.withDescription("With --partial: only replications from this index on (adding to earlier parts)"),
      Flag.optional
    )
  },
  Effect.fn(function* (flags) {
    const style = yield* styleOf
    const { runCommand } = yield* runModule
    yield* runCommand({
      files: flags.scenarios,
      seed: Option.getOrUndefined(flags.seed),
      replications: Option.getOrUndefined(flags.replications),
      set: flags.set,
      workers: flags.workers,
      out: Option.getOrUndefined(flags.out),
      json: flags.json,
      quiet: flags.quiet,
      check: flags.check,
      trace: flags.trace,
      raw: flags.raw,
      shard: Option.getOrUndefined(flags.shard),
      partial: flags.partial,
      fromReplication: Option.getOrUndefined(flags.fromReplication),
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
    set,
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
      set: flags.set,
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

const compare = Command.make(
  "compare",
  {
    base: Argument.String("base").pipe(Argument.withDescription("The base scenario")),
    candidate: Argument.String("candidate").pipe(
      Argument.withDescription("The candidate scenario (default: BASE with the --set overrides)"),
      Argument.optional
    ),
    set,
    maxWorse: Flag.String("max-worse").pipe(
      Flag.withDescription(
        "Non-inferiority margin METRIC[@SCOPE]=MARGIN, e.g. service-level=0.01 or asa=5s: exit 1 when the candidate may be worse by more (repeatable)"
      ),
      Flag.atLeast(0)
    ),
    seed: Flag.Int("seed").pipe(Flag.withDescription("Seed of both (default: the base's)"), Flag.optional),
    replications: Flag.Int("replications").pipe(
      Flag.withAlias("r"),
      Flag.withDescription("Replications of each, the same indices (default: the base's)"),
      Flag.optional
    ),
    workers,
    out: Flag.String("out").pipe(
      Flag.withDescription("Output folder (default: reports/<base name>-compare/)"),
      Flag.optional
    ),
    junit: Flag.String("junit").pipe(
      Flag.withDescription("Write a JUnit XML report: one testcase per margin"),
      Flag.optional
    ),
    json: Flag.Boolean("json").pipe(
      Flag.withDescription("Print compare.json on stdout instead of the tables"),
      Flag.withDefault(false)
    ),
    quiet
  },
  Effect.fn(function* (flags) {
    const style = yield* styleOf
    const { compareCommand } = yield* compareModule
    yield* compareCommand({
      base: flags.base,
      candidate: Option.getOrUndefined(flags.candidate),
      set: flags.set,
      maxWorse: flags.maxWorse,
      seed: Option.getOrUndefined(flags.seed),
      replications: Option.getOrUndefined(flags.replications),
      workers: flags.workers,
      out: Option.getOrUndefined(flags.out),
      junit: Option.getOrUndefined(flags.junit),
      json: flags.json,
      quiet: flags.quiet,
      style
    })
  })
).pipe(
  Command.withDescription(
    "Compare two scenarios (or one with --set overrides) with common random numbers: paired differences with 95% CIs, verdicts, non-inferiority margins"
  ),
  Command.withExamples([
    { command: "ccsim compare base.yaml --set 'agents[csr].count=11'", description: "What if one more agent" },
    {
      command: "ccsim compare base.yaml new.yaml --max-worse service-level=0.01 --junit junit.xml",
      description: "CI gate"
    }
  ]),
  Command.provide((flags) => Progress.layer({ enabled: !flags.quiet && !flags.json }))
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

const sweep = Command.make(
  "sweep",
  {
    scenario: Argument.String("scenario").pipe(Argument.withDescription("A scenario file (.yaml, .yml, .json)")),
    load: Flag.String("load").pipe(
      Flag.withDescription("Sweep the volume: run.loadMultiplier from FROM to TO by STEP, e.g. 0.8:1.5:0.1"),
      Flag.optional
    ),
    agents: Flag.String("agents").pipe(
      Flag.withDescription("Sweep an agent entry's count: ENTRY=FROM:TO, e.g. team=8:14"),
      Flag.optional
    ),
    set: Flag.String("set").pipe(
      Flag.withDescription("Sweep any field: PATH=V1,V2,…, e.g. queues[service].ringTimeout=10s,20s,30s"),
      Flag.optional
    ),
    findBreak: Flag.Boolean("find-break").pipe(
      Flag.withDescription("Locate the breaking point by bisection instead of a grid (--load FROM:TO or --agents)"),
      Flag.withDefault(false)
    ),
    tolerance: Flag.Finite("tolerance").pipe(
      Flag.withDescription("With --find-break on --load: how closely to locate the breaking point"),
      Flag.withDefault(0.01)
    ),
    seed: Flag.Int("seed").pipe(Flag.withDescription("Base seed (default: the scenario's)"), Flag.optional),
    replications: Flag.Int("replications").pipe(
      Flag.withAlias("r"),
      Flag.withDescription("Replications per point, the same at every point (default: the scenario's)"),
      Flag.optional
    ),
    workers,
    out: Flag.String("out").pipe(
      Flag.withDescription("Output folder (default: reports/<scenario name>-sweep/)"),
      Flag.optional
    ),
    json: Flag.Boolean("json").pipe(
      Flag.withDescription("Print sweep.json on stdout instead of the table"),
      Flag.withDefault(false)
    ),
    quiet
  },
  Effect.fn(function* (flags) {
    const style = yield* styleOf
    const { sweepCommand } = yield* sweepModule
    yield* sweepCommand({
      file: flags.scenario,
      load: Option.getOrUndefined(flags.load),
      agents: Option.getOrUndefined(flags.agents),
      set: Option.getOrUndefined(flags.set),
      findBreak: flags.findBreak,
      tolerance: flags.tolerance,
      seed: Option.getOrUndefined(flags.seed),
      replications: Option.getOrUndefined(flags.replications),
      workers: flags.workers,
      out: Option.getOrUndefined(flags.out),
      json: flags.json,
      quiet: flags.quiet,
      style
    })
  })
).pipe(
  Command.withDescription(
    "Load tests and what-ifs: run a scenario at every value of one dimension (load, agents, any field), with the same random numbers at every point; print the curves and the breaking point; write sweep.json, sweep.csv and report.html"
  ),
  Command.withExamples([
    { command: "ccsim sweep s.yaml --load 0.8:1.5:0.1", description: "Volume from 80 % to 150 % of the forecast" },
    { command: "ccsim sweep s.yaml --agents team=8:14 -r 20", description: "Staffing from 8 to 14 agents" },
    { command: "ccsim sweep s.yaml --load 1:3 --find-break", description: "The breaking load, by bisection" }
  ]),
  Command.provide((flags) => Progress.layer({ enabled: !flags.quiet && !flags.json }))
)

const merge = Command.make(
  "merge",
  {
    parts: Argument.String("part").pipe(
      Argument.withDescription("Partial results files written by ccsim run --shard k/n --partial"),
      Argument.variadic({ min: 1 })
    ),
    out: Flag.String("out").pipe(
      Flag.withDescription("Output folder (default: reports/<scenario name>/)"),
      Flag.optional
    ),
    allowMissing: Flag.Boolean("allow-missing").pipe(
      Flag.withDescription("Merge even when planned replications are missing (results.json says which)"),
      Flag.withDefault(false)
    ),
    raw: Flag.Boolean("raw").pipe(
      Flag.withDescription("Also put every replication's raw result in results.json"),
      Flag.withDefault(false)
    ),
    quiet
  },
  Effect.fn(function* (flags) {
    const style = yield* styleOf
    const { mergeCommand } = yield* mergeModule
    yield* mergeCommand({
      parts: flags.parts,
      out: Option.getOrUndefined(flags.out),
      allowMissing: flags.allowMissing,
      raw: flags.raw,
      quiet: flags.quiet,
      style
    })
  })
).pipe(
  Command.withDescription(
    "Merge the partial results of sharded runs into results.json, intervals.csv and report.html, exactly as one run would have written them"
  ),
  Command.withExamples([
    {
      command: "ccsim run s.yaml --shard 2/4 --partial --out parts/",
      description: "On each of 4 machines (k = 1…4): replications ≡ k−1 (mod 4)"
    },
    { command: "ccsim merge parts/part-*.json --out results/", description: "Then merge the 4 parts" }
  ])
)

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
  Command.withSubcommands([run, test, validate, erlang, schema, report, sweep, merge, compare, staff]),
  Command.provide(OutputWriter.layer)
)
