/**
 * `renderSweepReport`: the sweep's report.html — what was swept, the breaking point, a table of the points and
 * the curves (SweepCharts.ts), drawn on the server with d3 on linkedom. One self-contained file: no script at
 * all, and a Content-Security-Policy that allows no request (every tooltip is an SVG title). Deterministic: the
 * same data gives the same bytes.
 */
import { parseHTML } from "linkedom"
import { formatValue } from "../draw/Format.ts"
import { type El, wrap } from "../draw/Frame.ts"
import { escapeHtml } from "../Escape.ts"
import { compactNumbers } from "../Html.ts"
import { staticPage } from "../StaticPage.ts"
import { styles } from "../Styles.ts"
import { dimensionLabel, sweepCharts } from "./SweepCharts.ts"
import type { SweepEstimateView, SweepReportData } from "./SweepData.ts"

/** The breaking point in words. */
export const breakingPointText = (data: SweepReportData): string => {
  const b = data.breakingPoint
  const failing = b.failing.length > 0 ? ` (${b.failing.join("; ")})` : ""
  switch (b.status) {
    case "found":
      return data.method === "bisection"
        ? `Breaking point: ${b.value} — every strict threshold holds there and fails at ${b.failsAt}${failing}, located by bisection to ${data.tolerance}.`
        : `Breaking point: ${b.value} — the last value at which every strict threshold holds; at ${b.failsAt} ${b.failing.length === 1 ? "one fails" : "some fail"}${failing}.`
    case "holds-throughout":
      return `No breaking point in the range: every strict threshold holds up to ${b.value}.`
    case "fails-at-start":
      return `Breaks before the range: strict thresholds already fail at ${b.failsAt}${failing}.`
    case "no-thresholds":
      return "No breaking point: the scenario has no strict thresholds (expect.thresholds)."
  }
}

const estimateText = (e: SweepEstimateView, kind: "percent" | "seconds"): string =>
  e.mean === null
    ? "–"
    : `${formatValue(kind, e.mean)}${e.lo === null || e.hi === null ? "" : ` ±${formatValue(kind, (e.hi - e.lo) / 2)}`}`

const drawBody = (root: El<Element>, data: SweepReportData): void => {
  const head = root.append("header").attr("class", "report-header")
  const h1 = head.append("h1")
  h1.append("span").attr("class", "scenario-name").text(data.scenario)
  h1.append("span")
    .attr("class", "scope-name")
    .text(` · sweep of ${dimensionLabel(data)}`)
  if (data.description !== null) head.append("p").attr("class", "description").text(data.description)
  const facts: ReadonlyArray<readonly [string, string]> = [
    ["seed", `${data.seed} at every point (common random numbers)`],
    ["replications", `${data.replicationsPerPoint} per point`],
    ["method", data.method === "grid" ? `grid of ${data.points.length} points` : `bisection to ${data.tolerance}`],
    ["service level", data.serviceLevelDefinition],
    ["engine", data.engineVersion]
  ]
  const dl = head.append("dl").attr("class", "facts")
  for (const [k, v] of facts) {
    const d = dl.append("div")
    d.append("dt").text(k)
    d.append("dd").text(v)
  }
  const status = data.breakingPoint.status
  root
    .append("p")
    .attr("class", "conformance-status breaking-point")
    .attr("data-chart", "breaking-point")
    .attr(
      "data-status",
      status === "found" || status === "holds-throughout" ? "pass" : status === "fails-at-start" ? "fail" : "unchecked"
    )
    .text(breakingPointText(data))

  const section = root.append("section").attr("class", "report-section").attr("id", "curves")
  section.append("h2").text("Curves")
  sweepCharts(wrap(section.append("div").attr("class", "charts").node()!), data)

  const points = root.append("section").attr("class", "report-section thresholds").attr("id", "points")
  points.append("h2").text("Points")
  const table = points.append("table").attr("data-chart", "sweep-points")
  const header = table.append("thead").append("tr")
  for (const h of ["value", "service level", "ASA", "abandonment", "occupancy", "thresholds"])
    header.append("th").text(h)
  const body = table.append("tbody")
  for (const p of data.points) {
    const tr = body.append("tr").attr("class", `mark ${p.holds ? "pass" : "fail"}`)
    for (const cell of [
      p.value,
      estimateText(p.total.serviceLevel, "percent"),
      estimateText(p.total.asa, "seconds"),
      estimateText(p.total.abandonRate, "percent"),
      estimateText(p.total.occupancy, "percent"),
      p.holds ? "✓ hold" : "✗ fail"
    ]) {
      tr.append("td").text(cell)
    }
  }
  points
    .append("p")
    .attr("class", "chart-note")
    .text("± is the half-width of the 95 % confidence interval over the point's replications.")
}

/** The run report's rounding of long fractions (plain JSON, whatever the shape), for a small file. */
const compact = compactNumbers as unknown as <T>(data: T) => T

/** The sweep's page as one HTML file (a string; the caller writes it). */
export const renderSweepReport = (input: SweepReportData): string => {
  const data = compact(input)
  const { document } = parseHTML("<!doctype html><html><head></head><body><main></main></body></html>")
  const main = document.querySelector("main")
  if (main !== null) drawBody(wrap(main as unknown as Element), data)
  const footer = `ccsim ${data.engineVersion} · sweep of ${data.scenario} · seed ${data.seed} · ${data.replicationsPerPoint} replications per point · one self-contained file, no network access`
  return staticPage({
    title: `${data.scenario} · ccsim sweep`,
    generator: "ccsim sweep report",
    styles,
    body: [
      `<main id="report" data-report="sweep">${main?.innerHTML ?? ""}</main>`,
      `<footer>${escapeHtml(footer)}</footer>`
    ]
  })
}
