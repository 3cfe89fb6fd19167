import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runs } from "../../../../test-support/PropertyRuns.ts"
import { Deadlines } from "../../src/checker/Deadlines.ts"

describe("Deadlines", () => {
  it("pops deadlines before a time in time order, ties in insertion order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (times, until) => {
          const heap = new Deadlines()
          const subjects = times.map((t, i) => ({ t, i }))
          for (const s of subjects) heap.push({ t: s.t, kind: "ring", subject: s })
          const popped: Array<{ t: number; i: number }> = []
          for (let d = heap.popBefore(until); d !== undefined; d = heap.popBefore(until))
            popped.push(d.subject as { t: number; i: number })
          const expected = subjects.filter((s) => s.t < until).sort((a, b) => a.t - b.t || a.i - b.i)
          expect(popped).toEqual(expected)
          expect(heap.size).toBe(times.length - expected.length)
        }
      ),
      { seed: 42, numRuns: runs(200) }
    )
  })
})
