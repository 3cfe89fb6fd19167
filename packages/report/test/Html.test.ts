import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit, Fiber } from "effect"
import { parseHTML } from "linkedom"
import { wrap } from "../src/draw/Frame.ts"
import { reportSteps, sections } from "../src/draw/Report.ts"
import { InvalidReportData } from "../src/Errors.ts"
import { compactNumbers, dataElementId, renderReport, renderReportEffect, reportDigits } from "../src/Html.ts"
import { viewerIsStale } from "../src/Viewer.ts"
import { hostileText, makeReport } from "./fixtures/Report.ts"

const viewer = "document.documentElement.dataset.viewer = 'ran'"

describe("renderReport", () => {
  it("is one HTML document with the data, the viewer and the static charts, referencing nothing outside", () => {
    const data = makeReport()
    const html = renderReport(data, { viewer })
    assert.isTrue(html.startsWith("<!doctype html>"))
    const { document } = parseHTML(html)
    assert.strictEqual(document.querySelectorAll("script").length, 2)
    assert.strictEqual(document.querySelectorAll("link, img, iframe, object, embed, [src], [href]").length, 0)
    assert.notMatch(html.replace(viewer, ""), /https?:\/\//)
    assert.notInclude(html, "@import")
    assert.notInclude(html, "url(")
    const json = document.getElementById(dataElementId)?.textContent ?? ""
    assert.deepStrictEqual(JSON.parse(json), compactNumbers(data))
    // every section's charts are drawn on the server, so the page reads without JavaScript
    const charts = sections.flatMap((s) => s.charts).length
    assert.strictEqual(document.querySelectorAll("main figure.chart").length, charts)
    assert.isAbove(document.querySelectorAll("main .mark").length, 100)
  })

  it("allows no network and only the viewer's own script, by hash", () => {
    const html = renderReport(makeReport(), { viewer })
    const { document } = parseHTML(html)
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? ""
    assert.include(csp, "default-src 'none'")
    assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+'/)
    assert.notInclude(csp, "connect-src")
    assert.notInclude(csp, "'unsafe-eval'")
  })

  it("renders hostile names as text only: no markup, no way out of the script elements", () => {
    const data = makeReport({ hostile: true })
    const html = renderReport(data, { viewer })
    assert.notInclude(html, "<script>alert(1)")
    assert.strictEqual(html.match(/<script/gi)?.length, 2)
    assert.strictEqual(html.match(/<\/script/gi)?.length, 2)
    assert.strictEqual(html.match(/<\/style/gi)?.length, 1)
    const { document } = parseHTML(html)
    assert.strictEqual(document.querySelector("title")?.textContent, `${data.run.scenario} · ccsim report`)
    assert.include(document.querySelector("main h1")?.textContent ?? "", hostileText)
    assert.strictEqual(
      JSON.parse(document.getElementById(dataElementId)?.textContent ?? "").run.scenario,
      data.run.scenario
    )
  })

  it("gives the same bytes for the same data", () => {
    assert.strictEqual(renderReport(makeReport(), { viewer }), renderReport(makeReport(), { viewer }))
  })

  it("can leave out the static charts", () => {
    const html = renderReport(makeReport(), { viewer, staticCharts: false })
    assert.include(html, '<main id="report"></main>')
  })

  it("refuses data of another version or without scopes", () => {
    const data = makeReport()
    assert.throws(() => renderReport({ ...data, scopes: [] }, { viewer }), InvalidReportData)
    assert.throws(() => renderReport({ ...data, version: 1 as 2 }, { viewer }), InvalidReportData)
  })

  it("inlines the built viewer by default (built before the tests, so not stale)", () => {
    assert.isFalse(viewerIsStale())
    const html = renderReport(makeReport())
    const { document } = parseHTML(html)
    const script = document.querySelectorAll("script")[1]?.textContent ?? ""
    assert.isAbove(script.length, 10_000)
    assert.notMatch(script, /<\/script/i)
  })
})

describe("compactNumbers", () => {
  it("rounds fractions to the report's significant digits and leaves integers and text alone", () => {
    const data = makeReport()
    const compact = compactNumbers(data)
    assert.strictEqual(reportDigits, 5)
    const e = data.scopes[0]!.kpis.serviceLevel.value!
    const c = compact.scopes[0]!.kpis.serviceLevel.value!
    assert.notStrictEqual(e.mean, c.mean)
    assert.closeTo(c.mean, e.mean, Math.abs(e.mean) * 5e-5)
    assert.strictEqual(compact.run.seed, data.run.seed)
    assert.strictEqual(compact.timeline?.agents[0]?.states, data.timeline?.agents[0]?.states)
  })
})

describe("renderReportEffect", () => {
  it("gives the same bytes as renderReport, and fails with InvalidReportData on bad data", async () => {
    const data = makeReport({ hostile: true })
    assert.strictEqual(await Effect.runPromise(renderReportEffect(data, { viewer })), renderReport(data, { viewer }))
    const exit = await Effect.runPromiseExit(renderReportEffect({ ...data, scopes: [] }, { viewer }))
    assert.isTrue(Exit.isFailure(exit))
    assert.include(String(exit), "InvalidReportData")
  })

  it("draws one step per chart after the header", () => {
    const { document } = parseHTML("<main></main>")
    const steps = reportSteps(wrap(document.querySelector("main") as unknown as Element), makeReport(), null)
    assert.strictEqual(steps.length, 1 + sections.reduce((n, s) => n + s.charts.length, 0))
  })

  it("lets the event loop run between charts, so a signal handler can interrupt the drawing", async () => {
    const fiber = Effect.runFork(renderReportEffect(makeReport(), { viewer }))
    // a macrotask, as a signal handler is: it runs while the report draws, not after
    setImmediate(() => Effect.runFork(Fiber.interrupt(fiber)))
    const exit = await Effect.runPromise(Fiber.await(fiber))
    assert.isTrue(Exit.hasInterrupts(exit))
  })
})
