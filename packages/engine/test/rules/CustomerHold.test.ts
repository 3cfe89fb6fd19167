/**
 * Customer holds (`traffic.holdTime`, scripted `hold`): the agent puts the caller on hold halfway through the talk;
 * the hold counts in handle time; drawn from a stream of its own, it leaves every other draw unchanged.
 */
import { describe, expect, it } from "vitest"
import { ConformanceChecker, compile, fanOut, formatViolation, runReplication, TraceRecorder } from "../../src/index.ts"
import { measureReplication } from "../../src/metrics/Measure.ts"
import { oneQueue, qcall, run, scenario, withoutSetup } from "../helpers.ts"

/** `agents` agents and one queue fed by generated traffic, with a customer hold as given. */
const busyDay = (holdTime?: unknown, agents = 2) =>
  oneQueue(
    { wrapUp: "15s" },
    Array.from({ length: agents }, (_, i) => ({ id: `a${i + 1}` })),
    {
      traffic: [
        {
          id: "web",
          type: "queue",
          trackingNumber: "555-0100",
          arrivals: { ratePerHour: 40 },
          handleTime: { type: "exponential", mean: "2m" },
          ...(holdTime === undefined ? {} : { holdTime })
        }
      ]
    }
  )

describe("customer hold", () => {
  it("holds the caller after half the talk, resumes when the hold ends, talks the rest", () => {
    const r = run(oneQueue({}, [{ id: "alice" }], { script: { calls: [qcall("+5s", "61s", { hold: "30s" })] } }))
    expect(withoutSetup(r.lines()).slice(4)).toEqual([
      "08:00:07 offer-accepted call=s1 agent=alice queue=sales",
      // half of the 61 s of talk before the hold, the other half after it
      "08:00:37.500 call-held call=s1 agent=alice reason=customer duration=30000",
      "08:01:07.500 call-resumed call=s1 agent=alice",
      "08:01:38 call-ended call=s1 agent=alice outcome=handled"
    ])
  })

  it("draws every hold from the traffic: each handled call is held once for its length, and no rule is broken", () => {
    const model = compile(scenario(busyDay("45s")))
    const recorder = new TraceRecorder(model)
    const checker = new ConformanceChecker(model)
    runReplication(model, { observer: fanOut([recorder, checker]) })
    expect(checker.violations.map(formatViolation)).toEqual([])
    const held = recorder.events.filter((e) => e.event === "call-held")
    const handled = recorder.events.filter((e) => e.event === "call-ended" && e.outcome === "handled")
    expect(handled.length).toBeGreaterThan(10)
    const byCall = (x: ReadonlyArray<unknown>, y: ReadonlyArray<unknown>) => String(x[0]).localeCompare(String(y[0]))
    expect(held.map((e) => [e.call, e.reason, e.duration]).sort(byCall)).toEqual(
      handled.map((e) => [e.call, "customer", 45_000]).sort(byCall)
    )
  })

  it("counts hold time in handle time, not in Hold & Accept holds", () => {
    const { result } = measureReplication(compile(scenario(busyDay("45s"))), { replication: 0, check: true })
    const c = result.total.counts
    expect(result.violations).toBe(0)
    expect(c.handled).toBeGreaterThan(10)
    expect(c.holdMs).toBe(45_000 * c.handled)
    expect(c.holds).toBe(0)
  })

  it("changes no other draw: arrivals and talk times are those of the same day without holds", () => {
    const arrivals = (holdTime?: unknown) => run(busyDay(holdTime)).lines("call-arrived")
    const plain = arrivals()
    expect(plain.length).toBeGreaterThan(10)
    expect(arrivals({ type: "exponential", mean: "1m" })).toEqual(plain)
    // Talk time: a call's connected time minus its hold equals its talk without the hold, whenever the call
    // was answered at once in both runs (here: one agent per call, never waiting).
    const talk = (holdTime?: unknown) => {
      const r = run(busyDay(holdTime, 30))
      const start = new Map<unknown, number>()
      const held = new Map<unknown, number>()
      const talked = new Map<unknown, number>()
      for (const e of r.events) {
        if (e.event === "offer-accepted") start.set(e.call, e.t)
        if (e.event === "call-held") held.set(e.call, e.duration as number)
        if (e.event === "call-ended" && e.outcome === "handled")
          talked.set(e.call, e.t - start.get(e.call)! - (held.get(e.call) ?? 0))
      }
      return talked
    }
    const without = talk()
    expect(without.size).toBeGreaterThan(10)
    expect(talk({ type: "uniform", min: "10s", max: "50s" })).toEqual(without)
  })
})
