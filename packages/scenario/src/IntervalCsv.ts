/**
 * Interval forecasts from CSV: the simple `interval_start,queue,offered,aht_s[,acw_s]` layout and Genesys-style
 * historical exports (`Interval Start UTC Date,Queue,Media Type,…,Offered,Interactions Handled,Total Handle Time`).
 * Columns are found by their header names; other columns are ignored.
 */
import { Effect, Result, Stream } from "effect"
import { Csv } from "effect/encoding"
import { parseClockTime } from "./Duration.ts"
import { truncate } from "./Problem.ts"
import { type ScenarioError, type ScenarioProblem, scenarioError } from "./ScenarioError.ts"
import { listOf } from "./Suggest.ts"
import type { IntervalVolume } from "./Traffic.ts"

/** One row of an interval CSV. */
export interface IntervalRow {
  /** Line of the row in the file (1 is the header). */
  readonly line: number
  /** Queue name, when the file has a queue column. */
  readonly queue?: string
  /** Calendar date `YYYY-MM-DD`, when the interval start is a date-time. */
  readonly date?: string
  /** Interval start, milliseconds after midnight. */
  readonly start: number
  readonly offered: number
  readonly ahtMs?: number
  readonly acwMs?: number
}

/** Options for reading interval CSVs. */
export interface IntervalCsvOptions {
  /**
   * IANA time zone of the scenario. Date-times with an offset (`2026-03-02T13:00:00Z`) are converted to this zone's
   * wall-clock time; without it the clock time is taken as written.
   */
  readonly timeZone?: string
}

type Column = "start" | "queue" | "offered" | "aht" | "acw" | "totalHandle" | "handled" | "media"

/** Header names (lower case, letters and digits only) that name each column. */
const HEADERS: Record<Column, ReadonlyArray<string>> = {
  start: ["intervalstart", "intervalstartutcdate", "intervalstartutc", "intervalstartdate", "intervalstarttime"],
  queue: ["queue", "queuename"],
  offered: ["offered", "contactsoffered", "volume", "calls"],
  aht: ["ahts", "aht", "ahtseconds"],
  acw: ["acws", "acw", "acwseconds"],
  totalHandle: ["totalhandletime", "totalhandletimeseconds", "totalhandletimes"],
  handled: ["interactionshandled", "handled"],
  media: ["mediatype"]
}

const normalise = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "")

const ISO = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}:\d{2}(?::\d{2})?)(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/

/**
 * The header for a message, short and escaped: the file may be anything (a path typed by mistake), so at most
 * a few characters of a first line that is not a CSV header are echoed, with control characters escaped.
 */
const headerExcerpt = (header: ReadonlyArray<string>): { readonly found: string; readonly shown: string } => {
  const cells = header.map((h) => h.trim())
  if (cells.length >= 2) {
    const shown = truncate(JSON.stringify(cells.join(", ")).slice(1, -1), 60)
    return { found: `the columns ${shown}`, shown }
  }
  const shown = `a first line that is not a CSV header (${truncate(JSON.stringify(cells[0] ?? ""), 16)})`
  return { found: shown, shown }
}

/**
 * Reads an interval CSV. Errors name the file and line: `forecast.csv:7: offered: expected a number of 0 or more,
 * found "abc"`.
 */
export const readIntervalCsv = (
  text: string,
  file: string,
  options: IntervalCsvOptions = {}
): Result.Result<ReadonlyArray<IntervalRow>, ScenarioError> => {
  const parsed = Effect.runSync(
    // Old Mac line ends (CR alone) are line ends too.
    Stream.make(text.replace(/\r\n?/g, "\n")).pipe(
      Stream.pipeThroughChannel(Csv.decodeString()),
      Stream.runCollect,
      Effect.result
    )
  )
  if (Result.isFailure(parsed)) {
    const e = parsed.failure
    return fail([
      {
        file,
        line: e.line,
        ...(e.column === undefined ? {} : { column: e.column }),
        path: "",
        expected: "valid CSV",
        found: "a malformed record",
        message: `invalid CSV: ${e.message}`
      }
    ])
  }
  const records = parsed.success
  const lines = lineNumbers(records)
  const header = records[0]
  if (header === undefined || header.every((cell) => cell.trim() === "")) {
    return fail([
      {
        file,
        line: 1,
        path: "",
        expected: "a header row such as interval_start,queue,offered,aht_s",
        found: "an empty file",
        message: "the CSV file is empty: expected a header row such as interval_start,queue,offered,aht_s"
      }
    ])
  }
  const columns = new Map<Column, number>()
  header.forEach((name, index) => {
    const key = normalise(name)
    for (const [column, names] of Object.entries(HEADERS) as Array<[Column, ReadonlyArray<string>]>) {
      if (names.includes(key) && !columns.has(column)) columns.set(column, index)
    }
  })
  const missing: Array<string> = []
  if (!columns.has("start")) missing.push("interval_start (or Interval Start UTC Date)")
  if (!columns.has("offered")) missing.push("offered (or Offered)")
  if (missing.length > 0) {
    const { found, shown } = headerExcerpt(header)
    return fail([
      {
        file,
        line: 1,
        path: "",
        expected: `the columns ${listOf(missing, "and")}`,
        found,
        message: `missing column ${listOf(missing, "and")}: expected a header like interval_start,queue,offered,aht_s or Interval Start UTC Date,Queue,Offered,Total Handle Time, found ${shown}`
      }
    ])
  }

  const rows: Array<IntervalRow> = []
  const problems: Array<ScenarioProblem> = []
  const seen = new Map<string, number>()
  for (let r = 1; r < records.length; r++) {
    const record = records[r]!
    const line = lines[r]!
    if (record.every((cell) => cell.trim() === "")) continue
    const cell = (column: Column): string | undefined => {
      const index = columns.get(column)
      return index === undefined ? undefined : record[index]?.trim()
    }
    const problem = (column: string, expected: string, value: string | undefined) =>
      problems.push({
        file,
        line,
        path: column,
        expected,
        found: value === undefined ? "nothing" : JSON.stringify(value),
        message: `expected ${expected}, found ${value === undefined || value === "" ? "nothing" : JSON.stringify(value)}`
      })
    if (record.length < header.length && Math.max(...columns.values()) >= record.length) {
      problems.push({
        file,
        line,
        path: "",
        expected: `${header.length} cells like the header`,
        found: `${record.length}`,
        message: `expected ${header.length} cells like the header, found ${record.length}`
      })
      continue
    }
    const media = cell("media")
    if (media !== undefined && media !== "" && media.toLowerCase() !== "voice") continue

    const startText = cell("start") ?? ""
    const startName = header[columns.get("start")!]!.trim()
    const when = parseStart(startText, options.timeZone)
    if (when === undefined) {
      problem(startName, "an interval start like 08:30 or 2026-03-02T08:30:00Z", startText)
      continue
    }
    const number = (column: Column, required: boolean): number | undefined | null => {
      const text = cell(column)
      if (text === undefined || text === "") {
        if (required) problem(header[columns.get(column)!]!.trim(), "a number of 0 or more", text)
        return required ? null : undefined
      }
      const value = Number(text)
      if (!Number.isFinite(value) || value < 0) {
        problem(header[columns.get(column)!]!.trim(), "a number of 0 or more", text)
        return null
      }
      return value
    }
    const offered = number("offered", true)
    const aht = number("aht", false)
    const acw = number("acw", false)
    const total = number("totalHandle", false)
    const handled = number("handled", false)
    if (offered === null || aht === null || acw === null || total === null || handled === null) continue
    // Total handle time accrues over handled interactions; fall back to offered when there is no handled column.
    // With a handled column and nothing handled, the interval says nothing about handle time.
    const divisor = handled !== undefined ? handled : offered
    const ahtSeconds =
      aht ?? (total !== undefined && divisor !== undefined && divisor > 0 ? total / divisor : undefined)
    const queue = cell("queue")
    const key = `${queue ?? ""}|${when.date ?? ""}|${when.start}`
    const first = seen.get(key)
    if (first !== undefined) {
      problems.push({
        file,
        line,
        path: startName,
        expected: "each interval once per queue",
        found: JSON.stringify(startText),
        message: `interval ${startText}${queue ? ` of queue ${queue}` : ""} appears twice: it is already on line ${first}`
      })
      continue
    }
    seen.set(key, line)
    rows.push({
      line,
      ...(queue === undefined || queue === "" ? {} : { queue }),
      ...(when.date === undefined ? {} : { date: when.date }),
      start: when.start,
      offered: offered ?? 0,
      ...(ahtSeconds === undefined ? {} : { ahtMs: Math.round(ahtSeconds * 1000) }),
      ...(acw === undefined ? {} : { acwMs: Math.round(acw * 1000) })
    })
  }
  return problems.length > 0 ? fail(problems) : Result.succeed(rows)
}

/**
 * The volumes of one queue (or of every row when `queue` is omitted), summed per interval start; handle times
 * are averaged weighted by volume.
 */
export const intervalVolumes = (rows: ReadonlyArray<IntervalRow>, queue?: string): Array<IntervalVolume> => {
  const byStart = new Map<number, { offered: number; aht: number; ahtWeight: number; acw: number; acwWeight: number }>()
  for (const row of rows) {
    if (queue !== undefined && row.queue !== queue) continue
    const slot = byStart.get(row.start) ?? { offered: 0, aht: 0, ahtWeight: 0, acw: 0, acwWeight: 0 }
    slot.offered += row.offered
    if (row.ahtMs !== undefined) {
      slot.aht += row.ahtMs * row.offered
      slot.ahtWeight += row.offered
    }
    if (row.acwMs !== undefined) {
      slot.acw += row.acwMs * row.offered
      slot.acwWeight += row.offered
    }
    byStart.set(row.start, slot)
  }
  return [...byStart.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, slot]) => ({
      start,
      offered: slot.offered,
      ...(slot.ahtWeight > 0 ? { ahtMs: Math.round(slot.aht / slot.ahtWeight) } : {}),
      ...(slot.acwWeight > 0 ? { acwMs: Math.round(slot.acw / slot.acwWeight) } : {})
    }))
}

const fail = (problems: ReadonlyArray<ScenarioProblem>) => Result.fail(scenarioError(problems))

/** Physical line of each record: records before it plus the line breaks inside their quoted cells. */
const lineNumbers = (records: ReadonlyArray<ReadonlyArray<string>>): Array<number> => {
  const out: Array<number> = []
  let line = 1
  for (const record of records) {
    out.push(line)
    line += 1
    for (const cell of record) line += (cell.match(/\r\n|\r|\n/g) ?? []).length
  }
  return out
}

const parseStart = (
  text: string,
  timeZone: string | undefined
): { readonly date?: string; readonly start: number } | undefined => {
  const clock = parseClockTime(text)
  if (clock !== undefined) return clock < 24 * 3_600_000 ? { start: clock } : undefined
  const match = ISO.exec(text)
  if (match === null) return undefined
  const [, date, time, zone] = match
  const wall = parseClockTime(time!)
  if (wall === undefined || wall >= 24 * 3_600_000) return undefined
  if (zone === undefined || timeZone === undefined) return { date: date!, start: wall }
  const instant = new Date(`${date}T${time!.length === 5 ? `${time}:00` : time}${zone === "Z" ? "Z" : zone}`)
  if (Number.isNaN(instant.getTime())) return undefined
  return inZone(instant, timeZone)
}

const inZone = (instant: Date, timeZone: string): { readonly date: string; readonly start: number } | undefined => {
  try {
    const parts = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23"
    }).formatToParts(instant)
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00"
    const start = (Number(get("hour")) * 3600 + Number(get("minute")) * 60 + Number(get("second"))) * 1000
    return { date: `${get("year")}-${get("month")}-${get("day")}`, start }
  } catch {
    return undefined
  }
}
