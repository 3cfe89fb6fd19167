import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runs } from "../../../test-support/PropertyRuns.ts"
import { parseShard, shardFiles } from "../src/Shard.ts"

describe("parseShard", () => {
  it("accepts k/n with 1 ≤ k ≤ n", () => {
    expect(parseShard("1/2")).toEqual({ index: 1, count: 2 })
    expect(parseShard(" 3 / 3 ")).toEqual({ index: 3, count: 3 })
  })
  it.each(["0/2", "3/2", "1/0", "a/b", "1", "1/2/3", "-1/2", ""])("rejects %j", (text) => {
    expect(parseShard(text)).toBeUndefined()
  })
})

describe("shardFiles", () => {
  it("deals sorted paths round-robin", () => {
    const files = ["d.yaml", "a.yaml", "c.yaml", "b.yaml", "e.yaml"]
    expect(shardFiles(files, { index: 1, count: 2 })).toEqual(["a.yaml", "c.yaml", "e.yaml"])
    expect(shardFiles(files, { index: 2, count: 2 })).toEqual(["b.yaml", "d.yaml"])
  })

  it("puts every file in exactly one shard, shards within one file of each other", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 40 }), fc.integer({ min: 1, max: 7 }), (files, count) => {
        const shards = Array.from({ length: count }, (_, i) => shardFiles(files, { index: i + 1, count }))
        expect(shards.flat().sort()).toEqual([...files].sort())
        const sizes = shards.map((s) => s.length)
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
        // The same files in another order give the same shards.
        expect(shardFiles([...files].reverse(), { index: 1, count })).toEqual(shards[0])
      }),
      { seed: 42, numRuns: runs(200) }
    )
  })
})
