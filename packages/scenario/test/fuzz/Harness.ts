/**
 * The fuzzer's harness: writes an input where its bundled scenario lives (a private copy of `scenarios/`, so CSV
 * paths resolve), loads it the way `ccsim validate` does, and judges the outcome. Every input must end in success
 * or a `ScenarioError` whose lines are single lines without stack traces, control characters or internal
 * messages; anything else (a defect, an untagged error, a leaked RangeError) is a failure.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, extname, join, relative } from "node:path"
import { NodeServices } from "@effect/platform-node"
import { Effect } from "effect"
import { loadScenarioFile } from "../../src/index.ts"
import { repoRoot } from "../Helpers.ts"
import type { FuzzInput, Seed } from "./Mutations.ts"

/** The bundled scenarios (YAML and JSON under `scenarios/`), the fuzzer's seeds. */
export const bundledSeeds = (): Array<Seed> => {
  const root = join(repoRoot, "scenarios")
  const out: Array<Seed> = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (/\.(ya?ml|json)$/.test(name)) out.push({ rel: relative(root, path), text: readFileSync(path, "utf8") })
    }
  }
  walk(root)
  return out
}

/** A private copy of `scenarios/` to write inputs into; `dispose` removes it. */
export const makeWorkspace = () => {
  const dir = mkdtempSync(join(tmpdir(), "ccsim-fuzz-"))
  cpSync(join(repoRoot, "scenarios"), dir, { recursive: true })
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) }
}

// Messages that mean an internal error leaked through instead of a sentence about the input.
const INTERNAL =
  /Maximum call stack|Invalid regular expression|RangeError|TypeError|Cannot read prop|is not a function|undefined is not|\bat .*\(.*:\d+:\d+\)/

/** Why the outcome of `input` breaks the invariant, or `undefined` when it holds. */
export const judge = async (workspace: string, input: FuzzInput): Promise<string | undefined> => {
  const file = join(workspace, dirname(input.rel), `fuzz-input${extname(input.rel)}`)
  writeFileSync(file, input.bytes)
  let result: Awaited<ReturnType<typeof run>>
  try {
    result = await run(file)
  } catch (cause) {
    return `defect: ${String(cause).split("\n")[0]}`
  }
  if (result._tag === "Success") return undefined
  const error = result.failure as unknown as { _tag?: unknown; problems?: unknown; format?: unknown }
  if (error._tag !== "ScenarioError" || typeof error.format !== "function") return `untagged error: ${String(error)}`
  const problems = (error.problems as ReadonlyArray<{ message: string; found: string; expected: string }>) ?? []
  if (problems.length === 0) return "a ScenarioError without problems"
  for (const problem of problems) {
    for (const text of [problem.message, problem.found, problem.expected]) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for
      if (/[\u0000-\u001f\u007f]/.test(text)) return `control character in ${JSON.stringify(text.slice(0, 200))}`
      if (INTERNAL.test(text)) return `internal message: ${text.slice(0, 200)}`
    }
  }
  return undefined
}

const run = (file: string) =>
  Effect.runPromise(Effect.result(loadScenarioFile(file)).pipe(Effect.provide(NodeServices.layer)))

/** Keeps an input that broke the invariant, for the replay test. */
export const keepFixture = (fixtures: string, input: FuzzInput, why: string): string => {
  const name = `${input.rel.replaceAll("/", "_").replace(/\.[^.]+$/, "")}-${hash(input.bytes)}${extname(input.rel)}`
  writeFileSync(join(fixtures, name), input.bytes)
  writeFileSync(join(fixtures, `${name}.why`), `${input.steps.join("\n")}\nfailed: ${why}\n`)
  return name
}

const hash = (bytes: Uint8Array): string => {
  let h = 2166136261
  for (const b of bytes) h = Math.imul(h ^ b, 16777619) >>> 0
  return h.toString(16).padStart(8, "0")
}
