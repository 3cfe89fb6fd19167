import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { ccsimInProcess, repoRoot } from "./run.ts"

const base = path.join(repoRoot, "scenarios/compare/base.yaml")
const candidate = path.join(repoRoot, "scenarios/compare/candidate.yaml")
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "ccsim-compare-"))
const read = (folder: string, name: string) => fs.readFileSync(path.join(folder, name), "utf8")

describe("ccsim compare", () => {
  it.effect("a scenario compared with itself: every difference is exactly zero", () =>
    Effect.gen(function* () {
      const out = tmp()
      const { code, stdout } = yield* ccsimInProcess(["compare", base, base, "-r", "3", "--workers", "1", "--out", out])
      assert.strictEqual(code, 0)
      assert.include(stdout[0]!, "compare-base vs compare-base · seed 7 · 3 replications each (common random numbers)")
      const document = JSON.parse(read(out, "compare.json"))
      assert.strictEqual(document.compareVersion, 1)
      const measured = document.rows.filter((r: { difference: { mean: number | null } }) => r.difference.mean !== null)
      assert.isAbove(measured.length, 100)
      for (const r of measured) assert.strictEqual(r.difference.mean, 0)
      assert.include(read(out, "report.html"), 'data-kpi="service-level"')
      fs.rmSync(out, { recursive: true, force: true })
    })
  )

  it.effect("--workers 1 and 2 write byte-identical compare.json and compare.csv, and no temporary file", () =>
    Effect.gen(function* () {
      const before = process.env.CCSIM_PARALLEL_THRESHOLD_MS
      process.env.CCSIM_PARALLEL_THRESHOLD_MS = "0"
      const one = tmp()
      const two = tmp()
      const args = ["compare", base, "--set", "agents[agent].count=11", "-r", "4", "--quiet"]
      const a = yield* ccsimInProcess([...args, "--workers", "1", "--out", one])
      const b = yield* ccsimInProcess([...args, "--workers", "2", "--out", two])
      if (before === undefined) delete process.env.CCSIM_PARALLEL_THRESHOLD_MS
      else process.env.CCSIM_PARALLEL_THRESHOLD_MS = before
      assert.deepStrictEqual([a.code, b.code], [0, 0])
      for (const name of ["compare.json", "compare.csv", "report.html"])
        assert.strictEqual(read(two, name), read(one, name), name)
      assert.deepStrictEqual(fs.readdirSync(two).sort(), ["compare.csv", "compare.json", "report.html"])
      fs.rmSync(one, { recursive: true, force: true })
      fs.rmSync(two, { recursive: true, force: true })
    })
  )

  it.effect("bad input exits 2 with one line saying what is wrong", () =>
    Effect.gen(function* () {
      const cases: Array<[Array<string>, string]> = [
        [
          [base],
          "ccsim: ccsim compare: expected a CANDIDATE scenario or --set overrides to make one from BASE, found neither"
        ],
        [
          [
            base,
            "--set",
            "queues[support].id=help",
            "--set",
            "workflows[support-line].steps[0].queue=help",
            "--set",
            "agents[agent].queues[support].queue=help"
          ],
          "the queues differ: the base has queue support that the candidate lacks; the candidate has queue help that the base lacks"
        ],
        [
          [base, "--set", "time.intervalMinutes=60"],
          "the intervals differ: 08:00–12:00 in 30-minute intervals vs 08:00–12:00 in 60-minute intervals"
        ],
        [
          [base, "--set", "x=1", "--max-worse", "service-levl=0.01"],
          'ccsim: --max-worse service-levl=0.01: unknown metric "service-levl" (did you mean service-level?)'
        ],
        [
          [base, "--set", "seed=1", "--max-worse", "asa=soon"],
          'ccsim: --max-worse asa=soon: expected a duration like 5s or a number of seconds, found "soon"'
        ],
        [[base, "--set", "seed=1", "--max-worse", "occupancy=0.1"], "occupancy has no better direction"],
        [
          [base, "--set", "agents[agnet].count=9"],
          "--set agents[agnet].count=9: agents[agnet]: agents has no entry agnet (did you mean agent?)"
        ],
        [
          [base, "--set", "seed=1", "-r", "1"],
          "--replications: expected at least 2 replications for paired confidence intervals"
        ]
      ]
      for (const [args, expected] of cases) {
        const out = tmp()
        const { code, stdout, stderr } = yield* ccsimInProcess([
          "compare",
          ...args,
          ...(args.includes("-r") ? [] : ["-r", "2"]),
          "--workers",
          "1",
          "--out",
          out,
          "--quiet"
        ])
        assert.strictEqual(code, 2, args.join(" "))
        assert.deepStrictEqual(stdout, [], args.join(" "))
        assert.strictEqual(stderr.length, 1, stderr.join("\n"))
        assert.include(stderr[0]!, expected)
        fs.rmSync(out, { recursive: true, force: true })
      }
    })
  )

  it.effect("non-inferiority: exit 1 with a JUnit failure when the margin may be exceeded, exit 0 when it holds", () =>
    Effect.gen(function* () {
      const out = tmp()
      const junit = path.join(out, "ci", "junit.xml")
      const args = [
        "compare",
        base,
        "--set",
        "agents[agent].count=9",
        "-r",
        "6",
        "--workers",
        "1",
        "--out",
        out,
        "--junit",
        junit
      ]
      const failing = yield* ccsimInProcess([...args, "--max-worse", "asa=1s", "--max-worse", "abandon-rate=0.5"])
      assert.strictEqual(failing.code, 1)
      assert.include(failing.stdout.join("\n"), "✗ total asa may be worse by at most 1.0s: worse by")
      assert.deepStrictEqual(failing.stderr, ["ccsim: 1 of 2 expectations failed"])
      const failed = fs.readFileSync(junit, "utf8")
      assert.include(failed, 'tests="2" failures="1"')
      assert.include(failed, '<failure message="worse by')
      assert.include(failed, 'name="total asa worse by at most 1"')

      const passing = yield* ccsimInProcess([...args, "--max-worse", "asa=10m"])
      assert.strictEqual(passing.code, 0)
      const passed = fs.readFileSync(junit, "utf8")
      assert.include(passed, 'tests="1" failures="0"')
      assert.notInclude(passed, "<failure")
      fs.rmSync(out, { recursive: true, force: true })
    })
  )

  it.effect(
    "the scenarios/compare example of the README: the candidate passes its margins, seen only thanks to pairing",
    () =>
      Effect.gen(function* () {
        const out = tmp()
        const { code, stdout } = yield* ccsimInProcess([
          "compare",
          base,
          candidate,
          "--max-worse",
          "service-level=0.02",
          "--max-worse",
          "asa=10s",
          "--workers",
          "1",
          "--out",
          out
        ])
        assert.strictEqual(code, 0)
        assert.include(stdout.join("\n"), "service level = answered within T / offered (answered-of-offered)")
        const document = JSON.parse(read(out, "compare.json"))
        const sl = document.rows.find(
          (r: { scope: string; metric: string; interval: string | null }) =>
            r.scope === "total" && r.metric === "service-level" && r.interval === null
        )
        // The gain is smaller than the independent half-width (two separate runs could not tell), yet the paired
        // interval excludes zero.
        assert.isBelow(sl.difference.mean, sl.independentHalfWidth)
        assert.isAbove(sl.difference.ci[0], 0)
        assert.strictEqual(sl.verdict, "better")
        fs.rmSync(out, { recursive: true, force: true })
      })
  )
})
