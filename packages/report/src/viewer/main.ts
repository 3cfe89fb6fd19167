/**
 * The viewer: the script inlined into report.html. It reads the report data from its inert JSON element, draws
 * the report for the scope in the address's hash (the total by default), redraws on every selector change,
 * and shows the marks' tooltips. Built by Vite into `dist/viewer.js`.
 */
import { select } from "d3"
import { wrap } from "../draw/Frame.ts"
import { drawReport } from "../draw/Report.ts"
import { type ReportData, reportDataVersion } from "../ReportData.ts"
import { installTooltip, liftTitles } from "./Tooltip.ts"

const root = document.getElementById("report")
const source = document.getElementById("ccsim-data")

const show = (data: ReportData, key: string | null): void => {
  if (root === null) return
  root.replaceChildren()
  drawReport(wrap(root), data, key)
  liftTitles(root)
}

if (root !== null && source !== null) {
  const data = JSON.parse(source.textContent ?? "null") as ReportData
  if (data === null || data.version !== reportDataVersion) {
    root.replaceChildren()
    select(root).append("p").attr("class", "empty-report").text(`This report needs data version ${reportDataVersion}.`)
  } else {
    document.documentElement.classList.add("js")
    const fromHash = (): string | null => (location.hash.length > 1 ? decodeURIComponent(location.hash.slice(1)) : null)
    show(data, fromHash())
    root.addEventListener("change", (event) => {
      const target = event.target
      if (target instanceof HTMLSelectElement && target.id === "scope-select") {
        history.replaceState(null, "", `#${encodeURIComponent(target.value)}`)
        show(data, target.value)
        document.getElementById("scope-select")?.focus()
      }
    })
    window.addEventListener("hashchange", () => show(data, fromHash()))
    const tooltip = document.getElementById("tooltip")
    if (tooltip !== null) installTooltip(root, tooltip)
  }
}
