/**
 * Loading a scenario: read (with a size limit and a text check), parse YAML or JSON, decode strictly, read the
 * interval CSVs it names, run the semantic checks. Every problem comes back as one `ScenarioError` whose lines
 * name file, line, column and path.
 */

import * as NodePath from "node:path"
import { Effect, FileSystem, Option, Result, Schema } from "effect"
import { checkScenario } from "./Check.ts"
import { intervalVolumes, readIntervalCsv } from "./IntervalCsv.ts"
import { MAX_NESTING, tooDeep } from "./Nesting.ts"
import { describeFound, formatPath, type ScenarioIssue } from "./Problem.ts"
import { Scenario } from "./Scenario.ts"
import { fileError, type ScenarioError, type ScenarioProblem, scenarioError } from "./ScenarioError.ts"
import { problemsFromSchemaIssue } from "./SchemaIssues.ts"
import { parseSource, type SourceDocument, type SourceFormat } from "./SourceDocument.ts"
import { didYouMean, listOf } from "./Suggest.ts"

/** Largest scenario file accepted (5 MiB): scenarios are small; volumes belong in interval CSVs. */
export const MAX_SCENARIO_BYTES = 5 * 1024 * 1024
/** Largest interval CSV accepted (50 MiB: a year of 15-minute intervals for dozens of queues fits). */
export const MAX_CSV_BYTES = 50 * 1024 * 1024

/**
 * Most lines, and most commas (items of flow lists), in a scenario. The YAML parser takes 5–35 µs per line or item,
 * so this bounds the time to reject a huge file to a few seconds; a center of thousands of agents fits.
 */
export const MAX_SCENARIO_LINES = 100_000

/** Lines and commas of a text, counted in one pass. */
const textSize = (text: string): { readonly lines: number; readonly commas: number } => {
  let lines = 1
  let commas = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10) lines++
    else if (c === 44) commas++
  }
  return { lines, commas }
}

/** Options for decoding scenario text. */
export interface ScenarioTextOptions {
  /** The file name shown in messages; its extension picks the format unless `format` is given. */
  readonly file: string
  readonly format?: SourceFormat
  /** Folder that relative CSV paths are resolved against; the folder of `file` when omitted. */
  readonly baseDir?: string
  /** Size limit in bytes; {@link MAX_SCENARIO_BYTES} when omitted. */
  readonly maxBytes?: number
}

/** A decoded scenario with its source, before the CSV files are read and the checks run. */
export interface DecodedScenario {
  readonly file: string
  readonly scenario: Scenario
  readonly source: SourceDocument
}

const EXTENSIONS: Record<string, SourceFormat> = { ".yaml": "yaml", ".yml": "yaml", ".json": "json" }

/** The format of a file by its extension: `.yaml`, `.yml` or `.json`. */
export const formatOfFile = (file: string): Result.Result<SourceFormat, ScenarioError> => {
  const extension = NodePath.extname(file).toLowerCase()
  const format = EXTENSIONS[extension]
  if (format !== undefined) return Result.succeed(format)
  const found = extension === "" ? "no extension" : `the extension ${extension}`
  return Result.fail(
    fileError(
      file,
      "a .yaml, .yml or .json file",
      found,
      `expected a .yaml, .yml or .json file, found ${found}${didYouMean(extension, Object.keys(EXTENSIONS))}`
    )
  )
}

const megabytes = (bytes: number) =>
  bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`

/** `bytes` is the size, or `undefined` when reading stopped at the limit (a device or a growing file). */
const tooLarge = (file: string, bytes: number | undefined, limit: number) => {
  const size = bytes === undefined ? `more than ${megabytes(limit)}` : megabytes(bytes)
  return fileError(
    file,
    `a file of at most ${megabytes(limit)}`,
    size,
    `file too large: ${size}, the limit is ${megabytes(limit)} (put large volumes in an interval CSV)`
  )
}

/** Refuses text that is not text: NUL bytes mean a binary file. */
const checkText = (text: string, file: string): ScenarioError | undefined => {
  const nul = text.indexOf("\u0000")
  if (nul < 0) return undefined
  const line = text.slice(0, nul).split("\n").length
  return scenarioError([
    {
      file,
      line,
      path: "",
      expected: "a text file",
      found: "a NUL byte",
      message: `expected a text file (YAML or JSON), found binary data (a NUL byte on line ${line})`
    }
  ])
}

const nestedTooDeeply = (file: string, text: string, offset: number, format: SourceFormat): ScenarioError => {
  const before = text.slice(0, offset)
  const line = before.split("\n").length
  const column = offset - before.lastIndexOf("\n")
  return scenarioError([
    {
      file,
      line,
      column,
      path: "",
      expected: `${format === "json" ? "JSON" : "YAML"} nested at most ${MAX_NESTING} levels deep`,
      found: "deeper nesting",
      message: `expected ${format === "json" ? "JSON" : "YAML"} nested at most ${MAX_NESTING} levels deep, found deeper nesting (a scenario nests about 8 levels)`
    }
  ])
}

/** Problems located and reported at most: nobody reads more, and locating each costs a walk of the document. */
export const MAX_PROBLEMS = 1000

/** Located problems from issues: each path is looked up in the source; beyond {@link MAX_PROBLEMS}, a count. */
export const locateProblems = (
  file: string,
  source: SourceDocument,
  issues: ReadonlyArray<ScenarioIssue>
): Array<ScenarioProblem> => {
  const located = issues.slice(0, MAX_PROBLEMS).map((found) => {
    const at = source.locate(found.path, found.atKey ?? false)
    return {
      file,
      ...(at === undefined ? {} : { line: at.line, column: at.column }),
      path: formatPath(found.path),
      expected: found.expected,
      found: found.found,
      message: found.message
    }
  })
  const more = issues.length - MAX_PROBLEMS
  if (more > 0) {
    located.push({
      file,
      path: "",
      expected: `at most ${MAX_PROBLEMS} problems listed`,
      found: `${more} more`,
      message: `… and ${more} more problems, not listed (only the first ${MAX_PROBLEMS} are)`
    })
  }
  return located
}

/**
 * Parses and decodes scenario text (pure, no file access): syntax, types, unknown keys. CSV files are not read and
 * the semantic checks do not run; see {@link parseScenarioText} and {@link loadScenarioText}.
 */
export const decodeScenarioText = (
  text: string,
  options: ScenarioTextOptions
): Result.Result<DecodedScenario, ScenarioError> => {
  const { file } = options
  const format = options.format === undefined ? formatOfFile(file) : Result.succeed(options.format)
  if (Result.isFailure(format)) return Result.fail(format.failure)
  const limit = options.maxBytes ?? MAX_SCENARIO_BYTES
  const bytes = new TextEncoder().encode(text).byteLength
  if (bytes > limit) return Result.fail(tooLarge(file, bytes, limit))
  const binary = checkText(text, file)
  if (binary !== undefined) return Result.fail(binary)

  // Old Mac line ends (CR alone) are line ends too; the parser only knows LF and CRLF.
  const normalised = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n")
  const size = textSize(normalised)
  if (size.lines > MAX_SCENARIO_LINES || size.commas > MAX_SCENARIO_LINES) {
    const [what, count] = size.lines > MAX_SCENARIO_LINES ? ["lines", size.lines] : ["commas", size.commas]
    const limit = MAX_SCENARIO_LINES.toLocaleString("en-US")
    return Result.fail(
      fileError(
        file,
        `at most ${limit} ${what}`,
        count.toLocaleString("en-US"),
        `expected a scenario of at most ${limit} ${what}, found ${count.toLocaleString("en-US")} (scenarios are small; volumes belong in an interval CSV)`
      )
    )
  }
  const deep = tooDeep(normalised)
  if (deep !== undefined) return Result.fail(nestedTooDeeply(file, normalised, deep.offset, format.success))
  let parsed: ReturnType<typeof parseSource>
  try {
    parsed = parseSource(normalised, format.success, file)
  } catch (cause) {
    // The nesting scan is a guard, not a parser: should recursion still overflow, say so in one line.
    if (cause instanceof RangeError) return Result.fail(nestedTooDeeply(file, normalised, 0, format.success))
    throw cause
  }
  if (Result.isFailure(parsed)) return Result.fail(scenarioError(parsed.failure))
  const source = parsed.success
  const value = source.value
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return Result.fail(
      scenarioError([
        {
          file,
          line: 1,
          column: 1,
          path: "",
          expected: "a scenario: a mapping with keys such as name, time, queues, agents",
          found: describeFound(value),
          message: `expected a scenario, a mapping with keys such as name, time, queues and agents, found ${describeFound(value)}`
        }
      ])
    )
  }
  const decoded = Schema.decodeUnknownResult(Scenario)(value, { errors: "all", onExcessProperty: "error" })
  if (Result.isFailure(decoded)) {
    const issues = problemsFromSchemaIssue(decoded.failure.issue, value, source.sourceText)
    return Result.fail(scenarioError(locateProblems(file, source, issues)))
  }
  return Result.succeed({ file, scenario: decoded.success, source })
}

/**
 * Why a CSV path leaves the scenario's folder, or `undefined` when it stays inside. A scenario reads only files
 * in its folder or below it, so a scenario from elsewhere (a pull request, a shared folder) cannot make ccsim
 * read other files of the machine and echo them in messages; a scenario folder is self-contained when copied.
 */
const outsideFolder = (csv: string): string | undefined => {
  if (NodePath.posix.isAbsolute(csv) || NodePath.win32.isAbsolute(csv)) return "an absolute path"
  const normal = NodePath.posix.normalize(csv.replaceAll("\\", "/"))
  return normal === ".." || normal.startsWith("../") ? "a path that climbs out of the scenario's folder" : undefined
}

/**
 * The CSV files a decoded scenario names, resolved against `baseDir`, with their traffic index. Paths that leave
 * the scenario's folder are left out (the checks report them).
 */
export const csvReferences = (
  decoded: DecodedScenario,
  baseDir?: string
): Array<{ readonly traffic: number; readonly path: string }> => {
  const dir = baseDir ?? NodePath.dirname(decoded.file)
  const out: Array<{ traffic: number; path: string }> = []
  decoded.scenario.traffic.forEach((source, traffic) => {
    if ("csv" in source.arrivals && outsideFolder(source.arrivals.csv) === undefined) {
      out.push({ traffic, path: NodePath.join(dir, source.arrivals.csv) })
    }
  })
  return out
}

/** A CSV file's text, or why it could not be read. */
export type CsvText = { readonly text: string } | { readonly error: string }

/**
 * Fills `arrivals.intervals` from the CSV texts and runs the semantic checks (pure). `csvTexts` maps the paths of
 * {@link csvReferences} to their contents.
 */
export const completeScenario = (
  decoded: DecodedScenario,
  csvTexts: ReadonlyMap<string, CsvText>,
  baseDir?: string
): Result.Result<Scenario, ScenarioError> => {
  const { file, source } = decoded
  const references = csvReferences(decoded, baseDir)
  const issues: Array<ScenarioIssue> = []
  const traffic = [...decoded.scenario.traffic]
  decoded.scenario.traffic.forEach((source, t) => {
    const why = "csv" in source.arrivals ? outsideFolder(source.arrivals.csv) : undefined
    if (why === undefined || !("csv" in source.arrivals)) return
    issues.push({
      path: ["traffic", t, "arrivals", "csv"],
      expected: "a CSV path relative to the scenario's folder, inside it",
      found: `${why}, ${describeFound(source.arrivals.csv)}`,
      message: `expected a CSV path relative to the scenario's folder, inside it, found ${why}, ${describeFound(source.arrivals.csv)}: a scenario reads only files in its folder or below`
    })
  })
  for (const { traffic: t, path } of references) {
    const entry = traffic[t]!
    const arrivals = entry.arrivals
    if (!("csv" in arrivals)) continue
    const base = ["traffic", t, "arrivals"]
    if (arrivals.intervals !== undefined) {
      issues.push({
        path: [...base, "intervals"],
        expected: "no intervals next to csv",
        found: "intervals",
        message: "unknown key intervals: the intervals are read from the csv file",
        atKey: true
      })
      continue
    }
    const content = csvTexts.get(path)
    if (content === undefined || "error" in content) {
      const why = content === undefined ? "it was not read" : content.error
      issues.push({
        path: [...base, "csv"],
        expected: "a readable CSV file",
        found: JSON.stringify(path),
        message: `cannot read ${path}: ${why}`
      })
      continue
    }
    const rows = readIntervalCsv(
      content.text,
      path,
      decoded.scenario.time.timeZone === undefined ? {} : { timeZone: decoded.scenario.time.timeZone }
    )
    if (Result.isFailure(rows)) return Result.fail(rows.failure)
    let selected = rows.success
    const dates = [...new Set(selected.flatMap((r) => (r.date === undefined ? [] : [r.date])))]
    const wanted = decoded.scenario.time.date
    if (wanted !== undefined && dates.length > 0) {
      selected = selected.filter((r) => r.date === undefined || r.date === wanted)
      if (selected.length === 0) {
        issues.push({
          path: [...base, "csv"],
          expected: `rows dated ${wanted} (time.date)`,
          found: `only ${listOf(dates, "and")}`,
          message: `expected rows dated ${wanted} (time.date) in ${path}, found only ${listOf(dates, "and")}`
        })
        continue
      }
    } else if (dates.length > 1) {
      issues.push({
        path: [...base, "csv"],
        expected: "rows of one date, or time.date to choose one",
        found: listOf(dates, "and"),
        message: `expected rows of one date in ${path}, found ${listOf(dates, "and")}: set time.date to choose one`
      })
      continue
    }
    if (arrivals.queue !== undefined) {
      const names = [...new Set(selected.flatMap((r) => (r.queue === undefined ? [] : [r.queue])))]
      if (!names.includes(arrivals.queue)) {
        issues.push({
          path: [...base, "queue"],
          expected: `a queue name used in ${path}`,
          found: JSON.stringify(arrivals.queue),
          message: `expected a queue name used in ${path}, found ${JSON.stringify(arrivals.queue)}${didYouMean(arrivals.queue, names) || (names.length > 0 ? ` (queues in the file: ${listOf(names, "and")})` : " (the file has no queue column)")}`
        })
        continue
      }
    }
    traffic[t] = {
      ...entry,
      arrivals: { ...arrivals, intervals: intervalVolumes(selected, arrivals.queue) }
    } as typeof entry
  }
  if (issues.length > 0) return Result.fail(scenarioError(locateProblems(file, source, issues)))
  const scenario: Scenario = { ...decoded.scenario, traffic }
  const problems = checkScenario(scenario)
  if (problems.length > 0) return Result.fail(scenarioError(locateProblems(file, source, problems)))
  return Result.succeed(scenario)
}

/**
 * Parses, decodes and checks scenario text without touching the file system (pure). CSV files named by the
 * scenario are looked up in `csvTexts` (by their resolved path, see {@link csvReferences}).
 */
export const parseScenarioText = (
  text: string,
  options: ScenarioTextOptions & { readonly csvTexts?: ReadonlyMap<string, CsvText> }
): Result.Result<Scenario, ScenarioError> => {
  const decoded = decodeScenarioText(text, options)
  if (Result.isFailure(decoded)) return Result.fail(decoded.failure)
  return completeScenario(decoded.success, options.csvTexts ?? new Map(), options.baseDir)
}

/** Why a file could not be read, in words. */
const readFailure = (error: { readonly reason: { readonly _tag: string; readonly message?: string } }): string => {
  switch (error.reason._tag) {
    case "NotFound":
      return "no such file"
    case "PermissionDenied":
      return "permission denied"
    default:
      return error.reason.message ?? error.reason._tag
  }
}

/** What a path is, in words, for what is not a regular file. */
const KINDS: Partial<Record<FileSystem.File.Type, string>> = {
  Directory: "a folder",
  FIFO: "a named pipe (FIFO)",
  CharacterDevice: "a device",
  BlockDevice: "a device",
  Socket: "a socket"
}

const READ_CHUNK = 64 * 1024

/**
 * Reads a file as UTF-8 text with a size limit; binary and non-UTF-8 content are refused. Only regular files are
 * opened (a FIFO would block, a device such as /dev/zero never ends), and the limit is enforced while reading, not
 * only from the size the file system reports.
 */
export const readTextFile = Effect.fnUntraced(
  function* (path: string, limit: number, shownAs: string) {
    const fs = yield* FileSystem.FileSystem
    const info = yield* fs.stat(path)
    if (info.type === "Directory") {
      const listed = yield* Effect.result(fs.readDirectory(path))
      return Result.isFailure(listed)
        ? ({ error: `it is a folder that cannot be read (${readFailure(listed.failure)})` } as const)
        : ({ error: "it is a folder, not a file" } as const)
    }
    if (info.type !== "File")
      return { error: `expected a regular file, found ${KINDS[info.type] ?? "not a file"}` } as const
    const size = Number(info.size)
    if (size > limit)
      return { error: `file too large: ${megabytes(size)}, the limit is ${megabytes(limit)}`, tooLarge: size } as const
    const bytes = yield* Effect.scoped(
      Effect.gen(function* () {
        const file = yield* fs.open(path, { flag: "r" })
        const chunks: Array<Uint8Array> = []
        let total = 0
        while (total <= limit) {
          const chunk = yield* file.readAlloc(READ_CHUNK)
          if (Option.isNone(chunk)) break
          chunks.push(chunk.value)
          total += chunk.value.byteLength
        }
        if (total > limit) return undefined
        const out = new Uint8Array(total)
        let at = 0
        for (const chunk of chunks) {
          out.set(chunk, at)
          at += chunk.byteLength
        }
        return out
      })
    )
    if (bytes === undefined) {
      return {
        error: `file too large: more than ${megabytes(limit)}, the limit is ${megabytes(limit)}`,
        tooLarge: undefined
      } as const
    }
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      return { error: `expected UTF-8 text in ${shownAs}, found UTF-16 (save the file as UTF-8)`, line: 1 } as const
    }
    const nul = bytes.indexOf(0)
    if (nul >= 0) {
      const line = new TextDecoder().decode(bytes.subarray(0, nul)).split("\n").length
      return { error: `expected a text file, found binary data (a NUL byte on line ${line})`, line } as const
    }
    try {
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) } as const
    } catch {
      return {
        error: `expected UTF-8 text in ${shownAs}, found bytes that are not UTF-8 (binary data or another encoding)`
      } as const
    }
  },
  Effect.catch((error) => Effect.succeed({ error: readFailure(error) } as const))
)

/** Reads the CSV files a decoded scenario names. */
const readCsvFiles = Effect.fnUntraced(function* (decoded: DecodedScenario, baseDir?: string) {
  const texts = new Map<string, CsvText>()
  for (const { path } of csvReferences(decoded, baseDir)) {
    if (texts.has(path)) continue
    texts.set(path, yield* readTextFile(path, MAX_CSV_BYTES, path))
  }
  return texts
})

/**
 * Loads scenario text: decodes it, reads the interval CSVs it names (relative to `baseDir`, or the folder of
 * `file`) and checks it.
 */
export const loadScenarioText = (
  text: string,
  options: ScenarioTextOptions
): Effect.Effect<Scenario, ScenarioError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const decoded = decodeScenarioText(text, options)
    if (Result.isFailure(decoded)) return yield* Effect.fail(decoded.failure)
    const texts = yield* readCsvFiles(decoded.success, options.baseDir)
    const complete = completeScenario(decoded.success, texts, options.baseDir)
    return Result.isFailure(complete) ? yield* Effect.fail(complete.failure) : complete.success
  })

/** Loads a scenario file (`.yaml`, `.yml` or `.json`) and the interval CSVs it names, and checks it. */
export const loadScenarioFile = (
  path: string,
  options: { readonly maxBytes?: number } = {}
): Effect.Effect<Scenario, ScenarioError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    // A folder first (an unreadable one is handed over by folder searches): its extension says nothing.
    const info = yield* Effect.result(fs.stat(path))
    const isFolder = Result.isSuccess(info) && info.success.type === "Directory"
    const format = formatOfFile(path)
    if (!isFolder && Result.isFailure(format)) return yield* Effect.fail(format.failure)
    const limit = options.maxBytes ?? MAX_SCENARIO_BYTES
    const read = yield* readTextFile(path, limit, path)
    if ("error" in read) {
      if ("tooLarge" in read) return yield* Effect.fail(tooLarge(path, read.tooLarge, limit))
      const line = "line" in read ? read.line : undefined
      return yield* Effect.fail(
        scenarioError([
          {
            file: path,
            ...(line === undefined ? {} : { line }),
            path: "",
            expected: "a readable scenario file",
            found: read.error,
            message: read.error.startsWith("expected")
              ? read.error
              : read.error.startsWith("it is a folder")
                ? `not a scenario file: ${read.error}`
                : `cannot read the file: ${read.error}`
          }
        ])
      )
    }
    if (Result.isFailure(format)) return yield* Effect.fail(format.failure)
    return yield* loadScenarioText(read.text, { file: path, format: format.success, maxBytes: limit })
  })
