/**
 * Offered, answered, abandoned and rolled-over calls per interval: answered, abandoned and rolled over stacked,
 * offered as a black tick on top (offered can exceed the stack by calls that went elsewhere or are still waiting).
 */
import { scaleLinear } from "d3"
import type { Estimate, IntervalView } from "../ReportData.ts"
import { type Chart, maxOf, timeDomain, timeScale } from "./Chart.ts"
import { clock, count, interval } from "./Format.ts"
import { figure, frame, legend, markers, Sizes, timeAxis, tips, valueAxis } from "./Frame.ts"
import { Colors } from "./Palette.ts"

const parts = [
  { key: "answered", label: "answered", color: Colors.answered },
  { key: "abandoned", label: "abandoned", color: Colors.abandoned },
  { key: "rolledOver", label: "rolled over", color: Colors.rolledOver }
] as const

const describe = (label: string, e: Estimate): string => `${label} ${count(e.mean)} ${interval("count", e.lo, e.hi)}`

/** Stacked bars of call outcomes per interval. */
export const intervalVolumes: Chart = (parent, { data, scope }) => {
  const fig = figure(parent, "interval-volumes", "Calls per interval", "mean per replication, by arrival interval")
  legend(fig, [
    ...parts.map((p) => ({ label: p.label, color: p.color })),
    { label: "offered", color: Colors.offered, shape: "line" as const }
  ])
  const f = frame(fig, Sizes.half)
  const x = timeScale(timeDomain(data, scope), f.width)
  const y = scaleLinear()
    .domain([0, maxOf(scope.intervals.map((i) => Math.max(i.offered.mean, stackTop(i))))])
    .nice()
    .range([f.height, 0])
  valueAxis(f, y, count, "calls")
  timeAxis(f, x)
  const stacked = scope.intervals.flatMap((i) => {
    let base = 0
    return parts.map((p) => {
      const e = i[p.key]
      const seg = { i, part: p, y0: base, y1: base + e.mean, e }
      base += e.mean
      return seg
    })
  })
  const bars = f.plot
    .append("g")
    .attr("class", "bars")
    .selectAll("rect")
    .data(stacked.filter((s) => s.y1 > s.y0))
    .join("rect")
    .attr("class", "mark")
    .attr("x", (s) => x(s.i.start) + 1)
    .attr("width", (s) => Math.max(1, x(s.i.end) - x(s.i.start) - 2))
    .attr("y", (s) => y(s.y1))
    .attr("height", (s) => Math.max(0, y(s.y0) - y(s.y1)))
    .attr("fill", (s) => s.part.color)
  tips(bars, (s) => `${clock(s.i.start)}–${clock(s.i.end)} · ${describe(s.part.label, s.e)}`)
  const ticks = f.plot
    .append("g")
    .attr("class", "offered")
    .selectAll("line")
    .data(scope.intervals)
    .join("line")
    .attr("class", "mark")
    .attr("x1", (i) => x(i.start) + 1)
    .attr("x2", (i) => Math.max(x(i.start) + 2, x(i.end) - 1))
    .attr("y1", (i) => y(i.offered.mean))
    .attr("y2", (i) => y(i.offered.mean))
    .attr("stroke", Colors.offered)
    .attr("stroke-width", 2)
  tips(ticks, (i) => `${clock(i.start)}–${clock(i.end)} · ${describe("offered", i.offered)}`)
  markers(f, x, data.markers)
  return fig
}

const stackTop = (i: IntervalView): number => i.answered.mean + i.abandoned.mean + i.rolledOver.mean
