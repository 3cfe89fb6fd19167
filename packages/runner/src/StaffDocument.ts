/**
 * The staffing's files: `staffing.json` (versioned, everything the search found) and `staffing.csv` (one row per
 * interval and queue, the flat layout WFM tools import: interval start, queue, requirement columns, then each
 * expected metric with its confidence interval). Deterministic: no clock time, no host; the same scenario, seed and
 * flags give the same bytes whatever the number of worker threads.
 */
import type { StaffPageData } from "@ccsim/report"
import { engineVersion } from "./RunDocument.ts"
import type { StaffResult, StaffRow } from "./Staff.ts"
import type { Estimate, IntervalEvaluation } from "./StaffEvaluate.ts"

/** The version of staffing.json; bumped on any incompatible change. */
export const STAFFING_VERSION = 1 as const

/** `HH:MM` of ms after midnight. */
export const clockOf = (ms: number): string =>
  `${String(Math.floor(ms / 3_600_000)).padStart(2, "0")}:${String(Math.floor(ms / 60_000) % 60).padStart(2, "0")}`

const round = (x: number, digits = 4): number | null => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null)

const estimate = (e: Estimate) => ({ value: round(e.value), ci: [round(e.lower), round(e.upper)] })

const evaluation = (e: IntervalEvaluation | undefined) =>
  e === undefined
    ? null
    : {
        offered: round(e.offered, 2),
        serviceLevel: estimate(e.serviceLevel),
        abandonRate: estimate(e.abandonRate),
        asaSeconds: estimate(e.asa),
        occupancy: estimate(e.occupancy),
        targets: e.statuses.map((s) => ({ target: s.target.label, status: s.status }))
      }

const row = (r: StaffRow) => ({
  start: clockOf(r.start),
  queue: r.queue,
  offered: round(r.demand.volume, 2),
  ahtSeconds: round(r.demand.ahtSeconds, 1),
  patienceSeconds: r.demand.patienceSeconds === undefined ? null : round(r.demand.patienceSeconds, 1),
  erlang: {
    model: r.erlang.model,
    agents: r.erlang.agents,
    fractionalAgents: round(r.erlang.fractionalAgents, 3),
    binding: r.erlang.binding,
    serviceLevel: round(r.erlang.achieved.serviceLevel),
    asaSeconds: round(r.erlang.achieved.asa, 2),
    abandonRate: round(r.erlang.achieved.pAbandon),
    occupancy: round(r.erlang.achieved.occupancy)
  },
  agents: r.agents,
  scheduled: r.scheduled,
  lowerBound: r.lowerBound,
  binding: r.binding,
  failingWithOneFewer: r.failingWithOneFewer,
  withinCi: r.withinCi,
  expected: evaluation(r.evaluation),
  oneFewer: evaluation(r.oneFewer),
  rosterCoverage: r.coverage === undefined ? null : round(r.coverage, 3),
  verification: evaluation(r.verification)
})

/** staffing.json. */
export const staffingDocument = (result: StaffResult) => ({
  staffingVersion: STAFFING_VERSION,
  engineVersion,
  scenario: result.scenario,
  seed: result.seed,
  replications: result.replications,
  confidence: result.confidence,
  shrinkage: result.shrinkage,
  maxOccupancy: result.maxOccupancy ?? null,
  counting: result.counting,
  intervalMinutes: result.grid.intervalMs / 60_000,
  targets: result.targets.map((t) => ({
    label: t.label,
    metric: t.metric,
    op: t.op,
    value: t.value,
    queue: t.queue ?? null
  })),
  targetSource: result.targetSource,
  ignoredThresholds: result.ignoredThresholds,
  queues: result.queues.map((q) => ({ ...q, behaviourFrom: q.behaviourFrom ?? null })),
  agentsDropped: result.dropped,
  agentsKeptWithoutQueues: result.keptWithoutQueues,
  search: {
    converged: result.converged,
    held: result.held,
    iterations: result.iterations,
    replicationsRun: result.replicationsRun
  },
  rows: result.rows.map(row),
  roster:
    result.roster === undefined
      ? null
      : {
          file: result.roster.file,
          counts: result.roster.counts,
          totalCost: round(result.roster.totalCost, 2),
          missed: result.roster.missed.map((m) => ({ ...m, start: clockOf(m.start) }))
        }
})

/** The CSV columns, in order. */
export const STAFFING_CSV_COLUMNS = [
  "interval_start",
  "queue",
  "offered",
  "aht_seconds",
  "erlang_agents",
  "simulated_agents",
  "scheduled",
  "roster_coverage",
  "binding_target",
  "within_ci",
  "service_level",
  "service_level_low",
  "service_level_high",
  "asa_seconds",
  "asa_low",
  "asa_high",
  "abandon_rate",
  "abandon_rate_low",
  "abandon_rate_high",
  "occupancy",
  "occupancy_low",
  "occupancy_high",
  "verified_service_level",
  "verified_service_level_low",
  "verified_service_level_high",
  "verified_met"
] as const

const cell = (value: string | number | null | undefined): string => {
  if (value === null || value === undefined) return ""
  const text = String(value)
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

const triple = (e: Estimate | undefined): Array<number | null> =>
  e === undefined ? [null, null, null] : [round(e.value), round(e.lower), round(e.upper)]

/** staffing.csv; `date` (YYYY-MM-DD) prefixes the interval starts when the scenario has one. */
export const staffingCsv = (result: StaffResult, date: string | undefined): string => {
  const lines = [STAFFING_CSV_COLUMNS.join(",")]
  for (const r of result.rows) {
    const start = date === undefined ? clockOf(r.start) : `${date} ${clockOf(r.start)}`
    const e = r.evaluation
    lines.push(
      [
        start,
        r.queue,
        round(r.demand.volume, 2),
        round(r.demand.ahtSeconds, 1),
        r.erlang.agents,
        r.agents,
        r.scheduled,
        r.coverage === undefined ? null : round(r.coverage, 3),
        r.binding,
        r.withinCi ? "yes" : "no",
        ...triple(e.serviceLevel),
        ...triple(e.asa),
        ...triple(e.abandonRate),
        ...triple(e.occupancy),
        ...triple(r.verification?.serviceLevel),
        r.verification === undefined ? null : r.verification.met ? "yes" : "no"
      ]
        .map(cell)
        .join(",")
    )
  }
  return `${lines.join("\n")}\n`
}

const pageEstimate = (e: Estimate | undefined) =>
  e === undefined ? null : { value: round(e.value), lower: round(e.lower), upper: round(e.upper) }

/** The staffing report's data (`renderStaffPage` of @ccsim/report). */
export const staffPageData = (result: StaffResult): StaffPageData => ({
  scenario: result.scenario,
  engineVersion,
  seed: result.seed,
  replications: result.replications,
  confidence: result.confidence,
  counting: result.counting,
  intervalMinutes: result.grid.intervalMs / 60_000,
  targets: result.targets.map((t) => t.label),
  converged: result.converged,
  queues: result.queues.map((q) => {
    const levels = result.targets
      .filter((t) => t.metric === "service-level" && (t.queue === undefined || t.queue === q.id))
      .map((t) => t.value)
    return {
      id: q.id,
      group: q.group,
      model: q.model,
      serviceLevelTarget: levels.length === 0 ? null : Math.max(...levels),
      rows: result.rows
        .filter((r) => r.queue === q.id)
        .map((r) => ({
          start: clockOf(r.start),
          offered: r.demand.volume,
          erlang: r.erlang.agents,
          simulated: r.agents,
          scheduled: r.scheduled,
          coverage: r.coverage ?? null,
          binding: r.binding,
          withinCi: r.withinCi,
          serviceLevel: pageEstimate(r.evaluation.serviceLevel)!,
          verified: pageEstimate(r.verification?.serviceLevel),
          verifiedMet: r.verification === undefined ? null : r.verification.met
        }))
    }
  }),
  roster:
    result.roster === undefined
      ? null
      : {
          file: result.roster.file,
          totalCost: round(result.roster.totalCost, 2) ?? 0,
          counts: result.roster.counts,
          missed: result.roster.missed.length
        }
})
