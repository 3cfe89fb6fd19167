/**
 * The sweep's report.html in headless Chromium (Debian's `/usr/bin/chromium`, driven by playwright-core): every
 * curve is drawn with its band, thresholds and breaking point, nothing reaches the network, the console stays
 * clean, and hostile names stay text. A missing browser fails the test; it is never skipped.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import type { BrowserContext } from "playwright-core"
import { renderSweepReport } from "../../src/sweep/SweepPage.ts"
import { launchChromium } from "../Chromium.ts"
import { hostileSweepText, makeSweep } from "../fixtures/Sweep.ts"

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"
const charts = ["sweep-service-level", "sweep-asa", "sweep-abandonment", "sweep-occupancy"]

let dir = ""
let context: BrowserContext | undefined
let startError: Error | undefined

const browser = (): BrowserContext => {
  if (startError !== undefined) throw startError
  if (context === undefined) throw new Error("the browser did not start")
  return context
}

beforeAll(async () => {
  if (!existsSync(executablePath)) {
    startError = new Error(
      `Chromium is missing at ${executablePath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`
    )
    return
  }
  dir = mkdtempSync(join(tmpdir(), "ccsim-sweep-browser-"))
  writeFileSync(join(dir, "sweep.html"), renderSweepReport(makeSweep()))
  writeFileSync(join(dir, "hostile.html"), renderSweepReport(makeSweep({ hostile: true })))
  try {
    context = await launchChromium(executablePath, join(dir, "profile"))
  } catch (cause) {
    startError = cause as Error
  }
})

afterAll(async () => {
  await context?.close()
  if (dir !== "") rmSync(dir, { recursive: true, force: true })
})

const open = async (name: string) => {
  const page = await browser().newPage()
  const errors: Array<string> = []
  const requests: Array<string> = []
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") errors.push(`${m.type()}: ${m.text()}`)
  })
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`))
  page.on("request", (r) => requests.push(r.url()))
  const url = pathToFileURL(join(dir, name)).href
  await page.goto(url)
  await page.waitForSelector('main[data-report="sweep"]')
  return { page, errors, requests, url }
}

describe("the sweep's report.html in Chromium", () => {
  it("draws every curve with its band, the thresholds and the breaking point, offline and without errors", async () => {
    const v = await open("sweep.html")
    for (const chart of charts) {
      const fig = v.page.locator(`[data-chart="${chart}"]`)
      assert.strictEqual(await fig.locator(".series .mark").count(), 21, `${chart}: a dot per point and scope`)
      assert.strictEqual(await fig.locator("path.curve").count(), 3, chart)
      // a vertical line has no width, so Playwright never calls it visible: its height says it is drawn
      const rule = await fig.locator("line.breaking-point").boundingBox()
      assert.isAbove(rule?.height ?? 0, 100, `${chart}: breaking point`)
      // the curves are really laid out: a visible, non-empty box
      const box = await fig.locator('[data-scope="total"] path.curve').boundingBox()
      assert.isAbove(box?.width ?? 0, 300, chart)
    }
    assert.strictEqual(await v.page.locator("line.threshold").count(), 3)
    assert.include((await v.page.locator('[data-chart="breaking-point"]').textContent()) ?? "", "Breaking point: 1.1")
    assert.isAtMost(await v.page.evaluate(() => document.documentElement.scrollWidth), 1280)
    assert.deepStrictEqual(v.errors, [])
    assert.deepStrictEqual(v.requests, [v.url], "the only request is the report file itself")
    await v.page.close()
  })

  it("shows hostile names as text and runs nothing", async () => {
    const v = await open("hostile.html")
    assert.include((await v.page.locator("h1").textContent()) ?? "", hostileSweepText)
    assert.strictEqual(await v.page.locator("script, img").count(), 0)
    assert.deepStrictEqual(v.errors, [])
    assert.deepStrictEqual(v.requests, [v.url])
    await v.page.close()
  })
})
