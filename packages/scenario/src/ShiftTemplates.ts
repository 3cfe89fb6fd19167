/**
 * Shift templates for staffing (`ccsim staff --shifts FILE`): the shifts a planner may put agents on, with their
 * breaks, cost and count limits. YAML or JSON (`templates:` list), or CSV (one template per row). Decoded to
 * milliseconds; breaks given as an offset from the shift start are turned into clock times.
 */
import * as NodePath from "node:path"
import { Effect, type FileSystem, Result, Schema, Stream } from "effect"
import { Csv } from "effect/encoding"
import { Count, Id, NonNegative, withDefault } from "./Common.ts"
import {
  ClockTime,
  formatClockTime as clockWithSeconds,
  Duration,
  parseClockTime,
  parseDurationText
} from "./Duration.ts"
import { formatOfFile, locateProblems, readTextFile } from "./Load.ts"
import { type DocumentPath, describeFound, formatPath, issue, type ScenarioIssue } from "./Problem.ts"
import { fileError, type ScenarioError, scenarioError } from "./ScenarioError.ts"
import { problemsFromSchemaIssue } from "./SchemaIssues.ts"
import { parseSource } from "./SourceDocument.ts"

const paid = Schema.Boolean.pipe(withDefault(true)).annotateKey({
  description: "Paid break (counts in the default cost); unpaid breaks are taken off the paid hours."
})

/** A break: at a clock time (`start`) or an offset from the shift start (`after`), for `duration`. */
export const ShiftTemplateBreak = Schema.Union([
  Schema.Struct({ start: ClockTime, duration: Duration, paid }),
  Schema.Struct({ after: Duration, duration: Duration, paid })
])
export type ShiftTemplateBreak = typeof ShiftTemplateBreak.Type

/** One template as written. */
export const ShiftTemplateEntry = Schema.Struct({
  id: Id,
  start: ClockTime.annotateKey({ description: "Sign-in time." }),
  length: Duration.annotateKey({ description: "Time from sign-in to sign-out, breaks included." }),
  breaks: Schema.Array(ShiftTemplateBreak).pipe(withDefault([])),
  cost: Schema.optionalKey(NonNegative).annotateKey({
    description: "Cost of one agent on this shift; the paid hours (length minus unpaid breaks) when omitted."
  }),
  min: Count.pipe(withDefault(0)).annotateKey({ description: "Fewest agents on this shift." }),
  max: Schema.optionalKey(Count).annotateKey({ description: "Most agents on this shift; unlimited when omitted." }),
  group: Schema.optionalKey(Id).annotateKey({
    description: "The agent group (or queue set) this shift staffs, for per-group requirements."
  })
})

/** A shift templates file. */
export const ShiftTemplatesDocument = Schema.Struct({
  description: Schema.optionalKey(Schema.String),
  templates: Schema.Array(ShiftTemplateEntry)
})

/** A break of a decoded template; `start` in milliseconds after midnight. */
export interface ShiftBreak {
  readonly start: number
  readonly duration: number
  readonly paid: boolean
}

/** A decoded template: times in milliseconds (`start` after midnight), the cost resolved. */
export interface ShiftTemplate {
  readonly id: string
  readonly start: number
  readonly length: number
  /** In time order. */
  readonly breaks: ReadonlyArray<ShiftBreak>
  readonly cost: number
  readonly min: number
  readonly max?: number
  readonly group?: string
}

const DAY = 24 * 3_600_000
/** `12:30`, or `12:30:15` when not on a minute. */
const formatClockTime = (ms: number) => clockWithSeconds(ms).replace(/:00$/, "")
const HOUR = 3_600_000

type Entry = typeof ShiftTemplateEntry.Type

/** Resolves offsets and default costs, and checks what types cannot: ids, breaks inside the shift, min ≤ max. */
const normalise = (entries: ReadonlyArray<Entry>): Result.Result<Array<ShiftTemplate>, Array<ScenarioIssue>> => {
  const issues: Array<ScenarioIssue> = []
  const seen = new Map<string, number>()
  const templates = entries.map((entry, t): ShiftTemplate => {
    const at: DocumentPath = ["templates", t]
    const first = seen.get(entry.id)
    if (first !== undefined) {
      issues.push({
        path: [...at, "id"],
        expected: "a template id used once",
        found: `${JSON.stringify(entry.id)} again`,
        message: `duplicate template id ${entry.id}: it is already used by templates[${first}]`
      })
    } else seen.set(entry.id, t)
    const end = entry.start + entry.length
    if (entry.length === 0) issues.push(issue([...at, "length"], "a shift length greater than 0", "0s"))
    else if (end > DAY) {
      issues.push(
        issue([...at, "length"], "a shift that ends by 24:00", `a shift ending at ${formatClockTime(end)} (next day)`)
      )
    }
    if (entry.max !== undefined && entry.max < entry.min) {
      issues.push(issue([...at, "max"], `a max of at least min (${entry.min})`, String(entry.max)))
    }
    const breaks = entry.breaks
      .map((b, k) => ({ k, start: "after" in b ? entry.start + b.after : b.start, duration: b.duration, paid: b.paid }))
      .sort((a, b) => a.start - b.start || a.k - b.k)
    let previous: { readonly k: number; readonly end: number } | undefined
    for (const b of breaks) {
      const path = [...at, "breaks", b.k]
      const span = `${formatClockTime(b.start)}–${formatClockTime(b.start + b.duration)}`
      if (b.duration === 0) issues.push(issue([...path, "duration"], "a break duration greater than 0", "0s"))
      else if (b.start < entry.start || b.start + b.duration > end) {
        const shift = `${formatClockTime(entry.start)}–${formatClockTime(end)}`
        issues.push(issue(path, `a break inside the shift ${shift}`, `a break ${span}`))
      } else if (previous !== undefined && b.start < previous.end) {
        issues.push(issue(path, `a break after the one of breaks[${previous.k}]`, `a break ${span} overlapping it`))
      }
      previous = { k: b.k, end: Math.max(previous?.end ?? 0, b.start + b.duration) }
    }
    const unpaid = breaks.reduce((sum, b) => sum + (b.paid ? 0 : b.duration), 0)
    return {
      id: entry.id,
      start: entry.start,
      length: entry.length,
      breaks: breaks.map(({ start, duration, paid }) => ({ start, duration, paid })),
      cost: entry.cost ?? Math.max(0, entry.length - unpaid) / HOUR,
      min: entry.min,
      ...(entry.max === undefined ? {} : { max: entry.max }),
      ...(entry.group === undefined ? {} : { group: entry.group })
    }
  })
  return issues.length > 0 ? Result.fail(issues) : Result.succeed(templates)
}

/** Decodes the document value and normalises it; problems come back as document paths. */
const decodeValue = (value: unknown): Result.Result<Array<ShiftTemplate>, Array<ScenarioIssue>> => {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    const found = describeFound(value)
    return Result.fail([{ ...issue([], "a mapping with a templates list", found), message: EXPECTED_FILE(found) }])
  }
  const decoded = Schema.decodeUnknownResult(ShiftTemplatesDocument)(value, {
    errors: "all",
    onExcessProperty: "error"
  })
  if (Result.isFailure(decoded)) return Result.fail(problemsFromSchemaIssue(decoded.failure.issue, value))
  // Checked here rather than by a non-empty schema, whose issue reads as a missing key `0`.
  if (decoded.success.templates.length === 0) {
    return Result.fail([issue(["templates"], "at least one template", "an empty list")])
  }
  return normalise(decoded.success.templates)
}

const EXPECTED_FILE = (found: string) => `expected shift templates, a mapping with a templates list, found ${found}`

/** Options for shift template text. */
export interface ShiftTemplatesTextOptions {
  /** Shown in messages; its extension (`.yaml`, `.yml`, `.json` or `.csv`) picks the format. */
  readonly file: string
}

/** Parses shift templates from YAML, JSON or CSV text (pure). */
export const parseShiftTemplatesText = (
  text: string,
  options: ShiftTemplatesTextOptions
): Result.Result<ReadonlyArray<ShiftTemplate>, ScenarioError> => {
  const { file } = options
  const clean = text.replace(/^\uFEFF/, "")
  if (NodePath.extname(file).toLowerCase() === ".csv") return parseCsv(clean, file)
  const format = formatOfFile(file)
  if (Result.isFailure(format)) {
    const found = format.failure.found
    return Result.fail(
      fileError(
        file,
        "a .yaml, .yml, .json or .csv file",
        found,
        `expected a .yaml, .yml, .json or .csv file, found ${found}`
      )
    )
  }
  const parsed = parseSource(clean, format.success, file)
  if (Result.isFailure(parsed)) {
    // The parser words an empty document for scenarios; say what this file should hold instead.
    return Result.fail(
      scenarioError(
        parsed.failure.map((p) =>
          p.expected.startsWith("a scenario")
            ? { ...p, expected: "shift templates", message: EXPECTED_FILE(p.found) }
            : p
        )
      )
    )
  }
  const decoded = decodeValue(parsed.success.value)
  return Result.isFailure(decoded)
    ? Result.fail(scenarioError(locateProblems(file, parsed.success, decoded.failure)))
    : Result.succeed(decoded.success)
}

// CSV: `id,start,length,breaks,cost,min,max,group`, breaks as `10:00 15m; +4h 30m unpaid` (a clock time or +offset
// from the shift start, a duration, optionally paid/unpaid).

const CSV_COLUMNS = ["id", "start", "length", "breaks", "cost", "min", "max", "group"]
const NUMERIC = new Set(["cost", "min", "max"])

const parseCsv = (text: string, file: string): Result.Result<ReadonlyArray<ShiftTemplate>, ScenarioError> => {
  const parsed = Effect.runSync(
    Stream.make(text).pipe(Stream.pipeThroughChannel(Csv.decodeString()), Stream.runCollect, Effect.result)
  )
  if (Result.isFailure(parsed)) {
    const e = parsed.failure
    return Result.fail(fileError(file, "valid CSV", "a malformed record", `invalid CSV: ${e.message}`))
  }
  const [header, ...records] = parsed.success
  const names = (header ?? []).map((h) => h.trim().toLowerCase())
  const missing = ["id", "start", "length"].filter((c) => !names.includes(c))
  const unknown = names.filter((n) => !CSV_COLUMNS.includes(n))
  if (missing.length > 0 || unknown.length > 0) {
    const found = names.length === 0 || names.every((n) => n === "") ? "no header" : `the columns ${names.join(", ")}`
    const expected = `a header of ${CSV_COLUMNS.join(",")} (id, start and length required)`
    return Result.fail(
      scenarioError([{ file, line: 1, path: "", expected, found, message: `expected ${expected}, found ${found}` }])
    )
  }
  // Physical line of each record: quoted cells may hold line breaks.
  const lines: Array<number> = []
  let line = 2
  for (const record of records) {
    lines.push(line)
    line += 1 + record.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g) ?? []).length, 0)
  }
  const rows = records.flatMap((record, r) =>
    record.every((c) => c.trim() === "") ? [] : [{ record, line: lines[r]! }]
  )
  const issues: Array<ScenarioIssue> = []
  const templates = rows.map(({ record }, t) => {
    const entry: Record<string, unknown> = {}
    names.forEach((name, c) => {
      const cell = record[c]?.trim() ?? ""
      if (cell === "") return
      if (name === "breaks")
        entry.breaks = cell.split(";").flatMap((item, k) => breakOfCell(item, ["templates", t, "breaks", k], issues))
      else entry[name] = NUMERIC.has(name) && /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell
    })
    return entry
  })
  const decoded = issues.length > 0 ? Result.fail(issues) : decodeValue({ templates })
  if (Result.isSuccess(decoded)) return Result.succeed(decoded.success)
  // templates[i].x → the row's line, with the path from the column on.
  return Result.fail(
    scenarioError(
      decoded.failure.map((found) => {
        const [, row, ...rest] = found.path
        const at = typeof row === "number" ? rows[row]?.line : undefined
        return {
          file,
          ...(at === undefined ? {} : { line: at }),
          path: formatPath(rest),
          expected: found.expected,
          found: found.found,
          message: typeof row === "number" ? found.message : "expected at least one template row, found none"
        }
      })
    )
  )
}

/** One break of a CSV `breaks` cell: `10:00 15m`, `+2h 15m`, `12:00 30m unpaid`. */
const breakOfCell = (item: string, path: DocumentPath, issues: Array<ScenarioIssue>): Array<unknown> => {
  const words = item.trim().split(/\s+/)
  if (words.length === 1 && words[0] === "") return []
  const [when = "", duration = "", flag, ...extra] = words
  const offset = when.startsWith("+") ? parseDurationText(when.slice(1)) : undefined
  const ok =
    (offset !== undefined || parseClockTime(when) !== undefined) &&
    parseDurationText(duration) !== undefined &&
    (flag === undefined || flag === "paid" || flag === "unpaid") &&
    extra.length === 0
  if (!ok) {
    issues.push(issue(path, 'a break like "10:00 15m", "+2h 15m" or "12:00 30m unpaid"', JSON.stringify(item.trim())))
    return []
  }
  return [
    {
      ...(when.startsWith("+") ? { after: when.slice(1) } : { start: when }),
      duration,
      ...(flag === undefined ? {} : { paid: flag === "paid" })
    }
  ]
}

const MAX_BYTES = 5 * 1024 * 1024

/** Loads a shift templates file (`.yaml`, `.yml`, `.json` or `.csv`). */
export const loadShiftTemplatesFile = (
  path: string
): Effect.Effect<ReadonlyArray<ShiftTemplate>, ScenarioError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    // The scenario loader's reader: regular files only (a FIFO or a device would block), the limit enforced while
    // reading, UTF-8 or a clear refusal.
    const read = yield* readTextFile(path, MAX_BYTES, path)
    if ("error" in read) {
      const message = read.error.startsWith("expected") ? read.error : `cannot read the file: ${read.error}`
      return yield* Effect.fail(fileError(path, "a readable shift templates file", read.error, message))
    }
    const parsed = parseShiftTemplatesText(read.text, { file: path })
    return Result.isFailure(parsed) ? yield* Effect.fail(parsed.failure) : parsed.success
  })
