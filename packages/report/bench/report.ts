/**
 * What report.html costs next to the simulation it reports: sampling one replication and drawing its report
 * (toReportData + renderReport), timed in the same process as that replication's plain simulation. Prints one
 * JSON line per case with PASS/MISS against the targets (drawing ≤ 10 % of the simulation, report ≤ 15 MB).
 *
 *   node packages/report/bench/report.ts erlang-a [calls]   # case 1's queue, steady state, default 20,000 calls
 *   node packages/report/bench/report.ts large-center       # the bench's 10,000-agent, 2M-call day
 */
import { compile, type Model, makeResultsDocument, measureReplication, summarize } from "@ccsim/engine"
import { erlangA, erlangAHorizon, largeCenter } from "../../engine/bench/scenarios.ts"
import { ReplicationSampler, renderReport, reportLayout, toReportData } from "../src/index.ts"

/** The targets of issue 14. */
const maxShare = 0.1
const maxBytes = 15 * 1024 * 1024

const timed = <A>(f: () => A): { value: A; ms: number } => {
  const t0 = performance.now()
  const value = f()
  return { value, ms: performance.now() - t0 }
}

const measure = (name: string, model: Model, horizon: number | undefined) => {
  const options = { replication: 0, ...(horizon !== undefined ? { horizon } : {}) }
  const simulation = timed(() => measureReplication(model, options))
  const sampler = new ReplicationSampler(model, { replication: 0 })
  const sampled = timed(() => measureReplication(model, { ...options, observer: sampler }))
  const document = {
    ...makeResultsDocument({
      model,
      seed: model.scenario.seed,
      engineVersion: "bench",
      summary: summarize([sampled.value.result])
    }),
    report: { layout: reportLayout(model), sample: sampler.sample(), violations: [] }
  }
  const drawn = timed(() => renderReport(toReportData(document, { runDate: "2000-01-01T00:00:00.000Z" })))
  const bytes = Buffer.byteLength(drawn.value)
  // Sampling's own cost: the sampled run's time beyond the plain run's (never below zero: timing noise).
  const samplingMs = Math.max(0, sampled.ms - simulation.ms)
  const reportMs = samplingMs + drawn.ms
  const share = reportMs / simulation.ms
  return {
    case: `report ${name}`,
    calls: simulation.value.stats.calls,
    agents: model.agents.length,
    simulationMs: Math.round(simulation.ms),
    samplingMs: Math.round(samplingMs),
    drawingMs: Math.round(drawn.ms),
    shareOfSimulation: Number(share.toFixed(4)),
    reportMiB: Number((bytes / 1024 / 1024).toFixed(2)),
    time: share <= maxShare ? "PASS" : "MISS",
    size: bytes <= maxBytes ? "PASS" : "MISS",
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024)
  }
}

const [name = "", arg = ""] = process.argv.slice(2)
switch (name) {
  case "erlang-a": {
    const calls = Number(arg || 20_000)
    const model = compile(erlangA())
    // warm up the engine and the drawing code on a small run first
    measure("warm-up", model, erlangAHorizon(2000))
    process.stdout.write(`${JSON.stringify(measure(`erlang-a ${calls}`, model, erlangAHorizon(calls)))}\n`)
    break
  }
  case "large-center": {
    const model = compile(largeCenter())
    process.stdout.write(`${JSON.stringify(measure("large-center", model, undefined))}\n`)
    break
  }
  default:
    process.stderr.write(`unknown report bench case ${JSON.stringify(name)} (erlang-a [calls] | large-center)\n`)
    process.exit(2)
}
