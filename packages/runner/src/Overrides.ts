/**
 * `--set PATH=VALUE`: what-ifs without editing the file. PATH addresses the scenario as it is written, list
 * entries by their id (`queues[service].ringTimeout`, `agents[csr-early].count`, `run.loadMultiplier`); VALUE is
 * YAML (`30s`, `9`, `false`, `[a, b]`, `{ type: exponential, mean: 3m }`). The override is applied to the
 * scenario's encoded form (the plain document, durations as `30s`), which is then decoded and checked exactly like
 * a file, so a bad value gets the loader's own message. Pure: the interval CSVs a scenario read stay as read.
 */
import type { DocumentPath, Scenario } from "@ccsim/scenario"
import {
  checkScenario,
  decodeScenarioText,
  didYouMean,
  formatPath,
  listOf,
  ScenarioError,
  Scenario as ScenarioSchema
} from "@ccsim/scenario"
import { Result, Schema, SchemaAST } from "effect"
import { parse as parseYaml } from "yaml"

/** One step of a PATH: a key of a mapping, or a list entry named by its id (or its index). */
export type OverrideSegment = { readonly key: string } | { readonly item: string }

/** One parsed `--set PATH=VALUE`. */
export interface Override {
  /** As given: `queues[service].ringTimeout=30s` (messages name it). */
  readonly text: string
  readonly path: ReadonlyArray<OverrideSegment>
  /** VALUE parsed as YAML; `undefined` (an empty VALUE, `~` or `null`) removes the key, so its default applies. */
  readonly value: unknown
}

const KEY = /^[A-Za-z_][A-Za-z0-9_]*/

/** Where a `--set` came from, as a message's "file". */
const subjectOf = (text: string): string => `--set ${text}`

const problem = (text: string, path: string, expected: string, found: string, message: string): ScenarioError =>
  new ScenarioError({
    file: subjectOf(text),
    path,
    expected,
    found,
    message,
    problems: [{ file: subjectOf(text), path, expected, found, message }]
  })

/** Parses PATH (`queues[service].ringTimeout`) into segments, or says where it stops making sense. */
const parsePath = (text: string): Array<OverrideSegment> | { readonly at: number } => {
  const out: Array<OverrideSegment> = []
  let i = 0
  for (;;) {
    const key = KEY.exec(text.slice(i))
    if (key === null) return { at: i }
    out.push({ key: key[0] })
    i += key[0].length
    while (text[i] === "[") {
      const close = text.indexOf("]", i)
      if (close <= i + 1) return { at: i }
      out.push({ item: text.slice(i + 1, close).trim() })
      i = close + 1
    }
    if (i === text.length) return out
    if (text[i] !== ".") return { at: i }
    i++
  }
}

/** The text of a path's first `n` segments, as the user would write it. */
const pathText = (path: ReadonlyArray<OverrideSegment>, n = path.length): string =>
  path
    .slice(0, n)
    .map((s, i) => ("key" in s ? (i === 0 ? s.key : `.${s.key}`) : `[${s.item}]`))
    .join("")

/** Parses one `PATH=VALUE`. */
export const parseOverride = (text: string): Result.Result<Override, ScenarioError> => {
  const eq = text.indexOf("=")
  const expected = "PATH=VALUE, like queues[service].ringTimeout=30s or run.loadMultiplier=1.2"
  if (eq <= 0) return Result.fail(problem(text, "", expected, JSON.stringify(text), `expected ${expected}`))
  const rawPath = text.slice(0, eq).trim()
  const path = parsePath(rawPath)
  if (!Array.isArray(path)) {
    const found = `${JSON.stringify(rawPath)} (stops making sense at character ${path.at + 1})`
    return Result.fail(
      problem(
        text,
        "",
        "a path like queues[service].ringTimeout",
        found,
        `expected a path like queues[service].ringTimeout (keys joined by dots, list entries by [id]), found ${found}`
      )
    )
  }
  const rawValue = text.slice(eq + 1)
  let value: unknown
  try {
    // YAML 1.2 core schema, like scenario files: `30s` stays text, `9` is a number, `on` stays text.
    value = rawValue.trim() === "" ? null : parseYaml(rawValue, { version: "1.2", schema: "core", uniqueKeys: true })
  } catch (cause) {
    const why = (cause instanceof Error ? (cause.message.split("\n")[0] ?? "") : String(cause)).replace(/:$/, "")
    return Result.fail(
      problem(
        text,
        pathText(path),
        "a YAML value",
        JSON.stringify(rawValue),
        `expected a YAML value (30s, 9, false, [a, b]), found ${JSON.stringify(rawValue)}: ${why}`
      )
    )
  }
  return Result.succeed({ text, path, value: value === null ? undefined : value })
}

/** Parses every `--set`; the first bad one fails. */
export const parseOverrides = (texts: ReadonlyArray<string>): Result.Result<Array<Override>, ScenarioError> => {
  const out: Array<Override> = []
  for (const text of texts) {
    const parsed = parseOverride(text)
    if (Result.isFailure(parsed)) return Result.fail(parsed.failure)
    out.push(parsed.success)
  }
  return Result.succeed(out)
}

// ── the schema's shape, to name the keys that exist where a path goes wrong ─────────────────────────────────────

const ENCODED = SchemaAST.toEncoded(ScenarioSchema.ast)

const unwrap = (ast: SchemaAST.AST): SchemaAST.AST => (ast._tag === "Suspend" ? unwrap(ast.thunk()) : ast)

const membersOf = (ast: SchemaAST.AST): Array<SchemaAST.AST> => {
  const node = unwrap(ast)
  return node._tag === "Union" ? node.types.flatMap(membersOf) : [node]
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value)

/** The mapping alternatives of a schema node, the one matching `value`'s literal keys (`type`, `to`) first. */
const objectMembers = (ast: SchemaAST.AST, value: unknown): Array<SchemaAST.Objects> => {
  const objects = membersOf(ast).filter((m): m is SchemaAST.Objects => m._tag === "Objects")
  if (!isRecord(value)) return objects
  const matches = (m: SchemaAST.Objects) =>
    m.propertySignatures.every((p) => {
      const type = unwrap(p.type)
      return type._tag !== "Literal" || value[String(p.name)] === undefined || value[String(p.name)] === type.literal
    })
  return [...objects.filter(matches), ...objects.filter((m) => !matches(m))]
}

const listElement = (ast: SchemaAST.AST): SchemaAST.AST | undefined => {
  const list = membersOf(ast).find((m): m is SchemaAST.Arrays => m._tag === "Arrays")
  return list?.rest[0] ?? list?.elements[0]
}

/** How a list entry is named in a path: its `id`, else its `queue` (memberships), else its index. */
const entryName = (entry: unknown, index: number): string =>
  isRecord(entry) && typeof entry.id === "string"
    ? entry.id
    : isRecord(entry) && typeof entry.queue === "string"
      ? entry.queue
      : String(index)

const findEntry = (list: ReadonlyArray<unknown>, name: string): number => {
  const byId = list.findIndex((e) => isRecord(e) && e.id === name)
  if (byId >= 0) return byId
  const byQueue = list.findIndex((e) => isRecord(e) && e.id === undefined && e.queue === name)
  if (byQueue >= 0) return byQueue
  return /^\d+$/.test(name) && Number(name) < list.length ? Number(name) : -1
}

const clone = (value: unknown): unknown => (value === undefined ? undefined : structuredClone(value))

/**
 * Applies one override to an encoded document (in place): the index path it reached, or the error naming the
 * keys or ids that exist where the path went wrong.
 */
const applyOne = (
  document: Record<string, unknown>,
  override: Override
): Result.Result<DocumentPath, ScenarioError> => {
  const { path, text } = override
  let ast: SchemaAST.AST = ENCODED
  let container: Record<string, unknown> | Array<unknown> = document
  const reached: Array<string | number> = []
  const fail = (i: number, expected: string, found: string, message: string) =>
    Result.fail(problem(text, pathText(path, i + 1), expected, found, message))

  for (const [i, segment] of path.entries()) {
    const last = i === path.length - 1
    const here = i === 0 ? "the scenario" : pathText(path, i)
    if ("key" in segment) {
      if (Array.isArray(container)) {
        const names = container.map(entryName)
        return fail(
          i,
          `an entry of the list ${here}`,
          `.${segment.key}`,
          `${here} is a list: name an entry by its id, ${here}[${names[0] ?? "id"}]${names.length > 0 ? ` (entries: ${listOf(names.slice(0, 20), "and")})` : " (the list is empty)"}`
        )
      }
      const members = objectMembers(ast, container)
      const keys = [...new Set(members.flatMap((m) => m.propertySignatures.map((p) => String(p.name))))]
      if (members.length === 0) {
        return fail(i, "a key of a mapping", segment.key, `${here} is a single value, not a mapping: it has no keys`)
      }
      if (!keys.includes(segment.key)) {
        const hint = didYouMean(segment.key, keys)
        return fail(
          i,
          `one of the keys ${listOf(keys)}`,
          JSON.stringify(segment.key),
          `unknown key ${segment.key} in ${here}${hint}: expected one of ${listOf(keys)}`
        )
      }
      if (segment.key === "csv") {
        return fail(
          i,
          "a key other than csv",
          "csv",
          "an interval CSV cannot be replaced with --set (it was read with the scenario): edit the file, or set arrivals.intervals"
        )
      }
      const signature = members.flatMap((m) => m.propertySignatures).find((p) => String(p.name) === segment.key)!
      reached.push(segment.key)
      if (last) {
        if (override.value === undefined) delete container[segment.key]
        else container[segment.key] = clone(override.value)
        return Result.succeed(reached)
      }
      let next = container[segment.key]
      if (next === undefined && listElement(signature.type) === undefined) {
        // An optional mapping not written (e.g. serviceLevel): start it empty so a key can be set inside.
        next = {}
        container[segment.key] = next
      }
      if (next === null || typeof next !== "object") {
        return fail(
          i + 1,
          `a mapping or list at ${pathText(path, i + 1)}`,
          JSON.stringify(next) ?? "nothing",
          `${pathText(path, i + 1)} is a single value (${JSON.stringify(next) ?? "not set"}), it has no ${"key" in path[i + 1]! ? `key ${(path[i + 1] as { key: string }).key}` : "entries"}`
        )
      }
      container = next as Record<string, unknown> | Array<unknown>
      ast = signature.type
    } else {
      if (!Array.isArray(container)) {
        return fail(
          i,
          `a key of ${here}`,
          `[${segment.item}]`,
          `${here} is not a list: it has no entry ${segment.item}; write ${here}.KEY`
        )
      }
      const index = findEntry(container, segment.item)
      if (index < 0) {
        const names = container.map(entryName)
        const hint = didYouMean(segment.item, names)
        return fail(
          i,
          `an entry of ${here}: ${listOf(names)}`,
          JSON.stringify(segment.item),
          names.length === 0
            ? `${here} has no entries, so none named ${segment.item}`
            : `${here} has no entry ${segment.item}${hint}: expected one of ${listOf(names)}`
        )
      }
      reached.push(index)
      const element = listElement(ast)
      if (last) {
        if (override.value === undefined) container.splice(index, 1)
        else container[index] = clone(override.value)
        return Result.succeed(reached)
      }
      const next = container[index]
      if (next === null || typeof next !== "object") {
        return fail(i, "a mapping", JSON.stringify(next), `${pathText(path, i + 1)} is a single value, it has no keys`)
      }
      container = next as Record<string, unknown> | Array<unknown>
      if (element !== undefined) ast = element
    }
  }
  return Result.succeed(reached)
}

/** The scenario as it would be written in a file (durations as `30s`, clock times as `08:00:00`). */
export const encodeScenario = (scenario: Scenario): Record<string, unknown> =>
  Schema.encodeSync(ScenarioSchema)(scenario) as unknown as Record<string, unknown>

/**
 * The scenario with `overrides` applied in order, decoded and checked like a file. A problem names the `--set` it
 * comes from (as the error's file) and its path; a problem no single override explains names them all.
 */
export const applyOverrides = (
  scenario: Scenario,
  overrides: ReadonlyArray<Override>
): Result.Result<Scenario, ScenarioError> => {
  if (overrides.length === 0) return Result.succeed(scenario)
  const document = encodeScenario(scenario)
  const reached: Array<{ readonly override: Override; readonly path: string }> = []
  for (const override of overrides) {
    const applied = applyOne(document, override)
    if (Result.isFailure(applied)) return Result.fail(applied.failure)
    reached.push({ override, path: formatPath(applied.success) })
  }

  // A problem belongs to the override whose path leads to it (the deepest); its path is shown as the user wrote it.
  const attribute = (p: {
    readonly path: string
    readonly expected: string
    readonly found: string
    readonly message: string
  }) => {
    const owner = reached
      .filter((r) => p.path === r.path || p.path.startsWith(`${r.path}.`) || p.path.startsWith(`${r.path}[`))
      .sort((a, b) => b.path.length - a.path.length)[0]
    const file =
      owner === undefined ? overrides.map((o) => subjectOf(o.text)).join(", ") : subjectOf(owner.override.text)
    const path = owner === undefined ? p.path : `${pathText(owner.override.path)}${p.path.slice(owner.path.length)}`
    return { file, path, expected: p.expected, found: p.found, message: p.message }
  }
  const failWith = (problems: ReadonlyArray<Parameters<typeof attribute>[0]>) => {
    const located = problems.map(attribute)
    return Result.fail(new ScenarioError({ ...located[0]!, problems: located }))
  }

  const label = overrides.map((o) => subjectOf(o.text)).join(", ")
  const decoded = decodeScenarioText(JSON.stringify(document), { file: label, format: "json" })
  if (Result.isFailure(decoded)) {
    const error = decoded.failure
    return failWith(error.problems.length === 0 ? [error] : error.problems)
  }
  const issues = checkScenario(decoded.success.scenario)
  if (issues.length > 0) return failWith(issues.map((i) => ({ ...i, path: formatPath(i.path) })))
  return Result.succeed(decoded.success.scenario)
}
