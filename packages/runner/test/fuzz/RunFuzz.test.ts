import { fileURLToPath } from "node:url"
import fc from "fast-check"
import { afterAll, describe, expect, it } from "vitest"
import { bundledSeeds, makeWorkspace } from "../../../scenario/test/fuzz/Harness.ts"
import { fuzzInput } from "../../../scenario/test/fuzz/Mutations.ts"
import { judgeRun } from "./RunHarness.ts"

/**
 * The loader fuzzer's mutants, run when they decode: CCSIM_FUZZ_RUNS inputs (1,000 by default) in batches of 10
 * with fixed seeds; `npm run fuzz` runs more with fresh seeds.
 */
const RUNS = Number(process.env.CCSIM_FUZZ_RUNS ?? 1000)
const BATCH = 10
const workspace = makeWorkspace()
afterAll(() => workspace.dispose())
const seeds = bundledSeeds()

describe("fuzzing runs of mutated bundled scenarios", () => {
  it("the workspace holds the bundled scenarios", () => {
    expect(fileURLToPath(new URL(".", import.meta.url))).toContain("fuzz")
    expect(seeds.length).toBeGreaterThanOrEqual(50)
  })

  const batches = Array.from({ length: Math.ceil(RUNS / BATCH) }, (_, b) => b)
  it.each(batches)("batch %i: every decoded input runs, or stops with a tagged error of exit 2", async (batch) => {
    const numRuns = Math.min(BATCH, RUNS - batch * BATCH)
    await fc.assert(
      fc.asyncProperty(fuzzInput(seeds), async (input) => {
        expect(await judgeRun(workspace.dir, input), input.steps.join(" · ")).toBeUndefined()
      }),
      { numRuns, seed: 5_000 + batch }
    )
  })
})
