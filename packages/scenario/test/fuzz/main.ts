/**
 * `npm run fuzz`: mutates the bundled scenarios and loads each input as `ccsim validate` does, CCSIM_FUZZ_RUNS
 * times (100,000 by default), printing progress. Every input that breaks the invariant is written to
 * `fixtures/` (with a `.why` file naming the mutations) for the replay test, and the run exits 1.
 */
import { fileURLToPath } from "node:url"
import { fuzzMain } from "./FuzzMain.ts"
import { judge, keepFixture } from "./Harness.ts"

const fixtures = fileURLToPath(new URL("./fixtures", import.meta.url))

await fuzzMain({
  describe: (runs) => `fuzzing ${runs} inputs`,
  defaultRuns: 100_000,
  progressEvery: 1000,
  judge,
  failed: (input, why) => keepFixture(fixtures, input, why)
})
