/**
 * Rules: how often each rule fired in the scope, and the conformance checker's violations (expected: none).
 */
import { axisLeft, scaleBand, scaleLinear } from "d3"
import { type Chart, maxOf } from "./Chart.ts"
import { clock, count, interval } from "./Format.ts"
import { emptyNote, figure, frame, legend, Sizes, tips } from "./Frame.ts"
import { Colors } from "./Palette.ts"

/** Horizontal bars: how often each rule fired (mean per replication). */
export const ruleCounts: Chart = (parent, { scope }) => {
  const rules = scope.rules
  const fig = figure(parent, "rule-counts", "How often each rule fired", "mean per replication")
  legend(fig, [{ label: "times fired", color: Colors.answered }])
  const rowHeight = 22
  const f = frame(
    fig,
    { width: Sizes.half.width, height: Math.max(120, rules.length * rowHeight + 50) },
    { left: 190, right: 70 }
  )
  const label = (k: number): string => `${rules[k]!.name} (${rules[k]!.rule})`
  const y = scaleBand<number>()
    .domain(rules.map((_, k) => k))
    .range([0, f.height])
    .paddingInner(0.2)
  const x = scaleLinear()
    .domain([0, maxOf(rules.map((r) => r.value.mean))])
    .nice()
    .range([0, f.width])
  f.plot
    .append("g")
    .attr("class", "axis axis-y")
    .call(axisLeft(y).tickFormat((k) => label(Number(k))))
  if (rules.length === 0) emptyNote(f, "No rule counts in these results")
  const bars = f.plot
    .append("g")
    .attr("class", "bars")
    .selectAll("rect")
    .data(rules)
    .join("rect")
    .attr("class", "mark")
    .attr("x", 0)
    .attr("y", (_, k) => y(k) ?? 0)
    .attr("width", (r) => Math.max(r.value.mean > 0 ? 1 : 0, x(r.value.mean)))
    .attr("height", y.bandwidth())
    .attr("fill", Colors.answered)
  tips(bars, (r) => `${r.name} (${r.rule}) · ${count(r.value.mean)} ${interval("count", r.value.lo, r.value.hi)}`)
  f.plot
    .append("g")
    .attr("class", "values")
    .selectAll("text")
    .data(rules)
    .join("text")
    .attr("x", (r) => x(r.value.mean) + 4)
    .attr("y", (_, k) => (y(k) ?? 0) + y.bandwidth() / 2)
    .attr("dy", "0.32em")
    .attr("font-size", 11)
    .text((r) => count(r.value.mean))
  return fig
}

/** The conformance violations as a table, or a clear "none" (or "not checked"). */
export const violations: Chart = (parent, { data }) => {
  const { checked, total, violations: list } = data.conformance
  const fig = figure(parent, "violations", "Conformance violations", "every event checked against rules R3–R15")
  const status = fig.append("p").attr("class", "conformance-status")
  if (!checked) {
    status.attr("data-status", "unchecked").text("The conformance checker did not run for these results.")
    return fig
  }
  const found = Math.max(total, list.length)
  if (found === 0) {
    status.attr("data-status", "pass").text("✓ No violations: every event followed the rules.")
    return fig
  }
  status.attr("data-status", "fail").text(`✗ ${found} violation${found === 1 ? "" : "s"}`)
  const table = fig.append("table").attr("class", "violations")
  const head = table.append("thead").append("tr")
  for (const h of ["time", "rule", "event", "call", "agent", "what happened"]) head.append("th").text(h)
  const shown = list.slice(0, 500)
  table
    .append("tbody")
    .selectAll("tr")
    .data(shown)
    .join("tr")
    .attr("class", "mark")
    .selectAll("td")
    .data((v) => [clock(v.t), v.rule, v.event, v.call ?? "", v.agent ?? "", v.message])
    .join("td")
    .text((d) => d)
  if (found > shown.length) fig.append("p").text(`… and ${found - shown.length} more (see results.json)`)
  return fig
}
