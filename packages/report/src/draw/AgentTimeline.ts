/**
 * The agents' states over one replication: a Gantt chart (one row per agent, the state held longest in each
 * column) for up to `ganttLimit` agents, and beyond that a heatmap of occupancy per band of agents and column,
 * which stays readable (and small) with thousands of agents. Both are bounded in marks whatever the run's size.
 */
import { interpolateViridis, scaleBand, scaleLinear } from "d3"
import type { AgentTimeline, ReportData, ScopeView, TimeGrid } from "../ReportData.ts"
import { shareDigits, TimelineStates } from "../ReportData.ts"
import { type Chart, timeDomain, timeScale } from "./Chart.ts"
import { clock, duration, percent } from "./Format.ts"
import { emptyNote, figure, frame, legend, markers, Sizes, timeAxis, tips } from "./Frame.ts"
import { StateColors, StateLabels } from "./Palette.ts"

/** Up to this many agents the timeline is a Gantt chart; beyond it, a heatmap. */
export const ganttLimit = 200
/** At most this many Gantt cells (rows × columns): more columns are merged by majority. */
export const ganttCells = 40_000
/** At most this many heatmap rows (bands of agents) and columns. */
export const heatRows = 150
export const heatColumns = 60

const signedOut = TimelineStates.indexOf("signed-out")
const shares = new Float64Array(128)
for (let k = 0; k < shareDigits.length; k++) shares[shareDigits.charCodeAt(k)] = k / 63

/**
 * One agent's runs of equal states (signed out left out) as `[start, end, state]` seconds, with `group`
 * columns merged into one by majority (ties to the earlier state in the group).
 */
export const ganttRuns = (
  row: AgentTimeline,
  grid: TimeGrid,
  group: number
): Array<readonly [number, number, number]> => {
  const out: Array<[number, number, number]> = []
  const n = Math.min(grid.columns, row.states.length)
  const votes = new Int32Array(TimelineStates.length)
  for (let c = 0; c < n; c += group) {
    const stop = Math.min(n, c + group)
    let s = row.states.charCodeAt(c) - 48
    if (group > 1) {
      votes.fill(0)
      for (let k = c; k < stop; k++) votes[row.states.charCodeAt(k) - 48]! += 1
      for (let k = c; k < stop; k++)
        if (votes[row.states.charCodeAt(k) - 48]! > votes[s]!) s = row.states.charCodeAt(k) - 48
    }
    const from = grid.start + c * grid.step
    const to = grid.start + stop * grid.step
    const last = out.at(-1)
    if (s === signedOut) continue
    if (last !== undefined && last[2] === s && last[1] === from) last[1] = to
    else out.push([from, to, s])
  }
  return out
}

/**
 * Busy and signed-in seconds per band of `band` agents and group of `group` columns (rows × groups).
 */
export const heatCells = (
  rows: ReadonlyArray<AgentTimeline>,
  grid: TimeGrid,
  band: number,
  group: number
): Array<Array<{ busy: number; signedIn: number }>> => {
  const groups = Math.ceil(grid.columns / group)
  const out: Array<Array<{ busy: number; signedIn: number }>> = []
  for (let r = 0; r < rows.length; r += band) {
    const cells = Array.from({ length: groups }, () => ({ busy: 0, signedIn: 0 }))
    for (let k = r; k < Math.min(rows.length, r + band); k++) {
      const row = rows[k]!
      const n = Math.min(grid.columns, row.busy.length, row.signedIn.length)
      for (let c = 0; c < n; c++) {
        const cell = cells[Math.floor(c / group)]!
        cell.busy += shares[row.busy.charCodeAt(c)]! * grid.step
        cell.signedIn += shares[row.signedIn.charCodeAt(c)]! * grid.step
      }
    }
    out.push(cells)
  }
  return out
}

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
  const grid = data.timeline?.grid ?? { start: domain[0], step: 1, columns: 0 }
  const group = Math.max(1, Math.ceil((rows.length * grid.columns) / ganttCells))
  const segments = rows.flatMap((r) => ganttRuns(r, grid, group).map((s) => ({ id: r.id, s })))
  // enter().append, not join(): join reorders, which costs a server-side DOM quadratic time in the marks
  const bars = f.plot
    .append("g")
    .attr("class", "segments")
    .selectAll(null)
    .data(segments)
    .enter()
    .append("rect")
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

const heatmap = (
  parent: Parameters<Chart>[0],
  { data, scope }: Parameters<Chart>[1],
  rows: ReadonlyArray<AgentTimeline>
) => {
  const grid = data.timeline?.grid ?? { start: data.time.open, step: 1, columns: 0 }
  const band = Math.ceil(rows.length / heatRows)
  const group = Math.max(1, Math.ceil(grid.columns / heatColumns))
  const bands = heatCells(rows, grid, band, group)
  const fig = figure(
    parent,
    "agent-timeline",
    "Agent occupancy over the day",
    `${rows.length} agents (more than ${ganttLimit}): occupancy per ${band === 1 ? "agent" : `band of ${band} agents`} and column, one replication`,
    "full"
  )
  fig.attr("data-variant", "heatmap")
  legend(fig, [
    { label: "0 % busy", color: interpolateViridis(0) },
    { label: "50 %", color: interpolateViridis(0.5) },
    { label: "100 % busy", color: interpolateViridis(1) },
    { label: "signed out", color: "#f2f2f2" }
  ])
  const rowHeight = Math.max(1, Math.min(4, Math.floor(900 / bands.length)))
  const f = frame(fig, { width: Sizes.full.width, height: bands.length * rowHeight + 56 }, { left: 24 })
  const domain = timeDomain(data, scope)
  const x = timeScale(domain, f.width)
  const cell = grid.step * group
  const y = scaleLinear().domain([0, bands.length]).range([0, f.height])
  timeAxis(f, x)
  const label = (k: number) => {
    const first = rows[k * band]!.id
    const last = rows[Math.min(rows.length, (k + 1) * band) - 1]!.id
    return first === last ? first : `${first} … ${last}`
  }
  const data2 = bands.flatMap((cells, k) => cells.map((c, j) => ({ k, j, c })))
  const rects = f.plot
    .append("g")
    .attr("class", "cells")
    .selectAll(null)
    .data(data2)
    .enter()
    .append("rect")
    .attr("class", "mark")
    .attr("x", (d) => x(grid.start + d.j * cell))
    .attr("width", (d) => Math.max(0.5, x(grid.start + (d.j + 1) * cell) - x(grid.start + d.j * cell)))
    .attr("y", (d) => y(d.k))
    .attr("height", Math.max(0.5, y(1) - y(0)))
    .attr("fill", (d) => (d.c.signedIn > 0 ? interpolateViridis(Math.min(1, d.c.busy / d.c.signedIn)) : "#f2f2f2"))
  tips(rects, (d) => {
    const start = grid.start + d.j * cell
    const what = d.c.signedIn > 0 ? `occupancy ${percent(Math.min(1, d.c.busy / d.c.signedIn))}` : "signed out"
    return `${label(d.k)} · ${clock(start)}–${clock(start + cell)} · ${what}`
  })
  markers(f, x, data.markers)
  return fig
}
