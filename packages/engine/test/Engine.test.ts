import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit } from "effect"
import { Engine, EngineError, TraceRecorder } from "../src/index.ts"
import { oneQueue, qcall, scenario } from "./helpers.ts"

const input = oneQueue({}, [{ id: "alice" }], {
  replications: 3,
  traffic: [{ type: "queue", trackingNumber: "555-0100", arrivals: { ratePerHour: 60 }, handleTime: "1m" }],
  script: { calls: [qcall("+5s", "1m")] }
})

describe("Engine service", () => {
  it.effect("compiles and runs the scenario's replications, each with its own observer", () =>
    Effect.gen(function* () {
      const engine = yield* Engine
      const model = yield* engine.compile(scenario(input))
      const recorders: Array<TraceRecorder> = []
      const stats = yield* engine.runReplications(model, {
        observers: (replication) => {
          const r = new TraceRecorder(model)
          recorders[replication] = r
          return r
        }
      })
      assert.deepStrictEqual(
        stats.map((s) => s.replication),
        [0, 1, 2]
      )
      assert.strictEqual(recorders.length, 3)
      for (const [i, s] of stats.entries()) {
        assert.strictEqual(s.seed, 1)
        assert.strictEqual(recorders[i]!.events.filter((e) => e.event === "call-arrived").length, s.calls)
      }
      // replications draw different numbers
      assert.notDeepEqual(recorders[0]!.events, recorders[1]!.events)
      const one = yield* engine.runReplication(model, { replication: 1, seed: 1 })
      assert.deepStrictEqual(one, stats[1])
    }).pipe(Effect.provide(Engine.layer))
  )

  it.effect("fails with EngineError (InvalidScenario) on a dangling reference", () =>
    Effect.gen(function* () {
      const engine = yield* Engine
      const exit = yield* Effect.exit(
        engine.compile(scenario({ ...input, agents: [{ id: "alice", queues: [{ queue: "missing" }] }] }))
      )
      assert.isTrue(Exit.isFailure(exit))
      const error = yield* Effect.flip(
        engine.compile(scenario({ ...input, agents: [{ id: "alice", queues: [{ queue: "missing" }] }] }))
      )
      assert.instanceOf(error, EngineError)
      assert.strictEqual(error.reason, "InvalidScenario")
      assert.include(error.message, "unknown queue missing")
    }).pipe(Effect.provide(Engine.layer))
  )

  it.effect("fails with EngineError (RunFailed) when an observer throws", () =>
    Effect.gen(function* () {
      const engine = yield* Engine
      const model = yield* engine.compile(scenario(input))
      const broken = new TraceRecorder(model, () => {
        throw new Error("disk full")
      })
      const error = yield* Effect.flip(engine.runReplication(model, { observer: broken }))
      assert.strictEqual(error.reason, "RunFailed")
      assert.strictEqual(error.message, "disk full")
    }).pipe(Effect.provide(Engine.layer))
  )
})
