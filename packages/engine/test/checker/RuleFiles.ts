/**
 * Loads the rule scenarios of `scenarios/rules/` with the scenario package's loader (strict decoding and checks).
 */
import { readdirSync } from "node:fs"
import { join, resolve } from "node:path"
import { formatScenarioError, loadScenarioFile, type Scenario } from "@ccsim/scenario"
import { NodeFileSystem } from "@effect/platform-node"
import { Effect } from "effect"

/** The folder of the rule scenarios. */
export const rulesDir = resolve(import.meta.dirname, "../../../../scenarios/rules")

/** The rule scenario files, sorted by name. */
export const ruleFiles = (): ReadonlyArray<string> =>
  readdirSync(rulesDir)
    .filter((name) => name.endsWith(".yaml"))
    .sort()

/** Loads one rule scenario; throws the loader's readable message when the file is invalid. */
export const loadRuleScenario = (name: string): Promise<Scenario> =>
  Effect.runPromise(
    loadScenarioFile(join(rulesDir, name)).pipe(
      Effect.mapError((error) => new Error(formatScenarioError(error))),
      Effect.provide(NodeFileSystem.layer)
    )
  )
