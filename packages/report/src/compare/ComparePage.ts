/**
 * The comparison report (`ccsim compare`): one self-contained HTML page with the KPI cards of base and candidate
 * side by side, the non-inferiority margins, the per-interval difference (candidate − base) of the main KPIs with
 * its 95 % band, and every whole-day row. Static: markup and SVG drawn here, no script at all, so the
 * Content-Security-Policy allows nothing but inline styles. Deterministic: the same data gives the same bytes.
 */
import { escapeHtml } from "../Escape.ts"
import { factList, staticPage } from "../StaticPage.ts"
import { styles } from "../Styles.ts"

/** One side's estimate. */
export interface CompareSideView {
  readonly mean: number | null
  readonly halfWidth: number | null
}

/** One row of compare.json, as the page reads it. */
export interface CompareRowView {
  readonly scope: string
  readonly metric: string
  readonly interval: string | null
  readonly base: CompareSideView
  readonly candidate: CompareSideView
  readonly difference: {
    readonly mean: number | null
    readonly halfWidth: number | null
    readonly ci: readonly [number, number] | null
  }
  readonly independentHalfWidth: number | null
  readonly varianceRatio: number | null
  readonly verdict: string
}

/** What the page needs of compare.json (the runner's `CompareDocument` is one). */
export interface ComparePageData {
  readonly engineVersion: string
  readonly base: { readonly file: string; readonly scenario: string }
  readonly candidate: { readonly file: string; readonly scenario: string; readonly overrides: ReadonlyArray<string> }
  readonly seed: number
  readonly replications: number
  readonly confidenceLevel: number
  readonly serviceLevelDefinition: string
  readonly metrics: ReadonlyArray<{ readonly name: string; readonly kind: string; readonly better: string | null }>
  readonly rows: ReadonlyArray<CompareRowView>
  readonly margins: ReadonlyArray<{
    readonly text: string
    readonly ok: boolean
    readonly margin: number
    readonly worsening: number | null
    readonly upperBound: number | null
  }>
}

/** The KPI cards, in this order, where the total has them. */
const CARDS = ["service-level", "asa", "abandon-rate", "wait-p90", "answered", "occupancy"]

/** Per-interval difference charts. */
const CHARTS = ["service-level", "asa", "abandon-rate"]

const TITLES: Record<string, string> = {
  "service-level": "Service level",
  asa: "ASA",
  "abandon-rate": "Abandon rate",
  "wait-p90": "Wait p90",
  answered: "Answered",
  occupancy: "Occupancy"
}

const kindOf = (data: ComparePageData, metric: string): string =>
  data.metrics.find((m) => m.name === metric)?.kind ?? "count"

/** A value in the metric's unit: `81.2%`, `12.3 s`, `402.5`. */
const value = (kind: string, x: number | null): string => {
  if (x === null || !Number.isFinite(x)) return "—"
  if (kind === "rate") return `${(x * 100).toFixed(1)}%`
  if (kind === "time") return `${x.toFixed(1)} s`
  return Number.isInteger(x) ? String(x) : x.toFixed(1)
}

/** A difference or half-width: percentage points for rates. */
const delta = (kind: string, x: number | null, signed = true): string => {
  if (x === null || !Number.isFinite(x)) return "—"
  const sign = signed && x > 0 ? "+" : x < 0 ? "−" : ""
  const a = Math.abs(x)
  if (kind === "rate") return `${sign}${(a * 100).toFixed(1)} pp`
  if (kind === "time") return `${sign}${a.toFixed(1)} s`
  return `${sign}${a.toFixed(1)}`
}

const narrowing = (row: CompareRowView): string =>
  row.varianceRatio === null ? "" : `${Math.sqrt(row.varianceRatio).toFixed(1)}× narrower than independent runs`

const tone = (verdict: string): string => (verdict === "better" ? "pass" : verdict === "worse" ? "fail" : "none")

const card = (data: ComparePageData, row: CompareRowView): string => {
  const kind = kindOf(data, row.metric)
  const d = row.difference
  return [
    `<div class="kpi compare-kpi" data-kpi="${escapeHtml(row.metric)}" data-verdict="${tone(row.verdict)}">`,
    `<div class="kpi-title">${escapeHtml(TITLES[row.metric] ?? row.metric)}</div>`,
    '<div class="sides">',
    `<div><span class="side-label">base</span><span class="kpi-value">${value(kind, row.base.mean)}</span><span class="kpi-ci">±${delta(kind, row.base.halfWidth, false)}</span></div>`,
    `<div><span class="side-label">candidate</span><span class="kpi-value">${value(kind, row.candidate.mean)}</span><span class="kpi-ci">±${delta(kind, row.candidate.halfWidth, false)}</span></div>`,
    "</div>",
    `<div class="difference">${delta(kind, d.mean)} <span class="kpi-ci">±${delta(kind, d.halfWidth, false)}</span> · <strong>${escapeHtml(row.verdict)}</strong></div>`,
    `<div class="kpi-definition">independent runs: ±${delta(kind, row.independentHalfWidth, false)}${narrowing(row) === "" ? "" : ` · ${narrowing(row)}`}</div>`,
    "</div>"
  ].join("")
}

const W = 560
const H = 210
const PAD = { left: 64, right: 12, top: 12, bottom: 34 }

/** The per-interval difference with its band, as static SVG; each interval's point is a `.mark`. */
const differenceChart = (data: ComparePageData, metric: string): string => {
  const kind = kindOf(data, metric)
  const rows = data.rows.filter((r) => r.scope === "total" && r.metric === metric && r.interval !== null)
  if (rows.length === 0) return ""
  const points = rows.map((r, i) => ({ i, r, lo: r.difference.ci?.[0] ?? null, hi: r.difference.ci?.[1] ?? null }))
  const values = points.flatMap((p) => [p.lo, p.hi, p.r.difference.mean].filter((v): v is number => v !== null))
  const lo = Math.min(0, ...values)
  const hi = Math.max(0, ...values)
  const span = hi - lo || 1
  const x = (i: number) => PAD.left + ((W - PAD.left - PAD.right) * (i + 0.5)) / rows.length
  const y = (v: number) => PAD.top + ((H - PAD.top - PAD.bottom) * (hi - v)) / span
  const f = (n: number) => n.toFixed(1)
  const banded = points.filter((p) => p.lo !== null && p.hi !== null)
  const band =
    banded.length === 0
      ? ""
      : `<polygon class="band" points="${[
          ...banded.map((p) => `${f(x(p.i))},${f(y(p.hi!))}`),
          ...[...banded].reverse().map((p) => `${f(x(p.i))},${f(y(p.lo!))}`)
        ].join(" ")}"/>`
  const withMean = points.filter((p) => p.r.difference.mean !== null)
  const line = `<polyline class="line" points="${withMean.map((p) => `${f(x(p.i))},${f(y(p.r.difference.mean!))}`).join(" ")}"/>`
  const marks = withMean
    .map(
      (p) =>
        `<circle class="mark" cx="${f(x(p.i))}" cy="${f(y(p.r.difference.mean!))}" r="3"><title>${escapeHtml(`${p.r.interval} · ${delta(kind, p.r.difference.mean)} ±${delta(kind, p.r.difference.halfWidth, false)} · ${p.r.verdict}`)}</title></circle>`
    )
    .join("")
  const step = Math.max(1, Math.ceil(rows.length / 8))
  const ticks = points
    .filter((p) => p.i % step === 0)
    .map(
      (p) =>
        `<text class="tick" x="${f(x(p.i))}" y="${H - 12}" text-anchor="middle">${escapeHtml(p.r.interval ?? "")}</text>`
    )
    .join("")
  const yTicks = [lo, 0, hi]
    .filter((v, i, all) => all.indexOf(v) === i)
    .map(
      (v) =>
        `<text class="tick" x="${PAD.left - 6}" y="${f(y(v) + 4)}" text-anchor="end">${escapeHtml(delta(kind, v))}</text>`
    )
    .join("")
  return [
    `<figure class="chart" data-chart="difference-${escapeHtml(metric)}">`,
    `<figcaption>${escapeHtml(TITLES[metric] ?? metric)}: candidate − base per interval, with its ${Math.round(data.confidenceLevel * 100)}% band</figcaption>`,
    `<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${escapeHtml(`${TITLES[metric] ?? metric} difference per interval`)}">`,
    band,
    `<line class="zero" x1="${PAD.left}" x2="${W - PAD.right}" y1="${f(y(0))}" y2="${f(y(0))}"/>`,
    line,
    marks,
    ticks,
    yTicks,
    "</svg></figure>"
  ].join("")
}

const table = (data: ComparePageData): string => {
  const rows = data.rows.filter((r) => r.interval === null)
  const body = rows
    .map((r) => {
      const kind = kindOf(data, r.metric)
      return `<tr data-verdict="${tone(r.verdict)}"><td>${escapeHtml(r.scope)}</td><td>${escapeHtml(r.metric)}</td><td>${value(kind, r.base.mean)}</td><td>${value(kind, r.candidate.mean)}</td><td>${delta(kind, r.difference.mean)} ±${delta(kind, r.difference.halfWidth, false)}</td><td>±${delta(kind, r.independentHalfWidth, false)}</td><td>${escapeHtml(r.verdict)}</td></tr>`
    })
    .join("\n")
  return `<table class="compare-table"><thead><tr><th>scope</th><th>metric</th><th>base</th><th>candidate</th><th>difference (paired)</th><th>independent</th><th>verdict</th></tr></thead><tbody>\n${body}\n</tbody></table>`
}

const margins = (data: ComparePageData): string => {
  if (data.margins.length === 0) return ""
  const items = data.margins
    .map(
      (m) =>
        `<li data-ok="${m.ok}">${m.ok ? "✓" : "✗"} ${escapeHtml(m.text)}: ${m.worsening === null ? "no estimate" : `${m.worsening > 0 ? "worse" : "better"} by ${Math.abs(m.worsening).toPrecision(3)}`}; upper bound of the worsening ${m.upperBound === null ? "—" : m.upperBound.toPrecision(3)} (margin ${m.margin})</li>`
    )
    .join("")
  return `<h2>Non-inferiority margins</h2><ul class="margins">${items}</ul>`
}

const extra = `
.compare-kpis { grid-template-columns: repeat(3, 1fr); }
.compare-kpi .sides { display: flex; gap: 18px; }
.compare-kpi .sides div { display: flex; flex-direction: column; }
.side-label { font-size: 11px; color: var(--muted); text-transform: uppercase; }
.compare-kpi .kpi-value { font-size: 22px; }
.compare-kpi .difference { margin-top: 6px; font-variant-numeric: tabular-nums; }
.charts { display: grid; grid-template-columns: repeat(2, 1fr); gap: 12px; }
.chart { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 8px; }
.chart figcaption { font-size: 13px; font-weight: 600; }
.chart .band { fill: #56B4E9; opacity: 0.35; }
.chart .line { fill: none; stroke: #0072B2; stroke-width: 1.5; }
.chart .mark { fill: #0072B2; }
.chart .zero { stroke: #1a1a1a; stroke-dasharray: 3 3; }
.chart .tick { font-size: 11px; fill: #5c5c5c; }
.compare-table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
.compare-table th, .compare-table td { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--line); }
.compare-table tr[data-verdict="pass"] td:last-child { color: var(--pass); }
.compare-table tr[data-verdict="fail"] td:last-child { color: var(--fail); }
.margins li[data-ok="false"] { color: var(--fail); }
.margins li[data-ok="true"] { color: var(--pass); }
`

/** The comparison page (a string; the caller writes it atomically). */
export const renderComparePage = (data: ComparePageData): string => {
  const candidate =
    data.candidate.overrides.length === 0
      ? data.candidate.scenario
      : `${data.candidate.scenario} with ${data.candidate.overrides.join(", ")}`
  const title = `${data.base.scenario} vs ${candidate}`
  const cards = CARDS.flatMap((metric) => {
    const row = data.rows.find((r) => r.scope === "total" && r.metric === metric && r.interval === null)
    return row === undefined ? [] : [card(data, row)]
  }).join("\n")
  const facts: Array<[string, string]> = [
    ["base", data.base.file],
    ["candidate", data.candidate.file],
    ["seed", String(data.seed)],
    ["replications", `${data.replications} each, the same indices (common random numbers)`],
    ["service level", data.serviceLevelDefinition],
    ["difference", `candidate − base, paired over replications, ${Math.round(data.confidenceLevel * 100)}% t interval`],
    ["independent", "what two independent runs would have given (Welch)"]
  ]
  const footer = `ccsim ${data.engineVersion} · compare · seed ${data.seed} · ${data.replications} replications · one self-contained file, no network access`
  return staticPage({
    title: `${title} · ccsim compare`,
    generator: "ccsim compare",
    styles: `${styles}${extra}`,
    body: [
      '<main id="compare">',
      `<h1>${escapeHtml(title)}</h1>`,
      factList(facts),
      `<section class="kpis compare-kpis" data-chart="kpis">\n${cards}\n</section>`,
      margins(data),
      "<h2>Difference per interval (all queues)</h2>",
      `<div class="charts">${CHARTS.map((m) => differenceChart(data, m)).join("\n")}</div>`,
      "<h2>Every metric and scope (whole day)</h2>",
      table(data),
      "</main>",
      `<footer>${escapeHtml(footer)}</footer>`
    ]
  })
}
