import { assert, describe, it } from "@effect/vitest"
import { ruleCounts, violations } from "../../src/draw/Rules.ts"
import { count, draw, texts } from "../Dom.ts"
import { makeReport } from "../fixtures/Report.ts"

describe("rules", () => {
  const data = makeReport()
  const scope = data.scopes[0]!

  it("draws a bar per rule count, labelled with the rule id", () => {
    const fig = draw(ruleCounts, { data, scope })
    assert.strictEqual(count(fig, ".bars rect.mark"), scope.rules.length)
    assert.include(texts(fig, ".axis-y .tick text"), "misses (R9)")
    assert.include(texts(fig, ".axis-y .tick text"), "wrap-ups (R6)")
  })

  it("says there were no violations when the checker found none", () => {
    const fig = draw(violations, { data, scope })
    assert.strictEqual(fig.querySelector(".conformance-status")?.getAttribute("data-status"), "pass")
    assert.strictEqual(count(fig, "table"), 0)
  })

  it("says the checker did not run when it did not", () => {
    const fig = draw(violations, {
      data: { ...data, conformance: { checked: false, total: 0, violations: [] } },
      scope
    })
    assert.strictEqual(fig.querySelector(".conformance-status")?.getAttribute("data-status"), "unchecked")
  })

  it("lists violations in a table, one row each, as text", () => {
    const list = [
      { t: 30_600, rule: "R5", event: "offer-started", call: "c7", agent: "a1", message: "second queue call <b>" },
      { t: 30_660, rule: "R3", event: "offer-started", call: "c8", agent: null, message: "not Available" }
    ]
    const fig = draw(violations, {
      data: { ...data, conformance: { checked: true, total: 2, violations: list } },
      scope
    })
    assert.strictEqual(fig.querySelector(".conformance-status")?.getAttribute("data-status"), "fail")
    assert.strictEqual(count(fig, "tbody tr.mark"), 2)
    assert.deepStrictEqual(texts(fig, "tbody tr:first-child td"), [
      "08:30",
      "R5",
      "offer-started",
      "c7",
      "a1",
      "second queue call <b>"
    ])
    assert.strictEqual(count(fig, "tbody b"), 0)
  })
})
