/**
 * The sweep page's curves: one metric against the swept value, a line per scope (all queues, each queue; for
 * occupancy all agents and each agent entry) with its 95 % band, the scenario's thresholds on that metric as
 * dashed lines, and the breaking point as a vertical line. Drawn with d3 on the server (linkedom) like the run
 * report's charts; tooltips are SVG titles, so the page needs no script.
 */
import { area, axisBottom, line, type ScaleLinear, type ScalePoint, scaleLinear, scalePoint } from "d3"
import { formatValue, interval, shortDuration, type ValueKind } from "../draw/Format.ts"
import { type El, figure, frame, legend, Sizes, tip, tips, valueAxis } from "../draw/Frame.ts"
import { Colors, OkabeIto } from "../draw/Palette.ts"
import type { SweepEstimateView, SweepPointView, SweepReportData } from "./SweepData.ts"

/** One line of a chart: a scope's estimate at every point. */
interface Series {
  readonly label: string
  /** The threshold scope this line is (`total`, `queue:<id>`, `agent:<id>`). */
  readonly scope: string
  readonly color: string
  readonly estimate: (p: SweepPointView) => SweepEstimateView | undefined
}

/** Line colours: all queues in black, then the Okabe–Ito colours in turn. */
const seriesColors = [
  OkabeIto.black,
  OkabeIto.blue,
  OkabeIto.vermillion,
  OkabeIto.bluishGreen,
  OkabeIto.orange,
  OkabeIto.reddishPurple,
  OkabeIto.skyBlue
]

const colorAt = (i: number): string => seriesColors[i % seriesColors.length]!

type XScale = {
  readonly at: (p: SweepPointView) => number
  readonly axis: ScaleLinear<number, number> | ScalePoint<string>
}

/** A numeric x axis when every value is a number, else the values evenly spaced in order. */
const xScale = (data: SweepReportData, width: number): XScale => {
  const xs = data.points.map((p) => p.x)
  if (xs.every((x): x is number => x !== null)) {
    const lo = Math.min(...xs)
    const hi = Math.max(...xs)
    const pad = lo === hi ? 1 : (hi - lo) * 0.03
    const axis = scaleLinear()
      .domain([lo - pad, hi + pad])
      .range([0, width])
    return { at: (p) => axis(p.x ?? 0), axis }
  }
  const axis = scalePoint<string>()
    .domain(data.points.map((p) => p.value))
    .range([0, width])
    .padding(0.3)
  return { at: (p) => axis(p.value) ?? 0, axis }
}

/** What the x axis is: `load (run.loadMultiplier)`, `agents (agents[team].count)`. */
export const dimensionLabel = (data: SweepReportData): string =>
  data.dimension.kind === "load"
    ? "load multiplier (run.loadMultiplier)"
    : data.dimension.kind === "agents"
      ? `agents (${data.dimension.path})`
      : data.dimension.path

/** A threshold as it reads on a chart: `≥ 80.0 % (total, 95 % conf.)`. */
const thresholdNote = (t: SweepReportData["thresholds"][number], kind: ValueKind): string =>
  `${t.metric} ${t.op} ${formatValue(kind, t.value)} (${t.scope}${t.confidence === null ? "" : `, ${Math.round(t.confidence * 100)} % conf.`}${t.strict ? "" : ", warning only"})`

const defined = (e: SweepEstimateView | undefined): e is { mean: number; lo: number | null; hi: number | null } =>
  e !== undefined && e.mean !== null && Number.isFinite(e.mean)

/** One curve chart. */
const curveChart = (
  parent: El<Element>,
  data: SweepReportData,
  spec: {
    readonly chart: string
    readonly title: string
    readonly note: string
    readonly metric: string
    readonly kind: ValueKind
    readonly series: ReadonlyArray<Series>
  }
): El<HTMLElement> => {
  const fig = figure(parent, spec.chart, spec.title, spec.note)
  const thresholds = data.thresholds.filter(
    (t) => t.metric === spec.metric && spec.series.some((s) => s.scope === t.scope)
  )
  legend(fig, [
    ...spec.series.map((s) => ({ label: s.label, color: s.color, shape: "line" as const })),
    { label: "95 % interval", color: OkabeIto.black, shape: "band" as const },
    ...(thresholds.length > 0 ? [{ label: "threshold", color: Colors.threshold, shape: "dash" as const }] : []),
    ...(data.breakingPoint.value !== null
      ? [{ label: "breaking point", color: Colors.fail, shape: "dash" as const }]
      : [])
  ])
  const f = frame(fig, Sizes.half, { bottom: 44 })
  const x = xScale(data, f.width)
  const top =
    spec.kind === "percent"
      ? 1
      : Math.max(
          1,
          ...thresholds.map((t) => t.value),
          ...data.points.flatMap((p) => spec.series.map((s) => s.estimate(p)?.hi ?? s.estimate(p)?.mean ?? 0))
        ) * 1.08
  const y = scaleLinear().domain([0, top]).range([f.height, 0])
  const clampY = (v: number) => y(Math.max(0, Math.min(top, v)))
  valueAxis(f, y, spec.kind === "percent" ? (v) => `${Math.round(v * 100)} %` : (v) => shortDuration(v))
  const bottom = axisBottom(x.axis as ScaleLinear<number, number>).ticks(8)
  f.plot.append("g").attr("class", "axis axis-x").attr("transform", `translate(0,${f.height})`).call(bottom)
  f.plot
    .append("text")
    .attr("class", "axis-label")
    .attr("x", f.width / 2)
    .attr("y", f.height + 38)
    .attr("text-anchor", "middle")
    .text(dimensionLabel(data))

  for (const s of spec.series) {
    const points = data.points.filter((p) => defined(s.estimate(p)))
    const g = f.plot.append("g").attr("class", "series").attr("data-scope", s.scope)
    const banded = points.filter((p) => s.estimate(p)?.lo !== null && s.estimate(p)?.hi !== null)
    g.append("path")
      .attr("class", "band")
      .attr(
        "d",
        area<SweepPointView>()
          .x(x.at)
          .y0((p) => clampY(s.estimate(p)?.lo ?? 0))
          .y1((p) => clampY(s.estimate(p)?.hi ?? 0))(banded) ?? ""
      )
      .attr("fill", s.color)
      .attr("fill-opacity", 0.15)
    g.append("path")
      .attr("class", "curve")
      .attr(
        "d",
        line<SweepPointView>()
          .x(x.at)
          .y((p) => clampY(s.estimate(p)?.mean ?? 0))(points) ?? ""
      )
      .attr("fill", "none")
      .attr("stroke", s.color)
      .attr("stroke-width", 2)
    const dots = g
      .selectAll("circle")
      .data(points)
      .join("circle")
      .attr("class", "mark")
      .attr("cx", x.at)
      .attr("cy", (p) => clampY(s.estimate(p)?.mean ?? 0))
      .attr("r", 3)
      .attr("fill", s.color)
    tips(dots, (p) => {
      const e = s.estimate(p)!
      const ci = e.lo === null || e.hi === null ? "" : ` ${interval(spec.kind, e.lo, e.hi)}`
      return `${s.label} at ${p.value}: ${formatValue(spec.kind, e.mean ?? Number.NaN)}${ci}`
    })
  }

  for (const t of thresholds) {
    const at = clampY(t.value)
    const rule = f.plot
      .append("line")
      .attr("class", "threshold")
      .attr("x1", 0)
      .attr("x2", f.width)
      .attr("y1", at)
      .attr("y2", at)
      .attr("stroke", Colors.threshold)
      .attr("stroke-dasharray", "6 4")
    tip(rule, thresholdNote(t, spec.kind))
    f.plot
      .append("text")
      .attr("class", "threshold-label")
      .attr("x", f.width - 4)
      .attr("y", at - 4)
      .attr("text-anchor", "end")
      .text(`${t.op} ${formatValue(spec.kind, t.value)}${t.scope === "total" ? "" : ` (${t.scope})`}`)
  }

  const breaking = data.points.find((p) => p.value === data.breakingPoint.value)
  if (breaking !== undefined) {
    const at = x.at(breaking)
    const rule = f.plot
      .append("line")
      .attr("class", "breaking-point")
      .attr("x1", at)
      .attr("x2", at)
      .attr("y1", 0)
      .attr("y2", f.height)
      .attr("stroke", Colors.fail)
      .attr("stroke-width", 1.5)
      .attr("stroke-dasharray", "4 3")
    tip(rule, `breaking point: ${breaking.value} (the last value at which every strict threshold holds)`)
    f.plot
      .append("text")
      .attr("class", "marker-label")
      .attr("x", at + 3)
      .attr("y", -6)
      .text(`breaks after ${breaking.value}`)
  }
  return fig
}

/** The four curve charts: service level, ASA, abandonment, occupancy. */
export const sweepCharts = (parent: El<Element>, data: SweepReportData): void => {
  const first = data.points[0]
  const queues = first?.queues ?? []
  const groups = first?.groups ?? []
  const callSeries = (key: "serviceLevel" | "asa" | "abandonRate"): Array<Series> => [
    { label: "all queues", scope: "total", color: colorAt(0), estimate: (p) => p.total[key] },
    ...(queues.length > 1
      ? queues.map((q, i) => ({
          label: `queue ${q.id}`,
          scope: `queue:${q.id}`,
          color: colorAt(i + 1),
          estimate: (p: SweepPointView) => p.queues.find((x) => x.id === q.id)?.[key]
        }))
      : [])
  ]
  const per = `per point: mean of ${data.replicationsPerPoint} replications`
  curveChart(parent, data, {
    chart: "sweep-service-level",
    title: "Service level",
    note: `${data.serviceLevelDefinition}; ${per}`,
    metric: "service-level",
    kind: "percent",
    series: callSeries("serviceLevel")
  })
  curveChart(parent, data, {
    chart: "sweep-asa",
    title: "Average speed of answer",
    note: `mean wait of answered calls; ${per}`,
    metric: "asa",
    kind: "seconds",
    series: callSeries("asa")
  })
  curveChart(parent, data, {
    chart: "sweep-abandonment",
    title: "Abandonment",
    note: `abandoned of offered; ${per}`,
    metric: "abandon-rate",
    kind: "percent",
    series: callSeries("abandonRate")
  })
  curveChart(parent, data, {
    chart: "sweep-occupancy",
    title: "Occupancy",
    note: `agents' occupancy; ${per}`,
    metric: "occupancy",
    kind: "percent",
    series: [
      { label: "all agents", scope: "total", color: colorAt(0), estimate: (p) => p.total.occupancy },
      ...(groups.length > 1
        ? groups.map((g, i) => ({
            label: `agents ${g.id}`,
            scope: `agent:${g.id}`,
            color: colorAt(i + 1),
            estimate: (p: SweepPointView) => p.groups.find((x) => x.id === g.id)?.occupancy
          }))
        : [])
    ]
  })
}
