/**
 * Queue length and busy agents over the day, in two panels sharing the time axis: the sampled replication's
 * path as an envelope (each column's lowest to highest level, a line where they meet), the interval means over all replications as a dashed step line, with opening,
 * closing and shift boundaries marked.
 */
import { scaleLinear } from "d3"
import type { Envelope, IntervalView, TimeGrid } from "../ReportData.ts"
import { type Chart, maxOf, timeDomain, timeScale } from "./Chart.ts"
import { clock, count, interval } from "./Format.ts"
import { type El, figure, legend, markers, Sizes, timeAxis, tip, tips, valueAxis } from "./Frame.ts"
import { Colors } from "./Palette.ts"

const panelHeight = 150
const margin = { top: 22, right: 16, bottom: 34, left: 52 }
const gap = 30

/**
 * Outline of an envelope: along each column's highest level left to right, back along the lowest; drawn
 * filled and stroked, a column whose levels meet shows as a line.
 */
export const envelopePoints = (
  grid: TimeGrid,
  envelope: Envelope,
  x: (t: number) => number,
  y: (v: number) => number
): string => {
  const n = Math.min(grid.columns, envelope.hi.length, envelope.lo.length)
  const at = (c: number) => grid.start + c * grid.step
  const out: Array<string> = []
  for (let c = 0; c < n; c++) out.push(`${x(at(c))},${y(envelope.hi[c]!)}`, `${x(at(c + 1))},${y(envelope.hi[c]!)}`)
  for (let c = n - 1; c >= 0; c--)
    out.push(`${x(at(c + 1))},${y(envelope.lo[c]!)}`, `${x(at(c))},${y(envelope.lo[c]!)}`)
  return out.join(" ")
}

const intervalSteps = (
  rows: ReadonlyArray<IntervalView>,
  value: (i: IntervalView) => number,
  x: (t: number) => number,
  y: (v: number) => number
): string => rows.map((i) => `${x(i.start)},${y(value(i))} ${x(i.end)},${y(value(i))}`).join(" ")

/** Queue length and busy agents over time. */
export const overTime: Chart = (parent, { data, scope }) => {
  const sample = data.timeline === null ? "" : ` (replication ${data.timeline.replication + 1})`
  const fig = figure(
    parent,
    "over-time",
    "Queue length and busy agents over time",
    scope.path === null ? "interval means over all replications" : `one replication's path${sample} and interval means`,
    "full"
  )
  legend(fig, [
    ...(scope.path === null
      ? []
      : [
          { label: "waiting calls (path)", color: Colors.queueLength, shape: "line" as const },
          { label: "busy agents (path)", color: Colors.busy, shape: "line" as const }
        ]),
    { label: "interval mean", color: Colors.offered, shape: "dash" as const },
    { label: "open / close", color: Colors.offered, shape: "dash" as const },
    { label: "shift and break boundaries", color: Colors.marker, shape: "dash" as const }
  ])
  const width = Sizes.full.width
  const height = margin.top + panelHeight * 2 + gap + margin.bottom
  const svg = fig
    .append("svg")
    .attr("class", "chart-svg")
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("width", width)
    .attr("height", height)
    .attr("role", "img")
    .attr("aria-label", "Queue length and busy agents over time")
  const inner = width - margin.left - margin.right
  const domain = timeDomain(data, scope)
  const x = timeScale(domain, inner)
  const panels = [
    {
      name: "queue-length",
      label: "waiting",
      color: Colors.queueLength,
      path: scope.path?.queueLength ?? null,
      mean: (i: IntervalView) => i.queueLength
    },
    {
      name: "busy",
      label: "busy",
      color: Colors.busy,
      path: scope.path?.busy ?? null,
      mean: (i: IntervalView) => i.busy
    }
  ] as const
  panels.forEach((p, k) => {
    const plot = svg
      .append("g")
      .attr("class", `plot panel-${p.name}`)
      .attr("transform", `translate(${margin.left},${margin.top + k * (panelHeight + gap)})`) as El<SVGGElement>
    const f = { figure: fig, svg, plot, width: inner, height: panelHeight, plotLeft: margin.left }
    const y = scaleLinear()
      .domain([0, maxOf([...(p.path?.hi ?? []), ...scope.intervals.map((i) => p.mean(i).hi)])])
      .nice()
      .range([panelHeight, 0])
    valueAxis(f, y, count, p.label, 4)
    timeAxis(f, x)
    if (p.path !== null && scope.path !== null && p.path.hi.length > 0) {
      const line = plot
        .append("polygon")
        .attr("class", "mark path")
        .attr("points", envelopePoints(scope.path.grid, p.path, x, y))
        .attr("fill", p.color)
        .attr("fill-opacity", 0.35)
        .attr("stroke", p.color)
        .attr("stroke-width", 1)
        .attr("stroke-linejoin", "round")
      tip(line, `${p.label}, one replication (peak ${count(maxOf(p.path.hi, 0))}; band: lowest to highest per column)`)
    }
    plot
      .append("polyline")
      .attr("class", scope.path === null ? "mark mean" : "mean")
      .attr(
        "points",
        intervalSteps(scope.intervals, (i) => p.mean(i).mean, x, y)
      )
      .attr("fill", "none")
      .attr("stroke", scope.path === null ? p.color : Colors.offered)
      .attr("stroke-dasharray", "5 3")
      .attr("stroke-width", 1.5)
    const hover = plot
      .append("g")
      .attr("class", "hover")
      .selectAll("rect")
      .data(scope.intervals)
      .join("rect")
      .attr("x", (i) => x(i.start))
      .attr("width", (i) => Math.max(1, x(i.end) - x(i.start)))
      .attr("y", 0)
      .attr("height", panelHeight)
      .attr("fill", "transparent")
    tips(hover, (i) => {
      const e = p.mean(i)
      return `${clock(i.start)}–${clock(i.end)} · mean ${p.label} ${count(e.mean)} ${interval("count", e.lo, e.hi)}`
    })
    markers(f, x, data.markers)
  })
  return fig
}
