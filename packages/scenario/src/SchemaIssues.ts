/**
 * Turns an effect/Schema issue tree into short, located problems a person can act on: unknown keys with a
 * "did you mean", discriminated unions reported by their `type`/`to` field instead of as a dump of every
 * alternative, and messages of the form `expected …, found …`.
 */
import type { SchemaAST, SchemaIssue } from "effect"
import { type DocumentPath, describeFound, issue, type ScenarioIssue } from "./Problem.ts"
import { didYouMean, listOf } from "./Suggest.ts"

/** How the value at a path was written in the source, when known (`1e400` rather than `Infinity`). */
export type SourceText = (path: DocumentPath) => string | undefined

/** Every problem in the issue tree, in the order the decoder met them. */
export const problemsFromSchemaIssue = (
  root: SchemaIssue.Issue,
  input: unknown,
  sourceText: SourceText = () => undefined
): Array<ScenarioIssue> => {
  const out: Array<ScenarioIssue> = []
  const found = (path: DocumentPath, value: unknown): string => {
    if (typeof value === "number" || typeof value === "boolean" || value === null) {
      return sourceText(path) ?? describeFound(value)
    }
    return describeFound(value)
  }

  const walk = (node: SchemaIssue.Issue, path: DocumentPath, value: unknown): void => {
    switch (node._tag) {
      case "Pointer": {
        let next = value
        for (const key of node.path) next = child(next, key)
        walk(node.issue, [...path, ...(node.path as ReadonlyArray<string | number>)], next)
        return
      }
      case "Composite":
        for (const inner of node.issues) walk(inner, path, value)
        return
      case "Encoding":
        walk(node.issue, path, value)
        return
      case "Filter": {
        const annotations = node.filter.annotations
        const message = typeof annotations?.message === "string" ? annotations.message : undefined
        const inner = node.issue._tag === "InvalidValue" ? node.issue.annotations?.message : undefined
        out.push(
          fromMessage(
            path,
            message ?? (typeof inner === "string" ? inner : undefined),
            annotations?.expected,
            found(path, value),
            value
          )
        )
        return
      }
      case "InvalidValue": {
        const message = node.annotations?.message
        out.push(
          fromMessage(
            path,
            typeof message === "string" ? message : undefined,
            node.annotations?.expected,
            found(path, value),
            value
          )
        )
        return
      }
      case "Forbidden": {
        const message = node.annotations?.message
        out.push(issue(path, typeof message === "string" ? message : "something else", found(path, value)))
        return
      }
      case "InvalidType":
        out.push(issue(path, describeAst(node.ast), found(path, value), literalHint(node.ast, value)))
        return
      case "MissingKey": {
        const key = path[path.length - 1]
        out.push({
          path,
          expected: `a value for ${String(key)}`,
          found: "nothing",
          message: `missing required key ${String(key)}`
        })
        return
      }
      case "UnexpectedKey": {
        const key = String(path[path.length - 1])
        const allowed = objectKeys(node.ast)
        out.push(unknownKey(path, key, allowed))
        return
      }
      case "AnyOf":
        union(node, path, value)
        return
      case "OneOf":
        out.push(issue(path, `exactly one of ${describeAst(node.ast)}`, found(path, value)))
        return
    }
  }

  const union = (node: SchemaIssue.AnyOf, path: DocumentPath, value: unknown): void => {
    const tag = discriminant(node.ast)
    if (tag !== undefined && isRecord(value)) {
      const given = value[tag.key]
      if (given === undefined) {
        out.push({
          path: [...path, tag.key],
          expected: `${tag.key}: one of ${listOf(tag.values.map(String))}`,
          found: "nothing",
          message: `missing required key ${tag.key}: expected one of ${listOf(tag.values.map(String))}`
        })
        return
      }
      if (!tag.values.includes(given as string)) {
        out.push(
          issue(
            [...path, tag.key],
            `${tag.key === "to" ? '"to"' : tag.key} to be one of ${listOf(tag.values.map(String))}`,
            found([...path, tag.key], given),
            typeof given === "string" ? suggest(given, tag.values.map(String)) : ""
          )
        )
        return
      }
    }
    if (node.issues.length === 1) {
      walk(node.issues[0]!, path, value)
      return
    }
    if (node.issues.length === 0) {
      out.push(issue(path, describeAst(node.ast), found(path, value), literalHint(node.ast, value)))
      return
    }
    // Several alternatives failed: take the one the input resembles most (fewest missing and unknown keys).
    const scored = node.issues.map((inner) => ({ inner, score: keyProblems(inner) }))
    const best = Math.min(...scored.map((s) => s.score))
    const winners = scored.filter((s) => s.score === best)
    if (winners.length === 1 || best === 0) {
      walk(winners[0]!.inner, path, value)
      return
    }
    const members = node.ast.types.filter((t) => t._tag === "Objects")
    if (isRecord(value) && members.length === node.ast.types.length) {
      const allKeys = new Set(members.flatMap((m) => objectKeys(m)))
      const strangers = Object.keys(value).filter((k) => !allKeys.has(k))
      if (strangers.length > 0) {
        for (const key of strangers) out.push(unknownKey([...path, key], key, [...allKeys]))
        return
      }
      const choices = members.map((m) =>
        requiredKeys(m).filter((k) => !members.every((o) => objectKeys(o).includes(k)))
      )
      const names = choices.map((keys) => keys.join(" and ")).filter((k) => k !== "")
      out.push(issue(path, `exactly one of ${listOf(names)}`, found(path, value)))
      return
    }
    walk(winners[0]!.inner, path, value)
  }

  walk(root, [], input)
  return out
}

const child = (value: unknown, key: PropertyKey): unknown =>
  value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value)

const unknownKey = (path: DocumentPath, key: string, allowed: ReadonlyArray<string>): ScenarioIssue => {
  const hint = suggest(key, allowed)
  return {
    path,
    expected: `one of the keys ${listOf([...allowed])}`,
    found: JSON.stringify(key),
    message: `unknown key ${key}${hint === "" ? `: expected one of ${listOf([...allowed])}` : hint}`,
    atKey: true
  }
}

/** Did-you-mean, also for a prefix (`longest` → `longest-idle`). */
const suggest = (word: string, candidates: ReadonlyArray<string>): string => {
  const close = didYouMean(word, candidates)
  if (close !== "") return close
  const lower = word.toLowerCase()
  if (lower.length < 3) return ""
  const prefixed = candidates.filter((c) => c.toLowerCase().startsWith(lower) || lower.startsWith(c.toLowerCase()))
  return prefixed.length === 1 ? ` (did you mean ${prefixed[0]}?)` : ""
}

const literalHint = (ast: SchemaAST.AST, value: unknown): string => {
  if (typeof value !== "string") return ""
  const literals = literalsOf(ast)
  return literals === undefined ? "" : suggest(value, literals.map(String))
}

/** Counts missing and unknown keys directly under an alternative, to find the one the input was meant to be. */
const keyProblems = (node: SchemaIssue.Issue): number => {
  switch (node._tag) {
    case "Encoding":
      return keyProblems(node.issue)
    case "Composite":
      return node.issues.reduce((n, inner) => {
        if (inner._tag === "Pointer" && (inner.issue._tag === "MissingKey" || inner.issue._tag === "UnexpectedKey")) {
          return n + 1
        }
        return n
      }, 0)
    case "InvalidType":
      return 1000
    default:
      return 0
  }
}

const objectKeys = (ast: SchemaAST.AST): Array<string> =>
  ast._tag === "Objects" ? ast.propertySignatures.map((p) => String(p.name)) : []

const requiredKeys = (ast: SchemaAST.AST): Array<string> =>
  ast._tag === "Objects"
    ? ast.propertySignatures.filter((p) => p.type.context?.isOptional !== true).map((p) => String(p.name))
    : []

/** The key whose literal value tells the alternatives of a union apart (`type`, `to`), if there is one. */
const discriminant = (
  ast: SchemaAST.Union
): { readonly key: string; readonly values: ReadonlyArray<unknown> } | undefined => {
  const members = ast.types
  if (members.length < 2 || !members.every((m) => m._tag === "Objects")) return undefined
  const first = members[0] as SchemaAST.Objects
  for (const candidate of first.propertySignatures) {
    const values: Array<unknown> = []
    const ok = members.every((m) => {
      const prop = (m as SchemaAST.Objects).propertySignatures.find((p) => p.name === candidate.name)
      if (prop === undefined || prop.type._tag !== "Literal") return false
      values.push(prop.type.literal)
      return true
    })
    if (ok && new Set(values).size === values.length) return { key: String(candidate.name), values }
  }
  return undefined
}

const literalsOf = (ast: SchemaAST.AST): ReadonlyArray<unknown> | undefined => {
  if (ast._tag === "Literal") return [ast.literal]
  if (ast._tag === "Union" && ast.types.every((t) => t._tag === "Literal")) {
    return ast.types.map((t) => (t as SchemaAST.Literal).literal)
  }
  return undefined
}

/** What a schema node accepts, in words. */
export const describeAst = (ast: SchemaAST.AST): string => {
  const expected = ast.annotations?.expected
  if (typeof expected === "string") return expected
  const literals = literalsOf(ast)
  if (literals !== undefined) {
    const shown = literals.map((l) => (typeof l === "string" ? l : String(l)))
    return literals.length === 1 ? shown[0]! : `one of ${listOf(shown)}`
  }
  switch (ast._tag) {
    case "String":
      return "text"
    case "Number":
      return "a number"
    case "Boolean":
      return "true or false"
    case "Null":
      return "null"
    case "Objects":
      return "a mapping"
    case "Arrays":
      return "a list"
    case "Union": {
      const parts = [...new Set(ast.types.map(describeAst))]
      return listOf(parts)
    }
    default:
      return "a valid value"
  }
}

const fromMessage = (
  path: DocumentPath,
  message: string | undefined,
  expectedAnnotation: unknown,
  found: string,
  value: unknown
): ScenarioIssue => {
  if (message !== undefined) {
    const withoutFound = message.replace(/, found .*$/, "")
    const expected = withoutFound.replace(/^expected /, "")
    const complete = /, found /.test(message) ? message : `${message}, found ${found}`
    return { path, expected, found, message: complete }
  }
  const expected = humanExpected(typeof expectedAnnotation === "string" ? expectedAnnotation : "a valid value", value)
  return issue(path, expected, found)
}

/** Effect's built-in check descriptions, in the words of this format. */
const humanExpected = (expected: string, value: unknown): string => {
  if (expected === "an integer") {
    return typeof value === "number" && Number.isInteger(value) && !Number.isSafeInteger(value)
      ? `a whole number no larger than ${Number.MAX_SAFE_INTEGER}`
      : "a whole number"
  }
  if (expected === "a finite number") return "a finite number (not infinity or NaN)"
  return expected.replace(/^a value /, "a number ")
}
