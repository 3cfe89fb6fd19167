/**
 * `ccsim staff` on the console: one line per interval and queue with the Erlang and the simulated requirement
 * side by side (a `*` where they differ, `±1` where the target lies inside the confidence interval at one agent
 * fewer), the scheduled agents, the roster's coverage, the binding target and the expected service level.
 */
import { clockOf, type StaffResult } from "@ccsim/runner"
import { percent } from "./Format.ts"
import type { Style } from "./Style.ts"
import { renderTable } from "./Table.ts"

const pctCi = (value: number, lower: number, upper: number): string =>
  Number.isFinite(value)
    ? `${percent(value)}${Number.isFinite(lower) && Number.isFinite(upper) ? ` [${percent(lower)}, ${percent(upper)}]` : ""}`
    : "—"

/** The headline and the table. */
export const renderStaff = (result: StaffResult, style: Style): Array<string> => {
  const lines: Array<string> = []
  lines.push(
    style.bold(
      `${result.scenario} · seed ${result.seed} · ${result.replications} replications per staffing · ${Math.round(result.confidence * 1000) / 10}% confidence`
    )
  )
  lines.push(
    `counting: ${result.counting} (${result.queues.map((q) => `${q.group} for ${q.id}, ${q.model}`).join("; ")})`
  )
  lines.push(`targets (${result.targetSource}): ${result.targets.map((t) => t.label).join("; ")}`)
  lines.push("")
  const hasRoster = result.roster !== undefined
  const rows = result.rows.map((r) => {
    const differs = r.erlang.agents !== r.agents
    const e = r.evaluation
    const v = r.verification
    return [
      clockOf(r.start),
      r.queue,
      r.demand.volume.toFixed(1),
      String(r.erlang.agents),
      `${differs ? style.bold(String(r.agents)) : String(r.agents)}${differs ? "*" : ""}${r.withinCi ? " ±1" : ""}`,
      String(r.scheduled),
      ...(hasRoster ? [r.coverage === undefined ? "—" : String(Math.round(r.coverage * 100) / 100)] : []),
      r.binding,
      pctCi(e.serviceLevel.value, e.serviceLevel.lower, e.serviceLevel.upper),
      Number.isFinite(e.asa.value) ? `${e.asa.value.toFixed(1)}s` : "—",
      Number.isFinite(e.abandonRate.value) ? percent(e.abandonRate.value) : "—",
      ...(hasRoster
        ? [
            v === undefined
              ? "—"
              : `${pctCi(v.serviceLevel.value, v.serviceLevel.lower, v.serviceLevel.upper)}${v.met ? "" : ` ${style.red("✗ miss")}`}`
          ]
        : [])
    ]
  })
  lines.push(
    ...renderTable(
      [
        { header: "interval" },
        { header: "queue" },
        { header: "offered", align: "right" },
        { header: "erlang", align: "right" },
        { header: "simulated", align: "right" },
        { header: "scheduled", align: "right" },
        ...(hasRoster ? [{ header: "roster", align: "right" as const }] : []),
        { header: "binding" },
        { header: "service level [CI]", align: "right" },
        { header: "ASA", align: "right" },
        { header: "abandon", align: "right" },
        ...(hasRoster ? [{ header: "roster check", align: "right" as const }] : [])
      ],
      rows,
      { indent: "  ", styleHeader: style.dim }
    )
  )
  lines.push("")
  const totals = (pick: (r: StaffResult["rows"][number]) => number) =>
    result.rows.reduce((s, r) => s + pick(r), 0) * (result.grid.intervalMs / 3_600_000)
  lines.push(
    `  agent-hours on the phones: Erlang ${totals((r) => r.erlang.agents).toFixed(1)}, simulation ${totals((r) => r.agents).toFixed(1)}; scheduled ${totals((r) => r.scheduled).toFixed(1)}${result.shrinkage > 0 ? ` (shrinkage ${percent(result.shrinkage)})` : ""}`
  )
  const differ = result.rows.filter((r) => r.erlang.agents !== r.agents).length
  const withinCi = result.rows.filter((r) => r.withinCi).length
  lines.push(
    style.dim(
      `  * simulation and Erlang differ (${differ} of ${result.rows.length}); ±1: the target lies inside the confidence interval at one agent fewer (${withinCi}), so the minimum may be one lower`
    )
  )
  lines.push(
    style.dim(
      `  search: ${result.iterations.length} iterations, ${result.converged ? "converged (a full pass without change)" : "stopped at --max-iterations without converging"}, ${result.replicationsRun} day simulations${result.held > 0 ? `; ${result.held} interval(s) held after going back up` : ""}`
    )
  )
  if (result.dropped.length + result.keptWithoutQueues.length > 0) {
    lines.push(
      style.dim(
        `  scenario agents: ${[
          result.dropped.length > 0 ? `replaced ${result.dropped.join(", ")}` : "",
          result.keptWithoutQueues.length > 0
            ? `kept for direct/internal calls only ${result.keptWithoutQueues.join(", ")}`
            : ""
        ]
          .filter((s) => s !== "")
          .join("; ")}`
      )
    )
  }
  if (result.roster !== undefined) {
    const r = result.roster
    lines.push("")
    lines.push(style.bold(`ROSTER (${r.file}, cost ${Math.round(r.totalCost * 100) / 100})`))
    for (const c of r.counts.filter((c) => c.count > 0)) lines.push(`  ${c.count} × ${c.template} (${c.queue})`)
    lines.push(
      r.missed.length === 0
        ? `  ${style.green("✓")} the roster meets every target in every interval of the verification run`
        : `  ${style.red("✗")} the roster misses in ${r.missed.length} interval(s): ${r.missed.map((m) => `${clockOf(m.start)} ${m.queue} (${m.targets.join(", ")})`).join("; ")}`
    )
  }
  return lines
}
