import { readdirSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import fc from "fast-check"
import { afterAll, describe, expect, it } from "vitest"
import { bundledSeeds, judge, makeWorkspace } from "./Harness.ts"
import { fuzzInput } from "./Mutations.ts"

/**
 * The fuzzer in the normal test run: CCSIM_FUZZ_RUNS inputs (1,000 by default) in batches of 10 with fixed seeds (small tests, whatever the machine),
 * so a failure replays; `npm run fuzz` runs 100,000 with fresh seeds. Every input that once broke the invariant
 * is kept in fixtures/ and replayed first.
 */
const RUNS = Number(process.env.CCSIM_FUZZ_RUNS ?? 1000)
const BATCH = 10
const fixtures = fileURLToPath(new URL("./fixtures", import.meta.url))
const workspace = makeWorkspace()
afterAll(() => workspace.dispose())
const seeds = bundledSeeds()

describe("fuzzing the loader with mutated bundled scenarios", () => {
  it("has seeds: every bundled YAML and JSON scenario", () => {
    expect(seeds.length).toBeGreaterThanOrEqual(50)
    expect(seeds.some((s) => s.rel.endsWith(".json"))).toBe(true)
  })

  const kept = readdirSync(fixtures).filter((name) => /\.(ya?ml|json)$/.test(name) && name !== "biome.json")
  it.each(kept)("replays %s, an input that once broke it", async (name) => {
    const rel = readFileSync(`${fixtures}/${name}.why`, "utf8").split("\n")[0]!
    const bytes = new Uint8Array(readFileSync(`${fixtures}/${name}`))
    expect(await judge(workspace.dir, { rel, bytes, steps: [rel] })).toBeUndefined()
  })

  const batches = Array.from({ length: Math.ceil(RUNS / BATCH) }, (_, b) => b)
  it.each(batches)("batch %i: every input ends in success or a one-line ScenarioError", async (batch) => {
    const numRuns = Math.min(BATCH, RUNS - batch * BATCH)
    await fc.assert(
      fc.asyncProperty(fuzzInput(seeds), async (input) => {
        const why = await judge(workspace.dir, input)
        expect(why, input.steps.join(" · ")).toBeUndefined()
      }),
      { numRuns, seed: 1_000 + batch }
    )
  })
})
