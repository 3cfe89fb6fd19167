/**
 * The whole report body for one scope: header and KPI cards, then the sections Intervals, Over time, Waits,
 * Agents and Rules. The server draws it once (for the total) so the page reads without JavaScript; the viewer
 * draws it again whenever the selector changes.
 */
import type { ReportData, ScopeView } from "../ReportData.ts"
import { agentMisses, agentOccupancy } from "./AgentBars.ts"
import { agentTimeline } from "./AgentTimeline.ts"
import type { Chart } from "./Chart.ts"
import { type El, wrap } from "./Frame.ts"
import { header, kpiCards, thresholdTable } from "./Header.ts"
import { intervalAsa } from "./IntervalAsa.ts"
import { intervalServiceLevel } from "./IntervalServiceLevel.ts"
import { intervalStaffing } from "./IntervalStaffing.ts"
import { intervalVolumes } from "./IntervalVolumes.ts"
import { overTime } from "./OverTime.ts"
import { ruleCounts, violations } from "./Rules.ts"
import { abandonTimes, waitCdf, waitHistogram } from "./Waits.ts"

/** The report's sections and their charts, in page order. */
export const sections: ReadonlyArray<{
  readonly id: string
  readonly title: string
  readonly charts: ReadonlyArray<Chart>
}> = [
  {
    id: "intervals",
    title: "Intervals",
    charts: [intervalVolumes, intervalServiceLevel, intervalAsa, intervalStaffing]
  },
  { id: "over-time", title: "Over time", charts: [overTime] },
  { id: "waits", title: "Waits", charts: [waitHistogram, waitCdf, abandonTimes] },
  { id: "agents", title: "Agents", charts: [agentOccupancy, agentMisses, agentTimeline] },
  { id: "rules", title: "Rules", charts: [ruleCounts, violations] }
]

/** Finds a scope by its key, falling back to the first (the total); `undefined` only when there is none. */
export const scopeByKey = (data: ReportData, key: string | null): ScopeView | undefined =>
  (key === null ? undefined : data.scopes.find((s) => s.key === key)) ?? data.scopes[0]

/**
 * The drawing of the report for one scope into `root` (which should be empty), as steps to run in order: the
 * header, then one chart at a time. A caller that must stay responsive (the CLI, on SIGINT) yields between
 * steps; `drawReport` runs them all at once.
 */
export const reportSteps = (root: El<Element>, data: ReportData, scopeKey: string | null): Array<() => void> => {
  const scope = scopeByKey(data, scopeKey)
  if (scope === undefined) {
    return [() => void root.append("p").attr("class", "empty-report").text("These results hold no data to show.")]
  }
  const steps: Array<() => void> = [
    () => {
      root.attr("data-scope", scope.key)
      header(root, data, scope)
      kpiCards(root, data, scope)
      thresholdTable(root, data)
    }
  ]
  for (const s of sections) {
    let grid: El<Element> | undefined
    for (const [k, chart] of s.charts.entries()) {
      steps.push(() => {
        if (k === 0) {
          const section = root.append("section").attr("class", "report-section").attr("id", s.id)
          section.append("h2").text(s.title)
          grid = wrap(section.append("div").attr("class", "charts").node()!)
        }
        if (grid !== undefined) chart(grid, { data, scope })
      })
    }
  }
  return steps
}

/** Draws the report for one scope into `root` (which should be empty). */
export const drawReport = (root: El<Element>, data: ReportData, scopeKey: string | null): void => {
  for (const step of reportSteps(root, data, scopeKey)) step()
}
