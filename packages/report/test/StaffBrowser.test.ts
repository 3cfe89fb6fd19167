/**
 * The staffing report in headless Chromium: both charts of every queue draw their curves, the roster's missed
 * intervals are marked, hostile names stay text, nothing reaches the network and the console stays clean.
 * A missing browser fails the test; it is never skipped.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import type { BrowserContext } from "playwright-core"
import { renderStaffPage, type StaffPageData } from "../src/staff/StaffPage.ts"
import { launchChromium } from "./Chromium.ts"

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"
const hostile = `<img src=x onerror="alert(1)">"'&`

const data = (name: string): StaffPageData => ({
  scenario: name,
  engineVersion: "0.1.0",
  seed: 1,
  replications: 40,
  confidence: 0.95,
  counting: "dedicated group per queue",
  intervalMinutes: 30,
  targets: ["service-level >= 0.8"],
  converged: true,
  queues: [name, "billing"].map((id) => ({
    id,
    group: `staff-${id}`,
    model: "erlang-a",
    serviceLevelTarget: 0.8,
    rows: Array.from({ length: 6 }, (_, t) => ({
      start: `${String(8 + Math.floor(t / 2)).padStart(2, "0")}:${t % 2 === 0 ? "00" : "30"}`,
      offered: 20 + 5 * t,
      erlang: 4 + t,
      simulated: 4 + t + (t === 3 ? 1 : 0),
      scheduled: 5 + t,
      coverage: 5 + t + (t === 2 ? -0.5 : 0),
      binding: t === 0 ? "lower bound" : "service-level >= 0.8",
      withinCi: t === 4,
      serviceLevel: { value: 0.85, lower: 0.82, upper: 0.88 },
      verified: { value: t === 2 ? 0.75 : 0.86, lower: t === 2 ? 0.7 : 0.83, upper: t === 2 ? 0.79 : 0.89 },
      verifiedMet: t !== 2
    }))
  })),
  roster: { file: "shifts.csv", totalCost: 100, counts: [{ queue: name, template: "early", count: 3 }], missed: 2 }
})

let dir = ""
let context: BrowserContext | undefined
let startError: Error | undefined

beforeAll(async () => {
  if (!existsSync(executablePath)) {
    startError = new Error(
      `Chromium is missing at ${executablePath} (apt-get install -y chromium, or set CHROMIUM_PATH)`
    )
    return
  }
  dir = mkdtempSync(join(tmpdir(), "ccsim-staff-browser-"))
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

describe("the staffing report in Chromium", () => {
  it("draws the requirement and service-level charts of every queue, marks misses, and stays offline", async () => {
    if (startError !== undefined) throw startError
    const file = join(dir, "staff.html")
    writeFileSync(file, renderStaffPage(data(hostile)))
    const page = await context!.newPage()
    const errors: Array<string> = []
    const requests: Array<string> = []
    const dialogs: Array<string> = []
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") errors.push(m.text())
    })
    page.on("pageerror", (e) => errors.push(e.message))
    page.on("request", (r) => requests.push(r.url()))
    page.on("dialog", (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    await page.goto(pathToFileURL(file).href)
    const seen = await page.evaluate(() => ({
      sections: document.querySelectorAll("section.staff-queue").length,
      curves: Array.from(document.querySelectorAll("svg.requirement")).map((svg) =>
        Array.from(svg.querySelectorAll("path")).map(
          (p) => `${p.getAttribute("class")}:${(p.getAttribute("d") ?? "").length > 20}`
        )
      ),
      bands: Array.from(document.querySelectorAll("svg.service-level")).map(
        (svg) => svg.querySelectorAll("rect.band").length
      ),
      misses: document.querySelectorAll("svg.service-level circle.miss").length,
      boxes: Array.from(document.querySelectorAll("svg.staff-chart")).map(
        (svg) => svg.getBoundingClientRect().height > 100
      ),
      heading: document.querySelector("h2")?.textContent ?? "",
      images: document.querySelectorAll("img").length,
      differs: document.querySelectorAll("tr.differs").length
    }))
    assert.strictEqual(seen.sections, 2)
    for (const curves of seen.curves) {
      assert.includeMembers(curves, ["coverage:true", "erlang:true", "simulated:true", "scheduled:true"])
    }
    assert.deepStrictEqual(seen.bands, [6, 6])
    // The interval each roster misses, once per queue.
    assert.strictEqual(seen.misses, 2)
    assert.isTrue(seen.boxes.every(Boolean))
    assert.include(seen.heading, hostile)
    assert.strictEqual(seen.images, 0)
    assert.strictEqual(seen.differs, 2)
    assert.deepStrictEqual(errors, [])
    assert.deepStrictEqual(dialogs, [])
    assert.deepStrictEqual(requests, [pathToFileURL(file).href])
  })
})
