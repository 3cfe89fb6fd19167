import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { bisect } from "../src/Bisection.ts"

/** Points that hold below `limit`; every batch is recorded. */
const probe = (limit: number) => {
  const batches: Array<ReadonlyArray<number>> = []
  const evaluate = (xs: ReadonlyArray<number>) =>
    Effect.sync(() => {
      batches.push(xs)
      return xs.map((x) => ({ x, holds: x <= limit }))
    })
  return { batches, evaluate }
}

describe("bisect", () => {
  it.effect("narrows a continuous break to the tolerance, easy side holding, hard side failing", () =>
    Effect.gen(function* () {
      const { batches, evaluate } = probe(1.234)
      const r = yield* bisect({ easy: 0.5, hard: 2, tolerance: 0.01, integer: false, evaluate })
      assert.isAtMost(r.hard - r.easy, 0.01)
      assert.isTrue(r.easy <= 1.234 && 1.234 < r.hard)
      assert.deepStrictEqual(batches[0], [0.5, 2])
      assert.isTrue(batches.slice(1).every((b) => b.length === 1))
      // every holding probe lies below every failing one
      const held = r.points.filter((p) => p.holds).map((p) => p.x)
      const failed = r.points.filter((p) => !p.holds).map((p) => p.x)
      assert.isBelow(Math.max(...held), Math.min(...failed))
    })
  )

  it.effect("on whole numbers with the easy end above (agents), ends one apart", () =>
    Effect.gen(function* () {
      // holds from 11 agents up: "x <= limit" with negated values
      const { evaluate } = probe(-11)
      const r = yield* bisect({
        easy: 20,
        hard: 3,
        tolerance: 1,
        integer: true,
        evaluate: (xs) => Effect.map(evaluate(xs.map((x) => -x)), (ps) => ps.map((p) => ({ ...p, x: -p.x })))
      })
      assert.deepStrictEqual([r.easy, r.hard], [11, 10])
      assert.isTrue(r.points.every((p) => Number.isInteger(p.x)))
    })
  )

  it.effect("stops after the ends when they do not straddle a break", () =>
    Effect.gen(function* () {
      const holds = probe(10)
      const all = yield* bisect({ easy: 1, hard: 2, tolerance: 0.01, integer: false, evaluate: holds.evaluate })
      assert.strictEqual(all.points.length, 2)
      const fails = probe(0)
      const none = yield* bisect({ easy: 1, hard: 2, tolerance: 0.01, integer: false, evaluate: fails.evaluate })
      assert.strictEqual(none.points.length, 2)
    })
  )
})
