import { describe, expect, it } from "vitest"
import { formatProblem, formatScenarioError, ScenarioError } from "../src/index.ts"
import { fileError, scenarioError } from "../src/ScenarioError.ts"

describe("ScenarioError", () => {
  it("formats one line per problem: file:line:column: path: message", () => {
    expect(
      formatProblem({
        file: "s.yaml",
        line: 3,
        column: 5,
        path: "queues[0].id",
        expected: "x",
        found: "y",
        message: "m"
      })
    ).toBe("s.yaml:3:5: queues[0].id: m")
    expect(formatProblem({ file: "f.csv", line: 7, path: "offered", expected: "x", found: "y", message: "m" })).toBe(
      "f.csv:7: offered: m"
    )
    expect(formatProblem({ file: "s.yaml", path: "", expected: "x", found: "y", message: "m" })).toBe("s.yaml: m")
  })

  it("orders problems by position and describes the first one in its fields", () => {
    const error = scenarioError([
      { file: "s.yaml", line: 9, column: 1, path: "b", expected: "e2", found: "f2", message: "second" },
      { file: "s.yaml", line: 2, column: 7, path: "a", expected: "e1", found: "f1", message: "first" }
    ])
    expect(error).toBeInstanceOf(ScenarioError)
    expect([error.line, error.column, error.path, error.expected, error.found]).toEqual([2, 7, "a", "e1", "f1"])
    expect(error.message).toBe("first")
    expect(formatScenarioError(error)).toBe("s.yaml:2:7: a: first\ns.yaml:9:1: b: second")
    expect(String(error)).toBe(formatScenarioError(error))
    expect(error.format()).toBe(formatScenarioError(error))
  })

  it("describes problems with the whole file", () => {
    const error = fileError("x.txt", "a .yaml file", ".txt", "expected a .yaml file, found .txt")
    expect(error.format()).toBe("x.txt: expected a .yaml file, found .txt")
    expect(error.line).toBeUndefined()
  })
})
