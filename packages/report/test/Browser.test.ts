/**
 * The real-browser test: headless Chromium (Debian's `/usr/bin/chromium`, driven by playwright-core) opens
 * generated report.html files from disk and checks what a reader sees: every chart drew marks, the selector
 * redraws for a queue, tooltips show, hostile names stay text, nothing reaches the network, the console stays
 * clean. One browser serves every test. A missing browser fails the test, locally and in CI; it is never skipped.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import type { BrowserContext, Page } from "playwright-core"
import { renderComparePage } from "../src/compare/ComparePage.ts"
import { ganttLimit } from "../src/draw/AgentTimeline.ts"
import { renderReport } from "../src/Html.ts"
import { launchChromium } from "./Chromium.ts"
import { makeComparison } from "./fixtures/Compare.ts"
import { hostileText, makeReport } from "./fixtures/Report.ts"

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"
const flags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync"
]

/** Every chart of the report, by its `data-chart` name; each must draw marks with the fixture. */
const charts = [
  "kpis",
  "thresholds",
  "interval-volumes",
  "interval-service-level",
  "interval-asa",
  "interval-staffing",
  "over-time",
  "wait-histogram",
  "wait-cdf",
  "abandon-times",
  "agent-occupancy",
  "agent-misses",
  "agent-timeline",
  "rule-counts"
]

interface Visit {
  readonly page: Page
  readonly errors: Array<string>
  readonly requests: Array<string>
  readonly dialogs: Array<string>
  readonly url: string
}

let dir = ""
let context: BrowserContext | undefined
/** Why the browser could not start; every test then fails with it (never skipped). */
let startError: Error | undefined
const files: Record<string, string> = {}

/** The browser, or the reason there is none. */
const browser = (): BrowserContext => {
  if (startError !== undefined) throw startError
  if (context === undefined) throw new Error("the browser did not start")
  return context
}

beforeAll(async () => {
  if (!existsSync(executablePath)) {
    startError = new Error(
      `Chromium is missing at ${executablePath}: the report's browser test needs it. Install it with \`apt-get install -y chromium\` (Debian), or set CHROMIUM_PATH.`
    )
    return
  }
  dir = mkdtempSync(join(tmpdir(), "ccsim-report-browser-"))
  files.plain = join(dir, "report.html")
  files.hostile = join(dir, "hostile.html")
  files.many = join(dir, "many.html")
  writeFileSync(files.plain, renderReport(makeReport()))
  writeFileSync(files.hostile, renderReport(makeReport({ hostile: true })))
  writeFileSync(files.many, renderReport(makeReport({ agents: ganttLimit + 20 })))
  files.compare = join(dir, "compare.html")
  writeFileSync(files.compare, renderComparePage(makeComparison(hostileText)))
  // A fresh profile folder (Chromium's --user-data-dir) for this run only.
  try {
    context = await launchChromium(executablePath, join(dir, "profile"), flags)
  } catch (cause) {
    startError = cause as Error
  }
})

afterAll(async () => {
  await context?.close()
  if (dir !== "") rmSync(dir, { recursive: true, force: true })
})

/** Opens a report file in a new page, recording console errors, page errors, requests and dialogs. */
const visit = async (file: string, hash = "", ready = "html.js main[data-scope]"): Promise<Visit> => {
  const page = await browser().newPage()
  const errors: Array<string> = []
  const requests: Array<string> = []
  const dialogs: Array<string> = []
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") errors.push(`${m.type()}: ${m.text()}`)
  })
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`))
  page.on("request", (r) => requests.push(r.url()))
  page.on("dialog", (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  const url = pathToFileURL(file).href
  await page.goto(url + hash)
  await page.waitForSelector(ready)
  return { page, errors, requests, dialogs, url }
}

/** Marks per chart, by `data-chart` name. */
const marksPerChart = (page: Page): Promise<Record<string, number>> =>
  page.evaluate(() => {
    const out: Record<string, number> = {}
    for (const el of Array.from(document.querySelectorAll("main [data-chart]"))) {
      out[el.getAttribute("data-chart") ?? ""] = el.querySelectorAll(".mark").length
    }
    return out
  })

const clean = (v: Visit): void => {
  assert.deepStrictEqual(v.errors, [], "console errors")
  assert.deepStrictEqual(v.dialogs, [], "dialogs")
  assert.deepStrictEqual(
    v.requests.map((r) => r.split("#")[0]),
    [v.url],
    "the only request is the report file itself"
  )
}

describe("report.html in Chromium", () => {
  it("draws every chart, lifts tooltips and stays off the network", async () => {
    const v = await visit(files.plain!)
    const marks = await marksPerChart(v.page)
    for (const chart of charts) assert.isAbove(marks[chart] ?? 0, 0, `${chart} drew no marks`)
    assert.strictEqual(await v.page.getAttribute("main", "data-scope"), "total")
    assert.strictEqual(await v.page.locator("svg title").count(), 0)
    assert.isAbove(await v.page.locator("[data-tip]").count(), 100)
    assert.strictEqual(
      await v.page.locator('[data-chart="violations"] .conformance-status').getAttribute("data-status"),
      "pass"
    )
    assert.strictEqual(await v.page.locator('[data-chart="agent-timeline"]').getAttribute("data-variant"), "gantt")
    // readable at 1280 px: nothing wider than the window
    assert.isAtMost(await v.page.evaluate(() => document.documentElement.scrollWidth), 1280)
    clean(v)
    await v.page.close()
  })

  it("shows a mark's tooltip on hover", async () => {
    const v = await visit(files.plain!)
    await v.page.locator('[data-chart="interval-volumes"] .bars rect.mark').first().hover()
    const tooltip = v.page.locator("#tooltip")
    await tooltip.waitFor({ state: "visible" })
    assert.match((await tooltip.textContent()) ?? "", /^08:00–08:30 · answered \d/)
    clean(v)
    await v.page.close()
  })

  it("switches every chart to a queue with the selector, and back", async () => {
    const v = await visit(files.plain!)
    const before = await marksPerChart(v.page)
    const offered = await v.page.locator('[data-kpi="offered"] .kpi-value').textContent()
    await v.page.selectOption("#scope-select", "queue:sales")
    await v.page.waitForSelector('main[data-scope="queue:sales"]')
    assert.include((await v.page.locator("h1").textContent()) ?? "", "Sales")
    assert.notStrictEqual(await v.page.locator('[data-kpi="offered"] .kpi-value').textContent(), offered)
    const after = await marksPerChart(v.page)
    for (const chart of charts) assert.isAbove(after[chart] ?? 0, 0, `${chart} drew no marks for the queue`)
    // the queue shows its members only: fewer agents' bars and timeline rows
    assert.isBelow(after["agent-occupancy"]!, before["agent-occupancy"]!)
    assert.isBelow(after["agent-timeline"]!, before["agent-timeline"]!)
    assert.include(v.page.url(), "#queue%3Asales")
    await v.page.selectOption("#scope-select", "total")
    await v.page.waitForSelector('main[data-scope="total"]')
    assert.deepStrictEqual(await marksPerChart(v.page), before)
    clean(v)
    await v.page.close()
  })

  it("opens a tenant directly from the address", async () => {
    const v = await visit(files.plain!, "#tenant%3Aglobex")
    assert.strictEqual(await v.page.getAttribute("main", "data-scope"), "tenant:globex")
    assert.strictEqual(await v.page.locator("#scope-select").inputValue(), "tenant:globex")
    clean(v)
    await v.page.close()
  })

  it("renders names full of markup and quotes as text, and runs nothing they contain", async () => {
    const v = await visit(files.hostile!, "#queue%3Asales")
    assert.include((await v.page.locator("h1").textContent()) ?? "", hostileText)
    assert.include((await v.page.locator("#scope-select option:checked").textContent()) ?? "", hostileText)
    assert.include(await v.page.title(), hostileText)
    assert.strictEqual(await v.page.locator("script").count(), 2)
    assert.strictEqual(await v.page.locator("main script, main style").count(), 0)
    await v.page.locator('[data-chart="agent-occupancy"] .bars rect.mark').first().hover()
    assert.include((await v.page.locator("#tooltip").textContent()) ?? "", hostileText)
    clean(v)
    await v.page.close()
  })

  it("draws a heatmap instead of a Gantt chart beyond the agent limit", async () => {
    const v = await visit(files.many!)
    const variant = await v.page.locator('[data-chart="agent-timeline"]').getAttribute("data-variant")
    assert.strictEqual(variant, "heatmap")
    assert.isAbove(await v.page.locator('[data-chart="agent-timeline"] .mark').count(), ganttLimit)
    clean(v)
    await v.page.close()
  })

  it("reads without JavaScript and prints without the selector", async () => {
    const page = await browser().newPage()
    const cdp = await browser().newCDPSession(page)
    await cdp.send("Emulation.setScriptExecutionDisabled", { value: true })
    await page.goto(pathToFileURL(files.plain!).href)
    assert.isFalse(await page.evaluate(() => document.documentElement.classList.contains("js")))
    assert.isAbove(await page.locator("main .mark").count(), 100)
    assert.isFalse(await page.locator("#scope-select").isVisible())
    await cdp.detach()
    await page.close()
    const v = await visit(files.plain!)
    await v.page.emulateMedia({ media: "print" })
    assert.isFalse(await v.page.locator("#scope-select").isVisible())
    assert.isTrue(await v.page.locator('[data-chart="over-time"] svg').isVisible())
    clean(v)
    await v.page.close()
  })
})

describe("compare report.html in Chromium", () => {
  it("shows the KPI cards side by side and a difference chart per KPI, without scripts or network", async () => {
    const v = await visit(files.compare!, "", "main#compare")
    assert.strictEqual(await v.page.locator(".compare-kpi").count(), 6)
    assert.strictEqual(await v.page.locator('[data-kpi="service-level"] .kpi-value').count(), 2)
    for (const chart of ["service-level", "asa", "abandon-rate"]) {
      assert.strictEqual(await v.page.locator(`[data-chart="difference-${chart}"] .mark`).count(), 8, chart)
      assert.isAbove(
        await v.page
          .locator(`[data-chart="difference-${chart}"] .band`)
          .evaluate((el) => el.getBoundingClientRect().height),
        0,
        chart
      )
    }
    // The hostile scenario name stays text.
    assert.include((await v.page.locator("h1").textContent()) ?? "", hostileText)
    assert.strictEqual(await v.page.locator("script").count(), 0)
    assert.isAtMost(await v.page.evaluate(() => document.documentElement.scrollWidth), 1280)
    clean(v)
    await v.page.close()
  })
})
