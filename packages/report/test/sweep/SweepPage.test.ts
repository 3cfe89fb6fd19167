import { parseHTML } from "linkedom"
import { describe, expect, it } from "vitest"
import { breakingPointText, renderSweepReport } from "../../src/sweep/SweepPage.ts"
import { hostileSweepText, makeSweep } from "../fixtures/Sweep.ts"

const charts = ["sweep-service-level", "sweep-asa", "sweep-abandonment", "sweep-occupancy"]

const page = (html: string) => parseHTML(html).document

describe("the sweep report page", () => {
  it("draws the four curves per scope with bands, thresholds and the breaking point", () => {
    const document = page(renderSweepReport(makeSweep()))
    for (const chart of charts) {
      const fig = document.querySelector(`[data-chart="${chart}"]`)
      expect(fig, chart).not.toBeNull()
      // all queues (or all agents) and one line per queue (agent entry), a dot per point each
      expect(fig!.querySelectorAll(".series").length, chart).toBe(3)
      expect(fig!.querySelectorAll(".series .mark").length, chart).toBe(21)
      expect(fig!.querySelectorAll(".series path.band").length, chart).toBe(3)
      expect(fig!.querySelectorAll("line.breaking-point").length, chart).toBe(1)
    }
    expect(document.querySelectorAll('[data-chart="sweep-service-level"] line.threshold').length).toBe(1)
    expect(document.querySelectorAll('[data-chart="sweep-abandonment"] line.threshold').length).toBe(1)
    expect(document.querySelectorAll('[data-chart="sweep-asa"] line.threshold').length).toBe(1)
    expect(document.querySelectorAll('[data-chart="sweep-occupancy"] line.threshold').length).toBe(0)
    expect(document.querySelector('[data-chart="breaking-point"]')?.textContent).toBe(breakingPointText(makeSweep()))
    expect(breakingPointText(makeSweep())).toMatch(/^Breaking point: 1\.1 — .* at 1\.2 one fails \(service-level/)
    expect(document.querySelectorAll('[data-chart="sweep-points"] tbody tr').length).toBe(7)
  })

  it("is one file that runs and fetches nothing, the same bytes for the same data", () => {
    const html = renderSweepReport(makeSweep())
    expect(html).toBe(renderSweepReport(makeSweep()))
    expect(html).not.toMatch(/<script/i)
    const csp = page(html).querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content")
    expect(csp).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
    )
    expect(html).not.toMatch(/(src|href)="https?:/)
  })

  it("keeps hostile names as text", () => {
    const html = renderSweepReport(makeSweep({ hostile: true }))
    const document = page(html)
    expect(document.querySelectorAll("script, img").length).toBe(0)
    expect(document.querySelector("h1")?.textContent).toContain(hostileSweepText)
    expect(document.querySelector("title")?.textContent).toContain(hostileSweepText)
  })

  it("spaces values that are not numbers evenly, in the order given", () => {
    const base = makeSweep()
    const labels = ["30s", "10s", "20s"]
    const data = {
      ...base,
      dimension: { kind: "set" as const, path: "queues[sales].ringTimeout" },
      points: base.points.slice(0, 3).map((p, i) => ({ ...p, value: labels[i]!, x: null })),
      breakingPoint: { status: "holds-throughout" as const, value: "20s", failsAt: null, failing: [] }
    }
    const document = page(renderSweepReport(data))
    const xs = Array.from(document.querySelectorAll('[data-chart="sweep-asa"] [data-scope="total"] .mark')).map((c) =>
      Number(c.getAttribute("cx"))
    )
    expect(xs.length).toBe(3)
    expect(xs[1]! - xs[0]!).toBeCloseTo(xs[2]! - xs[1]!, 6)
    expect(xs[0]!).toBeLessThan(xs[1]!)
    expect(document.querySelector('[data-chart="breaking-point"]')?.textContent).toBe(
      "No breaking point in the range: every strict threshold holds up to 20s."
    )
  })
})
