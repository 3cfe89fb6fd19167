/**
 * Per-agent bar charts: occupancy with its 95 % interval, and misses, rejects and the time the miss policy
 * (R11) made each agent Unavailable. Agents are the scope's agents in the results' order.
 */
import { axisBottom, scaleBand, scaleLinear } from "d3"
import type { AgentView, Estimate, ReportData, ScopeView } from "../ReportData.ts"
import { type Chart, maxOf } from "./Chart.ts"
import { count, duration, interval, percent } from "./Format.ts"
import { emptyNote, type Frame, figure, frame, legend, Sizes, tips, valueAxis } from "./Frame.ts"
import { Colors } from "./Palette.ts"

/** At most this many bars (about two pixels each): more agents are shown in bands of consecutive agents. */
export const barLimit = 250

/** The agents a scope shows, in the results' order. */
export const scopeAgents = (data: ReportData, scope: ScopeView): ReadonlyArray<AgentView> => {
  const ids = new Set(scope.agents)
  return data.agents.filter((a) => ids.has(a.id))
}

const meanOf = (list: ReadonlyArray<Estimate>): Estimate => ({
  mean: list.reduce((s, e) => s + e.mean, 0) / list.length,
  lo: list.reduce((s, e) => s + e.lo, 0) / list.length,
  hi: list.reduce((s, e) => s + e.hi, 0) / list.length
})

/**
 * The bars of a scope: one per agent up to {@link barLimit}, else one per band of consecutive agents with the
 * band's means per agent (so the charts' size does not grow with the agents).
 */
export const barAgents = (data: ReportData, scope: ScopeView): ReadonlyArray<AgentView> => {
  const agents = scopeAgents(data, scope)
  if (agents.length <= barLimit) return agents
  const band = Math.ceil(agents.length / barLimit)
  const out: Array<AgentView> = []
  for (let k = 0; k < agents.length; k += band) {
    const list = agents.slice(k, k + band)
    const occupancies = list.flatMap((a) => (a.occupancy === null ? [] : [a.occupancy]))
    out.push({
      id: `${list[0]!.id} … ${list.at(-1)!.id}`,
      name: `mean of ${list.length} agents`,
      group: list[0]!.group,
      occupancy: occupancies.length === 0 ? null : meanOf(occupancies),
      answered: meanOf(list.map((a) => a.answered)),
      misses: meanOf(list.map((a) => a.misses)),
      rejects: meanOf(list.map((a) => a.rejects)),
      unavailableByMiss: meanOf(list.map((a) => a.unavailableByMiss))
    })
  }
  return out
}

/** A band axis of agents; labels (rotated) only while they fit. */
const agentAxis = (f: Frame, agents: ReadonlyArray<AgentView>) => {
  const x = scaleBand<string>()
    .domain(agents.map((a) => a.id))
    .range([0, f.width])
    .paddingInner(agents.length > 60 ? 0 : 0.15)
  const axis = f.plot
    .append("g")
    .attr("class", "axis axis-x")
    .attr("transform", `translate(0,${f.height})`)
    .call(axisBottom(x).tickValues(x.bandwidth() >= 9 ? x.domain() : []))
  axis
    .selectAll(".tick text")
    .attr("transform", "rotate(-40)")
    .attr("text-anchor", "end")
    .attr("dx", "-0.4em")
    .attr("dy", "0.5em")
  return x
}

const bottomForLabels = (agents: ReadonlyArray<AgentView>): number =>
  agents.length <= 60
    ? Math.min(
        90,
        14 +
          6 *
            maxOf(
              agents.map((a) => a.id.length),
              4
            )
      )
    : 20

/** Occupancy per agent (busy time over signed-in time). */
export const agentOccupancy: Chart = (parent, { data, scope }) => {
  const agents = barAgents(data, scope)
  const fig = figure(
    parent,
    "agent-occupancy",
    "Occupancy per agent",
    "busy time / signed-in time, mean per replication"
  )
  legend(fig, [
    { label: "occupancy", color: Colors.busy },
    { label: "95 % interval", color: Colors.offered, shape: "line" }
  ])
  const f = frame(fig, Sizes.half, { bottom: bottomForLabels(agents) })
  const y = scaleLinear().domain([0, 1]).range([f.height, 0])
  valueAxis(f, y, (v) => `${Math.round(v * 100)} %`)
  const x = agentAxis(f, agents)
  const rows = agents.filter(
    (a): a is AgentView & { occupancy: NonNullable<AgentView["occupancy"]> } => a.occupancy !== null
  )
  if (rows.length === 0) emptyNote(f, "No agent signed in")
  const bars = f.plot
    .append("g")
    .attr("class", "bars")
    .selectAll(null)
    .data(rows)
    .enter()
    .append("rect")
    .attr("class", "mark")
    .attr("x", (a) => x(a.id) ?? 0)
    .attr("width", Math.max(0.5, x.bandwidth()))
    .attr("y", (a) => y(a.occupancy.mean))
    .attr("height", (a) => f.height - y(a.occupancy.mean))
    .attr("fill", Colors.busy)
  tips(
    bars,
    (a) =>
      `${a.name} (${a.id}) · occupancy ${percent(a.occupancy.mean)} ${interval("percent", a.occupancy.lo, a.occupancy.hi)}`
  )
  if (x.bandwidth() >= 4) {
    f.plot
      .append("g")
      .attr("class", "whiskers")
      .selectAll(null)
      .data(rows.filter((a) => a.occupancy.hi > a.occupancy.lo))
      .enter()
      .append("path")
      .attr("d", (a) => {
        const cx = (x(a.id) ?? 0) + x.bandwidth() / 2
        return `M${cx},${y(a.occupancy.lo)}V${y(a.occupancy.hi)}`
      })
      .attr("stroke", Colors.offered)
  }
  return fig
}

/** Misses and rejects per agent (stacked), and time made Unavailable by the miss policy (its own axis). */
export const agentMisses: Chart = (parent, { data, scope }) => {
  const agents = barAgents(data, scope)
  const fig = figure(
    parent,
    "agent-misses",
    "Misses, rejects and time made Unavailable",
    "mean per replication; the right-hand bars are minutes Unavailable by the miss policy (R11)"
  )
  legend(fig, [
    { label: "missed offers (R9)", color: Colors.misses },
    { label: "rejected offers (R14)", color: Colors.rejects },
    { label: "minutes Unavailable by misses (R11)", color: Colors.offered, shape: "band" }
  ])
  const f = frame(fig, Sizes.half, { bottom: bottomForLabels(agents), right: 48 })
  const y = scaleLinear()
    .domain([0, maxOf(agents.map((a) => a.misses.mean + a.rejects.mean))])
    .nice()
    .range([f.height, 0])
  valueAxis(f, y, count, "offers")
  const x = agentAxis(f, agents)
  const minutes = scaleLinear()
    .domain([0, maxOf(agents.map((a) => a.unavailableByMiss.mean / 60))])
    .nice()
    .range([f.height, 0])
  f.plot
    .append("g")
    .attr("class", "axis axis-y2")
    .attr("transform", `translate(${f.width},0)`)
    .call((g) => {
      g.selectAll("text")
        .data(minutes.ticks(5))
        .join("text")
        .attr("x", 4)
        .attr("y", (d) => minutes(d))
        .attr("dy", "0.32em")
        .attr("font-size", 10)
        .text((d) => `${d} min`)
    })
  const any = agents.some((a) => a.misses.mean + a.rejects.mean + a.unavailableByMiss.mean > 0)
  if (!any) emptyNote(f, "No missed or rejected offers")
  const half = x.bandwidth() / 2
  const segs = agents.flatMap((a) => [
    { a, kind: "missed", y0: 0, y1: a.misses.mean, color: Colors.misses, e: a.misses },
    { a, kind: "rejected", y0: a.misses.mean, y1: a.misses.mean + a.rejects.mean, color: Colors.rejects, e: a.rejects }
  ])
  const bars = f.plot
    .append("g")
    .attr("class", "bars")
    .selectAll(null)
    .data(segs.filter((s) => s.y1 > s.y0))
    .enter()
    .append("rect")
    .attr("class", "mark")
    .attr("x", (s) => x(s.a.id) ?? 0)
    .attr("width", Math.max(0.5, half))
    .attr("y", (s) => y(s.y1))
    .attr("height", (s) => y(s.y0) - y(s.y1))
    .attr("fill", (s) => s.color)
  tips(
    bars,
    (s) => `${s.a.name} (${s.a.id}) · ${count(s.e.mean)} ${s.kind} offers ${interval("count", s.e.lo, s.e.hi)}`
  )
  const unavailable = f.plot
    .append("g")
    .attr("class", "bars-unavailable")
    .selectAll(null)
    .data(agents.filter((a) => a.unavailableByMiss.mean > 0))
    .enter()
    .append("rect")
    .attr("class", "mark")
    .attr("x", (a) => (x(a.id) ?? 0) + half)
    .attr("width", Math.max(0.5, half))
    .attr("y", (a) => minutes(a.unavailableByMiss.mean / 60))
    .attr("height", (a) => f.height - minutes(a.unavailableByMiss.mean / 60))
    .attr("fill", Colors.offered)
    .attr("fill-opacity", 0.55)
  tips(
    unavailable,
    (a) =>
      `${a.name} (${a.id}) · Unavailable by misses ${duration(a.unavailableByMiss.mean)} ${interval("seconds", a.unavailableByMiss.lo, a.unavailableByMiss.hi)}`
  )
  return fig
}
