import { assert, describe, it } from "@effect/vitest"
import { envelopePoints, overTime } from "../../src/draw/OverTime.ts"
import { count, draw, texts } from "../Dom.ts"
import { makeReport } from "../fixtures/Report.ts"

describe("overTime", () => {
  it("draws two panels, each with the path's envelope and the interval means, and every marker", () => {
    const data = makeReport()
    const scope = data.scopes[0]!
    const fig = draw(overTime, { data, scope })
    assert.strictEqual(count(fig, "g.panel-queue-length polygon.path"), 1)
    assert.strictEqual(count(fig, "g.panel-busy polygon.path"), 1)
    assert.strictEqual(count(fig, "polyline.mean"), 2)
    // open, close, a shift start, a shift end and a break on each panel
    assert.strictEqual(count(fig, "line.marker"), 10)
    assert.strictEqual(count(fig, "line.marker-major"), 4)
    assert.deepStrictEqual(texts(fig, ".marker-label"), ["open", "close", "open", "close"])
  })

  it("makes the interval means the marks when there is no sampled path", () => {
    const data = makeReport({ timeline: false })
    const fig = draw(overTime, { data, scope: data.scopes[0]! })
    assert.strictEqual(count(fig, ".path"), 0)
    assert.strictEqual(count(fig, "polyline.mark.mean"), 2)
    assert.include(fig.querySelector(".chart-note")?.textContent ?? "", "interval means over all replications")
  })

  it("outlines an envelope along the highest levels, back along the lowest", () => {
    const id = (v: number) => v
    assert.strictEqual(
      envelopePoints({ start: 0, step: 10, columns: 2 }, { lo: [0, 2], hi: [1, 3] }, id, id),
      "0,1 10,1 10,3 20,3 20,2 10,2 10,0 0,0"
    )
  })

  it("scales the panel to the path's highest level", () => {
    const data = makeReport()
    const scope = data.scopes[0]!
    const fig = draw(overTime, { data, scope })
    const peak = Math.max(...scope.path!.queueLength.hi)
    assert.include(fig.querySelector("g.panel-queue-length polygon.path title")?.textContent ?? "", `peak ${peak}`)
  })
})
