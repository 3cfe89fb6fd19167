import { Scenario } from "@ccsim/scenario"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { Executor } from "../src/Executor.ts"
import { staffDay } from "../src/Staff.ts"
import { staffingCsv, staffingDocument } from "../src/StaffDocument.ts"

const scenario = Schema.decodeUnknownSync(Scenario)({
  name: "staff determinism",
  seed: 3,
  time: { open: "09:00", close: "10:30", intervalMinutes: 30 },
  queues: [{ id: "q", serviceLevel: { threshold: "20s" } }],
  workflows: [{ id: "w", trackingNumbers: ["555-0100"], steps: [{ to: "queue", queue: "q" }] }],
  agents: [{ id: "team", count: 2, queues: [{ queue: "q" }], behaviour: { missProbability: 0.05 } }],
  traffic: [
    {
      type: "queue",
      trackingNumber: "555-0100",
      arrivals: { perInterval: [15, 30, 20] },
      handleTime: { type: "exponential", mean: "3m" },
      patience: { type: "exponential", mean: "3m" }
    }
  ]
})

const staff = staffDay({
  scenario,
  subject: "inline",
  targets: [],
  confidence: 0.9,
  replications: 6,
  shrinkage: 0.2,
  maxOccupancy: 0.9,
  maxIterations: 6,
  shifts: undefined
}).pipe(Effect.map((result) => `${JSON.stringify(staffingDocument(result))}\n${staffingCsv(result, undefined)}`))

describe("staffDay", () => {
  it.live("gives the same staffing and files in this thread and on two worker threads", () =>
    Effect.gen(function* () {
      const local = yield* staff.pipe(Effect.provide(Executor.layerInProcess))
      const previous = process.env.CCSIM_PARALLEL_THRESHOLD_MS
      process.env.CCSIM_PARALLEL_THRESHOLD_MS = "0"
      const threaded = yield* staff.pipe(
        Effect.provide(Executor.layer({ threads: 2 })),
        Effect.ensuring(
          Effect.sync(() => {
            if (previous === undefined) delete process.env.CCSIM_PARALLEL_THRESHOLD_MS
            else process.env.CCSIM_PARALLEL_THRESHOLD_MS = previous
          })
        )
      )
      assert.strictEqual(threaded, local)
      const document = JSON.parse(local.split("\n")[0]!)
      // The queue's own service-level target applies when neither flags nor thresholds give one.
      assert.strictEqual(document.targetSource, "queue service levels")
      for (const row of document.rows) {
        // Scheduled after 20 % shrinkage; the occupancy cap bounds the staffing from below.
        assert.strictEqual(row.scheduled, Math.ceil(row.agents / 0.8 - 1e-9))
        assert.isAtLeast(row.agents, row.lowerBound)
      }
    })
  )
})
