import { Scenario } from "@ccsim/scenario"
import { Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { compile, fanOut, NdjsonWriter, type TraceEvent, TraceRecorder } from "../src/index.ts"
import { runReplication } from "../src/Simulation.ts"
import { everyKindOnce, oneQueue, qcall, scenario } from "./helpers.ts"
import { scenarioArbitrary } from "./properties/ScenarioArbitrary.ts"

/** The bytes a traced run writes through a writer of `size` bytes, and its events as objects. */
const traced = (s: Scenario, replication: number, size: number, linePrefix?: string) => {
  const model = compile(s)
  const chunks: Array<Uint8Array> = []
  const writer = new NdjsonWriter((bytes) => chunks.push(bytes.slice()), {
    size,
    ...(linePrefix !== undefined ? { linePrefix } : {})
  })
  const objects = new TraceRecorder(model)
  runReplication(model, { replication, observer: fanOut([objects, new TraceRecorder(model, writer)]) })
  writer.flush()
  return { text: Buffer.concat(chunks).toString("utf8"), events: objects.events, writer, chunks }
}

const stringified = (events: ReadonlyArray<TraceEvent>): string => events.map((e) => `${JSON.stringify(e)}\n`).join("")

describe("NDJSON trace", () => {
  it("writes each event as JSON.stringify does, on random scenarios", () => {
    const decode = Schema.decodeUnknownSync(Scenario)
    const inputs = fc.sample(scenarioArbitrary, { seed: 4242, numRuns: 40 })
    let events = 0
    inputs.forEach((input, i) => {
      const { text, events: objects } = traced(decode(input), i % 3, 1 << 12)
      expect(text).toBe(stringified(objects))
      events += objects.length
    })
    expect(events).toBeGreaterThan(1000)
  })

  it("writes scripted and generated call ids across small buffers, with a line prefix", () => {
    const s = scenario(
      oneQueue({}, [{ id: "alice" }], {
        traffic: [
          { id: "web", type: "queue", trackingNumber: "555-0100", arrivals: { ratePerHour: 60 }, handleTime: "1m" }
        ],
        script: { calls: [qcall("+5s", "1m", { id: "x1" }), qcall("+6s", "1m")] }
      })
    )
    const { text, events, writer, chunks } = traced(s, 0, 64, '{"replication":2,')
    expect(events.length).toBeGreaterThan(5)
    expect(chunks.length).toBeGreaterThan(5)
    const expected = events.map((e) => `{"replication":2,${JSON.stringify(e).slice(1)}\n`).join("")
    expect(text).toBe(expected)
    expect(writer.bytes).toBe(Buffer.byteLength(expected))
    const unicode = traced(s, 0, 64, '{"réplique":2,')
    expect(unicode.text).toBe(events.map((e) => `{"réplique":2,${JSON.stringify(e).slice(1)}\n`).join(""))
  })

  it("escapes strings as JSON does", () => {
    const compiled = compile(everyKindOnce())
    // Scenario ids are ASCII; reasons and future fields need not be.
    const odd = 'ag "ø" \\ 𝄞\n'
    const model = {
      ...compiled,
      agents: compiled.agents.map((a) => ({ ...a, id: odd })),
      reasons: compiled.reasons.map(() => odd)
    }
    const chunks: Array<Uint8Array> = []
    const writer = new NdjsonWriter((bytes) => chunks.push(bytes.slice()))
    const objects = new TraceRecorder(model)
    const both = fanOut([objects, new TraceRecorder(model, writer)])
    both.callArrived(1, 0, 0, 0, true, 0, 0)
    both.callArrived(2, 1, 0, -1, false, -1, -1)
    both.redialScheduled(3, 1, 86_400_123)
    both.wrapUpStarted(4, 0, 1, 0, 30_000)
    both.agentStatusChanged(172_800_000, 0, 1, 2, 0)
    both.simulationEnded(172_800_001)
    writer.flush()
    expect(Buffer.concat(chunks).toString("utf8")).toBe(stringified(objects.events))
  })
})
