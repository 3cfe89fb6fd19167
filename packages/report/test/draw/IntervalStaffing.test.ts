import { assert, describe, it } from "@effect/vitest"
import { intervalStaffing } from "../../src/draw/IntervalStaffing.ts"
import { count, draw, texts } from "../Dom.ts"
import { makeReport } from "../fixtures/Report.ts"

describe("intervalStaffing", () => {
  const data = makeReport()
  const scope = data.scopes[0]!

  it("draws the signed-in, busy and available lines with two points per interval", () => {
    const fig = draw(intervalStaffing, { data, scope })
    const lines = Array.from(fig.querySelectorAll(".lines polyline.mark"))
    assert.strictEqual(lines.length, 3)
    for (const line of lines) {
      assert.strictEqual((line.getAttribute("points") ?? "").split(" ").length, scope.intervals.length * 2)
    }
    assert.deepStrictEqual(texts(fig, ".legend li"), ["signed in", "busy", "available"])
  })

  it("gives each interval one tooltip naming all three numbers", () => {
    const fig = draw(intervalStaffing, { data, scope })
    const tips = texts(fig, ".hover rect title")
    assert.strictEqual(tips.length, scope.intervals.length)
    assert.match(tips[0]!, /signed in .* busy .* available /)
    assert.strictEqual(count(fig, ".axis-y"), 1)
  })
})
