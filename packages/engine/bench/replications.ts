/**
 * Case 5 helper: runs a scenario file's replications the way `ccsim run --workers N` does — the CLI's own
 * runner (`ScenarioRunner`: replication 0 in this thread, the rest on N worker threads) — and prints one JSON
 * line: the wall time of the run and a hash of the results in replication order. The report's sampler and the
 * output files are left out: rendering report.html for a million-call replication takes far longer than the run
 * (see the Performance section of packages/engine/README.md).
 *
 *   node packages/engine/bench/replications.ts <scenario file> <workers>
 */
import { createHash } from "node:crypto"
import { loadScenarioFile } from "@ccsim/scenario"
import { NodeFileSystem } from "@effect/platform-node"
import { Effect, Layer } from "effect"
import { Progress } from "../../cli/src/Progress.ts"
import { ScenarioRunner } from "../../cli/src/ScenarioRunner.ts"

const [file = "", workersArg = "1"] = process.argv.slice(2)
const workers = Number(workersArg)

const program = Effect.gen(function* () {
  const scenario = yield* loadScenarioFile(file)
  const runner = yield* ScenarioRunner
  const t0 = performance.now()
  const outcome = yield* runner.run({
    file,
    scenario,
    workers,
    label: scenario.name,
    options: { seed: scenario.seed, check: false, tracePrefix: undefined, keepTraceOf: [] },
    sample: false
  })
  const wallMs = performance.now() - t0
  const hash = createHash("sha256")
  for (const output of outcome.outputs) hash.update(JSON.stringify(output.result))
  return { workers, replications: outcome.outputs.length, wallMs, results: hash.digest("hex") }
})

const result = await Effect.runPromise(
  program.pipe(Effect.provide(Layer.mergeAll(ScenarioRunner.layer, Progress.layerNoop, NodeFileSystem.layer)))
)
process.stdout.write(`${JSON.stringify(result)}\n`)
