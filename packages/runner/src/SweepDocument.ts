/**
 * `sweep.json` and `sweep.csv`: a sweep's points and breaking point (schema in packages/runner/SWEEP.md).
 * Deterministic — no clock, no thread count, no host — so the same inputs and seed give byte-identical files
 * whatever `--workers`.
 */
import type { Comparison, ThresholdMetric } from "@ccsim/scenario"
import { engineVersion } from "./RunDocument.ts"
import type { BreakingPoint, SweepEstimate, SweepOutcome, SweepPoint } from "./Sweep.ts"
import type { SweepDimension } from "./SweepDimension.ts"

/** The version of sweep.json's layout; bumped on any incompatible change. */
export const sweepVersion = 1

/** A threshold as the scenario states it. */
export interface SweepThreshold {
  readonly metric: ThresholdMetric
  readonly scope: string
  readonly op: Comparison
  readonly value: number
  readonly confidence: number | null
  readonly strict: boolean
}

/** sweep.json. */
export interface SweepDocument {
  readonly sweepVersion: number
  readonly engineVersion: string
  readonly scenario: string
  readonly description: string | null
  readonly seed: number
  /** Every point runs replications 0 … n−1 with `seed` (common random numbers). */
  readonly replicationsPerPoint: number
  readonly serviceLevelDefinition: string
  readonly dimension: SweepDimension
  readonly method: "grid" | "bisection"
  readonly tolerance: number | null
  readonly thresholds: ReadonlyArray<SweepThreshold>
  readonly points: ReadonlyArray<SweepPoint>
  readonly breakingPoint: BreakingPoint
}

/** The document of a finished sweep. */
export const sweepDocument = (outcome: SweepOutcome): SweepDocument => ({
  sweepVersion,
  engineVersion,
  scenario: outcome.scenario.name,
  description: outcome.scenario.description ?? null,
  seed: outcome.scenario.seed,
  replicationsPerPoint: outcome.replications,
  serviceLevelDefinition: outcome.serviceLevelDefinition,
  dimension: outcome.dimension,
  method: outcome.method,
  tolerance: outcome.tolerance,
  thresholds: outcome.thresholds.map((t) => ({
    metric: t.metric,
    scope: t.scope,
    op: t.op,
    value: t.value,
    confidence: t.confidence ?? null,
    strict: t.strict
  })),
  points: outcome.points,
  breakingPoint: outcome.breakingPoint
})

/** The columns of sweep.csv, in order. */
export const SWEEP_CSV_COLUMNS = [
  "value",
  "scope",
  "service_level",
  "service_level_ci_low",
  "service_level_ci_high",
  "asa_s",
  "asa_ci_low",
  "asa_ci_high",
  "abandon_rate",
  "abandon_rate_ci_low",
  "abandon_rate_ci_high",
  "occupancy",
  "occupancy_ci_low",
  "occupancy_ci_high",
  "thresholds_hold"
] as const

const format = (x: number | null | undefined): string =>
  x === null || x === undefined || !Number.isFinite(x) ? "" : String(Number(x.toPrecision(10)))

const cell = (text: string): string => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text)

const cells = (e: SweepEstimate | undefined): Array<string> =>
  e === undefined ? ["", "", ""] : [format(e.mean), format(e.lo), format(e.hi)]

/**
 * sweep.csv: per point, a row for all queues (`total`, with all agents' occupancy and whether every strict
 * threshold holds), one per queue, and one per agent entry (`agents:<id>`, occupancy only).
 */
export const sweepCsv = (document: SweepDocument): string => {
  const rows: Array<string> = [SWEEP_CSV_COLUMNS.join(",")]
  const push = (p: SweepPoint, scope: string, values: Array<string>, holds: string) =>
    rows.push([p.value, scope, ...values, holds].map(cell).join(","))
  for (const p of document.points) {
    const t = p.total
    push(
      p,
      "total",
      [...cells(t.serviceLevel), ...cells(t.asa), ...cells(t.abandonRate), ...cells(t.occupancy)],
      String(p.holds)
    )
    for (const q of p.queues) {
      push(
        p,
        `queue:${q.id}`,
        [...cells(q.serviceLevel), ...cells(q.asa), ...cells(q.abandonRate), ...cells(undefined)],
        ""
      )
    }
    for (const g of p.groups) {
      push(
        p,
        `agents:${g.id}`,
        [...cells(undefined), ...cells(undefined), ...cells(undefined), ...cells(g.occupancy)],
        ""
      )
    }
  }
  return `${rows.join("\n")}\n`
}
