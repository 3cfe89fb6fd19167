import { assert, describe, it } from "@effect/vitest"
import fc from "fast-check"
import { runs } from "../../../test-support/PropertyRuns.ts"
import { partialFileName, shardReplications } from "../src/Shard.ts"

describe("shardReplications", () => {
  it("deals every planned replication from `from` on to exactly one of n shards, k − 1 (mod n) to shard k", () =>
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 9 }), fc.nat(70), (planned, n, from) => {
        const shards = Array.from({ length: n }, (_, k) => shardReplications(planned, { index: k + 1, count: n, from }))
        const all = shards.flat().sort((a, b) => a - b)
        const expected = Array.from({ length: Math.max(0, planned - from) }, (_, i) => from + i)
        assert.deepStrictEqual(all, expected)
        shards.forEach((indices, k) => {
          for (const r of indices) assert.strictEqual(r % n, k)
        })
      }),
      { seed: 13, numRuns: runs(200) }
    ))

  it("states its share in the part's name", () => {
    assert.strictEqual(partialFileName({ index: 2, count: 4, from: 0 }), "part-2-of-4.json")
    assert.strictEqual(partialFileName({ index: 2, count: 4, from: 12 }), "part-2-of-4-from-12.json")
  })
})
