/**
 * Behaviour fingerprint for performance work (not a test, not part of `npm run bench`): runs every scenario file
 * under `scenarios/`, random scenarios from the property tests' arbitrary, an MSER-5 run and the bench scenarios,
 * and hashes each trace (NDJSON) and metrics result. Optimisations must leave every hash unchanged.
 *
 *   node packages/engine/bench/identity.ts record <file> [from]  # before a change (stores the random inputs
 *                                                                # too; `from`: reuse another record's inputs)
 *   node packages/engine/bench/identity.ts compare <file>  # after: prints every case that differs
 */
import { createHash } from "node:crypto"
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { formatScenarioError, loadScenarioFile, Scenario } from "@ccsim/scenario"
import { NodeFileSystem } from "@effect/platform-node"
import { Effect, Schema } from "effect"
import fc from "fast-check"
import { compile, fanOut, type Observer, TraceRecorder } from "../src/index.ts"
import { MetricsCollector, measureReplication } from "../src/metrics/index.ts"
import { runReplication } from "../src/Simulation.ts"
import { scenarioArbitrary } from "../test/properties/ScenarioArbitrary.ts"
import { erlangA, erlangAHorizon, largeCenter } from "./scenarios.ts"

const root = resolve(import.meta.dirname, "../../..")
const [mode = "", file = "", from = ""] = process.argv.slice(2)
if ((mode !== "record" && mode !== "compare") || file === "") {
  console.error("usage: identity.ts record|compare <file>")
  process.exit(2)
}

type Case = { trace: string; result: string; stats: string }
const hash = () => createHash("sha256")

/** One replication measured with a trace recorder beside the collector; hashes of trace, result and stats. */
const fingerprint = (scenario: Scenario, replication: number, horizon?: number, trace = true): Case => {
  const model = compile(scenario)
  const h = hash()
  const observer: Observer | undefined = trace
    ? new TraceRecorder(model, (e) => h.update(`${JSON.stringify(e)}\n`))
    : undefined
  const measured = measureReplication(model, {
    replication,
    ...(horizon !== undefined ? { horizon } : {}),
    ...(observer !== undefined ? { observer } : {})
  })
  return {
    trace: h.digest("hex"),
    result: hash().update(JSON.stringify(measured.result)).digest("hex"),
    stats: JSON.stringify(measured.stats)
  }
}

/** The collector alone (no fan-out), and the bare engine: the single-observer paths. */
const singleObserver = (scenario: Scenario, replication: number): Case => {
  const model = compile(scenario)
  const collector = new MetricsCollector(model)
  const stats = runReplication(model, { replication, observer: collector })
  const bare = runReplication(model, { replication })
  const h = hash()
  const trace = new TraceRecorder(model, (e) => h.update(`${JSON.stringify(e)}\n`))
  runReplication(model, { replication, observer: fanOut([trace]) })
  return {
    trace: h.digest("hex"),
    result: hash()
      .update(JSON.stringify(collector.result(replication)))
      .digest("hex"),
    stats: JSON.stringify([stats, bare])
  }
}

const scenarioFiles = (dir: string): Array<string> =>
  readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) return scenarioFiles(path)
      return /\.(ya?ml|json)$/.test(name) ? [path] : []
    })

const load = (path: string): Promise<Scenario> =>
  Effect.runPromise(
    loadScenarioFile(path).pipe(
      Effect.mapError((error) => new Error(formatScenarioError(error))),
      Effect.provide(NodeFileSystem.layer)
    )
  )

const stored: { inputs?: Array<unknown>; cases?: Record<string, Case> } =
  mode === "compare"
    ? JSON.parse(readFileSync(file, "utf8"))
    : from !== ""
      ? JSON.parse(readFileSync(from, "utf8"))
      : {}
const inputs: Array<unknown> = stored.inputs ?? fc.sample(scenarioArbitrary, { seed: 20260501, numRuns: 300 })
const cases: Record<string, Case> = {}
const t0 = performance.now()

for (const path of scenarioFiles(join(root, "scenarios"))) {
  const name = path.slice(root.length + 1)
  let scenario: Scenario
  try {
    scenario = await load(path)
  } catch {
    continue // not a scenario (or one being edited): skipped on both sides
  }
  for (let r = 0; r < 2; r++) cases[`${name}#${r}`] = fingerprint(scenario, r)
  cases[`${name}#single`] = singleObserver(scenario, 0)
}
const decode = Schema.decodeUnknownSync(Scenario)
inputs.forEach((input, i) => {
  const scenario = decode(input)
  cases[`random-${i}`] = fingerprint(scenario, i % 3)
  if (i % 10 === 0) cases[`random-${i}#single`] = singleObserver(scenario, 0)
})
// MSER-5 warm-up (a pilot pass) on a steady-state day.
const mser = decode({
  name: "mser",
  seed: 3,
  time: { open: "00:00", duration: "12h", intervalMinutes: 30 },
  run: { mode: "steady-state", warmup: "mser-5" },
  queues: [{ id: "q", ringTimeout: "20s" }],
  workflows: [{ id: "w", trackingNumbers: ["555-0100"], steps: [{ to: "queue", queue: "q" }] }],
  agents: [{ id: "a", count: 8, queues: [{ queue: "q" }] }],
  traffic: [{ type: "queue", trackingNumber: "555-0100", arrivals: { ratePerHour: 140 }, handleTime: "3m" }]
})
cases.mser = fingerprint(mser, 0)
cases["erlang-a-50k"] = fingerprint(erlangA(), 0, erlangAHorizon(50_000))
cases["large-center"] = fingerprint(largeCenter(), 0, undefined, false)

const seconds = ((performance.now() - t0) / 1000).toFixed(1)
if (mode === "record") {
  writeFileSync(file, JSON.stringify({ inputs, cases }))
  console.log(`recorded ${Object.keys(cases).length} cases in ${seconds} s`)
} else {
  const before = stored.cases ?? {}
  const names = new Set([...Object.keys(before), ...Object.keys(cases)])
  let differ = 0
  for (const name of names) {
    const a = before[name]
    const b = cases[name]
    if (a === undefined || b === undefined) {
      console.log(`${name}: only ${a === undefined ? "after" : "before"}`)
      differ++
      continue
    }
    for (const k of ["trace", "result", "stats"] as const) {
      if (a[k] !== b[k]) {
        console.log(`${name}: ${k} differs`)
        differ++
      }
    }
  }
  console.log(`${names.size} cases compared in ${seconds} s: ${differ === 0 ? "identical" : `${differ} differences`}`)
  if (differ > 0) process.exit(1)
}
