/**
 * Quick ratio check while optimising (not part of `npm run bench`): alternates the baseline loop with ccsim on
 * case 1 so machine noise hits both, and prints the best calls/s of each (the least disturbed run) and their ratio.
 *
 *   node packages/engine/bench/quick.ts [calls] [rounds] [modes, comma-separated: engine,metrics,check,trace]
 */
import { compile, NdjsonWriter, TraceRecorder } from "../src/index.ts"
import { measureReplication } from "../src/metrics/index.ts"
import { runReplication } from "../src/Simulation.ts"
import { runBaseline } from "./baseline.ts"
import { ERLANG_A, erlangA, erlangAHorizon } from "./scenarios.ts"

const [callsArg = "300000", roundsArg = "7", modesArg = "engine,metrics"] = process.argv.slice(2)
const calls = Number(callsArg)
const modes = modesArg.split(",")
const model = compile(erlangA())
const horizon = erlangAHorizon(calls)
let sink = 0

const ccsim = (mode: string) => {
  if (mode === "engine") return runReplication(model, { replication: 0, horizon }).calls
  if (mode === "trace") {
    const observer = new TraceRecorder(
      model,
      new NdjsonWriter((bytes) => {
        sink += bytes.length
      })
    )
    return measureReplication(model, { replication: 0, horizon, observer }).stats.calls
  }
  return measureReplication(model, { replication: 0, horizon, check: mode === "check" }).stats.calls
}

const baseline = () =>
  runBaseline({
    agents: ERLANG_A.agents,
    arrivalRatePerSecond: ERLANG_A.ratePerSecond,
    meanHandleSeconds: ERLANG_A.ahtSeconds,
    meanPatienceSeconds: ERLANG_A.patienceSeconds,
    thresholdSeconds: ERLANG_A.thresholdSeconds,
    calls,
    seed: 1
  }).calls

const rate = (f: () => number) => {
  const t0 = performance.now()
  const n = f()
  return (n / (performance.now() - t0)) * 1000
}
const best = (xs: Array<number>) => Math.max(...xs)

for (const mode of modes) ccsim(mode)
baseline()
const rates = new Map<string, Array<number>>(modes.map((m) => [m, []]))
const base: Array<number> = []
for (let r = 0; r < Number(roundsArg); r++) {
  for (const mode of modes) {
    const b = rate(baseline)
    const c = rate(() => ccsim(mode))
    base.push(b)
    rates.get(mode)!.push(c)
  }
}
process.stdout.write(`baseline ${(best(base) / 1e6).toFixed(2)}M calls/s\n`)
for (const mode of modes) {
  process.stdout.write(
    `${mode.padEnd(8)} ${(best(rates.get(mode)!) / 1e6).toFixed(3)}M calls/s  ratio ${(best(rates.get(mode)!) / best(base)).toFixed(3)}\n`
  )
}
if (sink < 0) process.stdout.write("")
