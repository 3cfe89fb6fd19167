/**
 * Case 1 alone, for profiling (not part of `npm run bench`):
 *
 *   node --cpu-prof --cpu-prof-dir=reports/bench/profiles packages/engine/bench/profile.ts [mode] [calls] [runs]
 *
 * mode: `engine` (no observer), `metrics` (the MetricsCollector, as `ccsim run`), `check` (and the conformance
 * checker), `trace` (and a trace recorder writing every event as NDJSON bytes). Prints calls/s of each run.
 */
import { compile, NdjsonWriter, TraceRecorder } from "../src/index.ts"
import { measureReplication } from "../src/metrics/index.ts"
import { runReplication } from "../src/Simulation.ts"
import { erlangA, erlangAHorizon } from "./scenarios.ts"

const [mode = "metrics", callsArg = "1000000", runsArg = "3"] = process.argv.slice(2)
const calls = Number(callsArg)
const model = compile(erlangA())
const horizon = erlangAHorizon(calls)
let sink = 0

const once = () => {
  switch (mode) {
    case "engine":
      return runReplication(model, { replication: 0, horizon })
    case "trace": {
      const trace = new TraceRecorder(
        model,
        new NdjsonWriter((bytes) => {
          sink += bytes.length
        })
      )
      return measureReplication(model, { replication: 0, horizon, observer: trace }).stats
    }
    default:
      return measureReplication(model, { replication: 0, horizon, check: mode === "check" }).stats
  }
}

for (let r = 0; r < Number(runsArg); r++) {
  const t0 = performance.now()
  const stats = once()
  const ms = performance.now() - t0
  process.stdout.write(
    `${mode}: ${stats.calls} calls, ${stats.events} events in ${ms.toFixed(0)} ms = ${(((stats.calls / ms) * 1000) / 1e6).toFixed(3)}M calls/s\n`
  )
}
if (sink < 0) process.stdout.write("")
