/**
 * Average speed of answer per interval: a bar per interval with its 95 % interval as a whisker.
 */
import { scaleLinear } from "d3"
import type { IntervalView } from "../ReportData.ts"
import { type Chart, maxOf, timeDomain, timeScale } from "./Chart.ts"
import { clock, duration, interval, shortDuration } from "./Format.ts"
import { emptyNote, figure, frame, legend, markers, Sizes, timeAxis, tips, valueAxis } from "./Frame.ts"
import { Colors } from "./Palette.ts"

type WithAsa = IntervalView & { readonly asa: NonNullable<IntervalView["asa"]> }

/** ASA per interval with confidence whiskers. */
export const intervalAsa: Chart = (parent, { data, scope }) => {
  const fig = figure(parent, "interval-asa", "Average speed of answer per interval", "answered calls' mean wait")
  legend(fig, [
    { label: "ASA (mean)", color: Colors.asa },
    { label: "95 % interval", color: Colors.offered, shape: "line" }
  ])
  const f = frame(fig, Sizes.half)
  const x = timeScale(timeDomain(data, scope), f.width)
  const rows = scope.intervals.filter((i): i is WithAsa => i.asa !== null)
  const y = scaleLinear()
    .domain([0, maxOf(rows.map((i) => i.asa.hi))])
    .nice()
    .range([f.height, 0])
  valueAxis(f, y, shortDuration)
  timeAxis(f, x)
  if (rows.length === 0) emptyNote(f, "No answered calls")
  const bars = f.plot
    .append("g")
    .attr("class", "bars")
    .selectAll("rect")
    .data(rows)
    .join("rect")
    .attr("class", "mark")
    .attr("x", (i) => x(i.start) + 1)
    .attr("width", (i) => Math.max(1, x(i.end) - x(i.start) - 2))
    .attr("y", (i) => y(i.asa.mean))
    .attr("height", (i) => Math.max(0, f.height - y(i.asa.mean)))
    .attr("fill", Colors.asa)
    .attr("fill-opacity", 0.85)
  tips(
    bars,
    (i) => `${clock(i.start)}–${clock(i.end)} · ASA ${duration(i.asa.mean)} ${interval("seconds", i.asa.lo, i.asa.hi)}`
  )
  f.plot
    .append("g")
    .attr("class", "whiskers")
    .selectAll("path")
    .data(rows.filter((i) => i.asa.hi > i.asa.lo))
    .join("path")
    .attr("d", (i) => {
      const cx = (x(i.start) + x(i.end)) / 2
      const w = Math.min(4, (x(i.end) - x(i.start)) / 4)
      return `M${cx},${y(i.asa.lo)}V${y(i.asa.hi)}M${cx - w},${y(i.asa.lo)}H${cx + w}M${cx - w},${y(i.asa.hi)}H${cx + w}`
    })
    .attr("stroke", Colors.offered)
    .attr("fill", "none")
  markers(f, x, data.markers)
  return fig
}
