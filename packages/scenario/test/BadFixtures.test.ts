import { readFileSync } from "node:fs"
import { basename } from "node:path"
import { describe, expect, it } from "vitest"
import { loadScenarioFile, ScenarioError } from "../src/index.ts"
import { badDir, failure, filesUnder, run } from "./Helpers.ts"

/**
 * Every file in fixtures/bad is a scenario with one deliberate mistake. Its `.expect` sibling holds the first line
 * of the error (file:line:column: path: message) and the expected/found fields; `{dir}` stands for the folder.
 */
const fixtures = filesUnder(badDir, /\.(ya?ml|json)$/)

const expectation = (file: string) => {
  const text = readFileSync(`${file}.expect`, "utf8").split("{dir}").join(badDir)
  const field = (name: string) => {
    const line = text.split("\n").find((l) => l.startsWith(`${name}: `))
    if (line === undefined) throw new Error(`${file}.expect has no ${name}: line`)
    return line.slice(name.length + 2)
  }
  return { error: field("error"), expected: field("expected"), found: field("found") }
}

describe("bad scenario files", () => {
  it("has at least 60 fixtures, each with an expectation", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(60)
    for (const file of fixtures) expect(() => expectation(file), basename(file)).not.toThrow()
  })

  it.each(fixtures.map((file) => [basename(file), file]))("%s is rejected with a located message", async (_, file) => {
    const want = expectation(file)
    const error = failure(await run(loadScenarioFile(file)))
    expect(error).toBeInstanceOf(ScenarioError)
    expect(error._tag).toBe("ScenarioError")
    const lines = error.format().split("\n")
    expect(lines[0]).toBe(want.error)
    expect(error.expected).toBe(want.expected)
    expect(error.found).toBe(want.found)
    // The fields agree with the first line, and no line is a stack trace.
    const location = [error.file, error.line, error.column].filter((x) => x !== undefined).join(":")
    expect(lines[0]!.startsWith(`${location}: `)).toBe(true)
    if (error.path !== "") expect(lines[0]).toContain(`: ${error.path}: `)
    for (const line of lines) expect(line).not.toMatch(/^\s+at /)
  })
})
