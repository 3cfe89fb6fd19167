/**
 * Waits: the histogram and the cumulative distribution of answered calls' waits with the service-level threshold
 * marked, and the histogram of abandoned callers' time to abandon.
 */
import { axisBottom, type ScaleContinuousNumeric, scaleBand, scaleLinear, scaleSqrt } from "d3"
import type { WaitBin } from "../ReportData.ts"
import type { Chart } from "./Chart.ts"
import { maxOf } from "./Chart.ts"
import { count, duration, percent, shortDuration } from "./Format.ts"
import { emptyNote, type Frame, figure, frame, legend, Sizes, tip, tips, valueAxis } from "./Frame.ts"
import { Colors } from "./Palette.ts"

const binLabel = (b: WaitBin): string => `${duration(b.lo)}–${duration(b.hi)}`

/**
 * The count axis of a histogram: linear, or square-root when one bin towers over the others (typically the
 * calls answered at once), so the tail stays visible. The caption says which.
 */
export const countScale = (
  counts: ReadonlyArray<number>,
  height: number
): { y: ScaleContinuousNumeric<number, number>; sqrt: boolean } => {
  const sorted = [...counts].sort((a, b) => b - a)
  const sqrt = (sorted[0] ?? 0) > 5 * (sorted[1] ?? 0) && (sorted[1] ?? 0) > 0
  const y = (sqrt ? scaleSqrt() : scaleLinear())
    .domain([0, maxOf(counts)])
    .nice()
    .range([height, 0])
  return { y, sqrt }
}

/** A band axis over bins, labelled with the bins' lower edges (about ten labels). */
const binAxis = (f: Frame, bins: ReadonlyArray<WaitBin>) => {
  const x = scaleBand<number>()
    .domain(bins.map((_, k) => k))
    .range([0, f.width])
    .paddingInner(0.08)
  const every = Math.max(1, Math.ceil(bins.length / 10))
  f.plot
    .append("g")
    .attr("class", "axis axis-x")
    .attr("transform", `translate(0,${f.height})`)
    .call(
      axisBottom(x)
        .tickValues(bins.map((_, k) => k).filter((k) => k % every === 0))
        .tickFormat((k) => shortDuration(bins[Number(k)]!.lo))
    )
  return x
}

/** Where a time falls on a band axis of bins (interpolated inside its bin). */
const bandPosition = (
  bins: ReadonlyArray<WaitBin>,
  x: ReturnType<typeof scaleBand<number>>,
  t: number
): number | null => {
  const k = bins.findIndex((b) => t >= b.lo && t < b.hi)
  if (k < 0) return null
  const b = bins[k]!
  const start = x(k) ?? 0
  return start + ((t - b.lo) / (b.hi - b.lo)) * x.bandwidth()
}

/** The histogram of answered waits with the threshold. */
export const waitHistogram: Chart = (parent, { scope }) => {
  const bins = scope.waits.bins
  const fig = figure(
    parent,
    "wait-histogram",
    "Waits of answered calls",
    "mean calls per replication in each wait band"
  )
  legend(fig, [
    { label: "answered calls", color: Colors.answered },
    { label: "service-level threshold", color: Colors.threshold, shape: "dash" }
  ])
  const f = frame(fig, Sizes.half)
  const { y, sqrt } = countScale(
    bins.map((b) => b.answered),
    f.height
  )
  if (sqrt) fig.select(".chart-note").text("mean calls per replication in each wait band (square-root scale)")
  valueAxis(f, y, count, "calls")
  const x = binAxis(f, bins)
  const total = bins.reduce((s, b) => s + b.answered, 0)
  if (total === 0) emptyNote(f, "No answered calls")
  const bars = f.plot
    .append("g")
    .attr("class", "bars")
    .selectAll("rect")
    .data(bins.map((b, k) => ({ b, k })).filter(({ b }) => b.answered > 0))
    .join("rect")
    .attr("class", "mark")
    .attr("x", ({ k }) => x(k) ?? 0)
    .attr("width", x.bandwidth())
    .attr("y", ({ b }) => y(b.answered))
    .attr("height", ({ b }) => f.height - y(b.answered))
    .attr("fill", Colors.answered)
  tips(bars, ({ b }) => `wait ${binLabel(b)} · ${count(b.answered)} answered (${percent(b.answered / total)})`)
  thresholdLine(f, scope.serviceLevelThreshold, (t) => bandPosition(bins, x, t))
  return fig
}

/** The threshold's dashed line and label (at the top, or at the bottom where a rising curve fills the top). */
const thresholdLine = (
  f: Frame,
  threshold: number | null,
  at: (t: number) => number | null,
  labelAt: "top" | "bottom" = "top"
): void => {
  if (threshold === null) return
  const px = at(threshold)
  if (px === null) return
  const line = f.plot
    .append("line")
    .attr("class", "threshold")
    .attr("x1", px)
    .attr("x2", px)
    .attr("y1", 0)
    .attr("y2", f.height)
    .attr("stroke", Colors.threshold)
    .attr("stroke-dasharray", "6 4")
    .attr("stroke-width", 1.5)
  tip(line, `service-level threshold ${duration(threshold)}`)
  f.plot
    .append("text")
    .attr("class", "threshold-label")
    .attr("x", px + 4)
    .attr("y", labelAt === "top" ? 10 : f.height - 6)
    .text(`${duration(threshold)}`)
}

/** The cumulative distribution of answered waits, with the share answered within the threshold marked. */
export const waitCdf: Chart = (parent, { scope }) => {
  const bins = scope.waits.bins
  const fig = figure(parent, "wait-cdf", "Share of answered calls within a wait", "cumulative distribution of waits")
  legend(fig, [
    { label: "answered within the wait", color: Colors.answered, shape: "line" },
    { label: "service-level threshold", color: Colors.threshold, shape: "dash" }
  ])
  const f = frame(fig, Sizes.half)
  const total = bins.reduce((s, b) => s + b.answered, 0)
  const maxT = bins.at(-1)?.hi ?? 1
  const x = scaleLinear().domain([0, maxT]).range([0, f.width])
  const y = scaleLinear().domain([0, 1]).range([f.height, 0])
  valueAxis(f, y, (v) => `${Math.round(v * 100)} %`)
  f.plot
    .append("g")
    .attr("class", "axis axis-x")
    .attr("transform", `translate(0,${f.height})`)
    .call(
      axisBottom(x)
        .ticks(8)
        .tickFormat((d) => shortDuration(Number(d)))
    )
  if (total === 0) {
    emptyNote(f, "No answered calls")
    return fig
  }
  let acc = 0
  const points: Array<{ t: number; share: number }> = [{ t: bins[0]?.lo ?? 0, share: 0 }]
  for (const b of bins) {
    acc += b.answered
    points.push({ t: b.hi, share: acc / total })
  }
  f.plot
    .append("polyline")
    .attr("class", "cdf")
    .attr("points", points.map((p) => `${x(p.t)},${y(p.share)}`).join(" "))
    .attr("fill", "none")
    .attr("stroke", Colors.answered)
    .attr("stroke-width", 2)
  const dots = f.plot
    .append("g")
    .attr("class", "dots")
    .selectAll("circle")
    .data(points.slice(1))
    .join("circle")
    .attr("class", "mark")
    .attr("cx", (p) => x(p.t))
    .attr("cy", (p) => y(p.share))
    .attr("r", 2.5)
    .attr("fill", Colors.answered)
  tips(dots, (p) => `${percent(p.share)} of answered calls waited less than ${duration(p.t)}`)
  const threshold = scope.serviceLevelThreshold
  if (threshold !== null && threshold <= maxT) {
    thresholdLine(f, threshold, (t) => x(t), "bottom")
    const within = shareWithin(bins, threshold, total)
    const mark = f.plot
      .append("circle")
      .attr("class", "threshold-point")
      .attr("cx", x(threshold))
      .attr("cy", y(within))
      .attr("r", 5)
      .attr("fill", "none")
      .attr("stroke", Colors.threshold)
      .attr("stroke-width", 1.5)
    tip(mark, `${percent(within)} of answered calls within ${duration(threshold)}`)
  }
  return fig
}

/** The share of answered calls that waited less than `t`, interpolating linearly inside a bin. */
export const shareWithin = (bins: ReadonlyArray<WaitBin>, t: number, total: number): number => {
  let acc = 0
  for (const b of bins) {
    if (t >= b.hi) acc += b.answered
    else if (t > b.lo) acc += (b.answered * (t - b.lo)) / (b.hi - b.lo)
  }
  return total > 0 ? acc / total : 0
}

/** The histogram of the time callers waited before hanging up. */
export const abandonTimes: Chart = (parent, { scope }) => {
  const bins = scope.waits.bins
  const fig = figure(parent, "abandon-times", "Time to abandon", "mean abandoned calls per replication by time waited")
  legend(fig, [{ label: "abandoned calls", color: Colors.abandoned }])
  const f = frame(fig, Sizes.half)
  const total = bins.reduce((s, b) => s + b.abandoned, 0)
  const { y, sqrt } = countScale(
    bins.map((b) => b.abandoned),
    f.height
  )
  if (sqrt) fig.select(".chart-note").text("mean abandoned calls per replication by time waited (square-root scale)")
  valueAxis(f, y, count, "calls")
  const x = binAxis(f, bins)
  if (total === 0) emptyNote(f, "No abandoned calls")
  const bars = f.plot
    .append("g")
    .attr("class", "bars")
    .selectAll("rect")
    .data(bins.map((b, k) => ({ b, k })).filter(({ b }) => b.abandoned > 0))
    .join("rect")
    .attr("class", "mark")
    .attr("x", ({ k }) => x(k) ?? 0)
    .attr("width", x.bandwidth())
    .attr("y", ({ b }) => y(b.abandoned))
    .attr("height", ({ b }) => f.height - y(b.abandoned))
    .attr("fill", Colors.abandoned)
  tips(
    bars,
    ({ b }) => `abandoned after ${binLabel(b)} · ${count(b.abandoned)} calls (${percent(b.abandoned / total)})`
  )
  return fig
}
