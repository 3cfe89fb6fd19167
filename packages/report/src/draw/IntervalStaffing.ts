/**
 * Agents signed in, busy and available per interval (time-weighted means), as step lines.
 */
import { scaleLinear } from "d3"
import type { Estimate, IntervalView } from "../ReportData.ts"
import { type Chart, maxOf, timeDomain, timeScale } from "./Chart.ts"
import { clock, count, interval } from "./Format.ts"
import { figure, frame, legend, markers, Sizes, timeAxis, tips, valueAxis } from "./Frame.ts"
import { Colors } from "./Palette.ts"

const series = [
  { key: "signedIn", label: "signed in", color: Colors.signedIn },
  { key: "busy", label: "busy", color: Colors.busy },
  { key: "available", label: "available", color: Colors.available }
] as const

const steps = (
  rows: ReadonlyArray<IntervalView>,
  value: (i: IntervalView) => number,
  x: (t: number) => number,
  y: (v: number) => number
): string => rows.map((i) => `${x(i.start)},${y(value(i))} ${x(i.end)},${y(value(i))}`).join(" ")

const line = (label: string, e: Estimate): string => `${label} ${count(e.mean)} ${interval("count", e.lo, e.hi)}`

/** Signed-in, busy and available agents per interval. */
export const intervalStaffing: Chart = (parent, { data, scope }) => {
  const fig = figure(parent, "interval-staffing", "Agents per interval", "time-weighted mean number of agents")
  legend(
    fig,
    series.map((s) => ({ label: s.label, color: s.color, shape: "line" as const }))
  )
  const f = frame(fig, Sizes.half)
  const x = timeScale(timeDomain(data, scope), f.width)
  const y = scaleLinear()
    .domain([0, maxOf(scope.intervals.flatMap((i) => [i.signedIn.mean, i.busy.mean, i.available.mean]))])
    .nice()
    .range([f.height, 0])
  valueAxis(f, y, count, "agents")
  timeAxis(f, x)
  f.plot
    .append("g")
    .attr("class", "lines")
    .selectAll("polyline")
    .data(series)
    .join("polyline")
    .attr("class", "mark")
    .attr("points", (s) => steps(scope.intervals, (i) => i[s.key].mean, x, y))
    .attr("fill", "none")
    .attr("stroke", (s) => s.color)
    .attr("stroke-width", 2)
  // Invisible full-height hover targets, one per interval, carry the tooltip of all three lines.
  const hover = f.plot
    .append("g")
    .attr("class", "hover")
    .selectAll("rect")
    .data(scope.intervals)
    .join("rect")
    .attr("x", (i) => x(i.start))
    .attr("width", (i) => Math.max(1, x(i.end) - x(i.start)))
    .attr("y", 0)
    .attr("height", f.height)
    .attr("fill", "transparent")
  tips(hover, (i) => `${clock(i.start)}–${clock(i.end)} · ${series.map((s) => line(s.label, i[s.key])).join(" · ")}`)
  markers(f, x, data.markers)
  return fig
}
