/**
 * The scaffolding every chart shares: a `<figure>` with a caption, legend and an SVG with margins, time and
 * value axes, time markers, tooltips and an empty-state note. Charts draw with d3 on the document their parent
 * belongs to (the browser's, or linkedom's on the server), so the same code renders both; nothing here measures
 * text or reads layout, which a server-side DOM cannot do.
 */
import {
  axisBottom,
  axisLeft,
  type BaseType,
  type ScaleContinuousNumeric,
  type ScaleLinear,
  type Selection,
  select
} from "d3"
import type { Marker } from "../ReportData.ts"
import { clock } from "./Format.ts"
import { Colors } from "./Palette.ts"

/** A d3 selection of one element, without bound data. */
export type El<E extends Element = Element> = Selection<E, unknown, null, undefined>

/** Margins around a chart's plot area, in SVG units. */
export interface Margin {
  readonly top: number
  readonly right: number
  readonly bottom: number
  readonly left: number
}

/** A chart's drawing surface: the SVG, the translated plot group and the plot area's inner size. */
export interface Frame {
  readonly figure: El<HTMLElement>
  readonly svg: El<SVGSVGElement>
  readonly plot: El<SVGGElement>
  readonly width: number
  readonly height: number
  /** The left margin: the room for the value axis and its label. */
  readonly plotLeft: number
}

/** Full-width and half-width charts, in SVG units (they scale with the page through their viewBox). */
export const Sizes = {
  full: { width: 1160, height: 300 },
  half: { width: 570, height: 280 }
} as const

const defaultMargin: Margin = { top: 22, right: 16, bottom: 34, left: 52 }

/**
 * Appends a figure for one chart: `data-chart` names it (tests and the viewer find charts by it), the caption
 * gives its title and an optional note in words.
 */
export const figure = (
  parent: El<Element>,
  chart: string,
  title: string,
  note?: string,
  size: "full" | "half" = "half"
): El<HTMLElement> => {
  const fig = parent.append("figure").attr("class", `chart chart-${size}`).attr("data-chart", chart)
  const caption = fig.append("figcaption")
  caption.append("span").attr("class", "chart-title").text(title)
  if (note !== undefined) caption.append("span").attr("class", "chart-note").text(note)
  return fig
}

/** Appends the SVG of a chart to its figure, with a viewBox so it scales to the figure's width. */
export const frame = (
  fig: El<HTMLElement>,
  size: { readonly width: number; readonly height: number },
  margin: Partial<Margin> = {}
): Frame => {
  const m = { ...defaultMargin, ...margin }
  const svg = fig
    .append("svg")
    .attr("class", "chart-svg")
    .attr("viewBox", `0 0 ${size.width} ${size.height}`)
    .attr("width", size.width)
    .attr("height", size.height)
    .attr("role", "img")
    .attr("aria-label", fig.select(".chart-title").text())
  const plot = svg.append("g").attr("class", "plot").attr("transform", `translate(${m.left},${m.top})`)
  return {
    figure: fig,
    svg,
    plot,
    width: size.width - m.left - m.right,
    height: size.height - m.top - m.bottom,
    plotLeft: m.left
  }
}

/** Tick step for a time axis: whole hours, or minutes for short days, about eight ticks across. */
export const timeTicks = (from: number, to: number, target = 8): Array<number> => {
  const span = Math.max(to - from, 1)
  const steps = [60, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600]
  const step = steps.find((s) => span / s <= target) ?? 43_200
  const ticks: Array<number> = []
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t)
  return ticks
}

/** Draws a time-of-day axis at the bottom of the plot. */
export const timeAxis = (f: Frame, x: ScaleLinear<number, number>): void => {
  const [from, to] = x.domain() as [number, number]
  f.plot
    .append("g")
    .attr("class", "axis axis-x")
    .attr("transform", `translate(0,${f.height})`)
    .call(
      axisBottom(x)
        .tickValues(timeTicks(from, to))
        .tickFormat((d) => clock(Number(d)))
    )
}

/** Draws a value axis on the left, with horizontal grid lines and an optional unit label. */
export const valueAxis = (
  f: Frame,
  y: ScaleContinuousNumeric<number, number>,
  format: (v: number) => string,
  label?: string,
  ticks = 5
): void => {
  f.plot
    .append("g")
    .attr("class", "grid")
    .selectAll("line")
    .data(y.ticks(ticks))
    .join("line")
    .attr("x1", 0)
    .attr("x2", f.width)
    .attr("y1", (d) => y(d))
    .attr("y2", (d) => y(d))
    .attr("stroke", Colors.grid)
  f.plot
    .append("g")
    .attr("class", "axis axis-y")
    .call(
      axisLeft(y)
        .ticks(ticks)
        .tickFormat((d) => format(Number(d)))
    )
  if (label !== undefined) {
    f.plot.append("text").attr("class", "axis-label").attr("x", -f.plotLeft).attr("y", -8).text(label)
  }
}

/**
 * Draws the time markers (opening, closing, shift and break boundaries) as dashed vertical lines. Opening and
 * closing are labelled; shift boundaries at the same instant are merged into one line whose tooltip lists them.
 */
export const markers = (f: Frame, x: ScaleLinear<number, number>, list: ReadonlyArray<Marker>): void => {
  const [from, to] = x.domain() as [number, number]
  const byTime = new Map<number, Array<Marker>>()
  for (const m of list) {
    if (m.at < from || m.at > to) continue
    const at = byTime.get(m.at)
    if (at === undefined) byTime.set(m.at, [m])
    else at.push(m)
  }
  const times = [...byTime.keys()].sort((a, b) => a - b)
  const g = f.plot.append("g").attr("class", "markers")
  for (const t of times) {
    const ms = byTime.get(t) ?? []
    const major = ms.some((m) => m.kind === "open" || m.kind === "close")
    const line = g
      .append("line")
      .attr("class", `marker ${major ? "marker-major" : "marker-minor"}`)
      .attr("x1", x(t))
      .attr("x2", x(t))
      .attr("y1", 0)
      .attr("y2", f.height)
      .attr("stroke", major ? Colors.offered : Colors.marker)
      .attr("stroke-dasharray", major ? "4 3" : "2 3")
      .attr("stroke-width", major ? 1.2 : 0.8)
    tip(line, `${clock(t)}: ${ms.map((m) => m.label).join("; ")}`)
    if (major) {
      const label = ms.find((m) => m.kind === "open" || m.kind === "close")
      // "open" reads to the right of its line, "close" to the left, so neither leaves the plot.
      const isOpen = label?.kind === "open"
      g.append("text")
        .attr("class", "marker-label")
        .attr("x", isOpen ? x(t) + 3 : x(t) - 3)
        .attr("y", -6)
        .attr("text-anchor", isOpen ? "start" : "end")
        .text(isOpen ? "open" : "close")
    }
  }
}

/** Attaches a tooltip to a mark (an SVG `<title>`, which the viewer turns into a styled tooltip). */
export const tip = <E extends Element>(mark: El<E>, text: string): El<E> => {
  mark.append("title").text(text)
  return mark
}

/** Attaches tooltips to each mark of a data join. */
export const tips = <E extends BaseType, D, P extends BaseType>(
  marks: Selection<E, D, P, unknown>,
  text: (d: D) => string
): void => {
  marks.append("title").text(text)
}

/** Writes a note in the middle of an empty chart ("No abandoned calls"). */
export const emptyNote = (f: Frame, text: string): void => {
  f.plot
    .append("text")
    .attr("class", "empty-note")
    .attr("x", f.width / 2)
    .attr("y", f.height / 2)
    .attr("text-anchor", "middle")
    .text(text)
}

/** One entry of a legend: a filled box, a line, a dashed line or a band. */
export interface LegendItem {
  readonly label: string
  readonly color: string
  readonly shape?: "box" | "line" | "dash" | "band"
}

/** Appends an HTML legend under a chart's caption. */
export const legend = (fig: El<HTMLElement>, items: ReadonlyArray<LegendItem>): void => {
  const ul = fig.append("ul").attr("class", "legend")
  for (const item of items) {
    const li = ul.append("li")
    li.append("span")
      .attr("class", `swatch swatch-${item.shape ?? "box"}`)
      .style(item.shape === "line" || item.shape === "dash" ? "border-color" : "background-color", item.color)
    li.append("span").text(item.label)
  }
}

/** Selects an element as a chart parent (d3 selections of subtypes do not widen to `Element` by themselves). */
export const wrap = (element: Element): El<Element> => select(element)
