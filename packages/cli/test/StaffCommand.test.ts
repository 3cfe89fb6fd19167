import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { ccsimInProcess, repoRoot } from "./run.ts"

const fixture = (name: string) => path.join(repoRoot, "packages/cli/test/fixtures/staff", name)
const small = fixture("small.yaml")
const out = () => fs.mkdtempSync(path.join(os.tmpdir(), "ccsim-staff-"))
// Small work: two replications and one iteration where only the refusal matters.
const cheap = ["-r", "2", "--max-iterations", "1", "--workers", "1"]

/** The run's one line on stderr, exit 2, nothing on stdout and no stack. */
const refused = (args: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const { code, stdout, stderr } = yield* ccsimInProcess(["staff", ...args])
    assert.strictEqual(code, 2, stderr.join("\n"))
    assert.deepStrictEqual(stdout, [])
    const text = stderr.join("\n")
    assert.strictEqual(text.split("\n").length, 1, text)
    assert.notInclude(text, "    at ")
    return text
  })

describe("ccsim staff: bad input is one line and exit 2", () => {
  it.effect("an unknown metric in a target", () =>
    Effect.gen(function* () {
      const line = yield* refused([small, "--target", "service-levl>=0.8", "--out", out(), ...cheap])
      assert.strictEqual(
        line,
        'ccsim: --target: expected a metric of service-level, abandon-rate, asa, found "service-levl"'
      )
    })
  )

  it.effect("an unknown queue in a target", () =>
    Effect.gen(function* () {
      const line = yield* refused([small, "--target", "queue:sales:service-level>=0.8", "--out", out(), ...cheap])
      assert.strictEqual(line, "ccsim: --target: expected a staffed queue (support), found queue:sales (no such queue)")
    })
  )

  it.effect("an impossible target (a service level of 1.0) and a target in the wrong direction", () =>
    Effect.gen(function* () {
      assert.strictEqual(
        yield* refused([small, "--target", "service-level>=1.0", "--out", out(), ...cheap]),
        'ccsim: --target: expected a service level above 0 and below 1 (1.0 cannot be met with certainty), found "service-level>=1.0"'
      )
      assert.strictEqual(
        yield* refused([small, "--target", "asa>=20s", "--out", out(), ...cheap]),
        'ccsim: --target: expected asa <= a value, found "asa>=20s"'
      )
    })
  )

  it.effect("a scenario whose queues get no calls: no intervals to staff", () =>
    Effect.gen(function* () {
      const line = yield* refused([fixture("no-queue-traffic.yaml"), "--out", out(), ...cheap])
      assert.match(
        line,
        /no-queue-traffic\.yaml: expected queue traffic to staff .* found no queue that traffic enters$/
      )
    })
  )

  it.effect("a shift file that fails to decode names the file, the line and the cell", () =>
    Effect.gen(function* () {
      const line = yield* refused([small, "--shifts", fixture("bad-shifts.csv"), "--out", out(), ...cheap])
      assert.match(line, /bad-shifts\.csv:2: length: expected a duration like 20s, 5m, 1h30m .*found "90 minutes"$/)
    })
  )

  it.effect("templates that cannot cover the requirement name the uncovered intervals", () =>
    Effect.gen(function* () {
      const line = yield* refused([small, "--shifts", fixture("gap-shifts.csv"), "--out", out(), ...cheap])
      assert.match(
        line,
        /gap-shifts\.csv \(queue support\): expected shift templates that can cover the required agents, found no shift template covers 10:30$/
      )
    })
  )

  it.effect("bad flag values", () =>
    Effect.gen(function* () {
      assert.match(
        yield* refused([small, "--confidence", "1.2", ...cheap]),
        /--confidence: expected a level above 0\.5/
      )
      assert.match(yield* refused([small, "--shrinkage", "1", ...cheap]), /--shrinkage: expected a share in \[0, 1\)/)
      assert.match(
        yield* refused([small, "--group", "csr", "--shifts", fixture("shifts.csv"), ...cheap]),
        /--group: expected GROUP=QUEUE/
      )
    })
  )
})

describe("ccsim staff: the files", () => {
  it.effect("writes staffing.csv, staffing.json and report.html; --json prints the same document", () =>
    Effect.gen(function* () {
      const folder = out()
      const args = [small, "--shifts", fixture("shifts.csv"), "-r", "6", "--max-iterations", "4", "--workers", "1"]
      const { code, stdout } = yield* ccsimInProcess(["staff", ...args, "--out", folder, "--json"])
      assert.strictEqual(code, 0)
      const json = fs.readFileSync(path.join(folder, "staffing.json"), "utf8")
      assert.strictEqual(`${stdout.join("\n")}\n`, json)
      const document = JSON.parse(json)
      assert.strictEqual(document.staffingVersion, 1)
      assert.strictEqual(document.counting, "dedicated group per queue")
      assert.strictEqual(document.rows.length, 4)
      const csv = fs.readFileSync(path.join(folder, "staffing.csv"), "utf8").trimEnd().split("\n")
      assert.strictEqual(csv.length, 5)
      assert.match(csv[0]!, /^interval_start,queue,offered,aht_seconds,erlang_agents,simulated_agents,scheduled,/)
      // Each row's simulated agents are the JSON's.
      csv.slice(1).forEach((line, i) => {
        const cells = line.split(",")
        assert.strictEqual(cells[0], document.rows[i].start)
        assert.strictEqual(Number(cells[5]), document.rows[i].agents)
      })
      const html = fs.readFileSync(path.join(folder, "report.html"), "utf8")
      assert.include(html, "Content-Security-Policy")
      assert.include(html, 'class="staff-chart requirement"')
      // Nothing else is left in the folder (atomic writes leave no temporary file).
      assert.deepStrictEqual(fs.readdirSync(folder).sort(), ["report.html", "staffing.csv", "staffing.json"])
    })
  )
})
