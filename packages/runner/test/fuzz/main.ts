/**
 * `npm run fuzz` (after the loader fuzzer): runs the decoded mutants of the bundled scenarios, CCSIM_FUZZ_RUNS times
 * (10,000 by default: a run costs more than a load), printing progress; exits 1 naming each input that breaks
 * the invariant (see RunHarness.ts). CCSIM_FUZZ_SEED replays a run.
 */
import fc from "fast-check"
import { bundledSeeds, makeWorkspace } from "../../../scenario/test/fuzz/Harness.ts"
import { fuzzInput } from "../../../scenario/test/fuzz/Mutations.ts"
import { judgeRun } from "./RunHarness.ts"

const runs = Number(process.env.CCSIM_FUZZ_RUNS ?? 10_000)
const seed = Number(process.env.CCSIM_FUZZ_SEED ?? Date.now() % 2 ** 31)
const workspace = makeWorkspace()
let done = 0
let failures = 0
console.log(`running ${runs} fuzzed scenarios, seed ${seed} (CCSIM_FUZZ_SEED to replay)`)
try {
  await fc.assert(
    fc.asyncProperty(fuzzInput(bundledSeeds()), async (input) => {
      const why = await judgeRun(workspace.dir, input)
      if (++done % 500 === 0) console.log(`${done} inputs, ${failures} failures`)
      if (why !== undefined) {
        failures++
        console.log(`FAIL ${input.steps.join(" · ")}: ${why}`)
      }
      return true
    }),
    { numRuns: runs, seed }
  )
} finally {
  workspace.dispose()
}
console.log(`${done} inputs, ${failures} failures`)
process.exitCode = failures === 0 ? 0 : 1
