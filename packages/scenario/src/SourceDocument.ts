/**
 * Parses YAML or JSON text and keeps the node tree, so every problem can be pointed at a line and column.
 * JSON is parsed by the same YAML 1.2 parser (JSON is a subset of YAML 1.2) after `JSON.parse` has vouched
 * for it being strict JSON.
 */
import { Result } from "effect"
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument, visit } from "yaml"
import { type DocumentPath, describeFound, formatPath, truncate } from "./Problem.ts"
import type { ScenarioProblem } from "./ScenarioError.ts"

/** Aliases expanded at most (alias bombs, "billion laughs"). */
export const MAX_ALIASES = 1000
/**
 * Values (scalars, lists, mappings) a document may hold once its aliases are expanded. A 5 MB file without
 * aliases holds at most about 2.5 million; aliases of a large list would multiply them past memory.
 */
export const MAX_VALUES = 3_000_000

/** The text formats a scenario can be written in. */
export type SourceFormat = "yaml" | "json"

/** A 1-based line and column. */
export interface Position {
  readonly line: number
  readonly column: number
}

/** A parsed document: its value, and where each part of it sits in the text. */
export interface SourceDocument {
  readonly value: unknown
  /**
   * Where the value at `path` starts (or its key, with `atKey`). When the path does not exist (a missing key),
   * the closest existing ancestor.
   */
  readonly locate: (path: DocumentPath, atKey?: boolean) => Position | undefined
  /** The text of the scalar at `path` as written (`20 sec`, `1e400`), for messages. */
  readonly sourceText: (path: DocumentPath) => string | undefined
}

interface Located {
  readonly node: unknown
  readonly keyNode: unknown
  readonly exact: boolean
}

/** Parses `text`; problems are syntax errors, duplicate keys, unresolved aliases and tags, empty documents. */
export const parseSource = (
  text: string,
  format: SourceFormat,
  file: string
): Result.Result<SourceDocument, ReadonlyArray<ScenarioProblem>> => {
  const lines = new LineCounter()
  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
    version: "1.2",
    schema: "core",
    merge: format === "yaml"
  })
  const position = (offset: number): Position => {
    const { line, col } = lines.linePos(offset)
    return { line, column: col }
  }
  const problem = (offset: number, path: DocumentPath, expected: string, found: string, message: string) => ({
    file,
    ...position(offset),
    path: formatPath(path),
    expected,
    found,
    message
  })
  const start = (node: unknown): Position | undefined => {
    const range = (node as Node | undefined)?.range
    return range === undefined || range === null ? undefined : position(range[0])
  }
  const snippet = (offset: number) => {
    const rest = text.slice(offset).split(/\r?\n/, 1)[0] ?? ""
    return rest.trim() === "" ? "the end of the line" : `"${truncate(rest.trim(), 30)}"`
  }
  const language = format === "json" ? "JSON" : "YAML"

  const problems: Array<ScenarioProblem> = []
  for (const error of doc.errors) {
    if (error.code === "DUPLICATE_KEY") continue
    if (error.code === "MULTIPLE_DOCS") {
      problems.push(
        problem(
          error.pos[0],
          [],
          `one ${language} document`,
          "a second document after ---",
          `expected one ${language} document, found a second one after ---`
        )
      )
      continue
    }
    problems.push(
      problem(
        error.pos[0],
        [],
        `valid ${language}`,
        snippet(error.pos[0]),
        `invalid ${language}: ${error.message}, found ${snippet(error.pos[0])}`
      )
    )
  }
  for (const warning of doc.warnings) {
    problems.push(
      problem(
        warning.pos[0],
        [],
        `plain ${language} without custom tags`,
        snippet(warning.pos[0]),
        customTag(warning.message) ?? `invalid ${language}: ${warning.message}`
      )
    )
  }
  for (const duplicate of duplicateKeys(doc.contents, position, file)) problems.push(duplicate)

  if (format === "json" && problems.length === 0) {
    const strict = strictJson(text)
    if (strict !== undefined) {
      const at = strict.position ?? position(Math.max(0, text.length - 1))
      problems.push({
        file,
        ...at,
        path: "",
        expected: "strict JSON",
        found: strict.found,
        message: `invalid JSON: ${strict.message}`
      })
    }
  }
  if (problems.length > 0) return Result.fail(problems)

  let value: unknown
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES })
  } catch (cause) {
    const raw = cause instanceof Error ? cause.message : String(cause)
    const message = /Excessive alias count/.test(raw)
      ? `more than ${MAX_ALIASES} aliases to expand (an alias bomb?)`
      : raw
    // Point at the alias when the message names it (`Unresolved alias …: name`).
    const name = /: ([^\s:]+)$/.exec(message)?.[1]
    const offset = name === undefined ? -1 : text.indexOf(`*${name}`)
    return Result.fail([
      {
        file,
        ...(offset >= 0 ? position(offset) : { line: 1, column: 1 }),
        path: "",
        expected: `valid ${language}`,
        found: "a broken alias",
        message: `invalid ${language}: ${message}`
      }
    ])
  }
  if (exceedsValues(value, MAX_VALUES)) {
    return Result.fail([
      {
        file,
        line: 1,
        column: 1,
        path: "",
        expected: `at most ${MAX_VALUES.toLocaleString("en-US")} values once aliases are expanded`,
        found: "more",
        message: `expected at most ${MAX_VALUES.toLocaleString("en-US")} values once aliases are expanded, found more (aliases of large lists multiply them)`
      }
    ])
  }
  const hasContent = doc.contents !== null && (doc.contents as Node).range?.[0] !== (doc.contents as Node).range?.[1]
  if (value === null || value === undefined) {
    if (hasContent) {
      return Result.fail([
        {
          file,
          ...(start(doc.contents) ?? { line: 1, column: 1 }),
          path: "",
          expected: "a scenario: a mapping with at least name and time",
          found: "an empty value (null)",
          message: "expected a scenario, a mapping with at least name and time, found an empty value (null)"
        }
      ])
    }
    const blank = text.trim() === ""
    return Result.fail([
      {
        file,
        line: 1,
        column: 1,
        path: "",
        expected: "a scenario: a mapping with at least name and time",
        found: blank ? "an empty file" : "no content (only comments)",
        message: `the file is empty: expected a scenario, a mapping with at least name and time, found ${blank ? "nothing" : "only comments"}`
      }
    ])
  }

  const find = (path: DocumentPath): Located => {
    let node: unknown = doc.contents
    let keyNode: unknown
    for (const segment of path) {
      node = resolve(node, doc)
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && scalarKey(item.key) === String(segment))
        if (pair === undefined) return { node, keyNode, exact: false }
        keyNode = pair.key
        node = pair.value ?? pair.key
      } else if (isSeq(node) && typeof segment === "number") {
        const item = node.items[segment]
        if (item === undefined) return { node, keyNode, exact: false }
        keyNode = undefined
        node = item
      } else {
        return { node, keyNode, exact: false }
      }
    }
    return { node, keyNode, exact: true }
  }

  return Result.succeed({
    value,
    locate: (path, atKey = false) => {
      const found = find(path)
      if (found.exact && atKey && found.keyNode !== undefined) return start(found.keyNode) ?? start(found.node)
      return start(found.node) ?? start(doc.contents)
    },
    sourceText: (path) => {
      const found = find(path)
      if (!found.exact) return undefined
      const node = resolve(found.node, doc)
      return isScalar(node) && typeof node.source === "string" && node.range
        ? text.slice(node.range[0], node.range[1]).trim()
        : undefined
    }
  })
}

/** Whether `value`, walked with aliases expanded (shared objects counted each time), holds more than `limit` values. */
const exceedsValues = (value: unknown, limit: number): boolean => {
  let count = 0
  const stack: Array<unknown> = [value]
  while (stack.length > 0) {
    const item = stack.pop()
    if (++count > limit) return true
    if (Array.isArray(item)) for (const element of item) stack.push(element)
    else if (item !== null && typeof item === "object") for (const element of Object.values(item)) stack.push(element)
  }
  return false
}

/** A clearer word for the parser's `Unresolved tag: !foo`. */
const customTag = (message: string): string | undefined => {
  const tag = /^Unresolved tag: (.*)$/.exec(message)?.[1]
  return tag === undefined
    ? undefined
    : `expected plain YAML without custom tags, found the tag ${JSON.stringify(tag.slice(0, 40))}`
}

const resolve = (node: unknown, doc: ReturnType<typeof parseDocument>): unknown =>
  isAlias(node) ? node.resolve(doc) : node

const scalarKey = (key: unknown): string | undefined =>
  isScalar(key) ? String(key.value) : typeof key === "string" ? key : undefined

/** Duplicate keys with both places, e.g. `queues[0]: duplicate key ringTimeout (first at line 4)`. */
const duplicateKeys = (root: unknown, position: (offset: number) => Position, file: string): Array<ScenarioProblem> => {
  const problems: Array<ScenarioProblem> = []
  visit(root as Node, {
    Map: (_, map, path) => {
      const seen = new Map<string, Position>()
      for (const item of map.items) {
        const name = scalarKey(item.key)
        const range = (item.key as Node | null)?.range
        if (name === undefined || range === undefined || range === null) continue
        const at = position(range[0])
        const first = seen.get(name)
        if (first === undefined) {
          seen.set(name, at)
          continue
        }
        problems.push({
          file,
          ...at,
          path: formatPath([...pathOf([...path, map]), name]),
          expected: "each key once in a mapping",
          found: `${describeFound(name)} again`,
          message: `duplicate key ${name}: it is already set at line ${first.line}`
        })
      }
    }
  })
  return problems
}

/** The document path of a node from the ancestors `visit` hands over. */
const pathOf = (ancestors: ReadonlyArray<unknown>): Array<string | number> => {
  const path: Array<string | number> = []
  for (let i = 0; i < ancestors.length; i++) {
    const ancestor = ancestors[i]
    const child = ancestors[i + 1]
    if (isPair(ancestor)) {
      const name = scalarKey(ancestor.key)
      if (name !== undefined) path.push(name)
    } else if (isSeq(ancestor) && child !== undefined) {
      path.push(ancestor.items.indexOf(child as never))
    }
  }
  return path
}

/** `JSON.parse` catches what YAML tolerates in a `.json` file (trailing commas, comments, single quotes, …). */
const strictJson = (
  text: string
): { readonly message: string; readonly found: string; readonly position?: Position } | undefined => {
  try {
    JSON.parse(text)
    return undefined
  } catch (cause) {
    const message = cause instanceof Error ? cause.message.split("\n")[0]! : String(cause)
    const at = /\(line (\d+) column (\d+)\)/.exec(message)
    const clean = message.replace(/ in JSON at position \d+ \(line \d+ column \d+\)/, "")
    return at === null
      ? { message: clean, found: "text that is not JSON" }
      : { message: clean, found: "text that is not JSON", position: { line: Number(at[1]), column: Number(at[2]) } }
  }
}
