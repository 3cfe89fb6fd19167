import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { TestClock } from "effect/testing"
import { formatEta, Progress, renderProgress } from "../src/Progress.ts"

describe("renderProgress", () => {
  it.effect("shows the bar, counts, percent and ETA", () =>
    Effect.sync(() => {
      const line = renderProgress({ label: "default", done: 10, total: 40, elapsedMs: 5000, barWidth: 8 })
      assert.strictEqual(line, "default [██░░░░░░] 10/40 25% ETA 0:15")
      assert.strictEqual(
        renderProgress({ label: "x", done: 0, total: 4, elapsedMs: 0, barWidth: 4 }),
        "x [░░░░] 0/4 0% ETA --:--"
      )
      assert.strictEqual(formatEta(3725), "1:02:05")
    })
  )

  it.effect("draws on the sink at most every 100 ms and clears the line at the end", () =>
    Effect.gen(function* () {
      const written: Array<string> = []
      const layer = Layer.succeed(Progress)(Progress.make((text) => written.push(text)))
      yield* Effect.scoped(
        Effect.gen(function* () {
          const bar = yield* (yield* Progress).track("run", 3)
          yield* bar.advance()
          yield* TestClock.adjust("150 millis")
          yield* bar.advance()
          yield* bar.advance()
        })
      ).pipe(Effect.provide(layer))
      assert.strictEqual(written.length, 4)
      assert.include(written[0]!, "0/3")
      assert.include(written[1]!, "2/3")
      assert.include(written[2]!, "3/3 100% ETA 0:00")
      assert.strictEqual(written[3], "\r\u001b[K")
    })
  )
})
