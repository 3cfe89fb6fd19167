/**
 * Service level per interval: the mean as a line with dots, its 95 % interval as a band, and the target as a
 * dashed line. Intervals without calls leave a gap.
 */
import { scaleLinear } from "d3"
import type { IntervalView } from "../ReportData.ts"
import { type Chart, timeDomain, timeScale } from "./Chart.ts"
import { clock, interval, percent } from "./Format.ts"
import { figure, frame, legend, markers, Sizes, timeAxis, tip, tips, valueAxis } from "./Frame.ts"
import { Colors } from "./Palette.ts"

/** Service level per interval with its confidence band and the target line. */
export const intervalServiceLevel: Chart = (parent, { data, scope }) => {
  const threshold = scope.serviceLevelThreshold
  const note =
    threshold === null
      ? `${data.run.serviceLevelDefinition}; each queue's own threshold`
      : `${data.run.serviceLevelDefinition}, answered within ${threshold} s`
  const fig = figure(parent, "interval-service-level", "Service level per interval", note)
  legend(fig, [
    { label: "service level (mean)", color: Colors.serviceLevel, shape: "line" },
    { label: "95 % interval", color: Colors.serviceLevel, shape: "band" },
    { label: "target", color: Colors.target, shape: "dash" }
  ])
  const f = frame(fig, Sizes.half)
  const x = timeScale(timeDomain(data, scope), f.width)
  const y = scaleLinear().domain([0, 1]).range([f.height, 0])
  valueAxis(f, y, (v) => `${Math.round(v * 100)} %`)
  timeAxis(f, x)
  const withSl = scope.intervals.filter(
    (i): i is IntervalView & { serviceLevel: NonNullable<IntervalView["serviceLevel"]> } => i.serviceLevel !== null
  )
  f.plot
    .append("g")
    .attr("class", "band")
    .selectAll("rect")
    .data(withSl)
    .join("rect")
    .attr("x", (i) => x(i.start) + 1)
    .attr("width", (i) => Math.max(1, x(i.end) - x(i.start) - 2))
    .attr("y", (i) => y(Math.min(1, i.serviceLevel.hi)))
    .attr("height", (i) => Math.max(1, y(Math.max(0, i.serviceLevel.lo)) - y(Math.min(1, i.serviceLevel.hi))))
    .attr("fill", Colors.serviceLevel)
    .attr("fill-opacity", 0.2)
  const mid = (i: IntervalView): number => x((i.start + i.end) / 2)
  // The line breaks where an interval has no service level.
  const runs: Array<Array<IntervalView & { serviceLevel: NonNullable<IntervalView["serviceLevel"]> }>> = []
  let run: (typeof runs)[number] = []
  for (const i of scope.intervals) {
    if (i.serviceLevel === null) {
      if (run.length > 0) runs.push(run)
      run = []
    } else run.push(i as (typeof run)[number])
  }
  if (run.length > 0) runs.push(run)
  f.plot
    .append("g")
    .attr("class", "lines")
    .selectAll("polyline")
    .data(runs)
    .join("polyline")
    .attr("points", (r) => r.map((i) => `${mid(i)},${y(i.serviceLevel.mean)}`).join(" "))
    .attr("fill", "none")
    .attr("stroke", Colors.serviceLevel)
    .attr("stroke-width", 2)
  const dots = f.plot
    .append("g")
    .attr("class", "dots")
    .selectAll("circle")
    .data(withSl)
    .join("circle")
    .attr("class", "mark")
    .attr("cx", mid)
    .attr("cy", (i) => y(i.serviceLevel.mean))
    .attr("r", 3)
    .attr("fill", Colors.serviceLevel)
  tips(
    dots,
    (i) =>
      `${clock(i.start)}–${clock(i.end)} · service level ${percent(i.serviceLevel.mean)} ${interval("percent", i.serviceLevel.lo, i.serviceLevel.hi)}`
  )
  if (scope.serviceLevelTarget !== null) {
    const target = scope.serviceLevelTarget
    const line = f.plot
      .append("line")
      .attr("class", "target")
      .attr("x1", 0)
      .attr("x2", f.width)
      .attr("y1", y(target))
      .attr("y2", y(target))
      .attr("stroke", Colors.target)
      .attr("stroke-dasharray", "6 4")
    tip(line, `target ${percent(target)}`)
    f.plot
      .append("text")
      .attr("class", "target-label")
      .attr("x", f.width - 4)
      .attr("y", y(target) - 4)
      .attr("text-anchor", "end")
      .text(`target ${percent(target)}`)
  }
  markers(f, x, data.markers)
  return fig
}
