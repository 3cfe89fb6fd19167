/**
 * The sampler against the real engine: one replication of the default scenario, checked against quantities
 * computed independently from the engine's own trace of the same run.
 */
import { compile, fanOut, runReplication, type TraceEvent, TraceRecorder } from "@ccsim/engine"
import { loadScenarioFile } from "@ccsim/scenario"
import { NodeFileSystem } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { TimelineStates } from "../src/ReportData.ts"
import { type ReplicationSample, ReplicationSampler } from "../src/Sampler.ts"

const scenarioPath = new URL("../../../scenarios/default.yaml", import.meta.url).pathname

const run = async (): Promise<{ sample: ReplicationSample; events: Array<TraceEvent>; agents: number }> => {
  const scenario = await Effect.runPromise(loadScenarioFile(scenarioPath).pipe(Effect.provide(NodeFileSystem.layer)))
  const model = compile(scenario)
  const sampler = new ReplicationSampler(model)
  const events: Array<TraceEvent> = []
  const recorder = new TraceRecorder(model, (e) => events.push(e))
  runReplication(model, { seed: 42, replication: 0, observer: fanOut([sampler, recorder]) })
  return { sample: sampler.sample(), events, agents: model.agents.length }
}

/** ∫ v dt of a step series up to `end`. */
const integral = (series: ReadonlyArray<readonly [number, number]>, end: number): number => {
  let sum = 0
  for (let k = 0; k < series.length; k++) {
    const [t, v] = series[k]!
    const next = series[k + 1]?.[0] ?? end
    sum += v * (next - t)
  }
  return sum
}

const field = (e: TraceEvent, name: string): string | undefined => {
  const v = (e as unknown as Record<string, unknown>)[name]
  return typeof v === "string" ? v : undefined
}

describe("ReplicationSampler on the engine's default scenario", () => {
  it("agrees with the trace on waiting time and busy time, and keeps every timeline contiguous", async () => {
    const { sample, events, agents } = await run()
    const end = sample.end
    // Waiting: from call-queued until the call is answered, rolls over, is abandoned or ends.
    const queuedAt = new Map<string, number>()
    let waited = 0
    // Busy: an agent with a call accepted and not ended, or in wrap-up.
    const calls = new Map<string, number>()
    const wrap = new Map<string, boolean>()
    const busySince = new Map<string, number>()
    let busyTime = 0
    const isBusy = (a: string) => (calls.get(a) ?? 0) > 0 || wrap.get(a) === true
    const callAgent = new Map<string, string>()
    const change = (agent: string, t: number, apply: () => void) => {
      const before = isBusy(agent)
      apply()
      const after = isBusy(agent)
      if (!before && after) busySince.set(agent, t)
      if (before && !after) busyTime += t - busySince.get(agent)!
    }
    for (const e of events) {
      const t = e.t / 1000
      const call = field(e, "call")
      const agent = field(e, "agent")
      if (e.event === "call-queued" && call !== undefined) queuedAt.set(call, t)
      if (
        call !== undefined &&
        queuedAt.has(call) &&
        ["offer-accepted", "call-rolled-over", "call-abandoned", "call-ended"].includes(e.event)
      ) {
        waited += t - queuedAt.get(call)!
        queuedAt.delete(call)
      }
      if (
        (e.event === "offer-accepted" || e.event === "outbound-started") &&
        agent !== undefined &&
        call !== undefined
      ) {
        callAgent.set(call, agent)
        change(agent, t, () => calls.set(agent, (calls.get(agent) ?? 0) + 1))
      }
      if (e.event === "call-ended" && call !== undefined && callAgent.has(call)) {
        const a = callAgent.get(call)!
        callAgent.delete(call)
        change(a, t, () => calls.set(a, calls.get(a)! - 1))
      }
      if (e.event === "wrap-up-started" && agent !== undefined) change(agent, t, () => wrap.set(agent, true))
      if (e.event === "wrap-up-ended" && agent !== undefined) change(agent, t, () => wrap.set(agent, false))
    }
    assert.isAbove(waited, 0)
    assert.isAbove(busyTime, 0)
    const paths = new Map(sample.paths.map((p) => [p.key, p]))
    const total = paths.get("total")!
    assert.closeTo(integral(total.queueLength, end), waited, 1e-6 * waited)
    assert.closeTo(integral(total.busy, end), busyTime, 1e-6 * busyTime)
    // The queues' and the tenants' waiting calls add up to the total's.
    const sumOf = (prefix: string, pick: "queueLength" | "busy") =>
      sample.paths.filter((p) => p.key.startsWith(prefix)).reduce((s, p) => s + integral(p[pick], end), 0)
    assert.closeTo(sumOf("queue:", "queueLength"), waited, 1e-6 * waited)
    assert.closeTo(sumOf("tenant:", "queueLength"), waited, 1e-6 * waited)
    // Timelines: one per agent, contiguous, ending with the run; their busy states add up to the busy time.
    assert.strictEqual(sample.agents.length, agents)
    const busyStates = new Set(
      (["queue-call", "direct-or-internal-call", "outbound-call", "wrap-up"] as const).map((s) =>
        TimelineStates.indexOf(s)
      )
    )
    let busyInSegments = 0
    for (const a of sample.agents) {
      assert.isAbove(a.segments.length, 0, a.id)
      for (let k = 1; k < a.segments.length; k++) {
        assert.strictEqual(a.segments[k]![0], a.segments[k - 1]![1], `${a.id} segment ${k} starts where the last ended`)
        assert.notStrictEqual(a.segments[k]![2], a.segments[k - 1]![2], `${a.id} segment ${k} changes state`)
      }
      assert.strictEqual(a.segments.at(-1)![1], end)
      for (const [s, e, st] of a.segments) if (busyStates.has(st)) busyInSegments += e - s
    }
    assert.closeTo(busyInSegments, busyTime, 1e-6 * busyTime)
  })
})
