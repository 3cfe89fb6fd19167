import { assert, describe, it } from "@effect/vitest"
import { abandonTimes, countScale, shareWithin, waitCdf, waitHistogram } from "../../src/draw/Waits.ts"
import { count, draw, texts } from "../Dom.ts"
import { makeReport } from "../fixtures/Report.ts"

describe("waits", () => {
  const data = makeReport()
  const scope = data.scopes[0]!
  const bins = scope.waits.bins

  it("histogram: a bar per non-empty bin and the threshold line at 20 s", () => {
    const fig = draw(waitHistogram, { data, scope })
    assert.strictEqual(count(fig, ".bars rect.mark"), bins.filter((b) => b.answered > 0).length)
    assert.strictEqual(count(fig, "line.threshold"), 1)
    assert.deepStrictEqual(texts(fig, ".threshold-label"), ["20 s"])
    assert.strictEqual(texts(fig, ".axis-x .tick text")[0], "0s")
  })

  it("cdf: a point per bin rising to 100 %, and the share within the threshold marked", () => {
    const fig = draw(waitCdf, { data, scope })
    const tips = texts(fig, ".dots circle.mark title")
    assert.strictEqual(tips.length, bins.length)
    assert.match(tips.at(-1)!, /^100\.0 % of answered calls/)
    const total = bins.reduce((s, b) => s + b.answered, 0)
    assert.deepStrictEqual(texts(fig, "circle.threshold-point title"), [
      `${(shareWithin(bins, 20, total) * 100).toFixed(1)} % of answered calls within 20 s`
    ])
  })

  it("shareWithin interpolates inside a bin", () => {
    const two = [
      { lo: 0, hi: 10, answered: 4, abandoned: 0 },
      { lo: 10, hi: 20, answered: 6, abandoned: 0 }
    ]
    assert.strictEqual(shareWithin(two, 10, 10), 0.4)
    assert.strictEqual(shareWithin(two, 15, 10), 0.7)
    assert.strictEqual(shareWithin(two, 30, 10), 1)
  })

  it("abandon times: a bar per bin with abandoned calls, or a note when there are none", () => {
    const fig = draw(abandonTimes, { data, scope })
    assert.strictEqual(count(fig, ".bars rect.mark"), bins.filter((b) => b.abandoned > 0).length)
    const none = { ...scope, waits: { ...scope.waits, bins: bins.map((b) => ({ ...b, abandoned: 0 })) } }
    const empty = draw(abandonTimes, { data, scope: none })
    assert.strictEqual(count(empty, ".mark"), 0)
    assert.deepStrictEqual(texts(empty, ".empty-note"), ["No abandoned calls"])
  })
})

describe("countScale", () => {
  it("turns square-root when one bin towers over the rest, and stays linear otherwise", () => {
    assert.isTrue(countScale([700, 20, 10], 100).sqrt)
    assert.isFalse(countScale([70, 20, 10], 100).sqrt)
    assert.isFalse(countScale([70, 0, 0], 100).sqrt)
  })

  it("says so in the histogram's caption", () => {
    const data = makeReport()
    const scope = data.scopes[0]!
    const bins = scope.waits.bins.map((b, k) => ({ ...b, answered: k === 0 ? 1000 : b.answered }))
    const fig = draw(waitHistogram, { data, scope: { ...scope, waits: { ...scope.waits, bins } } })
    assert.include(fig.querySelector(".chart-note")?.textContent ?? "", "square-root scale")
  })
})
