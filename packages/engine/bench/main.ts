/**
 * `npm run bench`: speed and memory at scale, each figure against a baseline measured in the same run.
 * Every case runs in a fresh process (so its peak RSS is its own); speed cases run the plain typed-array
 * M/M/c+M baseline in the same process first. Every target of issues 7, 13 and 14 has a row with PASS/MISS. Prints a table and writes reports/bench/bench.json.
 * `BENCH_RUNS` (default 3) sets the measured runs per case; each case reports their median.
 */
import { execFileSync, spawnSync } from "node:child_process"
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { stringify } from "yaml"
import type { CaseOutput } from "./case.ts"
import { erlangAInputForDay } from "./scenarios.ts"

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, "../../..")
const out = join(root, "reports/bench")
mkdirSync(out, { recursive: true })
const node = process.execPath
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3))
const started = performance.now()

const runCase = (...args: Array<string>): CaseOutput => {
  process.stderr.write(`bench: ${args.join(" ")} …\n`)
  const text = execFileSync(node, [join(here, "case.ts"), ...args], {
    encoding: "utf8",
    env: { ...process.env, BENCH_TRACE: join(out, "trace.ndjson"), BENCH_RUNS: String(runs) },
    maxBuffer: 1 << 24,
    stdio: ["ignore", "pipe", "inherit"]
  })
  return JSON.parse(text.trim().split("\n").at(-1)!) as CaseOutput
}

const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** Wall time of a whole `ccsim` process (ms), median of `times`. */
const cliWall = (args: Array<string>, times: number) => {
  const walls: Array<number> = []
  for (let i = 0; i < times; i++) {
    const t0 = performance.now()
    const r = spawnSync(node, [join(root, "packages/cli/src/bin.ts"), ...args], { cwd: root, encoding: "utf8" })
    walls.push(performance.now() - t0)
    if (r.status !== 0) throw new Error(`ccsim ${args.join(" ")} exited ${r.status}: ${r.stderr}`)
  }
  return median(walls)
}

const plain = runCase("erlang-a", "plain")
const checked = runCase("erlang-a", "check")
const traced = runCase("erlang-a", "trace")
rmSync(join(out, "trace.ndjson"), { force: true })
const mem1 = runCase("memory", "1000000")
const mem10 = runCase("memory", "10000000")
const large = runCase("large-center")

// Case 5: 8 replications of case 1, one worker thread and two, through @ccsim/runner's Runner (what
// `ccsim run --workers N` runs; see replications.ts for why not the whole command). `ccsim run` runs a file's
// day (at most 24 h), so the file is case 1 with its times divided by 46: 1M calls a day, the same work per call.
const scenarioFile = join(out, "bench-erlang-a.yaml")
writeFileSync(scenarioFile, stringify({ ...erlangAInputForDay(1_000_000), replications: 8 }))
interface ReplicationsOutput {
  readonly wallMs: number
  readonly results: string
}
const replicationsRun = (workers: number): ReplicationsOutput => {
  process.stderr.write(`bench: 8 replications, --workers ${workers} …\n`)
  const text = execFileSync(node, [join(here, "replications.ts"), scenarioFile, String(workers)], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"]
  })
  return JSON.parse(text.trim().split("\n").at(-1)!) as ReplicationsOutput
}
// One worker and two in alternation, the speed-up as the median of each pair's ratio: the machine's speed drifts
// by more than the difference being measured, and a slow minute must not fall on one side only.
const pairs = Array.from({ length: runs }, () => ({ w1: replicationsRun(1), w2: replicationsRun(2) }))
const w1s = pairs.map((p) => p.w1)
const w2s = pairs.map((p) => p.w2)
const w1 = median(w1s.map((r) => r.wallMs))
const w2 = median(w2s.map((r) => r.wallMs))
const speedUp = median(pairs.map((p) => p.w1.wallMs / p.w2.wallMs))
const identical = [...w1s, ...w2s].every((r) => r.results === w1s[0]!.results)

// Case 6: start-up of a whole `ccsim run` of a tiny scenario, and of `ccsim --help` (the compile cache is warm
// after the first of the runs, as it is for a user's second command).
process.stderr.write("bench: ccsim run tiny scenario, ccsim --help …\n")
const startup = cliWall(
  ["run", join(root, "scenarios/examples/minimal.yaml"), "--quiet", "--out", join(out, "tiny")],
  Math.max(5, runs)
)
const help = cliWall(["--help"], Math.max(5, runs))

// Case 7: what report.html costs next to the simulation it reports (packages/report/bench/report.ts, a fresh
// process per scenario): case 1's queue at case 1's million calls, and the large center's day.
interface ReportOutput {
  readonly case: string
  readonly calls: number
  readonly simulationMs: number
  readonly samplingMs: number
  readonly drawingMs: number
  readonly shareOfSimulation: number
  readonly reportMiB: number
  readonly peakRssMiB: number
}
const reportCase = (...args: Array<string>): ReportOutput => {
  process.stderr.write(`bench: report ${args.join(" ")} …\n`)
  const text = execFileSync(node, [join(root, "packages/report/bench/report.ts"), ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"]
  })
  return JSON.parse(text.trim().split("\n").at(-1)!) as ReportOutput
}
const reportErlangA = reportCase("erlang-a", "1000000")
const reportLarge = reportCase("large-center")

const perCall = (c: CaseOutput) => c.ccsim.wallMs / c.ccsim.calls
const ratioOfBaseline = (c: CaseOutput) => c.ccsim.callsPerSecond / c.baseline!.callsPerSecond
const millions = (x: number) => `${(x / 1e6).toFixed(2)}M`

interface Row {
  readonly case: string
  readonly figure: string
  readonly ratio: number
  readonly target: number | undefined
  readonly higherIsBetter: boolean
}

const rows: Array<Row> = [
  {
    case: "1 Erlang A day, 1M calls",
    figure: `${millions(plain.ccsim.callsPerSecond)} calls/s, ${millions(plain.ccsim.eventsPerSecond)} events/s, ${(plain.ccsim.wallMs / 1000).toFixed(2)} s, RSS ${plain.peakRssMiB.toFixed(0)} MiB`,
    ratio: ratioOfBaseline(plain),
    target: 0.35,
    higherIsBetter: true
  },
  {
    case: "1 … with the checker on",
    figure: `${millions(checked.ccsim.callsPerSecond)} calls/s, ${(checked.ccsim.wallMs / 1000).toFixed(2)} s`,
    ratio: ratioOfBaseline(checked),
    target: 0.2,
    higherIsBetter: true
  },
  {
    case: "1 … with the trace to NDJSON",
    figure: `${millions(traced.ccsim.callsPerSecond)} calls/s, ${(traced.ccsim.wallMs / 1000).toFixed(2)} s, ${((traced.ccsim.traceBytes ?? 0) / 2 ** 20).toFixed(0)} MiB`,
    ratio: ratioOfBaseline(traced),
    target: undefined,
    higherIsBetter: true
  },
  {
    case: "1 … trace to NDJSON: peak RSS (MiB)",
    figure: `${traced.peakRssMiB.toFixed(0)} MiB for ${millions(traced.ccsim.calls)} calls`,
    ratio: traced.peakRssMiB,
    target: 250,
    higherIsBetter: false
  },
  {
    case: "2 baseline M/M/c+M loop",
    figure: `${millions(plain.baseline!.callsPerSecond)} calls/s; P(ab) ${plain.baseline!.pAbandon.toFixed(4)} vs Erlang A ${plain.baseline!.theoryPAbandon.toFixed(4)}, SL ${plain.baseline!.serviceLevel.toFixed(4)} vs ${plain.baseline!.theoryServiceLevel.toFixed(4)}`,
    ratio: plain.baseline!.agreesWithErlangA ? 1 : 0,
    target: 1,
    higherIsBetter: true
  },
  {
    case: "3 memory: peak RSS 10M / 1M calls",
    figure: `${mem10.peakRssMiB.toFixed(0)} MiB vs ${mem1.peakRssMiB.toFixed(0)} MiB (${(mem10.ccsim.calls / 1e6).toFixed(1)}M calls in ${(mem10.ccsim.wallMs / 1000).toFixed(1)} s)`,
    ratio: mem10.peakRssMiB / mem1.peakRssMiB,
    target: 1.2,
    higherIsBetter: false
  },
  {
    case: "4 large center: per-call cost / case 1",
    figure: `${large.ccsim.agents} agents, ${large.ccsim.queues} queues, ${(large.ccsim.calls / 1e6).toFixed(2)}M calls in ${(large.ccsim.wallMs / 1000).toFixed(1)} s (${(perCall(large) * 1e3).toFixed(2)} vs ${(perCall(plain) * 1e3).toFixed(2)} µs/call)`,
    ratio: perCall(large) / perCall(plain),
    target: 2,
    higherIsBetter: false
  },
  {
    case: "5 8 replications, speed-up 2 workers",
    figure: `${(w1 / 1000).toFixed(1)} s → ${(w2 / 1000).toFixed(1)} s (medians; speed-up: median of alternated pairs); results identical: ${identical}`,
    ratio: identical ? speedUp : 0,
    target: 1.8,
    higherIsBetter: true
  },
  {
    case: "6 start-up: ccsim run --quiet, tiny (s)",
    figure: `${startup.toFixed(0)} ms`,
    ratio: startup / 1000,
    target: 1,
    higherIsBetter: false
  },
  {
    case: "6 start-up: ccsim --help (s)",
    figure: `${help.toFixed(0)} ms`,
    ratio: help / 1000,
    target: 0.5,
    higherIsBetter: false
  },
  ...[reportErlangA, reportLarge].flatMap((r): Array<Row> => {
    const name = r === reportLarge ? "large center" : "case 1"
    return [
      {
        case: `7 report.html, ${name}: time / simulation`,
        figure: `${(r.calls / 1e6).toFixed(2)}M calls simulated in ${(r.simulationMs / 1000).toFixed(1)} s; sampling ${r.samplingMs} ms, drawing ${r.drawingMs} ms`,
        ratio: r.shareOfSimulation,
        target: 0.1,
        higherIsBetter: false
      },
      {
        case: `7 report.html, ${name}: size (MB)`,
        figure: `${r.reportMiB.toFixed(2)} MiB, peak RSS ${r.peakRssMiB} MiB`,
        ratio: r.reportMiB,
        target: 15,
        higherIsBetter: false
      }
    ]
  })
]

const verdict = (r: Row) =>
  r.target === undefined ? "" : (r.higherIsBetter ? r.ratio >= r.target : r.ratio <= r.target) ? "PASS" : "MISS"
const pad = (s: string, n: number) => s.padEnd(n)
const lines = [`${pad("case", 50)}${pad("ratio", 8)}${pad("target", 9)}${pad("", 6)}figure`]
for (const r of rows) {
  const target = r.target === undefined ? "" : `${r.higherIsBetter ? "≥" : "≤"} ${r.target}`
  lines.push(`${pad(r.case, 50)}${pad(r.ratio.toFixed(2), 8)}${pad(target, 9)}${pad(verdict(r), 6)}${r.figure}`)
}
const totalSeconds = (performance.now() - started) / 1000
lines.push(`bench took ${totalSeconds.toFixed(0)} s on ${process.version}, ${runs} runs per case (median)`)
process.stdout.write(`${lines.join("\n")}\n`)

const document = {
  node: process.version,
  date: new Date().toISOString(),
  seconds: totalSeconds,
  runs,
  rows: rows.map((r) => ({ ...r, verdict: verdict(r) })),
  raw: {
    plain,
    checked,
    traced,
    mem1,
    mem10,
    large,
    workers: { w1, w2, speedUp, pairs: pairs.map((p) => [p.w1.wallMs, p.w2.wallMs]), identical },
    startupMs: startup,
    helpMs: help,
    report: { erlangA: reportErlangA, largeCenter: reportLarge }
  }
}
const file = join(out, "bench.json")
writeFileSync(`${file}.tmp`, `${JSON.stringify(document, null, 2)}\n`)
renameSync(`${file}.tmp`, file)
