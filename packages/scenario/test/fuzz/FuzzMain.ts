/**
 * The loop both `npm run fuzz` entries share (the loader's, then the runner's): CCSIM_FUZZ_RUNS inputs mutated from
 * the bundled scenarios (CCSIM_FUZZ_SEED replays a run), each judged in one scratch workspace; progress every
 * `progressEvery` inputs; every input that breaks the invariant is reported and the run goes on, then exits 1.
 */
import fc from "fast-check"
import { bundledSeeds, makeWorkspace } from "./Harness.ts"
import { type FuzzInput, fuzzInput } from "./Mutations.ts"

export interface FuzzMainOptions {
  /** What is run, for the first line: "fuzzing" or "running … fuzzed scenarios". */
  readonly describe: (runs: number) => string
  readonly defaultRuns: number
  readonly progressEvery: number
  /** Why the input breaks the invariant, or undefined. */
  readonly judge: (workspace: string, input: FuzzInput) => Promise<string | undefined>
  /** The name printed after FAIL (the loader keeps a fixture and prints its file). */
  readonly failed: (input: FuzzInput, why: string) => string
}

export const fuzzMain = async (options: FuzzMainOptions): Promise<void> => {
  const runs = Number(process.env.CCSIM_FUZZ_RUNS ?? options.defaultRuns)
  const seed = Number(process.env.CCSIM_FUZZ_SEED ?? Date.now() % 2 ** 31)
  const workspace = makeWorkspace()
  let done = 0
  let failures = 0
  console.log(`${options.describe(runs)}, seed ${seed} (CCSIM_FUZZ_SEED to replay)`)
  try {
    await fc.assert(
      fc.asyncProperty(fuzzInput(bundledSeeds()), async (input) => {
        const why = await options.judge(workspace.dir, input)
        if (++done % options.progressEvery === 0) console.log(`${done} inputs, ${failures} failures`)
        if (why !== undefined) {
          failures++
          console.log(`FAIL ${options.failed(input, why)}: ${why}`)
        }
        // Keep going after a failure: the run reports every one.
        return true
      }),
      { numRuns: runs, seed }
    )
  } finally {
    workspace.dispose()
  }
  console.log(`${done} inputs, ${failures} failures`)
  process.exitCode = failures === 0 ? 0 : 1
}
