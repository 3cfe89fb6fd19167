import { describe, expect, it } from "vitest"
import { MAX_NESTING, tooDeep } from "../src/Nesting.ts"

describe("tooDeep", () => {
  it("accepts flow nesting up to the limit and points at the first bracket beyond it", () => {
    const nested = (n: number) => `a: ${"[".repeat(n)}${"]".repeat(n)}`
    expect(tooDeep(nested(MAX_NESTING))).toBeUndefined()
    expect(tooDeep(nested(MAX_NESTING + 1))).toEqual({ offset: 3 + MAX_NESTING })
  })

  it("ignores brackets in quoted text and comments", () => {
    const many = "[".repeat(500)
    expect(tooDeep(`a: "${many}"\nb: '${many}'\n# ${many}\nc: x # ${many}`)).toBeUndefined()
  })

  it("counts block nesting by indentation and list markers", () => {
    const block = (n: number) => Array.from({ length: n }, (_, i) => `${" ".repeat(i)}k:`).join("\n")
    expect(tooDeep(block(MAX_NESTING))).toBeUndefined()
    expect(tooDeep(block(MAX_NESTING + 1))).toBeDefined()
    expect(tooDeep(`${"- ".repeat(MAX_NESTING)}x`)).toBeUndefined()
    expect(tooDeep(`${"- ".repeat(MAX_NESTING + 1)}x`)).toBeDefined()
  })

  it("does not count keys at the same indentation as deeper levels", () => {
    expect(tooDeep(Array.from({ length: 10_000 }, (_, i) => `k${i}: 1`).join("\n"))).toBeUndefined()
  })
})
