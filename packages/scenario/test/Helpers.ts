/**
 * Test helpers: paths of the repository's folders and running loader effects against the real file system.
 */

import { readdirSync, statSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { NodeServices } from "@effect/platform-node"
import { Effect, Result } from "effect"
import type { ScenarioError } from "../src/index.ts"

/** The repository root. */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url))
/** Folder of the bad fixtures. */
export const badDir = fileURLToPath(new URL("./fixtures/bad", import.meta.url))

/** Runs a loader effect with Node's file system; the error or the value. */
export const run = <A>(effect: Effect.Effect<A, ScenarioError, unknown>): Promise<Result.Result<A, ScenarioError>> =>
  Effect.runPromise(
    Effect.result(effect).pipe(Effect.provide(NodeServices.layer)) as Effect.Effect<Result.Result<A, ScenarioError>>
  )

/** Every file under `dir` (recursively) whose name matches. */
export const filesUnder = (dir: string, pattern: RegExp): Array<string> => {
  const out: Array<string> = []
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, pattern))
    else if (pattern.test(name)) out.push(path)
  }
  return out
}

/** The error of a failed result; throws when it succeeded. */
export const failure = <A>(result: Result.Result<A, ScenarioError>): ScenarioError => {
  if (Result.isSuccess(result)) throw new Error("expected the scenario to be rejected, but it loaded")
  return result.failure
}
