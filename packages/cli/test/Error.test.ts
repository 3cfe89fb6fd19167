import { RunFailed, UnrunnableScenario } from "@ccsim/runner"
import { ScenarioError } from "@ccsim/scenario"
import { assert, describe, it } from "@effect/vitest"
import { CliError } from "effect/cli"
import {
  ExitCode,
  ExpectationsFailed,
  errorExitCode,
  InputError,
  InternalError,
  InvalidFiles,
  OutputError
} from "../src/Error.ts"

describe("errorExitCode", () => {
  it("reads the code each error carries, and decides the foreign ones once", () => {
    assert.strictEqual(errorExitCode(new ExpectationsFailed({ failed: 1, total: 2 })), ExitCode.expectationFailed)
    assert.strictEqual(errorExitCode(new InputError({ subject: "x.yaml", expected: "YAML" })), ExitCode.invalidInput)
    assert.strictEqual(errorExitCode(new OutputError({ path: "out", reason: "denied" })), ExitCode.invalidInput)
    assert.strictEqual(errorExitCode(new InvalidFiles({ invalid: 1, total: 1 })), ExitCode.invalidInput)
    assert.strictEqual(errorExitCode(new InternalError({ message: "bug" })), ExitCode.internal)
    assert.strictEqual(errorExitCode(new UnrunnableScenario({ subject: "x", reason: "y" })), ExitCode.invalidInput)
    assert.strictEqual(errorExitCode(new RunFailed({ message: "worker died" })), ExitCode.internal)
    const problem = { file: "x.yaml", path: "queues[0]", expected: "a queue", found: "1", message: "expected a queue" }
    assert.strictEqual(errorExitCode(new ScenarioError({ ...problem, problems: [problem] })), ExitCode.invalidInput)
    assert.strictEqual(errorExitCode(new CliError.ShowHelp({ commandPath: ["ccsim"], errors: [] })), ExitCode.success)
    const parseError = new CliError.UnrecognizedOption({ option: "--nope", suggestions: [] })
    const badFlag = new CliError.ShowHelp({ commandPath: ["ccsim"], errors: [parseError] })
    assert.strictEqual(errorExitCode(badFlag), ExitCode.invalidInput)
    assert.strictEqual(errorExitCode(new Error("unexpected")), ExitCode.internal)
    assert.strictEqual(errorExitCode("a string"), ExitCode.internal)
  })
})
