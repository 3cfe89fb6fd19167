/**
 * Runs the real `ccsim` executable as a subprocess (for exit codes and stream separation), or `main` in-process
 * with a test console.
 */
import { type ChildProcess, spawn } from "node:child_process"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { NodeServices } from "@effect/platform-node"
import { Effect } from "effect"
import { TestConsole } from "effect/testing"
import { hangGuardMs, hangGuardText } from "../../../test-support/HangGuard.ts"
import { main } from "../src/Main.ts"

/** The repository root (commands run from there, like `npx ccsim`). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..")
const node = path.join(repoRoot, "node_modules/.bin/node")
const bin = path.join(repoRoot, "packages/cli/src/bin.ts")

/**
 * The environment without npm's record of where the tests were started (`INIT_CWD`, `npm_command`,
 * `npm_lifecycle_event`): `ccsim` resolves paths from `INIT_CWD` under `npx`, and a test chooses its own `cwd`.
 */
const withoutNpmDirectory = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => {
  const { INIT_CWD: _dir, npm_command: _command, npm_lifecycle_event: _event, ...rest } = env
  return rest
}

/** What a process printed and how it exited. */
export interface Outcome {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/**
 * Starts `ccsim args…` from the repository root; `done` resolves when it exits, however long that takes on a busy
 * machine. Only a process still running after the hang guard is killed, and `done` then rejects saying so.
 */
export const startCcsim = (
  args: ReadonlyArray<string>,
  options: { readonly env?: Record<string, string>; readonly cwd?: string } = {}
): { readonly child: ChildProcess; readonly done: Promise<Outcome> } => {
  const child = spawn(node, [bin, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...withoutNpmDirectory(process.env), NO_COLOR: "1", ...options.env },
    stdio: ["ignore", "pipe", "pipe"]
  })
  const done = new Promise<Outcome>((resolve, reject) => {
    let stdout = ""
    let stderr = ""
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk
    })
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk
    })
    const guard = setTimeout(() => {
      child.kill("SIGKILL")
      reject(new Error(`ccsim ${args.join(" ")} still running after ${hangGuardText} (a hang): killed\n${stderr}`))
    }, hangGuardMs)
    child.on("error", (error) => {
      clearTimeout(guard)
      reject(error)
    })
    child.on("close", (code) => {
      clearTimeout(guard)
      resolve({ code, stdout, stderr })
    })
  })
  return { child, done }
}

/** Runs `ccsim args…` from the repository root; resolves when it exits. */
export const ccsim = (
  args: ReadonlyArray<string>,
  options: { readonly env?: Record<string, string>; readonly cwd?: string } = {}
): Promise<Outcome> => startCcsim(args, options).done

/** Runs `main(args)` in-process with a test console; returns the exit code and the printed lines. */
export const ccsimInProcess = (args: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    // The test console may be shared between calls in one test: keep only what this call printed.
    const before = { out: (yield* TestConsole.logLines).length, err: (yield* TestConsole.errorLines).length }
    const code = yield* main(args)
    const stdout = (yield* TestConsole.logLines).slice(before.out).map(String)
    const stderr = (yield* TestConsole.errorLines).slice(before.err).map(String)
    return { code, stdout, stderr }
  }).pipe(Effect.provide([NodeServices.layer, TestConsole.layer]))
