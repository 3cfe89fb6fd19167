/**
 * The report's header: what ran (scenario, seed, replications, engine version, run date), the scope selector,
 * the KPI cards of the selected scope (each with its 95 % interval, target and threshold marks) and the
 * table of every threshold of the scenario.
 */
import type { Kpi, ReportData, ScopeView, ThresholdRow } from "../ReportData.ts"
import { formatValue, interval, percent, type ValueKind } from "./Format.ts"
import type { El } from "./Frame.ts"

/** The threshold metric each card shows, and how its value reads. */
const cards = [
  { key: "serviceLevel", metric: "service-level", title: "Service level", kind: "percent" },
  { key: "asa", metric: "asa", title: "Average speed of answer", kind: "seconds" },
  { key: "abandonRate", metric: "abandon-rate", title: "Abandonment", kind: "percent" },
  { key: "occupancy", metric: "occupancy", title: "Occupancy", kind: "percent" },
  { key: "offered", metric: "offered", title: "Offered calls", kind: "count" },
  { key: "answered", metric: "answered", title: "Answered calls", kind: "count" }
] as const

/** A threshold's verdict: pass, fail (strict) or warn (non-strict failure). */
export const verdict = (row: ThresholdRow): "pass" | "fail" | "warn" => (row.ok ? "pass" : row.strict ? "fail" : "warn")

const verdictMark = { pass: "✓", fail: "✗", warn: "!" } as const

/** How a threshold reads: `service-level >= 80.0 %`. */
export const thresholdText = (row: ThresholdRow): string => {
  const kind = kindOf(row.metric)
  return `${row.metric} ${row.op} ${formatValue(kind, row.value)}`
}

const kindOf = (metric: string): ValueKind =>
  ["service-level", "abandon-rate", "answer-rate", "occupancy", "utilisation"].includes(metric)
    ? "percent"
    : ["asa", "mean-wait", "max-wait"].includes(metric) || metric.startsWith("wait-p")
      ? "seconds"
      : "count"

/** Draws the title block, the run facts and the scope selector. */
export const header = (parent: El<Element>, data: ReportData, scope: ScopeView): void => {
  const head = parent.append("header").attr("class", "report-header")
  const title = head.append("div").attr("class", "title-row")
  const h1 = title.append("h1")
  h1.append("span").attr("class", "scenario-name").text(data.run.scenario)
  h1.append("span")
    .attr("class", "scope-name")
    .text(scope.kind === "total" ? "" : ` · ${scope.label}`)
  const pick = title.append("label").attr("class", "scope-picker js-only")
  pick.append("span").text("Show ")
  const select = pick.append("select").attr("id", "scope-select").attr("aria-label", "Scope")
  const groups: ReadonlyArray<{ kind: ScopeView["kind"]; label: string }> = [
    { kind: "total", label: "" },
    { kind: "queue", label: "Queues" },
    { kind: "tenant", label: "Tenants" }
  ]
  for (const g of groups) {
    const scopes = data.scopes.filter((s) => s.kind === g.kind)
    if (scopes.length === 0) continue
    const into = g.kind === "total" ? select : select.append("optgroup").attr("label", g.label)
    for (const s of scopes) {
      const option = into
        .append("option")
        .attr("value", s.key)
        .text(s.kind === "total" ? "Total (all queues)" : s.label)
      if (s.key === scope.key) option.attr("selected", "selected")
    }
  }
  if (data.run.description !== null) head.append("p").attr("class", "description").text(data.run.description)
  const facts: ReadonlyArray<readonly [string, string]> = [
    ["seed", String(data.run.seed)],
    ["replications", String(data.run.replications)],
    ["mode", data.run.mode],
    ["engine", data.run.engineVersion],
    ...(data.run.runDate === null ? [] : [["run", data.run.runDate] as const]),
    ["service level", `${data.run.serviceLevelDefinition}: ${data.run.serviceLevelFormula}`]
  ]
  const dl = head.append("dl").attr("class", "facts")
  for (const [k, v] of facts) {
    const d = dl.append("div")
    d.append("dt").text(k)
    d.append("dd").text(v)
  }
}

/** Draws the KPI cards of a scope. */
export const kpiCards = (parent: El<Element>, data: ReportData, scope: ScopeView): void => {
  const row = parent.append("section").attr("class", "kpis").attr("data-chart", "kpis")
  for (const c of cards) {
    const kpi: Kpi = scope.kpis[c.key]
    const card = row.append("div").attr("class", "kpi mark").attr("data-kpi", c.key)
    card.append("div").attr("class", "kpi-title").text(c.title)
    card
      .append("div")
      .attr("class", "kpi-value")
      .text(kpi.value === null ? "–" : formatValue(c.kind, kpi.value.mean))
    card
      .append("div")
      .attr("class", "kpi-ci")
      .text(
        kpi.value === null
          ? "no data"
          : kpi.note !== undefined
            ? kpi.note
            : `95 % CI ${interval(c.kind, kpi.value.lo, kpi.value.hi)}`
      )
    if (c.key === "serviceLevel") {
      const threshold = scope.serviceLevelThreshold
      card
        .append("div")
        .attr("class", "kpi-definition")
        .text(
          `${data.run.serviceLevelDefinition}${threshold === null ? " (each queue's threshold)" : `, within ${threshold} s`}`
        )
      const target = scope.serviceLevelTarget
      if (target !== null && kpi.value !== null) {
        const meets = kpi.value.mean >= target
        card
          .append("div")
          .attr("class", `kpi-target ${meets ? "pass" : "fail"}`)
          .text(`${meets ? "✓ meets" : "✗ below"} target ${percent(target)}`)
      }
    }
    const marks = card.append("ul").attr("class", "kpi-thresholds")
    for (const t of kpi.thresholds) {
      const v = verdict(t)
      marks
        .append("li")
        .attr("class", v)
        .text(`${verdictMark[v]} ${thresholdText(t)}${t.strict ? "" : " (warning only)"}`)
    }
    const worst = kpi.thresholds.some((t) => verdict(t) === "fail")
      ? "fail"
      : kpi.thresholds.some((t) => verdict(t) === "warn")
        ? "warn"
        : kpi.thresholds.length > 0
          ? "pass"
          : "none"
    card.attr("data-verdict", worst)
  }
}

/** Draws the table of every threshold of the scenario. */
export const thresholdTable = (parent: El<Element>, data: ReportData): void => {
  if (data.thresholds.length === 0) return
  const section = parent.append("section").attr("class", "thresholds").attr("data-chart", "thresholds")
  const failed = data.thresholds.filter((t) => verdict(t) === "fail").length
  const warned = data.thresholds.filter((t) => verdict(t) === "warn").length
  const passed = data.thresholds.length - failed - warned
  const parts = [
    failed > 0 ? `${failed} failed` : "",
    warned > 0 ? `${warned} warning${warned === 1 ? "" : "s"}` : "",
    `${passed} passed`
  ].filter((p) => p !== "")
  section
    .append("h2")
    .attr("data-verdict", failed > 0 ? "fail" : warned > 0 ? "warn" : "pass")
    .text(`Thresholds: ${parts.join(", ")}`)
  const table = section.append("table")
  const head = table.append("thead").append("tr")
  for (const h of ["", "scope", "threshold", "observed", "95 % CI"]) head.append("th").text(h)
  table
    .append("tbody")
    .selectAll("tr")
    .data(data.thresholds)
    .join("tr")
    .attr("class", (t) => `mark ${verdict(t)}`)
    .selectAll("td")
    .data((t) => {
      const kind = kindOf(t.metric)
      return [
        verdictMark[verdict(t)],
        t.scope,
        `${thresholdText(t)}${t.strict ? "" : " (warning only)"}`,
        t.note ?? formatValue(kind, t.observed),
        t.ci === null ? "–" : interval(kind, t.ci[0], t.ci[1])
      ]
    })
    .join("td")
    .text((d) => d)
}
