import { execFileSync } from "node:child_process"
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { formatScenarioError } from "../src/ScenarioError.ts"
import { loadShiftTemplatesFile, parseShiftTemplatesText, type ShiftTemplate } from "../src/ShiftTemplates.ts"
import { failure, repoRoot, run } from "./Helpers.ts"

const MINUTE = 60_000
const at = (hours: number, minutes = 0) => (hours * 60 + minutes) * MINUTE
const fixture = fileURLToPath(new URL("./fixtures/shifts/default-shifts.yaml", import.meta.url))
const example = join(repoRoot, "scenarios/shifts/default-shifts.csv")

const parse = (text: string, file = "shifts.yaml") => parseShiftTemplatesText(text, { file })
const templates = (text: string, file = "shifts.yaml"): ReadonlyArray<ShiftTemplate> => {
  const result = parse(text, file)
  if (Result.isFailure(result)) throw new Error(formatScenarioError(result.failure))
  return result.success
}
/** The first line of the error. */
const error = (text: string, file = "shifts.yaml"): string =>
  formatScenarioError(failure(parse(text, file))).split("\n")[0]!

/** 08:00 for 8h30m with a paid break at 10:00 and an unpaid lunch at 12:00: 8 paid hours. */
const early = {
  id: "early",
  start: at(8),
  length: at(8, 30),
  breaks: [
    { start: at(10), duration: 15 * MINUTE, paid: true },
    { start: at(12), duration: 30 * MINUTE, paid: false }
  ],
  cost: 8
}

describe("shift templates, YAML and JSON", () => {
  it("decodes clock-time and offset breaks, and costs the paid hours by default", () => {
    const [t] = templates(`
templates:
  - id: early
    start: "08:00"
    length: 8h30m
    breaks:
      - { start: "10:00", duration: 15m }
      - { after: 4h, duration: 30m, paid: false }
`)
    expect(t).toEqual({ ...early, min: 0 })
  })

  it("keeps an explicit cost, the counts and the group; sorts breaks by time", () => {
    const [t] = templates(
      JSON.stringify({
        templates: [
          {
            id: "peak",
            start: "10:00",
            length: "4h",
            breaks: [
              { start: "13:00", duration: "15m" },
              { after: "1h", duration: "15m" }
            ],
            cost: 6.5,
            min: 1,
            max: 3,
            group: "csr"
          }
        ]
      }),
      "shifts.json"
    )
    expect(t).toMatchObject({ cost: 6.5, min: 1, max: 3, group: "csr" })
    expect(t!.breaks.map((b) => b.start)).toEqual([at(11), at(13)])
  })

  it("reports type errors in the package's one-line style", () => {
    expect(error(`templates:\n  - id: a\n    start: "8am"\n    length: 8h\n`)).toBe(
      'shifts.yaml:3:12: templates[0].start: expected a clock time like 08:00 or 17:30:15, found "8am"'
    )
    expect(formatScenarioError(failure(parse(`templates:\n  - id: a\n    start: "08:00"\n    lenght: 8h\n`)))).toBe(
      "shifts.yaml:2:5: templates[0].length: missing required key length\nshifts.yaml:4:5: templates[0].lenght: unknown key lenght (did you mean length?)"
    )
    expect(error(`templates:\n  - id: a\n    start: "08:00"\n    length: 8h\n    max: -1\n`)).toBe(
      "shifts.yaml:5:10: templates[0].max: expected a whole number of 0 or more, found -1"
    )
    expect(error(`templates:\n  - id: a\n    start: "08:00"\n    length: 8h\n    breaks: [{ duration: 15m }]\n`)).toBe(
      "shifts.yaml:5:14: templates[0].breaks[0]: expected exactly one of start or after, found a mapping with key duration"
    )
  })

  it("checks breaks, ids, lengths and counts after decoding", () => {
    const shift = (extra: string) => `templates:\n  - id: a\n    start: "08:00"\n    length: 4h\n${extra}`
    expect(error(shift(`    breaks: [{ start: "11:50", duration: 15m }]\n`))).toBe(
      "shifts.yaml:5:14: templates[0].breaks[0]: expected a break inside the shift 08:00–12:00, found a break 11:50–12:05"
    )
    expect(
      error(shift(`    breaks:\n      - { after: 1h, duration: 30m }\n      - { start: "09:15", duration: 15m }\n`))
    ).toBe(
      "shifts.yaml:7:9: templates[0].breaks[1]: expected a break after the one of breaks[0], found a break 09:15–09:30 overlapping it"
    )
    expect(error(shift("    min: 3\n    max: 2\n"))).toBe(
      "shifts.yaml:6:10: templates[0].max: expected a max of at least min (3), found 2"
    )
    expect(error(`templates:\n  - { id: a, start: "20:00", length: 6h }\n`)).toBe(
      "shifts.yaml:2:38: templates[0].length: expected a shift that ends by 24:00, found a shift ending at 26:00 (next day)"
    )
    expect(error(`${shift("")}  - { id: a, start: "09:00", length: 1h }\n`)).toBe(
      "shifts.yaml:5:11: templates[1].id: duplicate template id a: it is already used by templates[0]"
    )
  })

  it("says what the file should hold when it is empty or not a mapping", () => {
    expect(error("")).toBe(
      "shifts.yaml:1:1: expected shift templates, a mapping with a templates list, found an empty file"
    )
    expect(error("- a\n")).toBe(
      'shifts.yaml:1:1: expected shift templates, a mapping with a templates list, found a list (["a"])'
    )
    expect(error("templates: []\n")).toBe(
      "shifts.yaml:1:12: templates: expected at least one template, found an empty list"
    )
    expect(error("# only a comment\n")).toBe(
      "shifts.yaml:1:1: expected shift templates, a mapping with a templates list, found no content (only comments)"
    )
    expect(error("x", "shifts.txt")).toBe(
      "shifts.txt: expected a .yaml, .yml, .json or .csv file, found the extension .txt"
    )
  })
})

describe("shift templates, CSV", () => {
  const header = "id,start,length,breaks,cost,min,max,group\n"

  it("reads one template per row, breaks as `time duration [unpaid]` separated by semicolons", () => {
    const [t] = templates(`${header}early,08:00,8h30m,10:00 15m; +4h 30m unpaid,,1,,csr\n`, "shifts.csv")
    expect(t).toEqual({ ...early, min: 1, group: "csr" })
  })

  it("names the line and the column of a bad cell", () => {
    expect(error(`${header}a,08:00,8h,,,,,\nb,08:00,8 hours,,,,,\n`, "shifts.csv")).toBe(
      'shifts.csv:3: length: expected a duration like 20s, 5m, 1h30m or a number of seconds, found "8 hours"'
    )
    expect(error(`${header}a,08:00,8h,10:00 for 15m,,,,\n`, "shifts.csv")).toBe(
      'shifts.csv:2: breaks[0]: expected a break like "10:00 15m", "+2h 15m" or "12:00 30m unpaid", found "10:00 for 15m"'
    )
    expect(error(`${header}a,08:00,8h,,cheap,,,\n`, "shifts.csv")).toBe(
      'shifts.csv:2: cost: expected a number, found "cheap"'
    )
    expect(error("id,begin,length\n", "shifts.csv")).toBe(
      "shifts.csv:1: expected a header of id,start,length,breaks,cost,min,max,group (id, start and length required), found the columns id, begin, length"
    )
    expect(error(header, "shifts.csv")).toBe("shifts.csv: expected at least one template row, found none")
  })
})

describe("the example shift file", () => {
  it("loads from disk, matches its YAML twin, and fits the default day (08:00–18:00)", async () => {
    const loaded = await run(loadShiftTemplatesFile(example))
    if (Result.isFailure(loaded)) throw new Error(formatScenarioError(loaded.failure))
    const csv = loaded.success
    expect(csv).toEqual(templates(readFileSync(fixture, "utf8")))
    expect(csv.map((t) => t.id)).toEqual([
      "csr-early",
      "csr-mid",
      "csr-late",
      "csr-morning",
      "csr-peak",
      "csr-afternoon",
      "billing-day",
      "billing-morning"
    ])
    for (const t of csv) {
      expect(t.start).toBeGreaterThanOrEqual(at(8))
      expect(t.start + t.length).toBeLessThanOrEqual(at(18))
      // Breaks on the 15-minute grid, so they cover whole halves of the 30-minute intervals.
      for (const b of t.breaks) expect(b.start % (15 * MINUTE)).toBe(0)
    }
    expect(csv.find((t) => t.id === "csr-early")!.cost).toBe(8)
    expect(csv.find((t) => t.id === "csr-peak")!.cost).toBe(6)
  })

  it("a missing file is one line naming it", async () => {
    const result = await run(loadShiftTemplatesFile("nowhere/shifts.yaml"))
    expect(formatScenarioError(failure(result))).toBe("nowhere/shifts.yaml: cannot read the file: no such file")
  })

  it("reads like the scenario loader: no pipe, device, UTF-16 or binary file gets through", async () => {
    const work = mkdtempSync(join(tmpdir(), "ccsim-shifts-"))
    const pipe = join(work, "pipe.yaml")
    execFileSync("mkfifo", [pipe])
    expect(formatScenarioError(failure(await run(loadShiftTemplatesFile(pipe))))).toBe(
      `${pipe}: expected a regular file, found a named pipe (FIFO)`
    )
    const device = join(work, "zero.csv")
    symlinkSync("/dev/zero", device)
    expect(formatScenarioError(failure(await run(loadShiftTemplatesFile(device))))).toBe(
      `${device}: expected a regular file, found a device`
    )
    const utf16 = join(work, "utf16.yaml")
    writeFileSync(utf16, Buffer.from("\ufeffshifts: []", "utf16le"))
    expect(formatScenarioError(failure(await run(loadShiftTemplatesFile(utf16))))).toBe(
      `${utf16}: expected UTF-8 text in ${utf16}, found UTF-16 (save the file as UTF-8)`
    )
    const binary = join(work, "nul.csv")
    writeFileSync(binary, "id,start\nearly,08\u000000\n")
    expect(formatScenarioError(failure(await run(loadShiftTemplatesFile(binary))))).toBe(
      `${binary}: expected a text file, found binary data (a NUL byte on line 2)`
    )
  })
})
