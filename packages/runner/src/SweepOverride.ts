/**
 * A minimal `--set PATH=VALUE` for the sweep: sets one field of an ENCODED scenario (as written in a file) by a
 * path of ids — `run.loadMultiplier`, `settings.holdAndAccept`, `queues[service].ringTimeout`,
 * `agents[csr-early].count`, nested fields with dots (`queues[service].serviceLevel.threshold`). The value is
 * parsed as a number or a boolean when it reads as one, else kept as text; decoding the result checks it.
 *
 * Stand-in for the full overrides of issue 11 (Overrides.ts `applyOverrides`): the sweep only sees the
 * {@link SetOverride} signature, so swapping this file out changes nothing else.
 */
import { Result } from "effect"

/** Sets `path` to `value` in an encoded scenario; a new document, or why the path is wrong. */
export type SetOverride = (encoded: unknown, path: string, value: string) => Result.Result<unknown, string>

type Doc = Record<string, unknown>

const isDoc = (value: unknown): value is Doc => typeof value === "object" && value !== null && !Array.isArray(value)

/** `queues[service]` → ["queues", "service"]; `run` → ["run", undefined]. */
const segmentOf = (text: string): readonly [string, string | undefined] => {
  const open = text.indexOf("[")
  return open > 0 && text.endsWith("]") ? [text.slice(0, open), text.slice(open + 1, -1)] : [text, undefined]
}

const keysOf = (doc: Doc): string => Object.keys(doc).sort().join(", ")

/** `1.2` → 1.2, `true` → true, `30s` → "30s". */
const parseValue = (text: string): unknown => {
  if (text === "true") return true
  if (text === "false") return false
  const n = Number(text)
  return text.trim() !== "" && Number.isFinite(n) ? n : text
}

/** The sections with ids (lists of entries) and the plain sections an override may address. */
const LISTS = ["queues", "agents", "tenants", "workflows"]
const SECTIONS = ["run", "settings", "time", "customerDirectory"]

/** {@link SetOverride} on plain data: copies along the path, so `encoded` is never changed. */
export const setOverride: SetOverride = (encoded, path, value) => {
  if (!isDoc(encoded)) return Result.fail("the scenario is not a mapping")
  const parts = path.split(".")
  const [head, id] = segmentOf(parts[0] ?? "")
  if (parts.length < 2 || !(id === undefined ? SECTIONS : LISTS).includes(head)) {
    return Result.fail(
      `unknown override path ${path}: expected run.<key>, settings.<key>, time.<key>, customerDirectory.<key> or ${LISTS.map((l) => `${l}[<id>].<key>`).join(", ")}`
    )
  }
  const set = (doc: Doc, keys: ReadonlyArray<string>, at: string): Result.Result<Doc, string> => {
    const [key, ...rest] = keys as [string, ...Array<string>]
    if (!(key in doc))
      return Result.fail(`unknown override path ${path}: ${at} has no key ${key} (keys: ${keysOf(doc)})`)
    if (rest.length === 0) return Result.succeed({ ...doc, [key]: parseValue(value) })
    const inner = doc[key]
    if (!isDoc(inner)) return Result.fail(`unknown override path ${path}: ${at}.${key} has no fields`)
    return Result.map(set(inner, rest, `${at}.${key}`), (changed) => ({ ...doc, [key]: changed }))
  }
  const section = encoded[head]
  if (id === undefined) {
    if (!isDoc(section)) return Result.fail(`unknown override path ${path}: the scenario has no ${head}`)
    return Result.map(set(section, parts.slice(1), head), (changed) => ({ ...encoded, [head]: changed }))
  }
  const list = Array.isArray(section) ? section : []
  const index = list.findIndex((entry) => isDoc(entry) && entry.id === id)
  if (index < 0) {
    const ids = list.flatMap((entry) => (isDoc(entry) && typeof entry.id === "string" ? [entry.id] : []))
    return Result.fail(`unknown override path ${path}: no ${head} entry ${id} (ids: ${ids.join(", ") || "none"})`)
  }
  return Result.map(set(list[index] as Doc, parts.slice(1), `${head}[${id}]`), (changed) => ({
    ...encoded,
    [head]: list.map((entry, i) => (i === index ? changed : entry))
  }))
}
