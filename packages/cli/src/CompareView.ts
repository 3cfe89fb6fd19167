/**
 * The console view of `ccsim compare`: the whole-day KPIs of the total (and of each queue when there are several)
 * with both means, the paired difference ± its 95 % half-width, the half-width independent runs would have had,
 * how much narrower the paired one is, and the verdict; then the margins; the SL definition named underneath.
 */
import { serviceLevelFormulas } from "@ccsim/analytic"
import { metricInfo } from "@ccsim/engine"
import type { CompareDocument, CompareRow, MarginResult } from "@ccsim/runner"
import type { ThresholdMetric } from "@ccsim/scenario"
import type { Style } from "./Style.ts"
import { renderTable } from "./Table.ts"

/** The rows shown for the total; a queue shows the first three. */
const TOTAL_METRICS: ReadonlyArray<ThresholdMetric> = [
  "service-level",
  "asa",
  "abandon-rate",
  "answer-rate",
  "wait-p90",
  "offered",
  "answered",
  "abandoned",
  "occupancy"
]
const QUEUE_METRICS: ReadonlyArray<ThresholdMetric> = ["service-level", "asa", "abandon-rate"]

/** A value in the metric's unit: `81.2%`, `12.3s`, `402.5`. */
export const formatValue = (metric: ThresholdMetric, x: number | null): string => {
  if (x === null || !Number.isFinite(x)) return "—"
  const kind = metricInfo(metric).kind
  if (kind === "rate") return `${(x * 100).toFixed(1)}%`
  if (kind === "time") return `${x.toFixed(1)}s`
  return Number.isInteger(x) ? String(x) : x.toFixed(1)
}

/** A difference or a half-width: percentage points for rates. */
export const formatDelta = (metric: ThresholdMetric, x: number | null, signed = true): string => {
  if (x === null || !Number.isFinite(x)) return "—"
  const kind = metricInfo(metric).kind
  const sign = signed && x > 0 ? "+" : x < 0 ? "-" : ""
  const a = Math.abs(x)
  if (kind === "rate") return `${sign}${(a * 100).toFixed(1)}pp`
  if (kind === "time") return `${sign}${a.toFixed(1)}s`
  return `${sign}${a.toFixed(1)}`
}

const withHalf = (metric: ThresholdMetric, mean: number | null, half: number | null) =>
  half === null ? formatValue(metric, mean) : `${formatValue(metric, mean)} ±${formatDelta(metric, half, false)}`

const verdictText = (row: CompareRow, style: Style): string =>
  row.verdict === "better"
    ? style.green("better")
    : row.verdict === "worse"
      ? style.red("worse")
      : row.verdict === "no detectable difference"
        ? style.dim("no detectable difference")
        : row.verdict

const narrowing = (row: CompareRow): string =>
  row.varianceRatio === null ? "—" : `${Math.sqrt(row.varianceRatio).toFixed(1)}×`

const rowCells = (row: CompareRow, style: Style): Array<string> => [
  row.metric,
  withHalf(row.metric, row.base.mean, row.base.halfWidth),
  withHalf(row.metric, row.candidate.mean, row.candidate.halfWidth),
  row.difference.halfWidth === null
    ? formatDelta(row.metric, row.difference.mean)
    : `${formatDelta(row.metric, row.difference.mean)} ±${formatDelta(row.metric, row.difference.halfWidth, false)}`,
  row.independentHalfWidth === null ? "—" : `±${formatDelta(row.metric, row.independentHalfWidth, false)}`,
  narrowing(row),
  verdictText(row, style)
]

const COLUMNS = [
  { header: "metric" },
  { header: "base", align: "right" as const },
  { header: "candidate", align: "right" as const },
  { header: "difference (paired)", align: "right" as const },
  { header: "independent", align: "right" as const },
  { header: "narrower", align: "right" as const },
  { header: "verdict" }
]

/** The margins block: one ✓/✗ line each. */
export const renderMargins = (margins: ReadonlyArray<MarginResult>, style: Style): Array<string> =>
  margins.map((m) => {
    const mark = m.ok ? style.green("✓") : style.red("✗")
    const change =
      m.worsening === null
        ? "no estimate"
        : `${m.worsening > 0 ? "worse" : "better"} by ${formatDelta(m.metric, Math.abs(m.worsening), false)}, worsening's 95% upper bound ${formatDelta(m.metric, m.upperBound)}`
    return `  ${mark} ${m.scope} ${m.metric} may be worse by at most ${formatDelta(m.metric, m.margin, false)}: ${change}`
  })

/** The headline: what is compared with what. */
export const compareHeadline = (document: CompareDocument): string => {
  const candidate =
    document.candidate.overrides.length === 0
      ? document.candidate.scenario
      : `${document.candidate.scenario} with ${document.candidate.overrides.join(", ")}`
  return `${document.base.scenario} vs ${candidate} · seed ${document.seed} · ${document.replications} replications each (common random numbers)`
}

/** The whole console view. */
export const renderCompare = (document: CompareDocument, style: Style): Array<string> => {
  const lines: Array<string> = [style.bold(compareHeadline(document)), ""]
  const block = (scope: string, metrics: ReadonlyArray<ThresholdMetric>) => {
    const rows = metrics.flatMap((metric) => {
      const row = document.rows.find((r) => r.scope === scope && r.metric === metric && r.interval === null)
      return row === undefined ? [] : [rowCells(row, style)]
    })
    return renderTable(
      [{ ...COLUMNS[0]!, header: scope === "total" ? "all queues" : scope.replace(":", " ") }, ...COLUMNS.slice(1)],
      rows,
      { indent: "  ", styleHeader: style.dim }
    )
  }
  lines.push(...block("total", TOTAL_METRICS))
  const queues = [...new Set(document.rows.filter((r) => r.scope.startsWith("queue:")).map((r) => r.scope))]
  if (queues.length > 1) for (const q of queues) lines.push("", ...block(q, QUEUE_METRICS))
  if (document.margins.length > 0) {
    lines.push("", style.bold("MARGINS (non-inferiority)"), ...renderMargins(document.margins, style))
  }
  const definition = document.serviceLevelDefinition
  lines.push(
    "",
    style.dim(`  service level = ${serviceLevelFormulas[definition]} (${definition})`),
    style.dim(
      `  difference = candidate − base, paired over the same ${document.replications} replications, ± the half-width of its 95% t interval`
    ),
    style.dim(
      "  independent = the 95% half-width two independent runs would have had (Welch); narrower = independent / paired"
    ),
    style.dim("  verdict: better or worse when the whole interval is on one side of zero, by the metric's direction")
  )
  return lines
}
