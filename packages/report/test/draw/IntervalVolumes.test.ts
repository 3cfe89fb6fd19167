import { assert, describe, it } from "@effect/vitest"
import { intervalVolumes } from "../../src/draw/IntervalVolumes.ts"
import { count, draw, texts } from "../Dom.ts"
import { makeReport } from "../fixtures/Report.ts"

describe("intervalVolumes", () => {
  const data = makeReport()
  const scope = data.scopes[0]!

  it("draws one stacked bar part per non-empty outcome and one offered tick per interval", () => {
    const fig = draw(intervalVolumes, { data, scope })
    const parts = scope.intervals.reduce(
      (n, i) => n + [i.answered, i.abandoned, i.rolledOver].filter((e) => e.mean > 0).length,
      0
    )
    assert.strictEqual(count(fig, ".bars rect.mark"), parts)
    assert.strictEqual(count(fig, ".offered line.mark"), scope.intervals.length)
    assert.strictEqual(count(fig, ".mark title"), parts + scope.intervals.length)
  })

  it("names itself, labels its time axis by clock time and marks opening and closing", () => {
    const fig = draw(intervalVolumes, { data, scope })
    assert.strictEqual(fig.getAttribute("data-chart"), "interval-volumes")
    assert.include(texts(fig, ".axis-x .tick text"), "08:00")
    assert.include(texts(fig, ".axis-x .tick text"), "12:00")
    assert.deepStrictEqual(texts(fig, ".marker-label"), ["open", "close"])
    assert.deepStrictEqual(texts(fig, ".legend li"), ["answered", "abandoned", "rolled over", "offered"])
  })

  it("stacks the parts: each interval's parts add up to the stack's height", () => {
    const fig = draw(intervalVolumes, { data, scope })
    const first = scope.intervals[0]!
    const tips = texts(fig, ".bars rect.mark title").filter((t) => t.startsWith("08:00–08:30"))
    assert.strictEqual(tips.length, 3)
    assert.match(tips[0]!, /answered \d/)
    const rects = Array.from(fig.querySelectorAll(".bars rect.mark")).slice(0, 3)
    const heights = rects.map((r) => Number(r.getAttribute("height")))
    const tops = rects.map((r) => Number(r.getAttribute("y")))
    // the second part sits on the first: its bottom is the first's top
    assert.closeTo(tops[1]! + heights[1]!, tops[0]!, 1e-6)
    assert.isAbove(first.answered.mean, 0)
  })

  it("draws the same markup for the same data", () => {
    const a = draw(intervalVolumes, { data, scope }).outerHTML
    const b = draw(intervalVolumes, { data, scope }).outerHTML
    assert.strictEqual(a, b)
  })
})
