/**
 * Queue length and busy agents over the day, in two panels sharing the time axis: the sampled replication's
 * exact path as a step line, the interval means over all replications as a dashed step line, with opening,
 * closing and shift boundaries marked.
 */
import { scaleLinear } from "d3"
import type { IntervalView, StepSeries } from "../ReportData.ts"
import { type Chart, maxOf, timeDomain, timeScale } from "./Chart.ts"
import { clock, count, interval } from "./Format.ts"
import { type El, figure, legend, markers, Sizes, timeAxis, tip, tips, valueAxis } from "./Frame.ts"
import { Colors } from "./Palette.ts"

const panelHeight = 150
const margin = { top: 22, right: 16, bottom: 34, left: 52 }
const gap = 30

/** Points of a step line: each value holds until the next time; the last one until `end`. */
export const stepPoints = (
  series: StepSeries,
  end: number,
  x: (t: number) => number,
  y: (v: number) => number
): string => {
  const out: Array<string> = []
  for (let k = 0; k < series.length; k++) {
    const [t, v] = series[k]!
    const next = k + 1 < series.length ? series[k + 1]![0] : Math.max(t, end)
    out.push(`${x(t)},${y(v)}`, `${x(next)},${y(v)}`)
  }
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
      .domain([0, maxOf([...(p.path ?? []).map(([, v]) => v), ...scope.intervals.map((i) => p.mean(i).hi)])])
      .nice()
      .range([panelHeight, 0])
    valueAxis(f, y, count, p.label, 4)
    timeAxis(f, x)
    if (p.path !== null && p.path.length > 0) {
      const line = plot
        .append("polyline")
        .attr("class", "mark path")
        .attr("points", stepPoints(p.path, domain[1], x, y))
        .attr("fill", "none")
        .attr("stroke", p.color)
        .attr("stroke-width", 1.2)
      tip(
        line,
        `${p.label}, one replication (peak ${count(
          maxOf(
            p.path.map(([, v]) => v),
            0
          )
        )})`
      )
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
