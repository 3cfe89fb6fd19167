/**
 * `npm run fuzz` (after the loader fuzzer): runs the decoded mutants of the bundled scenarios, CCSIM_FUZZ_RUNS times
 * (10,000 by default: a run costs more than a load), printing progress; exits 1 naming each input that breaks
 * the invariant (see RunHarness.ts). CCSIM_FUZZ_SEED replays a run.
 */
import { fuzzMain } from "../../../scenario/test/fuzz/FuzzMain.ts"
import { judgeRun } from "./RunHarness.ts"

await fuzzMain({
  describe: (runs) => `running ${runs} fuzzed scenarios`,
  defaultRuns: 10_000,
  progressEvery: 500,
  judge: judgeRun,
  failed: (input) => input.steps.join(" · ")
})
