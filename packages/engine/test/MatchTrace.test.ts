import { ExpectedTrace } from "@ccsim/scenario"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { matchTrace } from "../src/index.ts"
import { oneQueue, qcall, run } from "./helpers.ts"

const traced = run(oneQueue({ wrapUp: "30s" }, [{ id: "alice" }], { script: { calls: [qcall("+5s", "1m")] } }))
const expected = (input: Record<string, unknown>) => Schema.decodeUnknownSync(ExpectedTrace)(input)

const offerSteps = [
  { at: "+5s", event: "offer-started", call: "s1", agent: "alice", queue: "sales" },
  { at: "08:00:07", event: "offer-accepted", call: "s1", agent: "alice" },
  { at: "+67s", event: "call-ended", call: "s1", outcome: "handled" }
]

describe("matchTrace", () => {
  it("exact with an events filter: passes when the filtered trace is exactly the steps", () => {
    const m = matchTrace(
      expected({ events: ["offer-started", "offer-accepted", "call-ended"], steps: offerSteps }),
      traced.events,
      traced.model
    )
    expect(m).toEqual({ ok: true, mismatches: [], diff: "" })
  })

  it("exact: reports the first differing step, expected vs actual", () => {
    const steps = [offerSteps[0], { ...offerSteps[1], agent: "bob" }, offerSteps[2]]
    const m = matchTrace(
      expected({ events: ["offer-started", "offer-accepted", "call-ended"], steps }),
      traced.events,
      traced.model
    )
    expect(m.ok).toBe(false)
    expect(m.mismatches).toEqual([
      {
        step: 1,
        expected: "08:00:07 offer-accepted call=s1 agent=bob",
        actual: "08:00:07 offer-accepted call=s1 agent=alice queue=sales",
        message: "step 2: offer-accepted: expected agent=bob, got alice"
      }
    ])
    expect(m.diff).toContain("  - expected: 08:00:07 offer-accepted call=s1 agent=bob")
    expect(m.diff).toContain("  + actual:   08:00:07 offer-accepted call=s1 agent=alice queue=sales")
  })

  it("exact: a wrong time, a missing step and an extra event are reported", () => {
    const late = matchTrace(
      expected({ events: ["offer-started"], steps: [{ ...offerSteps[0], at: "+6s" }] }),
      traced.events,
      traced.model
    )
    expect(late.mismatches[0]!.message).toBe("step 1: offer-started: expected at 08:00:06, got 08:00:05")
    const missing = matchTrace(
      expected({ events: ["offer-started"], steps: [offerSteps[0], offerSteps[0]] }),
      traced.events,
      traced.model
    )
    expect(missing.mismatches[0]!.message).toBe(
      "step 2: trace ended; expected 08:00:05 offer-started call=s1 agent=alice queue=sales"
    )
    const extra = matchTrace(
      expected({ events: ["offer-started", "offer-accepted"], steps: [offerSteps[0]] }),
      traced.events,
      traced.model
    )
    expect(extra.mismatches[0]!.message).toBe(
      "step 2: unexpected extra event 08:00:07 offer-accepted call=s1 agent=alice queue=sales"
    )
  })

  it("exact without a filter compares every event", () => {
    const all = traced.events.map((e) => ({ at: e.at, event: e.event }))
    expect(matchTrace(expected({ steps: all }), traced.events, traced.model).ok).toBe(true)
    expect(matchTrace(expected({ steps: all.slice(1) }), traced.events, traced.model).ok).toBe(false)
  })

  it("contains: steps in order with other events between; durations may be written as text; null means absent", () => {
    const m = matchTrace(
      expected({
        match: "contains",
        steps: [
          { at: "+5s", event: "call-arrived", call: "s1", tenant: "acme", known: true },
          { at: "+67s", event: "wrap-up-started", agent: "alice", duration: "30s", queue: "sales" },
          { at: "+97s", event: "wrap-up-ended", agent: "alice", queue: null }
        ]
      }),
      traced.events,
      traced.model
    )
    expect(m.ok).toBe(true)
  })

  it("contains: a step out of order is not found, with the nearest candidate shown", () => {
    const m = matchTrace(
      expected({ match: "contains", steps: [offerSteps[2], offerSteps[0]] }),
      traced.events,
      traced.model
    )
    expect(m.ok).toBe(false)
    expect(m.mismatches[0]!.step).toBe(1)
    expect(m.mismatches[0]!.message).toBe(
      "step 2: not found after 08:01:07 call-ended call=s1 agent=alice outcome=handled; expected 08:00:05 offer-started call=s1 agent=alice queue=sales"
    )
    expect(m.diff).toContain("no offer-started event follows")
  })
})
