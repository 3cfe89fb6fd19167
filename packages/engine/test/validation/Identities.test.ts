/**
 * Sample-path identities that hold exactly on every run, checked on a busy terminating day with every feature
 * that moves calls around (rollovers, overflow, answering service, voicemail, abandonment, redials, misses and
 * rejects, Unavailable on miss, breaks, wrap-up, direct and internal calls with Hold & Accept, outbound calls),
 * and cross-checked against the trace (an independent path from the same hooks).
 */
import { describe, expect, it } from "vitest"
import type { CallCounts } from "../../src/metrics/Counters.ts"
import { measureReplication } from "../../src/metrics/Measure.ts"
import type { ReplicationResult } from "../../src/metrics/Result.ts"
import { type TraceEvent, TraceRecorder } from "../../src/Trace.ts"
import { modelOf, queueModel } from "../metrics/scenarios.ts"

const busyDay = modelOf({
  name: "identities",
  seed: 5,
  time: { open: "08:00", close: "12:00", intervalMinutes: 30 },
  customerDirectory: { knownShare: 0.7 },
  tenants: [
    { id: "north", trackingNumbers: ["+1 555 0100"] },
    { id: "south", trackingNumbers: ["+1 555 0200"] }
  ],
  queues: [
    { id: "sales", ringTimeout: "15s", wrapUp: "10s", maxWait: "90s", unavailableOnMiss: { threshold: 1 } },
    {
      id: "support",
      ringTimeout: "20s",
      wrapUp: { type: "exponential", mean: "20s" },
      maxWait: "2m",
      maxLength: 4,
      serviceLevel: { threshold: "30s", definition: "answered-of-answered" }
    }
  ],
  workflows: [
    {
      id: "north-flow",
      trackingNumbers: ["+1 555 0100"],
      steps: [{ to: "queue", queue: "sales" }, { to: "queue", queue: "support" }, { to: "answering-service" }]
    },
    {
      id: "south-flow",
      trackingNumbers: ["+1 555 0200"],
      steps: [{ to: "queue", queue: "support" }, { to: "voicemail" }]
    }
  ],
  agents: [
    {
      id: "team",
      count: 4,
      queues: [{ queue: "sales" }, { queue: "support" }],
      shifts: [{ start: "08:00", end: "11:30", breaks: [{ start: "10:00", duration: "15m" }] }],
      behaviour: { missProbability: 0.1, rejectProbability: 0.05, availableAgainAfter: "30s" }
    },
    {
      id: "boss",
      queues: [{ queue: "sales" }],
      directLine: "+1 555 0999",
      outbound: { ratePerHour: 2, duration: "3m" },
      internalCalls: { ratePerHour: 2, duration: "1m" }
    }
  ],
  traffic: [
    {
      type: "queue",
      trackingNumber: "+1 555 0100",
      arrivals: { ratePerHour: 70 },
      handleTime: { type: "exponential", mean: "3m" },
      patience: { type: "exponential", mean: "2m" },
      redial: { probability: 0.3, delay: "5m" }
    },
    {
      type: "queue",
      trackingNumber: "+1 555 0200",
      arrivals: { perInterval: [5, 10, 20, 10, 5, 5, 5, 5] },
      handleTime: "2m",
      patience: { type: "exponential", mean: "3m" }
    },
    { type: "direct", agent: "boss", arrivals: { ratePerHour: 6 }, handleTime: "1m" },
    { type: "internal", arrivals: { ratePerHour: 4 }, handleTime: "1m" }
  ]
})

const sum = (list: ReadonlyArray<CallCounts>, f: (c: CallCounts) => number) => list.reduce((s, c) => s + f(c), 0)

const run = (replication: number) => {
  const trace = new TraceRecorder(busyDay)
  const measured = measureReplication(busyDay, { replication, observer: trace, check: true })
  return { ...measured, events: trace.events }
}

const count = (events: ReadonlyArray<TraceEvent>, event: string, where: (e: TraceEvent) => boolean = () => true) =>
  events.filter((e) => e.event === event && where(e)).length

describe("sample-path identities", () => {
  const runs = [0, 1, 2].map(run)

  it("runs the busy day without violations and ends empty", () => {
    for (const { result, stats } of runs) {
      expect(result.violations).toBe(0)
      expect(stats.truncated).toBe(false)
      expect(result.total.counts.inSystemAtEnd).toBe(0)
      // Every feature of the day happened.
      const c = result.total.counts
      for (const n of [c.answered, c.abandoned, c.rolledOver, c.answeringService + c.voicemail, c.redials, c.holds]) {
        expect(n).toBeGreaterThan(0)
      }
    }
  })

  it("conserves calls: offered = answered + abandoned + left unanswered + still in the system", () => {
    for (const { result } of runs) {
      for (const scope of [result.total, ...result.tenants, ...result.callTypes]) {
        const c = scope.counts
        expect(c.offered, scope.id).toBe(
          c.answered + c.abandoned + c.answeringService + c.voicemail + c.hungUp + c.unanswered + c.inSystemAtEnd
        )
      }
      for (const queue of result.queues) {
        const c = queue.counts
        expect(c.offered, queue.id).toBe(c.answered + c.abandoned + c.rolledOver + c.inSystemAtEnd)
      }
      // Queue calls are split over tenants and are the queue call type.
      for (const name of ["offered", "answered", "abandoned", "waitAllMs", "waitingMs"] as const) {
        expect(
          sum(
            result.tenants.map((t) => t.counts),
            (c) => c[name]
          )
        ).toBe(result.total.counts[name])
        expect(result.callTypes[0]!.counts[name]).toBe(result.total.counts[name])
      }
    }
  })

  it("integrates waiting exactly: ∫ calls waiting dt = Σ waits", () => {
    for (const { result } of runs) {
      for (const scope of [result.total, ...result.tenants, ...result.callTypes]) {
        const c = scope.counts
        expect(c.waitingMs, scope.id).toBe(c.waitAllMs + c.waitInSystemAtEndMs)
      }
      expect(sum(result.total.intervals, (c) => c.waitingMs)).toBe(result.total.counts.waitingMs)
    }
  })

  it("accounts agent time: work time = Σ handled time (talk + hold + wrap-up), busy ≤ work", () => {
    for (const { result } of runs) {
      const work = result.agents.reduce((s, a) => s + a.counts.workMs, 0)
      const busy = result.agents.reduce((s, a) => s + a.counts.busyMs, 0)
      const handled = sum(
        result.callTypes.map((t) => t.counts),
        (c) => c.talkMs + c.holdMs + c.wrapUpMs
      )
      expect(work).toBe(handled)
      expect(busy).toBeLessThanOrEqual(work)
      expect(result.intervals.reduce((s, i) => s + i.workMs, 0)).toBe(work)
      expect(result.intervals.reduce((s, i) => s + i.busyMs, 0)).toBe(busy)
      const answered = result.agents.reduce((s, a) => s + a.counts.answered + a.counts.outbound, 0)
      expect(answered).toBe(
        sum(
          result.callTypes.map((t) => t.counts),
          (c) => c.answered
        )
      )
      const holds = result.agents.reduce((s, a) => s + a.counts.holds, 0)
      expect(holds).toBe(
        sum(
          result.callTypes.map((t) => t.counts),
          (c) => c.holds
        )
      )
    }
  })

  it("agrees with the trace", () => {
    for (const { result, events } of runs) {
      const all = result.callTypes.map((t) => t.counts)
      const agents = result.agents.map((a) => a.counts)
      expect(count(events, "call-arrived")).toBe(sum(all, (c) => c.offered))
      expect(count(events, "call-arrived", (e) => e.kind === "queue")).toBe(result.total.counts.offered)
      expect(count(events, "call-abandoned", (e) => e.stage !== "on-hold")).toBe(sum(all, (c) => c.abandoned))
      expect(count(events, "call-abandoned", (e) => e.stage === "on-hold")).toBe(sum(all, (c) => c.heldAbandons))
      expect(count(events, "call-rolled-over")).toBe(result.total.counts.rolledOver)
      expect(count(events, "call-ended", (e) => e.outcome === "voicemail")).toBe(result.total.counts.voicemail)
      expect(count(events, "call-ended", (e) => e.outcome === "answering-service")).toBe(
        result.total.counts.answeringService
      )
      expect(count(events, "offer-missed", (e) => e.queue !== undefined)).toBe(agents.reduce((s, a) => s + a.misses, 0))
      expect(count(events, "offer-rejected", (e) => e.queue !== undefined)).toBe(
        agents.reduce((s, a) => s + a.rejects, 0)
      )
      expect(count(events, "call-held")).toBe(agents.reduce((s, a) => s + a.holds, 0))
      expect(count(events, "wrap-up-started")).toBe(agents.reduce((s, a) => s + a.wrapUps, 0))
      expect(count(events, "call-arrived", (e) => e.redialOf !== undefined)).toBe(sum(all, (c) => c.redials))
    }
  })

  it("busy time equals Σ handled time when calls never overlap", () => {
    const model = queueModel({
      agents: 3,
      ratePerHour: 90,
      ahtSeconds: 100,
      patienceSeconds: 120,
      extra: {
        queues: [{ id: "sales", ringTimeout: "1h", wrapUp: { type: "uniform", min: "5s", max: "25s" } }]
      }
    })
    for (const replication of [0, 1, 2]) {
      const { result } = measureReplication(model, { replication })
      const busy = result.agents.reduce((s, a) => s + a.counts.busyMs, 0)
      const c = result.total.counts
      expect(c.wrapUpMs).toBeGreaterThan(0)
      expect(busy).toBe(c.talkMs + c.holdMs + c.wrapUpMs)
      expect(c.waitingMs).toBe(c.waitAllMs)
    }
  })

  it("keeps the identities in steady state, with calls still in the system at the horizon", () => {
    const model = queueModel({ agents: 1, ratePerHour: 60, ahtSeconds: 100, mode: "steady-state", warmup: "0s" })
    const result: ReplicationResult = measureReplication(model, { replication: 0 }).result
    const c = result.total.counts
    expect(c.inSystemAtEnd).toBeGreaterThan(0)
    expect(c.offered).toBe(c.answered + c.abandoned + c.inSystemAtEnd)
    expect(c.waitingMs).toBe(c.waitAllMs + c.waitInSystemAtEndMs)
  })
})
