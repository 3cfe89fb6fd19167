/**
 * The console view of a sweep: a headline, one row per point (value, service level, ASA, abandonment and
 * occupancy of all queues, each ± the half-width of its 95 % interval, and whether every strict threshold holds),
 * the breaking point in words, and the service-level definition named.
 */
import { serviceLevelFormulas } from "@ccsim/analytic"
import { breakingPointText } from "@ccsim/report"
import type { SweepDocument, SweepEstimate } from "@ccsim/runner"
import type { ServiceLevelDefinition } from "@ccsim/scenario"
import { percent, seconds } from "./Format.ts"
import type { Style } from "./Style.ts"
import { renderTable } from "./Table.ts"

/** What was swept, over which values: `run.loadMultiplier 0.8…1.5 step 0.1`. */
const rangeText = (document: SweepDocument): string => {
  const d = document.dimension
  switch (d.kind) {
    case "load":
      return `${d.path} ${d.from}…${d.to}${d.step === undefined ? "" : ` step ${d.step}`}`
    case "agents":
      return `${d.path} ${d.from}…${d.to}`
    case "set":
      return `${d.path} ${d.values.join(", ")}`
  }
}

/** `analysis · sweep of … · seed 7 · 20 replications per point · grid of 8 points`. */
export const sweepHeadline = (document: SweepDocument): string =>
  [
    document.scenario,
    `sweep of ${rangeText(document)}`,
    `seed ${document.seed}`,
    `${document.replicationsPerPoint} replication${document.replicationsPerPoint === 1 ? "" : "s"} per point`,
    document.method === "grid" ? `grid of ${document.points.length} points` : `bisection to ${document.tolerance}`
  ].join(" · ")

const withCi = (e: SweepEstimate, format: (v: number) => string, formatHalf: (v: number) => string): string =>
  e.mean === null
    ? "—"
    : e.lo === null || e.hi === null
      ? format(e.mean)
      : `${format(e.mean)} ±${formatHalf((e.hi - e.lo) / 2)}`

const pct = (e: SweepEstimate) =>
  withCi(
    e,
    (v) => percent(v),
    (h) => (h * 100).toFixed(1)
  )
const secs = (e: SweepEstimate) =>
  withCi(
    e,
    (v) => seconds(v),
    (h) => h.toFixed(1)
  )

/** The sweep's table and notes. */
export const renderSweep = (document: SweepDocument, style: Style): Array<string> => {
  const strict = document.thresholds.filter((t) => t.strict).length
  const rows = document.points.map((p) => {
    const failing = p.thresholds.filter((t) => t.strict && !t.ok).map((t) => t.metric)
    const verdict =
      strict === 0 ? "—" : p.holds ? style.green("✓") : `${style.red("✗")} ${[...new Set(failing)].join(", ")}`
    const marker = p.value === document.breakingPoint.value ? style.bold(" ◀") : ""
    return [
      `${p.value}${marker}`,
      pct(p.total.serviceLevel),
      secs(p.total.asa),
      pct(p.total.abandonRate),
      pct(p.total.occupancy),
      verdict
    ]
  })
  const lines = renderTable(
    [
      {
        header: document.dimension.kind === "load" ? "load" : document.dimension.kind === "agents" ? "agents" : "value"
      },
      { header: "service level", align: "right" },
      { header: "ASA", align: "right" },
      { header: "abandon rate", align: "right" },
      { header: "occupancy", align: "right" },
      { header: strict === 0 ? "thresholds" : `${strict} strict threshold${strict === 1 ? "" : "s"}` }
    ],
    rows,
    { indent: "  ", styleHeader: style.dim }
  )
  const status = document.breakingPoint.status
  const paint =
    status === "found" || status === "holds-throughout"
      ? style.bold
      : status === "fails-at-start"
        ? style.red
        : style.dim
  const definition = document.serviceLevelDefinition as ServiceLevelDefinition
  const formula = serviceLevelFormulas[definition] ?? definition
  lines.push(
    "",
    paint(`  ${breakingPointText(document)}`),
    "",
    style.dim(`  service level = ${formula} (${definition}); values are all queues, occupancy all agents`),
    style.dim(
      `  ± = half-width of the 95% confidence interval over ${document.replicationsPerPoint} replications per point; every point uses seed ${document.seed} and the same replications (common random numbers)`
    ),
    style.dim("  a threshold with `confidence` holds when its whole confidence interval meets it (as in ccsim run)")
  )
  return lines
}
