/**
 * The staffing report (`ccsim staff`): one self-contained HTML page with static SVG charts, per staffed queue —
 * the requirement curve (Erlang against simulation, and the scheduled agents after shrinkage), the roster's
 * coverage against it, and the service level per interval with its confidence band (the verification run of the
 * roster when there is one, else the search's final staffing) — and the table of every interval. No script: the
 * Content-Security-Policy allows nothing but inline styles.
 */

import { Colors } from "../draw/Palette.ts"
import { escapeHtml } from "../Escape.ts"
import { factList, staticPage } from "../StaticPage.ts"
import { styles } from "../Styles.ts"

/** An estimate with its confidence interval. */
export interface StaffPageEstimate {
  readonly value: number | null
  readonly lower: number | null
  readonly upper: number | null
}

/** One interval of one queue. */
export interface StaffPageRow {
  /** `HH:MM`. */
  readonly start: string
  readonly offered: number
  readonly erlang: number
  readonly simulated: number
  readonly scheduled: number
  readonly coverage: number | null
  readonly binding: string
  readonly withinCi: boolean
  readonly serviceLevel: StaffPageEstimate
  readonly verified: StaffPageEstimate | null
  readonly verifiedMet: boolean | null
}

/** One staffed queue. */
export interface StaffPageQueue {
  readonly id: string
  readonly group: string
  readonly model: string
  /** The service-level target that applies, if any (the highest). */
  readonly serviceLevelTarget: number | null
  readonly rows: ReadonlyArray<StaffPageRow>
}

/** What the page shows. */
export interface StaffPageData {
  readonly scenario: string
  readonly engineVersion: string
  readonly seed: number
  readonly replications: number
  readonly confidence: number
  readonly counting: string
  readonly intervalMinutes: number
  readonly targets: ReadonlyArray<string>
  readonly converged: boolean
  readonly queues: ReadonlyArray<StaffPageQueue>
  readonly roster: {
    readonly file: string
    readonly totalCost: number
    readonly counts: ReadonlyArray<{ readonly queue: string; readonly template: string; readonly count: number }>
    readonly missed: number
  } | null
}

const W = 1000
const H = 260
const PAD = { left: 48, right: 16, top: 16, bottom: 36 }

const x0 = (i: number, n: number) => PAD.left + ((W - PAD.left - PAD.right) * i) / Math.max(1, n)
const yOf = (v: number, max: number) => H - PAD.bottom - ((H - PAD.top - PAD.bottom) * v) / Math.max(1e-9, max)
const f = (x: number) => x.toFixed(1)

/** A step line through `values` (one step per interval). */
const steps = (values: ReadonlyArray<number | null>, max: number): string => {
  const n = values.length
  const parts: Array<string> = []
  values.forEach((v, i) => {
    if (v === null) return
    const y = f(yOf(v, max))
    parts.push(`${parts.length === 0 || values[i - 1] === null ? "M" : "L"}${f(x0(i, n))},${y}L${f(x0(i + 1, n))},${y}`)
  })
  return parts.join("")
}

const axis = (
  labels: ReadonlyArray<string>,
  max: number,
  ticks: ReadonlyArray<number>,
  format: (v: number) => string
) => {
  const n = labels.length
  const every = Math.max(1, Math.ceil(n / 12))
  const xs = labels
    .map((label, i) =>
      i % every === 0
        ? `<text x="${f(x0(i, n))}" y="${H - PAD.bottom + 16}" font-size="11" text-anchor="start">${escapeHtml(label)}</text>`
        : ""
    )
    .join("")
  const ys = ticks
    .map(
      (t) =>
        `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${f(yOf(t, max))}" y2="${f(yOf(t, max))}" stroke="${Colors.grid}"/>` +
        `<text x="${PAD.left - 6}" y="${f(yOf(t, max) + 4)}" font-size="11" text-anchor="end">${escapeHtml(format(t))}</text>`
    )
    .join("")
  return ys + xs
}

const legend = (items: ReadonlyArray<readonly [string, string, string]>) =>
  `<p class="staff-legend">${items
    .map(
      ([color, dash, label]) =>
        `<span><svg width="22" height="10" aria-hidden="true"><line x1="0" x2="22" y1="5" y2="5" stroke="${color}" stroke-width="2.5"${dash === "" ? "" : ` stroke-dasharray="${dash}"`}/></svg> ${escapeHtml(label)}</span>`
    )
    .join(" ")}</p>`

/** The requirement chart: Erlang, simulation, scheduled, and the roster's coverage. */
export const requirementChart = (queue: StaffPageQueue): string => {
  const rows = queue.rows
  const max = Math.max(1, ...rows.flatMap((r) => [r.erlang, r.simulated, r.scheduled, r.coverage ?? 0])) * 1.1
  const step = max > 40 ? 10 : max > 16 ? 5 : max > 8 ? 2 : 1
  const ticks = Array.from({ length: Math.floor(max / step) + 1 }, (_, k) => k * step)
  const hasRoster = rows.some((r) => r.coverage !== null)
  const coverage = hasRoster
    ? `<path class="coverage" d="${steps(
        rows.map((r) => r.coverage),
        max
      )}" fill="none" stroke="${Colors.answered}" stroke-width="2" opacity="0.6"/>`
    : ""
  return [
    `<svg class="staff-chart requirement" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(`Agents required per interval, queue ${queue.id}`)}">`,
    axis(
      rows.map((r) => r.start),
      max,
      ticks,
      (v) => String(v)
    ),
    coverage,
    `<path class="erlang" d="${steps(
      rows.map((r) => r.erlang),
      max
    )}" fill="none" stroke="${Colors.rolledOver}" stroke-width="2" stroke-dasharray="6 4"/>`,
    `<path class="simulated" d="${steps(
      rows.map((r) => r.simulated),
      max
    )}" fill="none" stroke="${Colors.offered}" stroke-width="2.5"/>`,
    rows.some((r) => r.scheduled !== r.simulated)
      ? `<path class="scheduled" d="${steps(
          rows.map((r) => r.scheduled),
          max
        )}" fill="none" stroke="${Colors.rejects}" stroke-width="1.5" stroke-dasharray="2 3"/>`
      : "",
    "</svg>",
    legend([
      [Colors.rolledOver, "6 4", "Erlang requirement"],
      [Colors.offered, "", "simulation requirement"],
      ...(rows.some((r) => r.scheduled !== r.simulated)
        ? [[Colors.rejects, "2 3", "scheduled after shrinkage"] as const]
        : []),
      ...(hasRoster ? [[Colors.answered, "", "roster coverage (time-weighted, breaks out)"] as const] : [])
    ])
  ].join("")
}

/** The service level per interval with its band: the verification run when there is one. */
export const serviceLevelChart = (queue: StaffPageQueue): string => {
  const rows = queue.rows
  const verified = rows.some((r) => r.verified !== null)
  const estimates = rows.map((r) => (verified ? r.verified : r.serviceLevel))
  const n = rows.length
  const band = estimates
    .map((e, i) =>
      e === null || e.lower === null || e.upper === null
        ? ""
        : `<rect class="band" x="${f(x0(i, n))}" width="${f(x0(i + 1, n) - x0(i, n))}" y="${f(yOf(Math.min(1, e.upper), 1))}" height="${f(Math.max(0, yOf(Math.max(0, e.lower), 1) - yOf(Math.min(1, e.upper), 1)))}" fill="${Colors.serviceLevel}" opacity="0.25"/>`
    )
    .join("")
  const target =
    queue.serviceLevelTarget === null
      ? ""
      : `<line class="target" x1="${PAD.left}" x2="${W - PAD.right}" y1="${f(yOf(queue.serviceLevelTarget, 1))}" y2="${f(yOf(queue.serviceLevelTarget, 1))}" stroke="${Colors.target}" stroke-dasharray="4 3"/>`
  const misses = rows
    .map((r, i) =>
      verified && r.verifiedMet === false
        ? `<circle class="miss" cx="${f((x0(i, n) + x0(i + 1, n)) / 2)}" cy="${PAD.top + 4}" r="4" fill="${Colors.fail}"><title>${escapeHtml(`${r.start}: the roster misses a target`)}</title></circle>`
        : ""
    )
    .join("")
  return [
    `<svg class="staff-chart service-level" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(`Service level per interval, queue ${queue.id}`)}">`,
    axis(
      rows.map((r) => r.start),
      1,
      [0, 0.2, 0.4, 0.6, 0.8, 1],
      (v) => `${Math.round(v * 100)}%`
    ),
    band,
    target,
    `<path class="sl" d="${steps(
      estimates.map((e) => e?.value ?? null),
      1
    )}" fill="none" stroke="${Colors.serviceLevel}" stroke-width="2.5"/>`,
    misses,
    "</svg>",
    legend([
      [
        Colors.serviceLevel,
        "",
        verified ? "service level of the roster (verification run)" : "service level at the simulated requirement"
      ],
      [Colors.target, "4 3", "target"]
    ])
  ].join("")
}

const pct = (e: StaffPageEstimate | null): string =>
  e === null || e.value === null
    ? "—"
    : `${(e.value * 100).toFixed(1)}%${e.lower === null || e.upper === null ? "" : ` [${(e.lower * 100).toFixed(1)}, ${(e.upper * 100).toFixed(1)}]`}`

const table = (queue: StaffPageQueue): string => {
  const hasRoster = queue.rows.some((r) => r.coverage !== null)
  const head = [
    "interval",
    "offered",
    "Erlang",
    "simulation",
    "scheduled",
    ...(hasRoster ? ["roster"] : []),
    "binding target",
    "service level",
    ...(hasRoster ? ["roster SL"] : [])
  ]
  const body = queue.rows
    .map((r) => {
      const differs = r.erlang !== r.simulated
      const cells = [
        r.start,
        r.offered.toFixed(1),
        String(r.erlang),
        `${r.simulated}${r.withinCi ? " ±1" : ""}`,
        String(r.scheduled),
        ...(hasRoster ? [r.coverage === null ? "—" : String(Math.round(r.coverage * 100) / 100)] : []),
        r.binding,
        pct(r.serviceLevel),
        ...(hasRoster ? [pct(r.verified)] : [])
      ]
      const cls = [differs ? "differs" : "", r.verifiedMet === false ? "missed" : ""].filter((c) => c !== "").join(" ")
      return `<tr${cls === "" ? "" : ` class="${cls}"`}>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`
    })
    .join("")
  return `<table class="staff-table"><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead><tbody>${body}</tbody></table>`
}

const pageStyles = `
.staff-chart { width: 100%; height: auto; display: block; font-family: inherit; }
.staff-legend { font-size: 12px; color: var(--muted); display: flex; gap: 16px; flex-wrap: wrap; margin: 2px 0 14px; }
.staff-table { border-collapse: collapse; font-size: 12px; font-variant-numeric: tabular-nums; width: 100%; }
.staff-table th, .staff-table td { border-bottom: 1px solid var(--line); padding: 3px 8px; text-align: right; }
.staff-table th:first-child, .staff-table td:first-child { text-align: left; }
.staff-table tr.differs td:nth-child(4) { font-weight: 650; }
.staff-table tr.missed td { color: var(--fail); }
.staff-notes { color: var(--muted); max-width: 90ch; }
`

/** The staffing report, one HTML file. Deterministic: the same data gives the same bytes. */
export const renderStaffPage = (data: StaffPageData): string => {
  const roster =
    data.roster === null
      ? ""
      : `<p>Roster from ${escapeHtml(data.roster.file)}: ${escapeHtml(
          data.roster.counts
            .filter((c) => c.count > 0)
            .map((c) => `${c.count} × ${c.template} (${c.queue})`)
            .join(", ")
        )}; cost ${escapeHtml(String(data.roster.totalCost))}. ${
          data.roster.missed === 0
            ? "The verification run meets every target in every interval."
            : `<strong class="missed-count">${data.roster.missed} interval${data.roster.missed === 1 ? "" : "s"} miss a target in the verification run</strong> (marked in red).`
        }</p>`
  const sections = data.queues
    .map(
      (q) =>
        `<section class="staff-queue" id="queue-${escapeHtml(q.id)}"><h2>Queue ${escapeHtml(q.id)} <span class="scope-name">· group ${escapeHtml(q.group)} · ${escapeHtml(q.model)}</span></h2>` +
        `<h3>Agents on the phones per interval</h3>${requirementChart(q)}` +
        `<h3>Service level per interval</h3>${serviceLevelChart(q)}${table(q)}</section>`
    )
    .join("")
  const facts: Array<[string, string]> = [
    ["seed", String(data.seed)],
    ["replications", String(data.replications)],
    ["confidence", `${Math.round(data.confidence * 1000) / 10}%`],
    ["intervals", `${data.intervalMinutes} min`],
    ["counting", data.counting],
    ["search", data.converged ? "converged" : "stopped at the iteration limit"]
  ]
  return staticPage({
    title: `Staffing · ${data.scenario}`,
    styles: `${styles}${pageStyles}`,
    body: [
      `<h1>Staffing <span class="scope-name">· ${escapeHtml(data.scenario)}</span></h1>`,
      factList(facts),
      `<p>Targets: ${escapeHtml(data.targets.join("; "))}.</p>`,
      roster,
      `<p class="staff-notes">The simulation requirement is the fewest agents per interval that meet every target with ${Math.round(data.confidence * 1000) / 10}% confidence in a simulation of the whole day (backlog carried between intervals), one agent fewer failing. A "±1" marks intervals where the target lies inside the confidence interval at one agent fewer: the minimum may be one lower. Bold: simulation and Erlang differ.</p>`,
      sections,
      `<footer class="staff-notes">ccsim ${escapeHtml(data.engineVersion)} · ${escapeHtml(data.scenario)} · seed ${data.seed} · one self-contained file, no network access</footer>`
    ]
  })
}
