import { describe, expect, it } from "vitest"
import { renderComparePage } from "../../src/compare/ComparePage.ts"
import { makeComparison } from "../fixtures/Compare.ts"

describe("renderComparePage", () => {
  it("draws the cards side by side, a band per interval chart, the margins and every whole-day row", () => {
    const html = renderComparePage(makeComparison())
    for (const kpi of ["service-level", "asa", "abandon-rate", "wait-p90", "answered", "occupancy"]) {
      expect(html).toContain(`data-kpi="${kpi}"`)
    }
    expect(html).toContain('data-kpi="service-level" data-verdict="pass"')
    expect(html).toContain("61.0%")
    expect(html).toContain("+11.0 pp")
    expect(html).toContain("4.0× narrower than independent runs")
    for (const chart of ["service-level", "asa", "abandon-rate"]) {
      const figure = html.slice(html.indexOf(`data-chart="difference-${chart}"`))
      const svg = figure.slice(0, figure.indexOf("</figure>"))
      expect(svg.match(/class="mark"/g)?.length).toBe(8)
      expect(svg).toContain('class="band"')
    }
    expect(html).toContain('<li data-ok="false">✗ asa=1s')
    expect(html.match(/<tr data-verdict/g)?.length).toBe(12)
    // No script at all: the policy allows none.
    expect(html).not.toContain("<script")
    expect(html).toContain('content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;')
  })

  it("keeps names as text and gives the same bytes for the same data", () => {
    const hostile = '</title><script>alert("x")</script>'
    const html = renderComparePage(makeComparison(hostile))
    expect(html).not.toContain(hostile)
    expect(html).toContain("&lt;/title&gt;&lt;script&gt;")
    expect(renderComparePage(makeComparison())).toBe(renderComparePage(makeComparison()))
  })
})
