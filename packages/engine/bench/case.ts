/**
 * Runs one bench case in this process and prints one JSON line ({@link CaseOutput}). `main.ts` starts a fresh
 * process per case so each peak RSS is the case's own, and runs the baseline in the same process as every speed
 * case. Speed cases warm up first, then run `BENCH_RUNS` times (default 3) and report the median.
 *
 *   node packages/engine/bench/case.ts erlang-a plain|check|trace
 *   node packages/engine/bench/case.ts memory <calls>
 *   node packages/engine/bench/case.ts large-center
 */
import { closeSync, openSync, writeSync } from "node:fs"
import { erlangA as erlangAAnalytic } from "@ccsim/analytic"
import { compile, type Model, NdjsonWriter, TraceRecorder } from "../src/index.ts"
import { type Measured, measureReplication } from "../src/metrics/index.ts"
import { runBaseline } from "./baseline.ts"
import { ERLANG_A, erlangA, erlangAHorizon, largeCenter } from "./scenarios.ts"

/** What a case prints. */
export interface CaseOutput {
  readonly case: string
  readonly baseline?: {
    readonly callsPerSecond: number
    readonly pAbandon: number
    readonly serviceLevel: number
    readonly theoryPAbandon: number
    readonly theoryServiceLevel: number
    readonly agreesWithErlangA: boolean
  }
  readonly ccsim: {
    readonly calls: number
    readonly events: number
    readonly callsPerSecond: number
    readonly eventsPerSecond: number
    readonly wallMs: number
    readonly agents?: number
    readonly queues?: number
    readonly traceBytes?: number
  }
  readonly peakRssMiB: number
}

const median = (xs: ReadonlyArray<number>) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

const timed = <A>(f: () => A): { value: A; ms: number } => {
  const t0 = performance.now()
  const value = f()
  return { value, ms: performance.now() - t0 }
}

/** Baseline calls/s (median of `runs`), after a warm-up, and its agreement with Erlang A. */
const baseline = (calls: number, runs: number): NonNullable<CaseOutput["baseline"]> => {
  const params = {
    agents: ERLANG_A.agents,
    arrivalRatePerSecond: ERLANG_A.ratePerSecond,
    meanHandleSeconds: ERLANG_A.ahtSeconds,
    meanPatienceSeconds: ERLANG_A.patienceSeconds,
    thresholdSeconds: ERLANG_A.thresholdSeconds
  }
  runBaseline({ ...params, calls: Math.min(calls, 200_000), seed: 99 })
  const rates: Array<number> = []
  let last = runBaseline({ ...params, calls: 1000, seed: 1 })
  for (let i = 0; i < runs; i++) {
    const { value, ms } = timed(() => runBaseline({ ...params, calls, seed: i + 1 }))
    rates.push((value.calls / ms) * 1000)
    last = value
  }
  const theory = erlangAAnalytic({
    agents: ERLANG_A.agents,
    arrivalRate: ERLANG_A.ratePerSecond,
    aht: ERLANG_A.ahtSeconds,
    patience: ERLANG_A.patienceSeconds,
    threshold: ERLANG_A.thresholdSeconds
  })
  const pAbandon = last.abandoned / last.calls
  const serviceLevel = last.answeredWithinThreshold / last.calls
  // A long single run: batch-means noise at 1M calls is about ±0.005 on these fractions.
  const agrees =
    Math.abs(pAbandon - theory.pAbandon) < 0.01 &&
    Math.abs(serviceLevel - theory.serviceLevels["answered-of-offered"]) < 0.015
  return {
    callsPerSecond: median(rates),
    pAbandon,
    serviceLevel,
    theoryPAbandon: theory.pAbandon,
    theoryServiceLevel: theory.serviceLevels["answered-of-offered"],
    agreesWithErlangA: agrees
  }
}

/** NDJSON to a file through the engine's reusable buffer: what `--trace` costs, without the CLI around it. */
class NdjsonFile {
  private readonly fd: number
  readonly writer: NdjsonWriter
  constructor(path: string) {
    const fd = openSync(path, "w")
    this.fd = fd
    this.writer = new NdjsonWriter((bytes) => {
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done)
    })
  }
  get bytes() {
    return this.writer.bytes
  }
  close() {
    this.writer.flush()
    closeSync(this.fd)
  }
}

type Mode = "plain" | "check" | "trace"

/** One measured replication of case 1 with `calls` calls: metrics always, plus the checker or a trace file. */
const erlangARun = (model: Model, calls: number, mode: Mode, tracePath: string) => {
  const file = mode === "trace" ? new NdjsonFile(tracePath) : undefined
  const measured = measureReplication(model, {
    replication: 0,
    horizon: erlangAHorizon(calls),
    check: mode === "check",
    ...(file !== undefined ? { observer: new TraceRecorder(model, file.writer) } : {})
  })
  file?.close()
  return { measured, traceBytes: file?.bytes ?? 0 }
}

/** Median figures of `runs` timed runs after one warm-up run. */
const speed = (
  runs: number,
  warmUp: () => unknown,
  run: () => { readonly measured: Measured; readonly traceBytes?: number }
): CaseOutput["ccsim"] => {
  warmUp()
  const rates: Array<number> = []
  const eventRates: Array<number> = []
  const walls: Array<number> = []
  let last: { readonly measured: Measured; readonly traceBytes?: number } | undefined
  for (let i = 0; i < runs; i++) {
    const { value, ms } = timed(run)
    last = value
    rates.push((value.measured.stats.calls / ms) * 1000)
    eventRates.push((value.measured.stats.events / ms) * 1000)
    walls.push(ms)
  }
  const stats = last!.measured.stats
  return {
    calls: stats.calls,
    events: stats.events,
    callsPerSecond: median(rates),
    eventsPerSecond: median(eventRates),
    wallMs: median(walls),
    ...(last!.traceBytes !== undefined && last!.traceBytes > 0 ? { traceBytes: last!.traceBytes } : {})
  }
}

const [name = "", arg = ""] = process.argv.slice(2)
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3))
const tracePath = process.env.BENCH_TRACE ?? "trace.ndjson"
let output: Omit<CaseOutput, "peakRssMiB">
switch (name) {
  case "erlang-a": {
    const mode = (arg || "plain") as Mode
    const calls = 1_000_000
    const model = compile(erlangA())
    output = {
      case: `erlang-a ${mode}`,
      baseline: baseline(calls, runs),
      ccsim: speed(
        runs,
        () => erlangARun(model, 100_000, mode, tracePath),
        () => erlangARun(model, calls, mode, tracePath)
      )
    }
    break
  }
  case "memory": {
    // One run, no warm-up: the process's peak RSS is the run's.
    const calls = Number(arg)
    const model = compile(erlangA())
    const { value, ms } = timed(() => erlangARun(model, calls, "plain", tracePath))
    const stats = value.measured.stats
    output = {
      case: `memory ${calls}`,
      ccsim: {
        calls: stats.calls,
        events: stats.events,
        wallMs: ms,
        callsPerSecond: (stats.calls / ms) * 1000,
        eventsPerSecond: (stats.events / ms) * 1000
      }
    }
    break
  }
  case "large-center": {
    const model = compile(largeCenter())
    // Warm up on another replication of the same day.
    const figures = speed(
      runs,
      () => measureReplication(model, { replication: 1 }),
      () => ({ measured: measureReplication(model, { replication: 0 }) })
    )
    output = { case: "large-center", ccsim: { ...figures, agents: model.agents.length, queues: model.queues.length } }
    break
  }
  default:
    process.stderr.write(`unknown bench case ${JSON.stringify(name)}\n`)
    process.exit(2)
}
const result: CaseOutput = { ...output, peakRssMiB: process.resourceUsage().maxRSS / 1024 }
process.stdout.write(`${JSON.stringify(result)}\n`)
