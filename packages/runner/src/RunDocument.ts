/**
 * `results.json`: the engine's versioned results document (fields in packages/engine/src/metrics/RESULTS.md) plus
 * a `report` section that lets `ccsim report` redraw the report without the scenario: the model's layout, one
 * replication's agent timeline, and the first rule violations. Deterministic — no wall-clock time, no host
 * names — so the same scenario and seed give byte-identical files for any number of worker threads.
 */
import * as fs from "node:fs"
import { fileURLToPath } from "node:url"
import type { ResultsDocument, Violation } from "@ccsim/engine"
import { intervalsCsv, makeResultsDocument } from "@ccsim/engine"
import type { ReplicationSample, ReportLayout } from "@ccsim/report"
import { reportLayout } from "@ccsim/report"
import type { Analysis } from "./Analysis.ts"

/** The engine package's version, read from its package.json (the engine does not export it). */
export const engineVersion: string = (() => {
  try {
    const entry = fileURLToPath(import.meta.resolve("@ccsim/engine"))
    const manifest = new URL("../package.json", `file://${entry}`)
    const pkg = JSON.parse(fs.readFileSync(manifest, "utf8")) as { readonly version?: string }
    return pkg.version ?? "unknown"
  } catch {
    return "unknown"
  }
})()

/** What the report needs besides the engine's document. */
export interface ReportSection {
  readonly layout: ReportLayout
  readonly sample: ReplicationSample | null
  /** The first violations, each with its replication (all of them are counted in `summary.violations`). */
  readonly violations: ReadonlyArray<Violation & { readonly replication: number }>
}

/** results.json. */
export type RunDocument = ResultsDocument & { readonly report: ReportSection }

/** Builds results.json for a run; `raw` adds the per-replication results. */
export const runDocument = (input: {
  readonly analysis: Analysis
  readonly sample: ReplicationSample | undefined
  readonly raw: boolean
}): RunDocument => {
  const { analysis } = input
  return {
    ...makeResultsDocument({
      model: analysis.model,
      seed: analysis.model.scenario.seed,
      engineVersion,
      summary: analysis.summary,
      thresholds: [...analysis.thresholds],
      ...(input.raw ? { replicationResults: [...analysis.results] } : {})
    }),
    report: {
      layout: reportLayout(analysis.model),
      sample: input.sample ?? null,
      violations: analysis.violations.map((v) => ({ replication: v.replication, ...v.violation }))
    }
  }
}

/** `intervals.csv` of a run. */
export const intervalsCsvOf = (analysis: Analysis): string => intervalsCsv(analysis.summary)
