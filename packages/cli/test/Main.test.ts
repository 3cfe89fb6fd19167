import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { erlang } from "@ccsim/analytic"
import { scenarioJsonSchema } from "@ccsim/scenario"
import { assert, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { helpFormatter } from "../src/Main.ts"
import { ccsimInProcess, repoRoot } from "./run.ts"

describe("main (in-process)", () => {
  it.effect("erlang --json prints @ccsim/analytic's numbers", () =>
    Effect.gen(function* () {
      const { code, stdout, stderr } = yield* ccsimInProcess([
        "erlang",
        "--rate",
        "200",
        "--aht",
        "180s",
        "--agents",
        "14",
        "--threshold",
        "20s",
        "--json"
      ])
      assert.strictEqual(code, 0)
      assert.deepStrictEqual(stderr, [])
      assert.deepStrictEqual(
        JSON.parse(stdout.join("\n")),
        erlang({ ratePerHour: 200, ahtSeconds: 180, agents: 14, thresholdSeconds: 20 })
      )
    })
  )

  it.effect("schema prints the scenario JSON Schema", () =>
    Effect.gen(function* () {
      const { code, stdout } = yield* ccsimInProcess(["schema"])
      assert.strictEqual(code, 0)
      assert.deepStrictEqual(JSON.parse(stdout.join("\n")), JSON.parse(JSON.stringify(scenarioJsonSchema())))
    })
  )

  it.effect("a bad flag value is exit 2 with one line naming the flag", () =>
    Effect.gen(function* () {
      const { code, stdout, stderr } = yield* ccsimInProcess([
        "erlang",
        "--rate",
        "200",
        "--aht",
        "3 min",
        "--agents",
        "14"
      ])
      assert.strictEqual(code, 2)
      assert.deepStrictEqual(stdout, [])
      assert.deepStrictEqual(stderr, [
        'ccsim: --aht: expected a duration like 180s, 3m, 1m30s or a number of seconds, found "3 min"'
      ])
    })
  )

  it.effect("an unknown flag is one line, not the help text", () =>
    Effect.gen(function* () {
      const { code, stdout, stderr } = yield* ccsimInProcess([
        "erlang",
        "--rate",
        "200",
        "--aht",
        "3m",
        "--agnets",
        "14"
      ])
      assert.strictEqual(code, 2)
      assert.deepStrictEqual(stdout, [])
      assert.strictEqual(stderr.length, 1)
      assert.match(
        stderr[0]!,
        /^ccsim erlang: unknown flag --agnets \(did you mean --agents\?\); see "ccsim erlang --help"$/
      )
    })
  )

  it.effect("--help prints the exit codes", () =>
    Effect.gen(function* () {
      const { code, stdout } = yield* ccsimInProcess(["--help"])
      assert.strictEqual(code, 0)
      const text = stdout.join("\n")
      for (const line of [
        "0    success",
        "1    an expectation failed",
        "2    invalid input or usage",
        "3    internal error",
        "130  interrupted"
      ]) {
        assert.include(text, line)
      }
    })
  )
})

describe("main (in-process): validate, run, report", () => {
  const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "ccsim-main-"))
  const fixture = path.join(repoRoot, "packages/cli/test/fixtures")

  it.effect("validate lists valid files on stdout and each problem on stderr, exit 2", () =>
    Effect.gen(function* () {
      const { code, stdout, stderr } = yield* ccsimInProcess([
        "validate",
        path.join(fixture, "passing.yaml"),
        path.join(fixture, "bad-duration.yaml")
      ])
      assert.strictEqual(code, 2)
      assert.strictEqual(stdout.length, 1)
      assert.match(
        stdout[0]!,
        /^✓ .*passing\.yaml {2}passing small \(0 tenants, 1 queue, 3 agents, 1 traffic source\)$/
      )
      assert.strictEqual(stderr.length, 2)
      assert.match(stderr[0]!, /^✗ .*bad-duration\.yaml:7:18: queues\[0\]\.ringTimeout: expected a duration/)
      assert.strictEqual(stderr[1], "ccsim: 1 of 2 scenario files is invalid")
    })
  )

  it.effect("run prints the KPI table with CIs and the service-level definition, and report redraws report.html", () =>
    Effect.gen(function* () {
      const out = tempDir()
      const run = yield* ccsimInProcess(["run", path.join(fixture, "passing.yaml"), "--workers", "1", "--out", out])
      assert.strictEqual(run.code, 0, run.stderr.join("\n"))
      const text = run.stdout.join("\n")
      assert.include(text, "passing small · seed 11 · 6 replications · terminating day 09:00–11:00")
      assert.match(text, /scope +offered +answered +abandon rate +service level +ASA +wait p90 +rolled over/)
      assert.match(text, /all queues +\d+\.\d +\d+\.\d +\d+\.\d% ±\d+\.\d +\d+\.\d% ±\d+\.\d/)
      assert.match(text, /queue support /)
      assert.include(
        text,
        "service level = answered within T / offered (answered-of-offered); T per queue: support 20s"
      )
      assert.include(text, "± = half-width of the 95% confidence interval over 6 replications")
      assert.match(text, /THRESHOLDS\n.*scope +condition +observed \[95% CI\]\n +✓ total +offered > 0 /)
      const results = JSON.parse(fs.readFileSync(path.join(out, "results.json"), "utf8"))
      assert.strictEqual(results.summary.replications, 6)
      assert.isNotNull(results.report.sample)

      fs.rmSync(path.join(out, "report.html"), { force: true })
      const report = yield* ccsimInProcess(["report", path.join(out, "results.json")])
      assert.strictEqual(report.code, 0, report.stderr.join("\n"))
      assert.deepStrictEqual(report.stdout, [`wrote ${path.join(out, "report.html")}`])
      assert.include(fs.readFileSync(path.join(out, "report.html"), "utf8"), "passing small")
    })
  )

  it.effect("report of something that is not a results file is exit 2 naming it", () =>
    Effect.gen(function* () {
      const file = path.join(tempDir(), "results.json")
      fs.writeFileSync(file, '{"hello": 1}')
      const { code, stderr } = yield* ccsimInProcess(["report", file])
      assert.strictEqual(code, 2)
      assert.deepStrictEqual(stderr, [
        `ccsim: ${file}: resultsVersion: expected a value, found nothing (the field is missing)`
      ])
    })
  )

  it.effect("report of a hand-edited or other-version results file is exit 2 naming the field or the version", () =>
    Effect.gen(function* () {
      const out = tempDir()
      const run = yield* ccsimInProcess(["run", path.join(fixture, "passing.yaml"), "--workers", "1", "--out", out])
      assert.strictEqual(run.code, 0, run.stderr.join("\n"))
      const results = JSON.parse(fs.readFileSync(path.join(out, "results.json"), "utf8"))
      const edited = path.join(out, "edited.json")
      results.summary.total.metrics.asa.ratio = "fast"
      fs.writeFileSync(edited, JSON.stringify(results))
      const bad = yield* ccsimInProcess(["report", edited])
      assert.strictEqual(bad.code, 2)
      assert.deepStrictEqual(bad.stderr, [
        `ccsim: ${edited}: summary.total.metrics.asa.ratio: expected number | null, found "fast"`
      ])
      const other = path.join(out, "other.json")
      fs.writeFileSync(other, JSON.stringify({ ...results, resultsVersion: 99 }))
      const old = yield* ccsimInProcess(["report", other])
      assert.strictEqual(old.code, 2)
      assert.deepStrictEqual(old.stderr, [
        `ccsim: ${other}: resultsVersion: expected results version 2 (written by this ccsim; re-run the scenario to redraw it), found 99`
      ])
      assert.isFalse(fs.existsSync(path.join(out, "other.html")))
    })
  )

  it.effect("run --quiet prints only the final verdict when everything passes", () =>
    Effect.gen(function* () {
      const { code, stdout, stderr } = yield* ccsimInProcess([
        "run",
        path.join(fixture, "passing.yaml"),
        "--workers",
        "1",
        "--quiet",
        "--out",
        tempDir()
      ])
      assert.strictEqual(code, 0)
      assert.deepStrictEqual(stdout, ["✓ 1 scenario, 2 expectations passed"])
      assert.deepStrictEqual(stderr, [])
    })
  )
})

describe("help formatter", () => {
  const coloured = (text: string) => text.includes(`${String.fromCharCode(27)}[`)
  const version = (args: ReadonlyArray<string>, noColorEnv: string | undefined, isTTY: boolean) =>
    helpFormatter(args, { noColorEnv, isTTY }).formatVersion("ccsim", "1.0.0")

  it("is plain with --no-color even on a terminal, and coloured on a terminal without it", () => {
    expect(coloured(version(["run", "--help", "--no-color"], undefined, true))).toBe(false)
    expect(coloured(version(["run", "--help"], undefined, true))).toBe(true)
    expect(coloured(version(["run", "--help"], "1", true))).toBe(false)
    expect(coloured(version(["--help"], undefined, false))).toBe(false)
  })
})
