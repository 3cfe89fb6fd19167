import { assert, describe, it } from "@effect/vitest"
import { intervalServiceLevel } from "../../src/draw/IntervalServiceLevel.ts"
import { count, draw, texts } from "../Dom.ts"
import { makeReport } from "../fixtures/Report.ts"

describe("intervalServiceLevel", () => {
  const data = makeReport()

  it("draws a dot and a band per interval with a service level, and the target line", () => {
    const scope = data.scopes[0]!
    const fig = draw(intervalServiceLevel, { data, scope })
    assert.strictEqual(count(fig, ".dots circle.mark"), scope.intervals.length)
    assert.strictEqual(count(fig, ".band rect"), scope.intervals.length)
    assert.strictEqual(count(fig, "line.target"), 1)
    assert.deepStrictEqual(texts(fig, ".target-label"), ["target 80.0 %"])
    assert.include(fig.querySelector(".chart-note")?.textContent ?? "", "answered-of-offered")
  })

  it("leaves a gap where an interval has no service level", () => {
    const scope = data.scopes[1]! // the queue fixture has no service level in its fourth interval
    const withSl = scope.intervals.filter((i) => i.serviceLevel !== null).length
    assert.strictEqual(withSl, scope.intervals.length - 1)
    const fig = draw(intervalServiceLevel, { data, scope })
    assert.strictEqual(count(fig, ".dots circle.mark"), withSl)
    assert.strictEqual(count(fig, ".lines polyline"), 2)
  })

  it("puts the y axis from 0 % to 100 %", () => {
    const fig = draw(intervalServiceLevel, { data, scope: data.scopes[0]! })
    const ticks = texts(fig, ".axis-y .tick text")
    assert.strictEqual(ticks[0], "0 %")
    assert.strictEqual(ticks.at(-1), "100 %")
  })

  it("names each queue's threshold when the scope mixes thresholds", () => {
    const scope = { ...data.scopes[3]!, serviceLevelThreshold: null, serviceLevelTarget: null }
    const fig = draw(intervalServiceLevel, { data, scope })
    assert.include(fig.querySelector(".chart-note")?.textContent ?? "", "each queue's own threshold")
    assert.strictEqual(count(fig, "line.target"), 0)
  })
})
