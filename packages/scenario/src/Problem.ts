/**
 * A problem found in a scenario file: where (a document path), what was expected, and what was found.
 */

/** One step of a document path: a key of a mapping or an index of a list. */
export type PathSegment = string | number

/** A path inside a document, `["queues", 0, "ringTimeout"]`. */
export type DocumentPath = ReadonlyArray<PathSegment>

/** A problem with a scenario before positions are known (decoding issue or semantic check). */
export interface ScenarioIssue {
  readonly path: DocumentPath
  /** What the format wants, in words: `a duration like 20s, 5m, 1h30m or a number of seconds`. */
  readonly expected: string
  /** What the file has, as written (quoted when text): `"20 sec"`. */
  readonly found: string
  /** The whole explanation on one line: `expected …, found …` (with a hint when there is one). */
  readonly message: string
  /** Point at the key itself rather than its value (an unknown key). */
  readonly atKey?: boolean
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/

/** `queues[0].ringTimeout`; keys that are not plain words are quoted: `tenants[1]["a b"]`. */
export const formatPath = (path: DocumentPath): string => {
  let out = ""
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`
    else if (IDENTIFIER.test(segment)) out += out === "" ? segment : `.${segment}`
    else out += `[${JSON.stringify(segment)}]`
  }
  return out
}

const MAX_FOUND = 60

/** A value as the user wrote it, for messages: text in quotes, lists and mappings shortened. */
export const describeFound = (value: unknown): string => {
  if (value === undefined) return "nothing"
  if (value === null) return "null (an empty value)"
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : String(value)
  if (typeof value === "string") return truncate(JSON.stringify(value))
  if (typeof value === "boolean") return String(value)
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : `a list (${truncate(safeJson(value))})`
  if (typeof value === "object") {
    const keys = Object.keys(value)
    return keys.length === 0
      ? "an empty mapping"
      : `a mapping with ${keys.length === 1 ? "key" : "keys"} ${truncate(keys.join(", "))}`
  }
  return truncate(String(value))
}

const safeJson = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/** Cuts long text to a readable length with an ellipsis. */
export const truncate = (text: string, max = MAX_FOUND): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`

/** Builds an issue whose message is `expected X, found Y` (plus an optional hint). */
export const issue = (
  path: DocumentPath,
  expected: string,
  found: string,
  hint = "",
  atKey = false
): ScenarioIssue => ({
  path,
  expected,
  found,
  message: `expected ${expected}, found ${found}${hint}`,
  ...(atKey ? { atKey } : {})
})
