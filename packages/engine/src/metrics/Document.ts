/**
 * The results document (`results.json`) the CLI writes and the report reads: metadata, the summary of every
 * scope, threshold rows, and optionally the raw per-replication results. Shape: RESULTS.md.
 */

import type { Model } from "../Model.ts"
import type { ReplicationResult } from "./Result.ts"
import { RESULTS_VERSION } from "./Result.ts"
import type { ResultsDocumentSchema } from "./ResultsSchema.ts"
import type { Summary } from "./Summary.ts"
import type { ThresholdRow } from "./Thresholds.ts"

/** The contents of results.json (ResultsSchema.ts). */
export type ResultsDocument = typeof ResultsDocumentSchema.Type

/** Assembles the results document; key order is fixed, so equal inputs give equal bytes. */
export const makeResultsDocument = (input: {
  readonly model: Model
  readonly seed: number
  readonly engineVersion: string
  readonly summary: Summary
  readonly thresholds?: Array<ThresholdRow>
  readonly replicationResults?: Array<ReplicationResult>
}): ResultsDocument => {
  const { model, summary } = input
  const scenario = model.scenario
  const run = scenario.run
  return {
    resultsVersion: RESULTS_VERSION,
    scenario: {
      name: scenario.name,
      description: scenario.description ?? null,
      date: scenario.time.date ?? null,
      timeZone: scenario.time.timeZone ?? null,
      open: model.open,
      close: model.close,
      intervalMs: model.intervalMs
    },
    seed: input.seed,
    replications: summary.replications,
    engineVersion: input.engineVersion,
    runMode: run.mode,
    warmup: run.mode === "terminating" ? "none" : run.warmup,
    serviceLevelDefinition: summary.serviceLevelDefinition,
    summary,
    thresholds: input.thresholds ?? [],
    replicationResults: input.replicationResults ?? null
  }
}
