import { execFileSync } from "node:child_process"
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Result } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import {
  decodeScenarioText,
  formatScenarioError,
  loadScenarioFile,
  loadScenarioText,
  MAX_SCENARIO_BYTES,
  parseScenarioText
} from "../src/index.ts"
import { failure, run } from "./Helpers.ts"

const work = mkdtempSync(join(tmpdir(), "ccsim-scenario-"))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const MINIMAL = `name: ok
time: { open: "08:00", close: "12:00" }
workflows:
  - id: main
    trackingNumbers: ["555-0100"]
    steps: [{ to: queue, queue: support }]
queues:
  - id: support
agents:
  - id: ann
    queues: [{ queue: support }]
traffic:
  - type: queue
    trackingNumber: "555-0100"
    arrivals: { ratePerHour: 10 }
    handleTime: 3m
`

const write = (name: string, content: string | Uint8Array) => {
  const path = join(work, name)
  writeFileSync(path, content)
  return path
}

describe("loadScenarioFile: files that are not scenarios", () => {
  it("refuses binary data, naming the line of the first NUL byte", async () => {
    const path = write("binary.yaml", new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x00, 0x01, 0x02, 0xff]))
    const error = failure(await run(loadScenarioFile(path)))
    expect(error.format()).toBe(`${path}:2: expected a text file, found binary data (a NUL byte on line 2)`)
    expect(error.line).toBe(2)
  })

  it("refuses bytes that are not UTF-8", async () => {
    const path = write("latin1.yaml", new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9, 0x74, 0xe9, 0x0a]))
    const error = failure(await run(loadScenarioFile(path)))
    expect(error.format()).toBe(
      `${path}: expected UTF-8 text in ${path}, found bytes that are not UTF-8 (binary data or another encoding)`
    )
  })

  it("refuses a 10 MB file before reading it", async () => {
    const path = write("huge.yaml", `name: huge\n# ${"x".repeat(10 * 1024 * 1024)}\n`)
    const error = failure(await run(loadScenarioFile(path)))
    expect(error.format()).toBe(
      `${path}: file too large: 10.0 MB, the limit is 5.0 MB (put large volumes in an interval CSV)`
    )
    expect(error.expected).toBe("a file of at most 5.0 MB")
    expect(error.found).toBe("10.0 MB")
  })

  it("applies the same limit to text handed over directly", () => {
    const result = decodeScenarioText(`name: x\n#${"y".repeat(MAX_SCENARIO_BYTES)}`, { file: "big.yaml" })
    expect(Result.isFailure(result) && result.failure.message).toBe(
      "file too large: 5.0 MB, the limit is 5.0 MB (put large volumes in an interval CSV)"
    )
  })

  it("names an unknown extension", async () => {
    const path = write("scenario.txt", MINIMAL)
    const error = failure(await run(loadScenarioFile(path)))
    expect(error.format()).toBe(`${path}: expected a .yaml, .yml or .json file, found the extension .txt`)
    expect(error.found).toBe("the extension .txt")
  })

  it("suggests the extension that was probably meant", async () => {
    const path = write("scenario.yamll", MINIMAL)
    const error = failure(await run(loadScenarioFile(path)))
    expect(error.message).toBe("expected a .yaml, .yml or .json file, found the extension .yamll (did you mean .yaml?)")
  })

  it("names a file without extension", () => {
    const result = decodeScenarioText(MINIMAL, { file: "Scenariofile" })
    expect(Result.isFailure(result) && formatScenarioError(result.failure)).toBe(
      "Scenariofile: expected a .yaml, .yml or .json file, found no extension"
    )
  })

  it("names a missing file", async () => {
    const path = join(work, "missing.yaml")
    const error = failure(await run(loadScenarioFile(path)))
    expect(error.format()).toBe(`${path}: cannot read the file: no such file`)
  })

  it("names a folder given as a file", async () => {
    const path = join(work, "folder.yaml")
    mkdirSync(path, { recursive: true })
    const error = failure(await run(loadScenarioFile(path)))
    expect(error.format()).toBe(`${path}: not a scenario file: it is a folder, not a file`)
  })

  it("refuses NUL bytes in text handed over directly", () => {
    const result = decodeScenarioText("name: x\ntime:\u0000", { file: "nul.yaml" })
    expect(Result.isFailure(result) && formatScenarioError(result.failure)).toBe(
      "nul.yaml:2: expected a text file (YAML or JSON), found binary data (a NUL byte on line 2)"
    )
  })
})

describe("loadScenarioText", () => {
  it("loads a minimal scenario and fills defaults", async () => {
    const result = await run(loadScenarioText(MINIMAL, { file: "inline.yaml" }))
    expect(Result.isSuccess(result)).toBe(true)
    if (Result.isSuccess(result)) {
      expect(result.success.queues[0]!.ringTimeout).toBe(20_000)
      expect(result.success.traffic[0]!.handleTime).toEqual({ type: "constant", value: 180_000 })
    }
  })

  it("ignores a byte-order mark and counts lines with CRLF endings", () => {
    const text = `\uFEFF${MINIMAL.replace("ringTimeout", "x").replace("  - id: support\n", "  - id: support\n    ringTimout: 5s\n")}`
    const crlf = text.replace(/\n/g, "\r\n")
    const result = parseScenarioText(crlf, { file: "crlf.yaml" })
    expect(Result.isFailure(result) && result.failure.format()).toBe(
      "crlf.yaml:9:5: queues[0].ringTimout: unknown key ringTimout (did you mean ringTimeout?)"
    )
  })

  it("reads the same scenario from YAML and from JSON", () => {
    const yaml = parseScenarioText(MINIMAL, { file: "a.yaml" })
    const json = parseScenarioText(
      JSON.stringify({
        name: "ok",
        time: { open: "08:00", close: "12:00" },
        workflows: [{ id: "main", trackingNumbers: ["555-0100"], steps: [{ to: "queue", queue: "support" }] }],
        queues: [{ id: "support" }],
        agents: [{ id: "ann", queues: [{ queue: "support" }] }],
        traffic: [{ type: "queue", trackingNumber: "555-0100", arrivals: { ratePerHour: 10 }, handleTime: "3m" }]
      }),
      { file: "a.json" }
    )
    expect(Result.isSuccess(yaml) && Result.isSuccess(json)).toBe(true)
    if (Result.isSuccess(yaml) && Result.isSuccess(json)) expect(json.success).toEqual(yaml.success)
  })

  it("lists several problems one per line, the first problem in the file first", () => {
    const text = `name: x
time: { open: "08:00", close: "12:00" }
queues:
  - id: support
    ringTimeout: 20 sec
    maxWait: soon
    colour: red
`
    const result = parseScenarioText(text, { file: "many.yaml" })
    expect(Result.isFailure(result) && result.failure.format().split("\n")).toEqual([
      'many.yaml:5:18: queues[0].ringTimeout: expected a duration like 20s, 5m, 1h30m or a number of seconds, found "20 sec"',
      'many.yaml:6:14: queues[0].maxWait: expected a duration like 20s, 5m, 1h30m or a number of seconds, found "soon"',
      "many.yaml:7:5: queues[0].colour: unknown key colour: expected one of id, name, ringTimeout, wrapUp, strategy, maxWait, unavailableOnMiss, maxLength, overflow, priority, serviceLevel, tierWait, retryDelay or rolloverWhenNoAgents"
    ])
  })

  it("reports semantic problems only once the file decodes", () => {
    const text = MINIMAL.replace("queue: support }]\nqueues", "queue: nowhere }]\nqueues").replace(
      "ratePerHour: 10",
      "ratePerHour: ten"
    )
    const result = parseScenarioText(text, { file: "order.yaml" })
    expect(Result.isFailure(result) && result.failure.problems.map((p) => p.path)).toEqual([
      "traffic[0].arrivals.ratePerHour"
    ])
  })

  it("resolves CSV paths against the scenario's folder, or baseDir", async () => {
    const dir = join(work, "csv-case")
    mkdirSync(dir, { recursive: true })
    writeFileSync(
      join(dir, "volumes.csv"),
      "interval_start,queue,offered,aht_s\n08:00,support,10,200\n08:30,support,14,210\n"
    )
    const text = MINIMAL.replace("arrivals: { ratePerHour: 10 }", "arrivals: { csv: volumes.csv }")
    const fromFile = await run(loadScenarioText(text, { file: join(dir, "s.yaml") }))
    const fromBase = await run(loadScenarioText(text, { file: "s.yaml", baseDir: dir }))
    for (const result of [fromFile, fromBase]) {
      expect(Result.isSuccess(result)).toBe(true)
      if (Result.isSuccess(result)) {
        expect(result.success.traffic[0]!.arrivals).toEqual({
          csv: "volumes.csv",
          intervals: [
            { start: 8 * 3_600_000, offered: 10, ahtMs: 200_000 },
            { start: 8.5 * 3_600_000, offered: 14, ahtMs: 210_000 }
          ]
        })
      }
    }
  })

  it("parseScenarioText reads CSV text from the map it is given, and says when one is missing", () => {
    const text = MINIMAL.replace("arrivals: { ratePerHour: 10 }", "arrivals: { csv: v.csv }")
    const missing = parseScenarioText(text, { file: "dir/s.yaml" })
    expect(Result.isFailure(missing) && missing.failure.format()).toBe(
      "dir/s.yaml:15:22: traffic[0].arrivals.csv: cannot read dir/v.csv: it was not read"
    )
    const given = parseScenarioText(text, {
      file: "dir/s.yaml",
      csvTexts: new Map([["dir/v.csv", { text: "interval_start,offered\n08:00,3\n" }]])
    })
    expect(Result.isSuccess(given) && given.success.traffic[0]!.arrivals).toEqual({
      csv: "v.csv",
      intervals: [{ start: 8 * 3_600_000, offered: 3 }]
    })
  })

  it("picks the rows of time.date when the CSV covers several days", () => {
    const csv = "Interval Start UTC Date,Queue,Offered\n2026-03-02T08:00:00,support,5\n2026-03-03T08:00:00,support,9\n"
    const text = MINIMAL.replace("arrivals: { ratePerHour: 10 }", "arrivals: { csv: v.csv }")
    const csvTexts = new Map([["v.csv", { text: csv }]])
    const undated = parseScenarioText(text, { file: "s.yaml", csvTexts })
    expect(Result.isFailure(undated) && undated.failure.message).toBe(
      "expected rows of one date in v.csv, found 2026-03-02 and 2026-03-03: set time.date to choose one"
    )
    const dated = parseScenarioText(text.replace('close: "12:00"', 'close: "12:00", date: "2026-03-03"'), {
      file: "s.yaml",
      csvTexts
    })
    expect(Result.isSuccess(dated) && dated.success.traffic[0]!.arrivals).toEqual({
      csv: "v.csv",
      intervals: [{ start: 8 * 3_600_000, offered: 9 }]
    })
  })
})

describe("loadScenarioFile: hostile files (issue 16)", () => {
  it("refuses a device (/dev/zero behind a .yaml name) without reading it", async () => {
    const path = join(work, "zero.yaml")
    symlinkSync("/dev/zero", path)
    expect(failure(await run(loadScenarioFile(path))).format()).toBe(`${path}: expected a regular file, found a device`)
  })

  it("refuses a named pipe instead of blocking on it", async () => {
    const path = join(work, "pipe.yaml")
    execFileSync("mkfifo", [path])
    expect(failure(await run(loadScenarioFile(path))).format()).toBe(
      `${path}: expected a regular file, found a named pipe (FIFO)`
    )
  })

  it("enforces the size limit while reading, not from the size the file system reports", async () => {
    // Files under /proc report a size of 0 yet hold text.
    const path = join(work, "proc.yaml")
    symlinkSync("/proc/self/maps", path)
    expect(failure(await run(loadScenarioFile(path, { maxBytes: 64 }))).format()).toBe(
      `${path}: file too large: more than 0.1 KB, the limit is 0.1 KB (put large volumes in an interval CSV)`
    )
  })

  it("names UTF-16 text", async () => {
    const path = write("utf16.yaml", new Uint8Array([0xff, 0xfe, 0x6e, 0x00, 0x61, 0x00]))
    expect(failure(await run(loadScenarioFile(path))).format()).toBe(
      `${path}:1: expected UTF-8 text in ${path}, found UTF-16 (save the file as UTF-8)`
    )
  })

  it("reads a CSV only from inside the scenario's folder and never a device", async () => {
    const dir = join(work, "csv-hostile")
    mkdirSync(dir, { recursive: true })
    symlinkSync("/dev/zero", join(dir, "zero.csv"))
    const load = (csv: string) =>
      run(
        loadScenarioText(MINIMAL.replace("arrivals: { ratePerHour: 10 }", `arrivals: { csv: "${csv}" }`), {
          file: join(dir, "s.yaml")
        })
      )
    const message = async (csv: string) => failure(await load(csv)).problems.map((p) => p.message)
    expect(await message("/etc/passwd")).toEqual([
      'expected a CSV path relative to the scenario\'s folder, inside it, found an absolute path, "/etc/passwd": a scenario reads only files in its folder or below'
    ])
    expect(await message("sub/../../../etc/passwd")).toEqual([
      "expected a CSV path relative to the scenario's folder, inside it, found a path that climbs out of the scenario's folder, \"sub/../../../etc/passwd\": a scenario reads only files in its folder or below"
    ])
    expect(await message("zero.csv")).toEqual([
      `cannot read ${join(dir, "zero.csv")}: expected a regular file, found a device`
    ])
  })

  it("echoes only a short, escaped excerpt of a file that is not a CSV", () => {
    const text = MINIMAL.replace("arrivals: { ratePerHour: 10 }", "arrivals: { csv: secrets.csv }")
    const csvTexts = new Map([["secrets.csv", { text: "root:x:0:0:root:/root:/bin/bash\u001b[2J\nmore\n" }]])
    const error = failure(parseScenarioText(text, { file: "s.yaml", csvTexts }))
    expect(error.format()).toBe(
      'secrets.csv:1: missing column interval_start (or Interval Start UTC Date) and offered (or Offered): expected a header like interval_start,queue,offered,aht_s or Interval Start UTC Date,Queue,Offered,Total Handle Time, found a first line that is not a CSV header ("root:x:0:0:roo…)'
    )
  })

  it("reads old Mac line ends (CR alone) as line ends", () => {
    const result = decodeScenarioText(MINIMAL.replaceAll("\n", "\r"), { file: "s.yaml" })
    expect(Result.isSuccess(result)).toBe(true)
  })

  it("refuses a file of more than 100,000 lines at once, without parsing it", () => {
    const text = "#\n".repeat(2_400_000)
    expect(failure(decodeScenarioText(text, { file: "s.yaml" })).format()).toBe(
      "s.yaml: expected a scenario of at most 100,000 lines, found 2,400,001 (scenarios are small; volumes belong in an interval CSV)"
    )
  })

  it("refuses nesting deeper than 64 levels with one line, in JSON and YAML", () => {
    const json = decodeScenarioText(`${"[".repeat(10_000)}${"]".repeat(10_000)}`, { file: "s.json" })
    expect(failure(json).format()).toBe(
      "s.json:1:65: expected JSON nested at most 64 levels deep, found deeper nesting (a scenario nests about 8 levels)"
    )
    const block = Array.from({ length: 2000 }, (_, i) => `${" ".repeat(i)}a:`).join("\n")
    expect(failure(decodeScenarioText(block, { file: "s.yaml" })).format()).toBe(
      "s.yaml:65:65: expected YAML nested at most 64 levels deep, found deeper nesting (a scenario nests about 8 levels)"
    )
  })

  it("refuses alias bombs and aliases that multiply a large list", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${prev}`).join(", ")}]`
      )
    }
    expect(failure(decodeScenarioText(levels.join("\n"), { file: "s.yaml" })).format()).toBe(
      "s.yaml:1:1: invalid YAML: more than 1000 aliases to expand (an alias bomb?)"
    )
    const wide = `x: &a [${"1, ".repeat(20_000)}1]\ny: [${"*a, ".repeat(200)}*a]\n`
    expect(failure(decodeScenarioText(wide, { file: "s.yaml" })).format()).toBe(
      "s.yaml:1:1: expected at most 3,000,000 values once aliases are expanded, found more (aliases of large lists multiply them)"
    )
  })
})
