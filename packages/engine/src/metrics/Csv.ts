/**
 * `intervals.csv`: one row per reporting interval and scope (the total with staffing, then each queue and each
 * tenant), for spreadsheets and WFM tools. Counts are means per replication; rates and averages are ratio
 * estimates (Σ numerator / Σ denominator over replications) with their 95 % interval, and the mean of
 * per-replication ratios beside the service level and abandon rate; times are seconds. Empty cells where a value
 * is undefined.
 */
import type { Estimate, RateEstimate } from "./Estimate.ts"
import { pointEstimate } from "./Estimate.ts"
import type { CallMetrics, Summary } from "./Summary.ts"

/** The columns of intervals.csv, in order. */
export const INTERVAL_CSV_COLUMNS = [
  "scope",
  "interval_start",
  "offered",
  "answered",
  "abandoned",
  "short_abandoned",
  "rolled_over",
  "service_level",
  "service_level_ci_low",
  "service_level_ci_high",
  "service_level_mean_of_ratios",
  "abandon_rate",
  "abandon_rate_mean_of_ratios",
  "asa_s",
  "asa_ci_low",
  "asa_ci_high",
  "mean_wait_s",
  "max_wait_s",
  "wait_p90_s",
  "aht_s",
  "queue_length",
  "agents_scheduled",
  "agents_signed_in",
  "agents_busy",
  "agents_available",
  "occupancy",
  "utilisation"
] as const

const format = (x: number | null | undefined): string =>
  x === null || x === undefined || !Number.isFinite(x) ? "" : String(Number(x.toPrecision(10)))

const cell = (text: string): string => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text)

const value = (e: Estimate | RateEstimate | undefined) => format(e === undefined ? null : pointEstimate(e))

const callCells = (m: CallMetrics): Array<string> => [
  value(m.offered),
  value(m.answered),
  value(m.abandoned),
  value(m.shortAbandoned),
  value(m.rolledOver),
  value(m.serviceLevel),
  format(m.serviceLevel.ci?.[0]),
  format(m.serviceLevel.ci?.[1]),
  format(m.serviceLevel.meanOfRatios.mean),
  value(m.abandonRate),
  format(m.abandonRate.meanOfRatios.mean),
  value(m.asa),
  format(m.asa.ci?.[0]),
  format(m.asa.ci?.[1]),
  value(m.meanWait),
  value(m.maxWait),
  value(m.waitP90),
  value(m.aht),
  value(m.queueLength)
]

/** The summary's intervals as CSV (header line, then rows; lines end with `\n`). */
export const intervalsCsv = (summary: Summary): string => {
  const lines: Array<string> = [INTERVAL_CSV_COLUMNS.join(",")]
  for (const i of summary.intervals) {
    const m = i.metrics
    lines.push(
      [
        "total",
        i.label,
        ...callCells(m),
        value(m.agentsScheduled),
        value(m.agentsSignedIn),
        value(m.agentsBusy),
        value(m.agentsAvailable),
        value(m.occupancy),
        value(m.utilisation)
      ].join(",")
    )
  }
  for (const [kind, scopes] of [
    ["queue", summary.queues],
    ["tenant", summary.tenants]
  ] as const) {
    for (const scope of scopes) {
      for (const i of scope.intervals ?? []) {
        lines.push([cell(`${kind}:${scope.id}`), i.label, ...callCells(i.metrics), "", "", "", "", "", ""].join(","))
      }
    }
  }
  return `${lines.join("\n")}\n`
}
