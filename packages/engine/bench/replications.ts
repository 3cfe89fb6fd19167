/**
 * Case 5 helper: runs a scenario file's replications the way `ccsim run --workers N` does — the runner package's
 * `Runner` on N worker threads (every replication on the threads, all started at once) — and prints one JSON
 * line: the wall time of the run and a hash of the results in replication order. The report's sampler and the
 * output files are left out: rendering report.html for a million-call replication takes far longer than the run
 * (see the Performance section of packages/engine/README.md).
 *
 *   node packages/engine/bench/replications.ts <scenario file> <workers>
 */
import { createHash } from "node:crypto"
import { Runner } from "@ccsim/runner"
import { loadScenarioFile } from "@ccsim/scenario"
import { NodeFileSystem } from "@effect/platform-node"
import { Effect, Layer } from "effect"

const [file = "", workersArg = "1"] = process.argv.slice(2)
const workers = Number(workersArg)

const program = Effect.gen(function* () {
  const scenario = yield* loadScenarioFile(file)
  const runner = yield* Runner
  const t0 = performance.now()
  const outcome = yield* runner.run({ scenario, subject: file })
  const wallMs = performance.now() - t0
  const hash = createHash("sha256")
  for (const output of outcome.outputs) hash.update(JSON.stringify(output.result))
  return { workers, replications: outcome.outputs.length, wallMs, results: hash.digest("hex") }
})

const result = await Effect.runPromise(
  program.pipe(Effect.provide(Layer.mergeAll(Runner.layer({ threads: workers }), NodeFileSystem.layer)))
)
process.stdout.write(`${JSON.stringify(result)}\n`)
