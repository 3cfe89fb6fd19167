/**
 * The real executable, as a subprocess: exit codes, and every bad input answered by ONE line on stderr that names
 * the file (or flag), the place, what was expected and what was found — never a stack trace unless --verbose.
 */
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { erlang } from "@ccsim/analytic"
import { describe, expect, it } from "vitest"
import type { Outcome } from "./run.ts"
import { ccsim, repoRoot, startCcsim } from "./run.ts"
import { parseXml } from "./xml.ts"

const fixture = (name: string) => `packages/cli/test/fixtures/${name}`

/** Exit 2, nothing on stdout, exactly one line on stderr, no stack frame. */
const expectOneLine = (outcome: Outcome): string => {
  expect(outcome.code, outcome.stderr).toBe(2)
  expect(outcome.stdout).toBe("")
  const lines = outcome.stderr.trimEnd().split("\n")
  expect(lines, outcome.stderr).toHaveLength(1)
  expect(outcome.stderr).not.toMatch(/^\s+at /m)
  return lines[0]!
}

describe("bad input: exit 2, one line, no stack", async () => {
  it("missing file", async () => {
    const line = expectOneLine(await ccsim(["run", "no/such/scenario.yaml"]))
    expect(line).toMatch(/^no\/such\/scenario\.yaml: .*(not found|no such|does not exist)/i)
  })

  it("unreadable file (a folder named like a scenario)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ccsim-bin-"))
    const folder = path.join(dir, "looks-like.yaml")
    fs.mkdirSync(folder)
    const line = expectOneLine(await ccsim(["run", folder]))
    expect(line).toContain(folder)
  })

  it("unknown extension", async () => {
    const line = expectOneLine(await ccsim(["run", fixture("not-a-scenario.txt")]))
    expect(line).toBe(
      `${fixture("not-a-scenario.txt")}: expected a .yaml, .yml or .json file, found the extension .txt`
    )
  })

  it("invalid scenario: file, line, column, path, expected, found", async () => {
    const line = expectOneLine(await ccsim(["run", fixture("bad-duration.yaml")]))
    expect(line).toBe(
      `${fixture("bad-duration.yaml")}:7:18: queues[0].ringTimeout: expected a duration like 20s, 5m, 1h30m or a number of seconds, found "20 sec"`
    )
  })

  it("--replications beyond the scenario limit is refused before any work, naming the limit", async () => {
    const line = expectOneLine(await ccsim(["run", fixture("passing.yaml"), "--replications", "1000000000"]))
    expect(line).toBe(
      "ccsim: --replications: expected 1 to 10,000 (the scenario limit: intervals stop narrowing long before), found 1000000000"
    )
  })

  it("--out naming a file, or a place that cannot hold folders, is refused before simulating", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ccsim-bin-"))
    const file = path.join(dir, "results")
    fs.writeFileSync(file, "")
    const run = (out: string) => ccsim(["run", fixture("passing.yaml"), "--out", out])
    expect(expectOneLine(await run(file))).toBe(`ccsim: ${file}: cannot write: it is a file, not a folder`)
    expect(expectOneLine(await run(path.join(file, "sub")))).toBe(
      `ccsim: ${path.join(file, "sub")}: cannot write: ${file} is a file, not a folder`
    )
    // Node's recursive mkdir spins for ever here.
    expect(expectOneLine(await run("/proc/ccsim-x/y"))).toBe(
      "ccsim: /proc/ccsim-x/y: cannot write: no folder can be made in /proc"
    )
  })

  it("erlang with a load no staffing search could finish is refused (--rate 1e12)", async () => {
    const line = expectOneLine(await ccsim(["erlang", "--rate", "1e12", "--aht", "180s", "--target", "0.8"]))
    expect(line).toMatch(/^ccsim: --rate: expected an offered load \(rate × AHT\) of at most 100,000 Erlangs/)
  })

  it("hostile files found by trying (issue 16.14): deep nesting, CR-only lines, megabytes of comments", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ccsim-bin-"))
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(dir, name), text)
      return path.join(dir, name)
    }
    const nested = write("nested.json", `${"[".repeat(100_000)}${"]".repeat(100_000)}`)
    expect(expectOneLine(await ccsim(["validate", nested]))).toBe(
      `✗ ${nested}:1:65: expected JSON nested at most 64 levels deep, found deeper nesting (a scenario nests about 8 levels)`
    )
    // Old Mac line ends are lines, not an empty file.
    const cr = write("cr.yaml", "name: x\rseed: 1\r")
    expect(expectOneLine(await ccsim(["validate", cr]))).toBe(`✗ ${cr}:1:1: time: missing required key time`)
    const comments = write(
      "comments.yaml",
      "# a comment line, long enough to make the file large ..........\n".repeat(75_000)
    )
    expect(fs.statSync(comments).size).toBeGreaterThanOrEqual(4_800_000)
    expect(expectOneLine(await ccsim(["validate", comments]))).toBe(
      `✗ ${comments}:1:1: the file is empty: expected a scenario, a mapping with at least name and time, found only comments`
    )
  })

  it("unknown flag", async () => {
    const line = expectOneLine(await ccsim(["run", "scenarios/default.yaml", "--replicatons", "3"]))
    expect(line).toBe('ccsim run: unknown flag --replicatons (did you mean --replications?); see "ccsim run --help"')
  })

  it("bad flag value (parse)", async () => {
    const line = expectOneLine(await ccsim(["run", "scenarios/default.yaml", "--seed", "abc"]))
    expect(line).toBe('ccsim run: --seed: expected a finite number, found "abc"')
  })

  it("bad flag value (range)", async () => {
    expect(expectOneLine(await ccsim(["run", "scenarios/default.yaml", "--workers", "0"]))).toBe(
      "ccsim: --workers: expected 1 or more threads, found 0"
    )
    expect(expectOneLine(await ccsim(["test", "scenarios/", "--shard", "3/2"]))).toBe(
      'ccsim: --shard: expected k/n with 1 ≤ k ≤ n, like 1/4, found "3/2"'
    )
    expect(expectOneLine(await ccsim(["erlang", "--rate", "200", "--aht", "3 min", "--agents", "14"]))).toBe(
      'ccsim: --aht: expected a duration like 180s, 3m, 1m30s or a number of seconds, found "3 min"'
    )
  })

  it("unknown command", async () => {
    expect(expectOneLine(await ccsim(["rnu", "scenarios/default.yaml"]))).toMatch(
      /^ccsim: unknown command "rnu" \(did you mean run\?\)/
    )
  })

  it("--verbose adds the stack trace", async () => {
    const outcome = await ccsim(["erlang", "--rate", "200", "--aht", "3 min", "--agents", "14", "--verbose"])
    expect(outcome.code).toBe(2)
    expect(outcome.stderr.split("\n")[0]).toContain("--aht: expected a duration")
    expect(outcome.stderr).toMatch(/^\s+at /m)
  })
})

describe("where relative paths start", () => {
  it("npx from a workspace package resolves them from where the user typed the command (INIT_CWD)", async () => {
    const scenarios = path.join(repoRoot, "scenarios")
    const { code, stdout, stderr } = await ccsim(["validate", "default.yaml"], {
      cwd: path.join(repoRoot, "packages/cli"),
      env: { INIT_CWD: scenarios, npm_command: "exec" }
    })
    expect(code, stderr).toBe(0)
    expect(stdout).toMatch(/^✓ default\.yaml {2}home-services-default /)
  })
})

describe("erlang", async () => {
  it("--json equals @ccsim/analytic", async () => {
    const outcome = await ccsim([
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
    expect(outcome.code).toBe(0)
    expect(outcome.stderr).toBe("")
    expect(JSON.parse(outcome.stdout)).toEqual(
      erlang({ ratePerHour: 200, ahtSeconds: 180, agents: 14, thresholdSeconds: 20 })
    )
  })
})

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "ccsim-run-"))
const hidden = (dir: string) => fs.readdirSync(dir).filter((name) => name.startsWith("."))

describe.concurrent("run", () => {
  it("--workers 1 and --workers 2 write identical bytes, and leave no temporary file", async () => {
    const one = tempDir()
    const two = tempDir()
    const args = ["run", fixture("passing.yaml"), "--check", "--trace", "--quiet"]
    const [a, b] = await Promise.all([
      ccsim([...args, "--workers", "1", "--out", one]),
      // A zero threshold makes even this small run use the threads.
      ccsim([...args, "--workers", "2", "--out", two], { env: { CCSIM_PARALLEL_THRESHOLD_MS: "0" } })
    ])
    expect(a.code, a.stderr).toBe(0)
    expect(b.code, b.stderr).toBe(0)
    for (const file of ["results.json", "intervals.csv", "trace.ndjson"]) {
      expect(fs.readFileSync(path.join(two, file)).equals(fs.readFileSync(path.join(one, file))), file).toBe(true)
    }
    const results = JSON.parse(fs.readFileSync(path.join(one, "results.json"), "utf8"))
    expect(results).toMatchObject({ resultsVersion: 2, seed: 11, replications: 6, scenario: { name: "passing small" } })
    const trace = fs.readFileSync(path.join(one, "trace.ndjson"), "utf8").trimEnd().split("\n")
    expect(new Set(trace.map((line) => JSON.parse(line).replication))).toEqual(new Set([0, 1, 2, 3, 4, 5]))
    expect(hidden(one)).toEqual([])
    expect(hidden(two)).toEqual([])
  })

  it("--json prints the results document that results.json holds", async () => {
    const out = tempDir()
    const outcome = await ccsim(["run", fixture("passing.yaml"), "--json", "--workers", "1", "--out", out])
    expect(outcome.code, outcome.stderr).toBe(0)
    expect(JSON.parse(outcome.stdout)).toEqual(JSON.parse(fs.readFileSync(path.join(out, "results.json"), "utf8")))
  })

  it("control characters in names reach the terminal escaped, even with --no-color", async () => {
    const out = tempDir()
    const scenario = fixture("control-characters.yaml")
    for (const outcome of [
      await ccsim(["run", scenario, "--workers", "1", "--no-color", "--out", out]),
      await ccsim(["validate", scenario])
    ]) {
      expect(outcome.code, outcome.stderr).toBe(0)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
      expect(outcome.stdout + outcome.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
      expect(outcome.stdout).toContain("evil \\x1b]0;pwned\\x07\\x1b[2J name\\rX")
    }
  })

  it("with a precision target and --trace, the trace holds exactly the replications kept, and no part is left", async () => {
    const out = tempDir()
    const outcome = await ccsim(
      ["run", fixture("precision-target.yaml"), "--trace", "--workers", "2", "--quiet", "--out", out],
      { env: { CCSIM_PARALLEL_THRESHOLD_MS: "0" } }
    )
    expect(outcome.code, outcome.stderr).toBe(0)
    const kept = JSON.parse(fs.readFileSync(path.join(out, "results.json"), "utf8")).replications as number
    // Batches of 3, 3, 6, 12, then 16 up to the ceiling of 40: more ran than were kept.
    expect(kept).toBeGreaterThan(24)
    expect(kept).toBeLessThan(40)
    const lines = fs.readFileSync(path.join(out, "trace.ndjson"), "utf8").trimEnd().split("\n")
    const traced = [...new Set(lines.map((line) => JSON.parse(line).replication as number))]
    expect(traced).toEqual(Array.from({ length: kept }, (_, r) => r))
    expect(hidden(out)).toEqual([])
  })

  it("a failing threshold exits 1 and names it", async () => {
    const out = tempDir()
    const outcome = await ccsim(["run", fixture("failing-threshold.yaml"), "--workers", "1", "--out", out])
    expect(outcome.code, outcome.stderr).toBe(1)
    expect(outcome.stdout).toMatch(/✗ total\s+service-level >= 0\.99\s+0\.\d{3}/)
    expect(outcome.stdout).toMatch(/! total\s+asa <= 1\s+.*\(not strict: a warning\)/)
    expect(outcome.stderr).toBe("ccsim: 1 of 3 expectations failed\n")
    // The results are still written, for the report of what failed.
    expect(fs.existsSync(path.join(out, "results.json"))).toBe(true)
  })

  it("Ctrl-C stops the run: exit 130, no half-written or temporary file", async () => {
    const out = tempDir()
    const { child, done } = startCcsim(
      ["run", "scenarios/default.yaml", "--replications", "400", "--workers", "2", "--trace", "--out", out],
      { env: { CCSIM_PARALLEL_THRESHOLD_MS: "0" } }
    )
    // Wait until trace parts are being written, so the interrupt lands mid-run.
    while (hidden(out).length === 0 && child.exitCode === null) await new Promise((r) => setTimeout(r, 50))
    child.kill("SIGINT")
    const outcome = await done
    expect(outcome.code, outcome.stderr).toBe(130)
    expect(outcome.stderr).toContain("interrupted")
    expect(fs.readdirSync(out)).toEqual([])
  })
})

/**
 * Starts `ccsim run` with the phase markers on (`CCSIM_TEST_PHASE_MARKER`, a test hook), and once it says it
 * entered `phase` (and `ready(out)` holds, when given) sends `signal`. Resolves with how it ended and what is
 * left in its output folder.
 */
const interruptIn = async (
  phase: "simulate" | "draw" | "write",
  signal: NodeJS.Signals,
  args: ReadonlyArray<string>,
  options: { readonly env?: Record<string, string>; readonly ready?: (out: string) => boolean } = {}
) => {
  const out = tempDir()
  const { child, done } = startCcsim(["run", ...args, "--quiet", "--out", out], {
    env: { CCSIM_TEST_PHASE_MARKER: "1", ...options.env }
  })
  let stderr = ""
  const entered = new Promise<void>((resolve) => {
    child.stderr?.on("data", (chunk: string) => {
      stderr += chunk
      if (stderr.includes(`ccsim: phase ${phase}\n`)) resolve()
    })
    child.on("close", () => resolve())
  })
  await entered
  while (options.ready !== undefined && !options.ready(out) && child.exitCode === null) {
    await new Promise((r) => setTimeout(r, 5))
  }
  child.kill(signal)
  const outcome = await done
  return { outcome, left: fs.readdirSync(out) }
}

describe("interrupts in every phase: exit 130, nothing left in the output folder", () => {
  it("simulating one long replication in this thread (-r 1, SIGINT)", async () => {
    const { outcome, left } = await interruptIn("simulate", "SIGINT", [fixture("long-day.yaml"), "--workers", "1"])
    expect(outcome.code, outcome.stderr).toBe(130)
    expect(outcome.stderr).toContain("interrupted")
    expect(outcome.stderr).not.toContain("phase draw")
    expect(left).toEqual([])
  })

  it("simulating on worker threads, tracing (SIGTERM)", async () => {
    const { outcome, left } = await interruptIn(
      "simulate",
      "SIGTERM",
      [fixture("long-day.yaml"), "--replications", "4", "--workers", "2", "--trace"],
      { env: { CCSIM_PARALLEL_THRESHOLD_MS: "0" }, ready: (out) => hidden(out).length > 0 }
    )
    expect(outcome.code, outcome.stderr).toBe(130)
    expect(outcome.stderr).not.toContain("phase draw")
    expect(left).toEqual([])
  })

  it("drawing report.html (SIGINT)", async () => {
    const { outcome, left } = await interruptIn("draw", "SIGINT", [fixture("long-day.yaml"), "--workers", "1"])
    expect(outcome.code, outcome.stderr).toBe(130)
    expect(outcome.stderr).not.toContain("phase write")
    expect(left).toEqual([])
  })

  it("writing the files, with the trace's temporary file on disk (SIGTERM)", async () => {
    const { outcome, left } = await interruptIn(
      "write",
      "SIGTERM",
      [fixture("traced-day.yaml"), "--workers", "1", "--trace"],
      { ready: (out) => fs.readdirSync(out).some((name) => name.endsWith(".tmp")) }
    )
    expect(outcome.code, outcome.stderr).toBe(130)
    expect(left).toEqual([])
  })
})

describe.concurrent("test", () => {
  it("a failing threshold exits 1, names it, and JUnit has one testcase per expectation", async () => {
    const dir = tempDir()
    const junit = path.join(dir, "reports", "junit.xml")
    const outcome = await ccsim(["test", fixture("failing-threshold.yaml"), fixture("passing.yaml"), "--junit", junit])
    expect(outcome.code, outcome.stderr).toBe(1)
    expect(outcome.stdout.indexOf("THRESHOLDS")).toBe(0)
    expect(outcome.stdout.indexOf("TOTAL RESULTS")).toBeGreaterThan(outcome.stdout.indexOf("service-level >= 0.99"))
    expect(outcome.stdout).toMatch(/✗ total\s+service-level >= 0\.99/)
    expect(outcome.stdout).toMatch(/expectations\s+5 passed, 1 failed, 1 warnings \(7\)/)
    const root = parseXml(fs.readFileSync(junit, "utf8"))
    expect(root.name).toBe("testsuites")
    expect(root.attributes).toMatchObject({ tests: "7", failures: "1", errors: "0" })
    const [failing, passing] = root.children
    const props = Object.fromEntries(
      failing!.children
        .find((c) => c.name === "properties")!
        .children.map((p) => [p.attributes.name, p.attributes.value])
    )
    expect(props).toMatchObject({ scenario: "failing-threshold", seed: "3", replications: "3" })
    const cases = failing!.children.filter((c) => c.name === "testcase")
    expect(cases.map((c) => c.attributes.name)).toEqual([
      "total service-level >= 0.99",
      "total asa <= 1",
      "total offered > 0",
      "rules no violations of R3–R15"
    ])
    const failure = cases[0]!.children.find((c) => c.name === "failure")!
    expect(failure.attributes.message).toMatch(/^observed 0\.\d{3} \[/)
    expect(cases.slice(1).every((c) => c.children.every((d) => d.name === "system-out"))).toBe(true)
    expect(passing!.children.filter((c) => c.name === "testcase")).toHaveLength(3)
  })

  it("--shard k/n deals the sorted files round-robin: every file in exactly one shard", async () => {
    const folder = "scenarios/rules"
    const all = fs
      .readdirSync(folder)
      .filter((f) => /\.(ya?ml|json)$/.test(f))
      .map((f) => `${folder}/${f}`)
      .sort()
    const ran = (stdout: string) => all.filter((file) => stdout.includes(` ${file} `))
    const [first, second] = await Promise.all([
      ccsim(["test", folder, "--shard", "1/2", "--workers", "1"]),
      ccsim(["test", folder, "--shard", "2/2", "--workers", "1"])
    ])
    expect(ran(first.stdout)).toEqual(all.filter((_, i) => i % 2 === 0))
    expect(ran(second.stdout)).toEqual(all.filter((_, i) => i % 2 === 1))
    expect(first.stdout).toContain(`shard 1/2: ${Math.ceil(all.length / 2)} files of ${all.length}`)
  })
})
