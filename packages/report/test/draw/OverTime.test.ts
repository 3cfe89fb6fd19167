import { assert, describe, it } from "@effect/vitest"
import { overTime, stepPoints } from "../../src/draw/OverTime.ts"
import { count, draw, texts } from "../Dom.ts"
import { makeReport } from "../fixtures/Report.ts"

describe("overTime", () => {
  it("draws two panels, each with the path and the interval means, and every marker", () => {
    const data = makeReport()
    const scope = data.scopes[0]!
    const fig = draw(overTime, { data, scope })
    assert.strictEqual(count(fig, "g.panel-queue-length polyline.path"), 1)
    assert.strictEqual(count(fig, "g.panel-busy polyline.path"), 1)
    assert.strictEqual(count(fig, "polyline.mean"), 2)
    // open, close, a shift start, a shift end and a break on each panel
    assert.strictEqual(count(fig, "line.marker"), 10)
    assert.strictEqual(count(fig, "line.marker-major"), 4)
    assert.deepStrictEqual(texts(fig, ".marker-label"), ["open", "close", "open", "close"])
  })

  it("makes the interval means the marks when there is no sampled path", () => {
    const data = makeReport({ timeline: false })
    const fig = draw(overTime, { data, scope: data.scopes[0]! })
    assert.strictEqual(count(fig, "polyline.path"), 0)
    assert.strictEqual(count(fig, "polyline.mark.mean"), 2)
    assert.include(fig.querySelector(".chart-note")?.textContent ?? "", "interval means over all replications")
  })

  it("turns a step series into horizontal runs ending at the next point (the last at the end)", () => {
    const id = (v: number) => v
    assert.strictEqual(
      stepPoints(
        [
          [0, 1],
          [10, 3]
        ],
        15,
        id,
        id
      ),
      "0,1 10,1 10,3 15,3"
    )
  })
})
