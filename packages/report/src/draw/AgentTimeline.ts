/**
 * The agents' states over one replication: a Gantt chart (one row per agent, one bar per state) for up to
 * `ganttLimit` agents, and beyond that a heatmap of each agent's occupancy per interval, which stays readable
 * with thousands of rows.
 */
import { interpolateViridis, scaleBand, scaleLinear } from "d3"
import type { AgentTimeline, ReportData, ScopeView } from "../ReportData.ts"
import { TimelineStates } from "../ReportData.ts"
import { type Chart, timeDomain, timeScale } from "./Chart.ts"
import { clock, duration, percent } from "./Format.ts"
import { emptyNote, figure, frame, legend, markers, Sizes, timeAxis, tips } from "./Frame.ts"
import { StateColors, StateLabels } from "./Palette.ts"

/** Up to this many agents the timeline is a Gantt chart; beyond it, a heatmap. */
export const ganttLimit = 200

/** States that count as busy in the heatmap (ringing, on a call, in wrap-up). */
const busyStates: ReadonlySet<number> = new Set(
  (["ringing", "queue-call", "direct-or-internal-call", "outbound-call", "wrap-up"] as const).map((s) =>
    TimelineStates.indexOf(s)
  )
)
const signedOut = TimelineStates.indexOf("signed-out")

const rowsOf = (data: ReportData, scope: ScopeView): ReadonlyArray<AgentTimeline> => {
  if (data.timeline === null) return []
  const ids = new Set(scope.agents)
  return data.timeline.agents.filter((a) => ids.has(a.id))
}

/** The agents' state timeline: Gantt or heatmap by the number of agents. */
export const agentTimeline: Chart = (parent, input) => {
  const rows = rowsOf(input.data, input.scope)
  return rows.length > ganttLimit ? heatmap(parent, input, rows) : gantt(parent, input, rows)
}

const labelMargin = (rows: ReadonlyArray<AgentTimeline>, rowHeight: number): number =>
  rowHeight >= 9 ? Math.min(140, 12 + 6.2 * Math.max(4, ...rows.map((r) => r.id.length))) : 24

const gantt = (
  parent: Parameters<Chart>[0],
  { data, scope }: Parameters<Chart>[1],
  rows: ReadonlyArray<AgentTimeline>
) => {
  const replication = data.timeline === null ? "" : `replication ${data.timeline.replication + 1}; `
  const fig = figure(parent, "agent-timeline", "Agent states over the day", `${replication}one row per agent`, "full")
  fig.attr("data-variant", "gantt")
  legend(
    fig,
    StateLabels.map((label, k) => ({ label, color: StateColors[k]! }))
  )
  const rowHeight = rows.length === 0 ? 14 : Math.max(3, Math.min(16, Math.floor(560 / rows.length)))
  const left = labelMargin(rows, rowHeight)
  const height = Math.max(120, rows.length * rowHeight + 56)
  const f = frame(fig, { width: Sizes.full.width, height }, { left, top: 22, bottom: 34 })
  const domain = timeDomain(data, scope)
  const x = timeScale(domain, f.width)
  const y = scaleBand<string>()
    .domain(rows.map((r) => r.id))
    .range([0, f.height])
    .paddingInner(rowHeight >= 6 ? 0.15 : 0)
  timeAxis(f, x)
  if (data.timeline === null) emptyNote(f, "These results keep no replication trace")
  else if (rows.length === 0) emptyNote(f, "No agents in this scope")
  if (rowHeight >= 9) {
    f.plot
      .append("g")
      .attr("class", "axis axis-y")
      .selectAll("text")
      .data(rows)
      .join("text")
      .attr("x", -6)
      .attr("y", (r) => (y(r.id) ?? 0) + y.bandwidth() / 2)
      .attr("dy", "0.32em")
      .attr("text-anchor", "end")
      .attr("font-size", Math.min(11, rowHeight - 1))
      .text((r) => r.id)
  }
  const segments = rows.flatMap((r) =>
    r.segments.filter((s) => s[2] !== signedOut && s[1] > s[0]).map((s) => ({ id: r.id, s }))
  )
  const bars = f.plot
    .append("g")
    .attr("class", "segments")
    .selectAll("rect")
    .data(segments)
    .join("rect")
    .attr("class", "mark")
    .attr("x", (d) => x(d.s[0]))
    .attr("width", (d) => Math.max(0.3, x(d.s[1]) - x(d.s[0])))
    .attr("y", (d) => y(d.id) ?? 0)
    .attr("height", y.bandwidth())
    .attr("fill", (d) => StateColors[d.s[2]] ?? "#000")
  tips(
    bars,
    (d) => `${d.id} · ${StateLabels[d.s[2]]} · ${clock(d.s[0])}–${clock(d.s[1])} (${duration(d.s[1] - d.s[0])})`
  )
  markers(f, x, data.markers)
  return fig
}

/** Busy seconds and signed-in seconds of one agent in each time cell. */
export const occupancyCells = (
  row: AgentTimeline,
  from: number,
  cell: number,
  cells: number
): Array<{ busy: number; signedIn: number }> => {
  const out = Array.from({ length: cells }, () => ({ busy: 0, signedIn: 0 }))
  for (const [start, end, state] of row.segments) {
    if (state === signedOut) continue
    const first = Math.max(0, Math.floor((start - from) / cell))
    const last = Math.min(cells - 1, Math.floor((end - from) / cell))
    for (let k = first; k <= last; k++) {
      const lo = Math.max(start, from + k * cell)
      const hi = Math.min(end, from + (k + 1) * cell)
      if (hi <= lo) continue
      out[k]!.signedIn += hi - lo
      if (busyStates.has(state)) out[k]!.busy += hi - lo
    }
  }
  return out
}

const heatmap = (
  parent: Parameters<Chart>[0],
  { data, scope }: Parameters<Chart>[1],
  rows: ReadonlyArray<AgentTimeline>
) => {
  const fig = figure(
    parent,
    "agent-timeline",
    "Agent occupancy over the day",
    `${rows.length} agents (more than ${ganttLimit}): occupancy per agent and interval, one replication`,
    "full"
  )
  fig.attr("data-variant", "heatmap")
  legend(fig, [
    { label: "0 % busy", color: interpolateViridis(0) },
    { label: "50 %", color: interpolateViridis(0.5) },
    { label: "100 % busy", color: interpolateViridis(1) },
    { label: "signed out", color: "#f2f2f2" }
  ])
  const rowHeight = Math.max(1, Math.min(4, Math.floor(900 / rows.length)))
  const f = frame(fig, { width: Sizes.full.width, height: rows.length * rowHeight + 56 }, { left: 24 })
  const domain = timeDomain(data, scope)
  const x = timeScale(domain, f.width)
  const cell = data.time.intervalSeconds
  const cells = Math.max(1, Math.ceil((domain[1] - domain[0]) / cell))
  const y = scaleLinear().domain([0, rows.length]).range([0, f.height])
  timeAxis(f, x)
  const data2 = rows.flatMap((r, k) => occupancyCells(r, domain[0], cell, cells).map((c, j) => ({ id: r.id, k, j, c })))
  const rects = f.plot
    .append("g")
    .attr("class", "cells")
    .selectAll("rect")
    .data(data2)
    .join("rect")
    .attr("class", "mark")
    .attr("x", (d) => x(domain[0] + d.j * cell))
    .attr("width", (d) =>
      Math.max(0.5, x(Math.min(domain[1], domain[0] + (d.j + 1) * cell)) - x(domain[0] + d.j * cell))
    )
    .attr("y", (d) => y(d.k))
    .attr("height", Math.max(0.5, y(1) - y(0)))
    .attr("fill", (d) => (d.c.signedIn > 0 ? interpolateViridis(d.c.busy / d.c.signedIn) : "#f2f2f2"))
  tips(rects, (d) => {
    const start = domain[0] + d.j * cell
    const what = d.c.signedIn > 0 ? `occupancy ${percent(d.c.busy / d.c.signedIn)}` : "signed out"
    return `${d.id} · ${clock(start)}–${clock(start + cell)} · ${what}`
  })
  markers(f, x, data.markers)
  return fig
}
