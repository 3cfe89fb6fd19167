import { assert, describe, it } from "@effect/vitest"
import { header, kpiCards, thresholdTable } from "../../src/draw/Header.ts"
import { count, freshRoot, texts } from "../Dom.ts"
import { hostileText, makeReport } from "../fixtures/Report.ts"

describe("header", () => {
  it("names the run: scenario, seed, replications, engine, run date and the service-level definition", () => {
    const data = makeReport()
    const { root, element } = freshRoot()
    header(root, data, data.scopes[0]!)
    assert.strictEqual(element.querySelector("h1 .scenario-name")?.textContent, "Monday morning")
    const facts = texts(element, ".facts div")
    assert.includeMembers(facts, [
      "seed42",
      "replications20",
      "engine0.1.0",
      "run2026-03-02T09:15:00.000Z",
      "service levelanswered-of-offered: answered within T / offered"
    ])
  })

  it("offers every scope in the selector, grouped, with the shown one selected", () => {
    const data = makeReport()
    const { root, element } = freshRoot()
    header(root, data, data.scopes[1]!)
    const options = Array.from(element.querySelectorAll("#scope-select option"))
    assert.deepStrictEqual(
      options.map((o) => o.getAttribute("value")),
      data.scopes.map((s) => s.key)
    )
    assert.deepStrictEqual(texts(element, "#scope-select optgroup").length, 2)
    assert.deepStrictEqual(
      options.filter((o) => o.hasAttribute("selected")).map((o) => o.getAttribute("value")),
      ["queue:sales"]
    )
  })

  it("keeps hostile names as text", () => {
    const data = makeReport({ hostile: true })
    const { root, element } = freshRoot()
    header(root, data, data.scopes[1]!)
    assert.include(element.querySelector("h1")?.textContent ?? "", hostileText)
    assert.strictEqual(count(element, "script"), 0)
    assert.notInclude(element.innerHTML, "<script>")
  })

  it("KPI cards: value, 95 % interval, the SL definition and target, and threshold marks", () => {
    const data = makeReport()
    const { root, element } = freshRoot()
    kpiCards(root, data, data.scopes[0]!)
    assert.strictEqual(count(element, ".kpi.mark"), 6)
    const sl = element.querySelector('[data-kpi="serviceLevel"]')!
    assert.strictEqual(sl.querySelector(".kpi-value")?.textContent, "83.0 %")
    assert.strictEqual(sl.querySelector(".kpi-ci")?.textContent, "95 % CI [80.0 %, 86.0 %]")
    assert.strictEqual(sl.querySelector(".kpi-definition")?.textContent, "answered-of-offered, within 20 s")
    assert.strictEqual(sl.querySelector(".kpi-target")?.textContent, "✓ meets target 80.0 %")
    assert.strictEqual(sl.getAttribute("data-verdict"), "pass")
    const abandon = element.querySelector('[data-kpi="abandonRate"]')!
    assert.strictEqual(abandon.getAttribute("data-verdict"), "warn")
    assert.deepStrictEqual(texts(abandon, ".kpi-thresholds li"), ["! abandon-rate < 5.0 % (warning only)"])
    assert.strictEqual(element.querySelector('[data-kpi="asa"]')?.getAttribute("data-verdict"), "none")
  })

  it("KPI cards: a failing strict threshold fails the card", () => {
    const data = makeReport()
    const scope = data.scopes[0]!
    const failing = { ...scope.kpis.serviceLevel.thresholds[0]!, ok: false }
    const kpis = { ...scope.kpis, serviceLevel: { ...scope.kpis.serviceLevel, thresholds: [failing] } }
    const { root, element } = freshRoot()
    kpiCards(root, data, { ...scope, kpis })
    assert.strictEqual(element.querySelector('[data-kpi="serviceLevel"]')?.getAttribute("data-verdict"), "fail")
  })

  it("threshold table: a row per threshold with its verdict, and a summary", () => {
    const data = makeReport()
    const { root, element } = freshRoot()
    thresholdTable(root, data)
    assert.strictEqual(count(element, "tbody tr.mark"), 3)
    assert.strictEqual(element.querySelector("h2")?.textContent, "Thresholds: 1 warning, 2 passed")
    assert.deepStrictEqual(texts(element, "tbody tr:last-child td"), [
      "✓",
      "queue:sales",
      "asa <= 30 s",
      "11 s",
      "[8.0 s, 14 s]"
    ])
  })
})
