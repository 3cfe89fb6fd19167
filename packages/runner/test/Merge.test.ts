import * as path from "node:path"
import { fileURLToPath } from "node:url"
import type { Scenario } from "@ccsim/scenario"
import { loadScenarioFile } from "@ccsim/scenario"
import { NodeServices } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit } from "effect"
import { analyze } from "../src/Analysis.ts"
import { estimateTotal, formatReplications, mergedResults, mergeParts } from "../src/Merge.ts"
import { intervalsCsvOf, runDocument } from "../src/RunDocument.ts"
import { Runner, withOverrides } from "../src/Runner.ts"
import { runPartial, type ShardSpec, shardReplications } from "../src/Shard.ts"

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures/passing.yaml")
const load = loadScenarioFile(fixture).pipe(Effect.provide(NodeServices.layer))

/** results.json and intervals.csv of the unsharded run, as `ccsim run` writes them. */
const wholeRun = (scenario: Scenario) =>
  Effect.gen(function* () {
    const outcome = yield* (yield* Runner).run({ scenario, check: true, sample: true })
    const analysis = analyze(scenario, outcome, true)
    return [JSON.stringify(runDocument({ analysis, sample: outcome.sample, raw: true })), intervalsCsvOf(analysis)]
  })

/** Shard `shard`'s part as a file would hold it (JSON text parsed back). */
const part = (scenario: Scenario, shard: ShardSpec, planned = scenario.replications) =>
  Effect.gen(function* () {
    const replications = shardReplications(planned, shard)
    const outcome = yield* (yield* Runner).run({ scenario, check: true, sample: true, replications })
    const partial = runPartial({ scenario, scenarioFile: "s.yaml", check: true, shard, planned, outcome })
    return { file: `part-${shard.index}-of-${shard.count}.json`, json: JSON.parse(JSON.stringify(partial)) as unknown }
  })

const mergedRun = (inputs: ReadonlyArray<{ file: string; json: unknown }>, allowMissing = false) =>
  Effect.gen(function* () {
    const merged = yield* mergeParts(inputs, { allowMissing })
    const { analysis, document } = mergedResults(merged, { raw: true })
    return [JSON.stringify(document), intervalsCsvOf(analysis)]
  })

const refusal = (inputs: ReadonlyArray<{ file: string; json: unknown }>) =>
  Effect.gen(function* () {
    const exit = yield* Effect.exit(mergeParts(inputs, { allowMissing: false }))
    assert.isTrue(Exit.isFailure(exit))
    const error = Exit.isFailure(exit) ? exit.cause.reasons.find((r) => r._tag === "Fail")?.error : undefined
    assert.strictEqual(error?._tag, "MergeRefused")
    return error?.message ?? ""
  })

describe("merge", () => {
  it.live("for 1 to 4 shards, in any order, the merge is the unsharded run byte for byte", () =>
    Effect.gen(function* () {
      const scenario = withOverrides(yield* load, { seed: 3, replications: 5 })
      const whole = yield* wholeRun(scenario)
      for (let n = 1; n <= 4; n++) {
        const parts = yield* Effect.forEach(
          Array.from({ length: n }, (_, k) => k + 1),
          (index) => part(scenario, { index, count: n, from: 0 })
        )
        assert.deepStrictEqual(yield* mergedRun(parts), whole, `${n} shards`)
        assert.deepStrictEqual(yield* mergedRun([...parts].reverse()), whole, `${n} shards, reversed`)
      }
    }).pipe(Effect.provide(Runner.layer({ threads: 1 })))
  )

  it.live("refuses a part given twice, a part of another seed, a missing share, naming the parts", () =>
    Effect.gen(function* () {
      const scenario = withOverrides(yield* load, { seed: 3, replications: 4 })
      const one = yield* part(scenario, { index: 1, count: 2, from: 0 })
      const two = yield* part(scenario, { index: 2, count: 2, from: 0 })
      const otherSeed = yield* part(withOverrides(scenario, { seed: 4, replications: undefined }), {
        index: 2,
        count: 2,
        from: 0
      })
      const otherFile = { ...two, file: "elsewhere/part-2-of-2.json" }
      assert.strictEqual(yield* refusal([one, two, one]), "part-1-of-2.json is given twice")
      assert.match(yield* refusal([two, otherFile, one]), /replication 1 is in both part-2-of-2\.json and elsewhere/)
      assert.strictEqual(
        yield* refusal([one, { ...otherSeed, file: "seed4.json" }]),
        "parts of different seeds cannot be merged: part-1-of-2.json (3) vs seed4.json (4)"
      )
      assert.match(yield* refusal([one]), /^replications 1, 3 of 0–3 are in none of part-1-of-2\.json/)
      const busier = { ...scenario, agents: scenario.agents.map((a) => ({ ...a, count: 4 })) }
      const otherScenario = { ...(yield* part(busier, { index: 2, count: 2, from: 0 })), file: "busier.json" }
      assert.match(
        yield* refusal([one, otherScenario]),
        /^parts of different scenarios cannot be merged: part-1-of-2\.json \(scenario [0-9a-f]{12}…\) vs busier\.json/
      )
      const edited = { ...two, json: { ...(two.json as object), outputs: "none" } }
      assert.match(yield* refusal([one, edited]), /^part-2-of-2\.json: outputs: expected array/)
      const future = { ...two, json: { ...(two.json as object), partialVersion: 99 } }
      assert.match(yield* refusal([future]), /partialVersion: expected partial version 1 .* found 99/)
      const sweep = { ...two, json: { ...(two.json as object), kind: "sweep" } }
      assert.match(yield* refusal([sweep]), /kind: expected a part of run, found "sweep"/)
      const [document] = yield* mergedRun([one], true)
      assert.deepStrictEqual((JSON.parse(document!) as { incomplete: unknown }).incomplete, {
        missingReplications: [1, 3],
        note: "merged with --allow-missing: replications 1, 3 of 0–3 are missing"
      })
    }).pipe(Effect.provide(Runner.layer({ threads: 1 })))
  )

  it.live("with a precision target, keeps the fewest replications that meet it, as the unsharded run", () =>
    Effect.gen(function* () {
      const base = yield* load
      const scenario = {
        ...withOverrides(base, { seed: 5, replications: 3 }),
        run: { ...base.run, targetRelativeHalfWidth: 0.5, maxReplications: 40 }
      }
      const whole = yield* wholeRun(scenario)
      const wholeCount = (JSON.parse(whole[0]!) as { replications: number }).replications
      assert.isAbove(wholeCount, 3)
      // The first parts (3 planned) are not enough: the merge asks for more, from replication 3 on.
      const first = yield* Effect.forEach([1, 2], (index) => part(scenario, { index, count: 2, from: 0 }))
      const early = yield* mergeParts(first, { allowMissing: false })
      assert.strictEqual(early.outcome.precisionReached, false)
      const more = early.more
      assert.isDefined(more)
      assert.strictEqual(more?.held, 3)
      // Added shards up to the estimate, then (if short) up to the ceiling: the merge then equals the whole run.
      let parts = first
      let held = 3
      let total = more!.total
      while (held < wholeCount) {
        const added = yield* Effect.forEach([1, 2], (index) =>
          part(scenario, { index, count: 2, from: held }, total).pipe(
            Effect.map((p) => ({ ...p, file: `${p.file}@${held}` }))
          )
        )
        parts = [...parts, ...added]
        const merged = yield* mergeParts(parts, { allowMissing: false })
        held = total
        total = merged.more?.total ?? total
      }
      assert.deepStrictEqual(yield* mergedRun(parts), whole)
    }).pipe(Effect.provide(Runner.layer({ threads: 1 })))
  )

  it("estimates the replications a target needs from the half-width's 1/√n shrinkage, within bounds", () => {
    assert.strictEqual(estimateTotal(10, 0.2, 0.1, 100), 40)
    assert.strictEqual(estimateTotal(10, 0.2, 0.1, 30), 30)
    assert.strictEqual(estimateTotal(10, 0.1001, 0.1, 100), 11)
    assert.strictEqual(estimateTotal(10, null, 0.1, 100), 20)
    assert.strictEqual(formatReplications([0, 1, 2, 5, 7, 8]), "0–2, 5, 7–8")
  })
})
