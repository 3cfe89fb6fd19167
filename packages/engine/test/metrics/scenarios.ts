/**
 * Small scenarios for running the real engine under the metrics: a single queue served by identical agents
 * (M/M/c or M/M/c+M when patience is given), decoded from plain objects like a scenario file.
 */
import { Scenario } from "@ccsim/scenario"
import { Schema } from "effect"
import { compile } from "../../src/Compile.ts"
import type { Model } from "../../src/Model.ts"

export interface QueueScenario {
  readonly agents: number
  readonly ratePerHour: number
  readonly ahtSeconds: number
  readonly patienceSeconds?: number
  readonly thresholdSeconds?: number
  readonly mode?: "terminating" | "steady-state"
  readonly warmup?: string
  /** Length of the day, e.g. `2h`. */
  readonly duration?: string
  readonly intervalMinutes?: 15 | 30 | 60
  readonly replications?: number
  readonly seed?: number
  readonly extra?: Record<string, unknown>
}

/** The scenario as it would be written in a file. */
export const queueScenarioInput = (s: QueueScenario): Record<string, unknown> => ({
  name: "metrics-test",
  seed: s.seed ?? 11,
  replications: s.replications ?? 3,
  time: { open: "08:00", duration: s.duration ?? "2h", intervalMinutes: s.intervalMinutes ?? 30 },
  run: { mode: s.mode ?? "terminating", ...(s.warmup !== undefined ? { warmup: s.warmup } : {}) },
  customerDirectory: { knownShare: 1 },
  tenants: [{ id: "brand", trackingNumbers: ["+1 555 0100"] }],
  queues: [{ id: "sales", ringTimeout: "1h", serviceLevel: { threshold: `${s.thresholdSeconds ?? 20}s` } }],
  workflows: [{ id: "main", trackingNumbers: ["+1 555 0100"], steps: [{ to: "queue", queue: "sales" }] }],
  agents: [{ id: "team", count: s.agents, queues: [{ queue: "sales" }], behaviour: { answerDelay: 0 } }],
  traffic: [
    {
      type: "queue",
      trackingNumber: "+1 555 0100",
      arrivals: { ratePerHour: s.ratePerHour },
      handleTime: { type: "exponential", mean: `${s.ahtSeconds}s` },
      ...(s.patienceSeconds !== undefined ? { patience: { type: "exponential", mean: `${s.patienceSeconds}s` } } : {})
    }
  ],
  ...s.extra
})

/** Decodes and compiles a scenario given as a plain object. */
export const modelOf = (input: unknown): Model => compile(Schema.decodeUnknownSync(Scenario)(input))

/** A compiled single-queue model. */
export const queueModel = (s: QueueScenario): Model => modelOf(queueScenarioInput(s))
