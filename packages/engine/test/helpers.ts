/**
 * Test helpers: build scenarios from YAML-like objects, run them with a trace recorder, and show the trace as
 * one line per event (`08:00:05 offer-started call=s1 agent=alice queue=sales`).
 */
import { Scenario } from "@ccsim/scenario"
import { Schema } from "effect"
import {
  compile,
  type Model,
  type RunStats,
  runReplication,
  showEvent,
  type TraceEvent,
  TraceRecorder
} from "../src/index.ts"

/** Decodes a scenario written as in a file; `name` and `time` get defaults. */
export const scenario = (input: Record<string, unknown>): Scenario =>
  Schema.decodeUnknownSync(Scenario)({ name: "test", time: { open: "08:00", close: "09:00" }, ...input })

export interface Traced {
  readonly model: Model
  readonly events: ReadonlyArray<TraceEvent>
  readonly stats: RunStats
  /** Events as lines, optionally only those of the given names. */
  readonly lines: (...only: ReadonlyArray<string>) => ReadonlyArray<string>
}

/** Compiles and runs a scenario with a trace recorder. */
export const run = (
  input: Record<string, unknown>,
  options: { seed?: number; replication?: number; horizon?: number } = {}
): Traced => {
  const model = compile(scenario(input))
  const recorder = new TraceRecorder(model)
  const stats = runReplication(model, { ...options, observer: recorder })
  const events = recorder.events
  return {
    model,
    events,
    stats,
    lines: (...only) => events.filter((e) => only.length === 0 || only.includes(e.event)).map(showEvent)
  }
}

/** A one-queue setup: tracking number 555-0100 of tenant `acme` enters workflow `main` → queue `sales` → voicemail. */
export const oneQueue = (
  queue: Record<string, unknown> = {},
  agents: ReadonlyArray<Record<string, unknown>> = [{ id: "alice" }],
  extra: Record<string, unknown> = {}
): Record<string, unknown> => ({
  tenants: [{ id: "acme", trackingNumbers: ["555-0100"] }],
  queues: [{ id: "sales", ...queue }],
  workflows: [
    { id: "main", trackingNumbers: ["555-0100"], steps: [{ to: "queue", queue: "sales" }, { to: "voicemail" }] }
  ],
  agents: agents.map((a) => ({ queues: [{ queue: "sales" }], ...a })),
  ...extra
})

/** A scripted queue call through 555-0100. */
export const qcall = (at: string, talk: string, more: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: "queue",
  trackingNumber: "555-0100",
  at,
  talk,
  ...more
})

/** Lines without agent sign-ins at opening and without `simulation-ended`, the noise of every scripted trace. */
export const withoutSetup = (lines: ReadonlyArray<string>): ReadonlyArray<string> =>
  lines.filter(
    (l) =>
      !(l.startsWith("08:00:00 agent-status-changed") && l.endsWith("cause=shift")) && !l.includes("simulation-ended")
  )

/** A scenario in which index 0 names something of every kind a trace event shows (call, agent, queue, tenant, source, reason). */
export const everyKindOnce = (): Scenario =>
  scenario(
    oneQueue({}, [{ id: "alice" }], {
      traffic: [
        { id: "web", type: "queue", trackingNumber: "555-0100", arrivals: { ratePerHour: 1 }, handleTime: "1m" }
      ],
      script: { calls: [qcall("+5s", "1m", { id: "x1" })] }
    })
  )
