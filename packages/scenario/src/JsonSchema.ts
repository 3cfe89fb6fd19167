/**
 * The JSON Schema (draft 2020-12) of the scenario file, for editors and other tools. It is as strict as the
 * decoder about keys (`additionalProperties: false`) and carries each field's description and default; values
 * such as cross-references are checked by the loader, not by the JSON Schema; durations carry a pattern.
 */
import { Schema, type SchemaAST } from "effect"
import { Scenario } from "./Scenario.ts"

/** The `$id` of the schema document. */
export const SCENARIO_SCHEMA_ID = "https://ccsim.dev/schema/scenario.json"

interface FieldDoc {
  readonly description?: string
  readonly default?: unknown
}

/** The scenario format as a JSON Schema draft-2020-12 document. */
export const scenarioJsonSchema = (): Record<string, unknown> => {
  const document = Schema.toJsonSchemaDocument(Scenario, { onExcessProperty: "error" })
  const docs = new Map<string, Map<string, FieldDoc>>()
  collectFieldDocs(Scenario.ast, docs, new Set())
  const schema = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: SCENARIO_SCHEMA_ID,
    ...document.schema,
    ...(Object.keys(document.definitions).length > 0 ? { $defs: document.definitions } : {})
  }
  applyFieldDocs(schema, docs)
  simplifyNonEmptyArrays(schema)
  const defs = schema.$defs as Record<string, Record<string, unknown>> | undefined
  for (const name of ["Duration", "RingTimeout"]) {
    const def = defs?.[name]
    if (def !== undefined)
      def.anyOf = [
        { type: "number", minimum: 0 },
        { type: "string", pattern: DURATION_JSON_PATTERN }
      ]
  }
  return schema
}

/**
 * The duration forms as a JSON Schema pattern, so editors flag `20 sec`: `20s`, `5m`, `1h30m`, `1.5h`, `250ms`,
 * `30d`, with spaces around allowed (the loader trims them); a number of seconds is a JSON number, not text.
 */
export const DURATION_JSON_PATTERN =
  "^\\s*(?=\\d)(?:(?:\\d+(?:\\.\\d+)?d)?(?:\\d+(?:\\.\\d+)?h)?(?:\\d+(?:\\.\\d+)?m(?!s))?(?:\\d+(?:\\.\\d+)?s)?(?:\\d+ms)?)\\s*$"

/**
 * A non-empty list comes out as `prefixItems: [X], items: X, minItems: 1`; Ajv's strict mode calls a 1-tuple
 * without `maxItems` ambiguous, and `items: X, minItems: 1` says the same.
 */
const simplifyNonEmptyArrays = (node: unknown): void => {
  if (Array.isArray(node)) {
    for (const item of node) simplifyNonEmptyArrays(item)
    return
  }
  if (node === null || typeof node !== "object") return
  const record = node as Record<string, unknown>
  const prefix = record.prefixItems
  if (Array.isArray(prefix) && prefix.length === 1 && JSON.stringify(prefix[0]) === JSON.stringify(record.items)) {
    delete record.prefixItems
  }
  for (const value of Object.values(record)) simplifyNonEmptyArrays(value)
}

const shapeKey = (names: ReadonlyArray<string>) => [...names].sort().join("|")

/** Key annotations (description, default) of every struct, by the set of its field names. */
const collectFieldDocs = (ast: SchemaAST.AST, docs: Map<string, Map<string, FieldDoc>>, seen: Set<SchemaAST.AST>) => {
  if (seen.has(ast)) return
  seen.add(ast)
  for (const link of ast.encoding ?? []) collectFieldDocs(link.to, docs, seen)
  switch (ast._tag) {
    case "Objects": {
      const key = shapeKey(ast.propertySignatures.map((p) => String(p.name)))
      const fields = docs.get(key) ?? new Map<string, FieldDoc>()
      for (const property of ast.propertySignatures) {
        const annotations = property.type.context?.annotations
        const description = annotations?.description
        const fallback = annotations?.default
        if (typeof description === "string" || fallback !== undefined) {
          fields.set(String(property.name), {
            ...(typeof description === "string" ? { description } : {}),
            ...(fallback !== undefined ? { default: fallback } : {})
          })
        }
        collectFieldDocs(property.type, docs, seen)
      }
      for (const index of ast.indexSignatures) collectFieldDocs(index.type, docs, seen)
      docs.set(key, fields)
      return
    }
    case "Union":
      for (const member of ast.types) collectFieldDocs(member, docs, seen)
      return
    case "Arrays":
      for (const element of ast.elements) collectFieldDocs(element, docs, seen)
      for (const rest of ast.rest) collectFieldDocs(rest, docs, seen)
      return
    default:
      return
  }
}

/** Puts each field's description and default on its property schema. */
const applyFieldDocs = (node: unknown, docs: ReadonlyMap<string, ReadonlyMap<string, FieldDoc>>): void => {
  if (Array.isArray(node)) {
    for (const item of node) applyFieldDocs(item, docs)
    return
  }
  if (node === null || typeof node !== "object") return
  const record = node as Record<string, unknown>
  const properties = record.properties
  if (properties !== null && typeof properties === "object" && !Array.isArray(properties)) {
    const props = properties as Record<string, Record<string, unknown>>
    const fields = docs.get(shapeKey(Object.keys(props)))
    for (const [name, property] of Object.entries(props)) {
      liftDescription(property)
      const doc = fields?.get(name)
      if (doc?.description !== undefined) property.description = doc.description
      if (doc?.default !== undefined) property.default = doc.default
    }
  }
  for (const value of Object.values(record)) applyFieldDocs(value, docs)
}

/** Key descriptions come out as `allOf: [{ description }]`; a plain `description` reads better in editors. */
const liftDescription = (property: Record<string, unknown>) => {
  const allOf = property.allOf
  if (!Array.isArray(allOf)) return
  const rest = allOf.filter((entry) => {
    const keys = Object.keys(entry as object)
    if (keys.length === 1 && keys[0] === "description") {
      property.description = (entry as { description: unknown }).description
      return false
    }
    return true
  })
  if (rest.length === 0) delete property.allOf
  else property.allOf = rest
}
