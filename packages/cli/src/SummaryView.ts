/**
 * The console summary of a run: one KPI table per call scope (all queues, each queue, each tenant, other call
 * types) and one per agent group, each value with the half-width of its 95 % confidence interval; the
 * service-level definition named underneath. Every column is explained in the README.
 */

import { serviceLevelFormulas } from "@ccsim/analytic"
import type { Estimate, RateEstimate, Summary } from "@ccsim/engine"
import type { Scenario } from "@ccsim/scenario"
import { formatDuration } from "@ccsim/scenario"
import { count, percent, seconds } from "./Format.ts"
import type { Style } from "./Style.ts"
import { renderTable } from "./Table.ts"

type Scope = Summary["total"]

const mean = (e: Estimate): number | null => e.mean
const rate = (e: RateEstimate | undefined): number | null => (e === undefined ? null : e.ratio)

/** `81.2% ±1.3` — the estimate and the half-width of its 95 % interval (none with one replication). */
const withCi = (
  value: number | null,
  halfWidth: number | null,
  format: (v: number) => string,
  formatHalf: (v: number) => string
): string => {
  if (value === null) return "—"
  return halfWidth === null ? format(value) : `${format(value)} ±${formatHalf(halfWidth)}`
}

const pct = (e: RateEstimate | undefined) =>
  withCi(
    rate(e),
    e?.halfWidth ?? null,
    (v) => percent(v),
    (h) => (h * 100).toFixed(1)
  )
const secs = (e: RateEstimate | undefined) =>
  withCi(
    rate(e),
    e?.halfWidth ?? null,
    (v) => seconds(v),
    (h) => h.toFixed(1)
  )

/** Mean counts: whole numbers for one replication, one decimal for a mean over several. */
const meanCount = (e: Estimate, replications: number): string => {
  const value = mean(e)
  if (value === null) return "—"
  return replications > 1 ? value.toFixed(1) : count(value)
}

const callRow = (label: string, scope: Scope, hasServiceLevel: boolean, replications: number): Array<string> => {
  const m = scope.metrics
  return [
    label,
    meanCount(m.offered, replications),
    meanCount(m.answered, replications),
    pct(m.abandonRate),
    hasServiceLevel ? pct(m.serviceLevel) : "—",
    secs(m.asa),
    m.waitP90 === undefined ? "—" : seconds(m.waitP90.mean),
    meanCount(m.rolledOver, replications)
  ]
}

const CALL_COLUMNS = [
  { header: "scope" },
  { header: "offered", align: "right" as const },
  { header: "answered", align: "right" as const },
  { header: "abandon rate", align: "right" as const },
  { header: "service level", align: "right" as const },
  { header: "ASA", align: "right" as const },
  { header: "wait p90", align: "right" as const },
  { header: "rolled over", align: "right" as const }
]

/**
 * The header line: scenario, seed, replications, the simulated day from opening to its end (closing, or opening +
 * duration; a steady state stops there, at its horizon). A day past midnight shows the days added: `05:00 (+4d)`.
 */
export const runHeadline = (scenario: Scenario, replications: number): string => {
  const open = scenario.time.open ?? 0
  const end = scenario.time.close ?? (scenario.time.duration === undefined ? undefined : open + scenario.time.duration)
  const day = end === undefined ? formatClock(open) : `${formatClock(open)}–${formatClock(end)}`
  const mode = scenario.run.mode === "steady-state" ? "steady state" : "terminating day"
  return [
    scenario.name,
    `seed ${scenario.seed}`,
    `${replications} replication${replications === 1 ? "" : "s"}`,
    `${mode} ${day}`
  ].join(" · ")
}

const DAY_MS = 86_400_000

const formatClock = (ms: number) => {
  const days = Math.floor(ms / DAY_MS)
  const minutes = Math.floor((ms % DAY_MS) / 60_000)
  const clock = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`
  return days === 0 ? clock : `${clock} (+${days}d)`
}

/**
 * Calls a steady-state run cut off at its horizon (every call type), or undefined when there were none: they are
 * left out of rates and handle times because their outcome and length are unknown, and the note says so.
 */
export const censoringNote = (summary: Summary): string | undefined => {
  let waiting = 0
  let connected = 0
  for (const c of summary.callTypes) {
    waiting += c.metrics.inSystemAtEnd.mean ?? 0
    connected += c.metrics.connectedAtEnd.mean ?? 0
  }
  if (waiting === 0 && connected === 0) return undefined
  const n = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1))
  return (
    `  cut off by the end of the run, per replication: ${n(waiting)} calls still waiting, ${n(connected)} still connected; ` +
    "left out of rates and handle times (outcome and length unknown; long calls are the likeliest cut, so AHT reads low)"
  )
}

/** The KPI tables. */
export const renderSummary = (summary: Summary, style: Style): Array<string> => {
  const lines: Array<string> = []
  const n = summary.replications
  const rows: Array<Array<string>> = [callRow("all queues", summary.total, true, n)]
  for (const q of summary.queues) rows.push(callRow(`queue ${q.id}`, q, true, n))
  for (const t of summary.tenants) rows.push(callRow(`tenant ${t.id}`, t, true, n))
  for (const c of summary.callTypes) {
    // Queue calls are the "all queues" row; direct and internal calls appear when the scenario has them
    // (outbound calls are placed by agents: they show in occupancy, not here).
    if (c.id === "queue" || c.id === "outbound" || (mean(c.metrics.offered) ?? 0) === 0) continue
    rows.push(callRow(`${c.id} calls`, c, false, n))
  }
  lines.push(...renderTable(CALL_COLUMNS, rows, { indent: "  ", styleHeader: style.dim }))

  const agentRows = [summary.allAgents, ...(summary.groups.length > 1 ? summary.groups : [])].map((a) => [
    a.id === "all" ? "all agents" : `group ${a.id}`,
    String(a.agents),
    pct(a.metrics.occupancy),
    pct(a.metrics.utilisation),
    meanCount(a.metrics.misses, n),
    meanCount(a.metrics.rejects, n),
    seconds(mean(a.metrics.unavailableMissTime))
  ])
  lines.push(
    "",
    ...renderTable(
      [
        { header: "agents" },
        { header: "count", align: "right" },
        { header: "occupancy", align: "right" },
        { header: "utilisation", align: "right" },
        { header: "misses", align: "right" },
        { header: "rejects", align: "right" },
        { header: "unavailable by misses", align: "right" }
      ],
      agentRows,
      { indent: "  ", styleHeader: style.dim }
    )
  )

  const thresholds = summary.queues
    .filter((q) => q.serviceLevelThresholdSeconds !== null)
    .map((q) => `${q.id} ${formatDuration(Math.round((q.serviceLevelThresholdSeconds ?? 0) * 1000))}`)
  const definition = summary.serviceLevelDefinition
  lines.push(
    "",
    style.dim(
      `  service level = ${serviceLevelFormulas[definition]} (${definition})${thresholds.length > 0 ? `; T per queue: ${thresholds.join(", ")}` : ""}`
    ),
    style.dim(
      summary.replications > 1
        ? `  ± = half-width of the 95% confidence interval over ${summary.replications} replications; rates are ratios of sums over replications, counts are means per replication`
        : "  one replication: no confidence intervals (use --replications 10 or more)"
    )
  )
  const cut = censoringNote(summary)
  if (cut !== undefined) lines.push(style.dim(cut))
  return lines
}
