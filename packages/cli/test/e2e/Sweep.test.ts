/**
 * `ccsim sweep` as a subprocess on the bundled example (scenarios/sweep/load-test.yaml): the table, the breaking
 * point and the three files; the same bytes on one worker thread and on two; `--json` and `--find-break`.
 */
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { ccsim } from "../run.ts"

const scenario = "scenarios/sweep/load-test.yaml"
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ccsim-sweep-"))
const read = (folder: string, name: string) => fs.readFileSync(path.join(folder, name), "utf8")
// Threads are used however small the work, so --workers 2 really runs on two threads.
const env = { CCSIM_PARALLEL_THRESHOLD_MS: "0" }

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe("ccsim sweep on the bundled example", () => {
  it("prints the curve and the breaking point, writes sweep.json, sweep.csv and report.html, byte-identical on 1 and 2 workers", async () => {
    const one = path.join(dir, "one")
    const two = path.join(dir, "two")
    const args = ["sweep", scenario, "--load", "0.8:1.6:0.4", "-r", "6"]
    const first = await ccsim([...args, "--workers", "1", "--out", one], { env })
    expect(first.code, first.stderr).toBe(0)
    const second = await ccsim([...args, "--workers", "2", "--out", two], { env })
    expect(second.code, second.stderr).toBe(0)
    for (const name of ["sweep.json", "sweep.csv"]) expect(read(two, name), name).toBe(read(one, name))

    const lines = first.stdout.split("\n")
    expect(lines[0]).toBe(
      "load-test · sweep of run.loadMultiplier 0.8…1.6 step 0.4 · seed 11 · 6 replications per point · grid of 3 points"
    )
    expect(lines.filter((l) => /^ {2}(0\.8|1\.2|1\.6)( ◀)?\s+\d/.test(l))).toHaveLength(3)
    expect(first.stdout).toMatch(/Breaking point: (0\.8|1\.2) — /)
    expect(first.stdout).toContain("service level = answered within T / offered (answered-of-offered)")

    const document = JSON.parse(read(one, "sweep.json"))
    expect(document.sweepVersion).toBe(1)
    expect(document.points.map((p: { value: string }) => p.value)).toEqual(["0.8", "1.2", "1.6"])
    expect(document.breakingPoint.status).toBe("found")
    expect(read(one, "sweep.csv").split("\n")[0]).toMatch(/^value,scope,service_level,/)
    const html = read(one, "report.html")
    expect(html).toContain('data-chart="sweep-service-level"')
    // no leftovers of the atomic writes
    expect(fs.readdirSync(one).sort()).toEqual(["report.html", "sweep.csv", "sweep.json"])
  })

  it("--json prints sweep.json; --find-break bisects between the ends", async () => {
    const out = path.join(dir, "json")
    const json = await ccsim([
      "sweep",
      scenario,
      "--agents",
      "sales-team=3:8",
      "--find-break",
      "-r",
      "4",
      "--json",
      "--out",
      out
    ])
    expect(json.code, json.stderr).toBe(0)
    const document = JSON.parse(json.stdout)
    expect(json.stdout).toBe(`${read(out, "sweep.json")}`)
    expect(document.method).toBe("bisection")
    expect(document.dimension.path).toBe("agents[sales-team].count")
    const { status, value, failsAt } = document.breakingPoint
    expect(status).toBe("found")
    // on whole agents: the fewest that hold, one above the most that fail
    expect(Number(value) - Number(failsAt)).toBe(1)
  })
})
