import { assert, describe, it } from "@effect/vitest"
import { intervalAsa } from "../../src/draw/IntervalAsa.ts"
import { count, draw, texts } from "../Dom.ts"
import { makeReport } from "../fixtures/Report.ts"

describe("intervalAsa", () => {
  const data = makeReport()

  it("draws a bar and a whisker per interval with answered calls", () => {
    const scope = data.scopes[1]!
    const withAsa = scope.intervals.filter((i) => i.asa !== null)
    const fig = draw(intervalAsa, { data, scope })
    assert.strictEqual(count(fig, ".bars rect.mark"), withAsa.length)
    assert.strictEqual(count(fig, ".whiskers path"), withAsa.filter((i) => i.asa!.hi > i.asa!.lo).length)
    assert.match(texts(fig, ".bars rect.mark title")[0]!, /^08:00–08:30 · ASA .* \[.*, .*\]$/)
  })

  it("says so when no call was answered", () => {
    const scope = { ...data.scopes[0]!, intervals: data.scopes[0]!.intervals.map((i) => ({ ...i, asa: null })) }
    const fig = draw(intervalAsa, { data, scope })
    assert.strictEqual(count(fig, ".mark"), 0)
    assert.deepStrictEqual(texts(fig, ".empty-note"), ["No answered calls"])
  })
})
