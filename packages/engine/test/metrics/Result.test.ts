import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runs } from "../../../../test-support/PropertyRuns.ts"
import { mergeAll, mergeResults, ResultMergeError } from "../../src/metrics/Result.ts"
import { syntheticResult } from "./synthetic.ts"

const results = Array.from({ length: 6 }, (_, r) => syntheticResult(r))

describe("mergeResults", () => {
  it("adds counts and times, takes maxima, and unites replication indices", () => {
    const [a, b] = [results[0]!, results[1]!]
    const m = mergeResults(a, b)
    expect(m.replications).toEqual([0, 1])
    expect(m.total.counts.offered).toBe(a.total.counts.offered + b.total.counts.offered)
    expect(m.total.counts.waitAllMs).toBe(a.total.counts.waitAllMs + b.total.counts.waitAllMs)
    expect(m.total.counts.maxWaitMs).toBe(Math.max(a.total.counts.maxWaitMs, b.total.counts.maxWaitMs))
    expect(m.agents[0]!.counts.busyMs).toBe(a.agents[0]!.counts.busyMs + b.agents[0]!.counts.busyMs)
    expect(m.intervals[1]!.signedInMs).toBe(a.intervals[1]!.signedInMs + b.intervals[1]!.signedInMs)
    const histogramCount = (h: ReadonlyArray<readonly [number, number]>) => h.reduce((s, [, c]) => s + c, 0)
    expect(histogramCount(m.total.waitHistogram)).toBe(a.total.counts.answered + b.total.counts.answered)
  })

  it("is associative and order-independent to the byte, for any grouping", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(results, { minLength: 2 }), fc.nat(), (subset, cut) => {
        const sorted = [...subset].sort((x, y) => x.replications[0]! - y.replications[0]!)
        const split = 1 + (cut % (subset.length - 1))
        const grouped = mergeResults(mergeAll(subset.slice(0, split)), mergeAll(subset.slice(split)))
        return JSON.stringify(grouped) === JSON.stringify(mergeAll(sorted))
      }),
      { seed: 42, numRuns: runs(60) }
    )
  })

  it("refuses to merge a replication twice or results of different shapes", () => {
    expect(() => mergeResults(results[0]!, results[0]!)).toThrow(ResultMergeError)
    const other = { ...results[1]!, queues: [] }
    expect(() => mergeResults(results[0]!, other)).toThrow(/queues differ/)
    expect(() => mergeAll([])).toThrow(ResultMergeError)
  })

  it("is plain JSON data", () => {
    const json = JSON.stringify(results[0])
    expect(JSON.parse(json)).toEqual(results[0])
  })
})
