import { readFileSync } from "node:fs"
import { join, relative } from "node:path"
import { Ajv2020 } from "ajv/dist/2020.js"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { parse } from "yaml"
import { parseDurationText, scenarioJsonSchema } from "../src/index.ts"
import { DURATION_JSON_PATTERN } from "../src/JsonSchema.ts"
import { filesUnder, repoRoot } from "./Helpers.ts"

const schema = scenarioJsonSchema()
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema)
const read = (file: string): unknown => {
  const text = readFileSync(file, "utf8")
  return file.endsWith(".json") ? JSON.parse(text) : parse(text)
}

describe("scenarioJsonSchema", () => {
  it("is a draft 2020-12 document that closes every object", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema")
    const open: Array<string> = []
    const walk = (node: unknown, path: string) => {
      if (node === null || typeof node !== "object") return
      const record = node as Record<string, unknown>
      if (record.type === "object" && record.properties !== undefined && record.additionalProperties !== false) {
        open.push(path)
      }
      for (const [key, value] of Object.entries(record)) walk(value, `${path}/${key}`)
    }
    walk(schema, "#")
    // The expected trace steps may pin any event field: the only object that stays open.
    expect(open).toEqual(["#/properties/expect/properties/trace/properties/steps/items"])
  })

  it("carries descriptions and defaults", () => {
    type Node = {
      readonly properties: Record<string, Node>
      readonly items: Node
      readonly default?: unknown
      readonly description?: string
    }
    const queue = (schema as unknown as Node).properties.queues!.items.properties
    expect(queue.ringTimeout!.default).toBe("20s")
    expect(queue.ringTimeout!.description).toBe("How long each offer rings before it is a miss (R9).")
    expect(queue.strategy!.default).toBe("longest-idle")
  })

  it.each(filesUnder(join(repoRoot, "scenarios"), /\.(ya?ml|json)$/).map((f) => [relative(repoRoot, f), f]))(
    "accepts %s",
    (_, file) => {
      const ok = validate(read(file))
      expect(validate.errors ?? []).toEqual([])
      expect(ok).toBe(true)
    }
  )

  it.each([
    ["an unknown top-level key", { name: "x", time: {}, agent: [] }, "additionalProperties"],
    ["an unknown queue key", { name: "x", time: {}, queues: [{ id: "q", ringTimout: "20s" }] }, "additionalProperties"],
    ["a missing name", { time: {} }, "required"],
    ["a list for time", { name: "x", time: [] }, "type"],
    ["an unknown strategy", { name: "x", time: {}, queues: [{ id: "q", strategy: "longest" }] }, "enum"],
    [
      "a probability above 1",
      { name: "x", time: {}, agents: [{ id: "a", behaviour: { missProbability: 2 } }] },
      "maximum"
    ]
  ])("rejects %s", (_, value, keyword) => {
    expect(validate(value)).toBe(false)
    expect((validate.errors ?? []).map((e) => e.keyword)).toContain(keyword)
  })

  it("compiles under Ajv's strict mode", () => {
    expect(() => new Ajv2020({ allErrors: true, strict: true }).compile(schema)).not.toThrow()
  })

  it("flags durations the loader refuses, such as 20 sec", () => {
    const queue = (ringTimeout: unknown) => ({ name: "x", time: {}, queues: [{ id: "q", ringTimeout }] })
    expect(validate(queue("20 sec"))).toBe(false)
    expect((validate.errors ?? []).map((e) => e.keyword)).toContain("pattern")
    expect(validate(queue(-5))).toBe(false)
    for (const ok of ["20s", "1h30m", "1.5h", "250ms", " 5m ", 20]) expect(validate(queue(ok)), String(ok)).toBe(true)
  })

  it("has a duration pattern that agrees with the loader's parser", () => {
    const pattern = new RegExp(DURATION_JSON_PATTERN)
    const piece = fc.constantFrom("1", "20", "1.5", "h", "m", "s", "ms", " ", ".", "x", "")
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join("")
        expect(pattern.test(text), JSON.stringify(text)).toBe(parseDurationText(text) !== undefined)
      }),
      { numRuns: 2000 }
    )
  })

  it("matches the committed scenario.schema.json (regenerate with scripts/write-schema.ts)", () => {
    const committed = JSON.parse(readFileSync(join(repoRoot, "packages/scenario/scenario.schema.json"), "utf8"))
    expect(committed).toEqual(schema)
  })
})
