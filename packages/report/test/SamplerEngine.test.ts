/**
 * The sampler against the real engine: one replication of the default scenario, checked against the exact
 * paths computed independently from the engine's own trace of the same run.
 */
import { compile, fanOut, runReplication, type TraceEvent, TraceRecorder } from "@ccsim/engine"
import { loadScenarioFile } from "@ccsim/scenario"
import { NodeFileSystem } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { type Envelope, shareOf, type TimeGrid } from "../src/ReportData.ts"
import { type ReplicationSample, ReplicationSampler } from "../src/Sampler.ts"

const scenarioPath = new URL("../../../scenarios/default.yaml", import.meta.url).pathname

const run = async (): Promise<{ sample: ReplicationSample; events: Array<TraceEvent>; agents: number }> => {
  const scenario = await Effect.runPromise(loadScenarioFile(scenarioPath).pipe(Effect.provide(NodeFileSystem.layer)))
  const model = compile(scenario)
  const sampler = new ReplicationSampler(model, { pathColumns: 300 })
  const events: Array<TraceEvent> = []
  const recorder = new TraceRecorder(model, (e) => events.push(e))
  runReplication(model, { seed: 42, replication: 0, observer: fanOut([sampler, recorder]) })
  return { sample: sampler.sample(), events, agents: model.agents.length }
}

/** Each column's lowest and highest level held for some time, from an exact step series `[t, level]`. */
const exactEnvelope = (series: ReadonlyArray<readonly [number, number]>, grid: TimeGrid, end: number): Envelope => {
  const lo = new Array<number>(grid.columns).fill(Number.POSITIVE_INFINITY)
  const hi = new Array<number>(grid.columns).fill(Number.NEGATIVE_INFINITY)
  const hold = (from: number, to: number, v: number) => {
    for (let c = 0; c < grid.columns; c++) {
      const a = Math.max(from, grid.start + c * grid.step)
      const b = Math.min(to, grid.start + (c + 1) * grid.step)
      if (b > a) {
        lo[c] = Math.min(lo[c]!, v)
        hi[c] = Math.max(hi[c]!, v)
      }
    }
  }
  let t = grid.start
  let level = 0
  for (const [at, v] of series) {
    if (at > t) hold(t, at, level)
    t = Math.max(t, at)
    level = v
  }
  hold(t, end, level)
  return { lo, hi }
}

const field = (e: TraceEvent, name: string): string | undefined => {
  const v = (e as unknown as Record<string, unknown>)[name]
  return typeof v === "string" ? v : undefined
}

describe("ReplicationSampler on the engine's default scenario", () => {
  it("holds the exact extremes of waiting calls and busy agents per column, and bounded agent columns", async () => {
    const { sample, events, agents } = await run()
    const end = sample.end
    // Waiting: from call-queued until the call is answered, rolls over, is abandoned or ends.
    const queued = new Set<string>()
    const waiting: Array<[number, number]> = []
    // Busy: an agent with a call accepted and not ended, or in wrap-up.
    const calls = new Map<string, number>()
    const wrap = new Map<string, boolean>()
    const busyAgents = new Set<string>()
    const busy: Array<[number, number]> = []
    const callAgent = new Map<string, string>()
    const isBusy = (a: string) => (calls.get(a) ?? 0) > 0 || wrap.get(a) === true
    const change = (agent: string, t: number, apply: () => void) => {
      apply()
      if (isBusy(agent)) busyAgents.add(agent)
      else busyAgents.delete(agent)
      busy.push([t, busyAgents.size])
    }
    let busyTime = 0
    let last = 0
    for (const e of events) {
      const t = e.t / 1000
      busyTime += busyAgents.size * (t - last)
      last = t
      const call = field(e, "call")
      const agent = field(e, "agent")
      if (e.event === "call-queued" && call !== undefined) {
        queued.add(call)
        waiting.push([t, queued.size])
      }
      if (
        call !== undefined &&
        queued.has(call) &&
        ["offer-accepted", "call-rolled-over", "call-abandoned", "call-ended"].includes(e.event)
      ) {
        queued.delete(call)
        waiting.push([t, queued.size])
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
    assert.isAbove(waiting.length, 100)
    const total = sample.paths.find((p) => p.key === "total")!
    assert.strictEqual(total.grid.columns, Math.ceil((end - total.grid.start) / total.grid.step))
    assert.deepStrictEqual(total.queueLength, exactEnvelope(waiting, total.grid, end))
    assert.deepStrictEqual(total.busy, exactEnvelope(busy, total.grid, end))
    // One timeline per agent, a character per column; signed-in shares within rounding of the column.
    assert.strictEqual(sample.agents.length, agents)
    for (const a of sample.agents) {
      assert.strictEqual(a.states.length, sample.agentGrid.columns, a.id)
      assert.match(a.states, /^[0-8]+$/, a.id)
    }
    // On a call or in wrap-up never exceeds busy-or-ringing in the timeline (up to the rounding of shares).
    const timelineBusy = sample.agents.reduce(
      (sum, a) => sum + [...a.busy].reduce((s, ch) => s + shareOf(ch) * sample.agentGrid.step, 0),
      0
    )
    const rounding = (agents * sample.agentGrid.columns * sample.agentGrid.step) / 126
    assert.isAtLeast(timelineBusy + rounding, busyTime)
  })
})
