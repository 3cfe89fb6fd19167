/**
 * `npm run fuzz`: mutates the bundled scenarios and loads each input as `ccsim validate` does, CCSIM_FUZZ_RUNS
 * times (100,000 by default), printing progress. Every input that breaks the invariant is written to
 * `fixtures/` (with a `.why` file naming the mutations) for the replay test, and the run exits 1.
 */
import { fileURLToPath } from "node:url"
import fc from "fast-check"
import { bundledSeeds, judge, keepFixture, makeWorkspace } from "./Harness.ts"
import { fuzzInput } from "./Mutations.ts"

const runs = Number(process.env.CCSIM_FUZZ_RUNS ?? 100_000)
const seed = Number(process.env.CCSIM_FUZZ_SEED ?? Date.now() % 2 ** 31)
const fixtures = fileURLToPath(new URL("./fixtures", import.meta.url))
const workspace = makeWorkspace()
let done = 0
let failures = 0
console.log(`fuzzing ${runs} inputs, seed ${seed} (CCSIM_FUZZ_SEED to replay)`)
try {
  await fc.assert(
    fc.asyncProperty(fuzzInput(bundledSeeds()), async (input) => {
      const why = await judge(workspace.dir, input)
      if (++done % 1000 === 0) console.log(`${done} inputs, ${failures} failures`)
      if (why !== undefined) {
        failures++
        console.log(`FAIL ${keepFixture(fixtures, input, why)}: ${why}`)
      }
      // Keep going after a failure: the fixture is kept, and the run reports every one.
      return true
    }),
    { numRuns: runs, seed }
  )
} finally {
  workspace.dispose()
}
console.log(`${done} inputs, ${failures} failures`)
process.exitCode = failures === 0 ? 0 : 1
