/**
 * Queue eligibility: R3 (only Available members), R5 (one queue call at a time: ringing, active or held),
 * R6 (wrap-up), R8 (outbound calls with status Available do not block) and `nonQueueCallsBlockQueueOffers`.
 */
import { describe, expect, it } from "vitest"
import { compile } from "../../src/Compile.ts"
import { measureReplication } from "../../src/metrics/Measure.ts"
import { oneQueue, qcall, run, scenario } from "../helpers.ts"

const OFFERS = ["offer-started", "offer-accepted", "call-ended", "wrap-up-started", "wrap-up-ended"]

describe("R3 Available members only", () => {
  it("skips an Unavailable member and offers to an Available one", () => {
    const r = run(
      oneQueue({}, [{ id: "alice", initialStatus: "unavailable" }, { id: "bob" }], {
        script: { calls: [qcall("+5s", "1m")] }
      })
    )
    expect(r.lines("offer-started")).toEqual(["08:00:05 offer-started call=s1 agent=bob queue=sales tenant=acme"])
  })

  it("waits until a member sets themselves Available", () => {
    const r = run(
      oneQueue({}, [{ id: "alice", initialStatus: "unavailable" }], {
        script: { calls: [qcall("+5s", "1m")], actions: [{ at: "+40s", agent: "alice", action: "available" }] }
      })
    )
    expect(r.lines("agent-status-changed", "offer-started")).toEqual([
      "08:00:00 agent-status-changed agent=alice status=unavailable cause=shift",
      "08:00:40 agent-status-changed agent=alice status=available cause=agent",
      "08:00:40 offer-started call=s1 agent=alice queue=sales tenant=acme"
    ])
  })

  it("does not offer to agents outside the queue", () => {
    const r = run({
      ...oneQueue({}, [{ id: "alice", initialStatus: "unavailable" }]),
      agents: [{ id: "alice", queues: [{ queue: "sales" }], initialStatus: "unavailable" }, { id: "bob" }],
      script: { calls: [qcall("+5s", "1m", { patience: "30s" })] }
    })
    expect(r.lines("offer-started", "call-abandoned")).toEqual([
      "08:00:35 call-abandoned call=s1 queue=sales stage=waiting"
    ])
  })
})

describe("R5 one queue call at a time", () => {
  it("a second queue call waits while the only agent's first one rings and talks", () => {
    const r = run(oneQueue({}, [{ id: "alice" }], { script: { calls: [qcall("+5s", "1m"), qcall("+6s", "1m")] } }))
    expect(r.lines(...OFFERS)).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:07 offer-accepted call=s1 agent=alice queue=sales",
      "08:01:07 call-ended call=s1 agent=alice outcome=handled",
      "08:01:07 offer-started call=s2 agent=alice queue=sales tenant=acme",
      "08:01:09 offer-accepted call=s2 agent=alice queue=sales",
      "08:02:09 call-ended call=s2 agent=alice outcome=handled"
    ])
  })

  it("a queue call on hold (Hold & Accept) still blocks queue offers", () => {
    const r = run(
      oneQueue({}, [{ id: "alice" }], {
        script: {
          calls: [qcall("+5s", "1m"), { type: "direct", agent: "alice", at: "+20s", talk: "30s" }, qcall("+30s", "10s")]
        }
      })
    )
    expect(r.lines("offer-started", "call-held", "call-resumed", "call-ended")).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:20 offer-started call=s2 agent=alice",
      "08:00:22 call-held call=s1 agent=alice",
      "08:00:52 call-ended call=s2 agent=alice outcome=handled",
      "08:00:52 call-resumed call=s1 agent=alice",
      "08:01:37 call-ended call=s1 agent=alice outcome=handled",
      "08:01:37 offer-started call=s3 agent=alice queue=sales tenant=acme",
      "08:01:49 call-ended call=s3 agent=alice outcome=handled"
    ])
  })
})

describe("R6 wrap-up", () => {
  it("blocks queue offers until it ends", () => {
    const r = run(
      oneQueue({ wrapUp: "30s" }, [{ id: "alice" }], { script: { calls: [qcall("+5s", "1m"), qcall("+10s", "1m")] } })
    )
    expect(r.lines(...OFFERS)).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:07 offer-accepted call=s1 agent=alice queue=sales",
      "08:01:07 call-ended call=s1 agent=alice outcome=handled",
      "08:01:07 wrap-up-started agent=alice call=s1 queue=sales duration=30000",
      "08:01:37 wrap-up-ended agent=alice",
      "08:01:37 offer-started call=s2 agent=alice queue=sales tenant=acme",
      "08:01:39 offer-accepted call=s2 agent=alice queue=sales",
      "08:02:39 call-ended call=s2 agent=alice outcome=handled",
      "08:02:39 wrap-up-started agent=alice call=s2 queue=sales duration=30000",
      "08:03:09 wrap-up-ended agent=alice"
    ])
  })

  it("uses the wrap-up of the queue the call came from", () => {
    const r = run({
      tenants: [{ id: "acme", trackingNumbers: ["555-0100", "555-0200"] }],
      queues: [
        { id: "q1", wrapUp: "10s" },
        { id: "q2", wrapUp: "45s" }
      ],
      workflows: [
        { id: "w1", trackingNumbers: ["555-0100"], steps: [{ to: "queue", queue: "q1" }] },
        { id: "w2", trackingNumbers: ["555-0200"], steps: [{ to: "queue", queue: "q2" }] }
      ],
      agents: [{ id: "alice", queues: [{ queue: "q1" }, { queue: "q2" }] }],
      script: { calls: [{ type: "queue", trackingNumber: "555-0200", at: "+5s", talk: "10s" }] }
    })
    expect(r.lines("wrap-up-started")).toEqual(["08:00:17 wrap-up-started agent=alice call=s1 queue=q2 duration=45000"])
  })
})

describe("R6 wrap-up from the interval CSV's after-call work (acw_s)", () => {
  // Intervals of 30 minutes: 08:00 with acw_s 45 s, 08:30 without (the queue's 10 s applies).
  const input = oneQueue({ wrapUp: "10s" }, [{ id: "alice", count: 3 }], {
    time: { open: "08:00", close: "09:00", intervalMinutes: 30 },
    traffic: [
      {
        type: "queue",
        trackingNumber: "555-0100",
        arrivals: {
          csv: "forecast.csv",
          intervals: [
            { start: 28_800_000, offered: 12, acwMs: 45_000 },
            { start: 30_600_000, offered: 12 }
          ]
        },
        handleTime: "1m"
      }
    ]
  })

  it("is the wrap-up of calls arriving in that interval; the queue's wrap-up applies to the others", () => {
    const r = run(input, { seed: 4 })
    const arrived = new Map(r.events.filter((e) => e.event === "call-arrived").map((e) => [e.call, e.t]))
    const wraps = r.events.filter((e) => e.event === "wrap-up-started")
    const first = wraps.filter((e) => arrived.get(e.call as string)! < 30_600_000)
    const second = wraps.filter((e) => arrived.get(e.call as string)! >= 30_600_000)
    expect(first.length).toBeGreaterThan(0)
    expect(second.length).toBeGreaterThan(0)
    expect(new Set(first.map((e) => e.duration))).toEqual(new Set([45_000]))
    expect(new Set(second.map((e) => e.duration))).toEqual(new Set([10_000]))
  })

  it("is checked by the conformance checker (R6)", () => {
    const model = compile(scenario(input))
    expect(measureReplication(model, { replication: 0, check: true }).result.violations).toBe(0)
  })
})

describe("R8 outbound calls", () => {
  const outbound = { type: "outbound", agent: "alice", at: "+1s", talk: "2m" }

  it("with status Available, the agent still gets queue calls (the outbound call is held)", () => {
    const r = run(oneQueue({}, [{ id: "alice" }], { script: { calls: [outbound, qcall("+5s", "1m")] } }))
    expect(
      r.lines("outbound-started", "offer-started", "call-held", "offer-accepted", "call-resumed", "call-ended")
    ).toEqual([
      "08:00:01 outbound-started call=s1 agent=alice",
      "08:00:05 offer-started call=s2 agent=alice queue=sales tenant=acme",
      "08:00:07 call-held call=s1 agent=alice",
      "08:00:07 offer-accepted call=s2 agent=alice queue=sales",
      "08:01:07 call-ended call=s2 agent=alice outcome=handled",
      "08:01:07 call-resumed call=s1 agent=alice",
      "08:03:01 call-ended call=s1 agent=alice outcome=handled"
    ])
  })

  it("with outbound status Unavailable, queue calls wait until the outbound call ends", () => {
    const r = run(
      oneQueue({}, [{ id: "alice", outbound: { ratePerHour: 0, duration: "1m", status: "unavailable" } }], {
        script: { calls: [outbound, qcall("+5s", "1m")] }
      })
    )
    expect(r.lines("outbound-started", "agent-status-changed", "offer-started", "call-ended")).toEqual([
      "08:00:00 agent-status-changed agent=alice status=available cause=shift",
      "08:00:01 outbound-started call=s1 agent=alice",
      "08:00:01 agent-status-changed agent=alice status=unavailable cause=outbound reason=outbound",
      "08:02:01 call-ended call=s1 agent=alice outcome=handled",
      "08:02:01 agent-status-changed agent=alice status=available cause=outbound",
      "08:02:01 offer-started call=s2 agent=alice queue=sales tenant=acme",
      "08:03:03 call-ended call=s2 agent=alice outcome=handled"
    ])
  })

  it("blocks queue offers when the setting lists outbound calls", () => {
    const r = run(
      oneQueue({}, [{ id: "alice" }], {
        settings: { nonQueueCallsBlockQueueOffers: ["outbound"] },
        script: { calls: [{ ...outbound, talk: "1m" }, qcall("+5s", "1m")] }
      })
    )
    expect(r.lines("offer-started", "call-ended")).toEqual([
      "08:01:01 call-ended call=s1 agent=alice outcome=handled",
      "08:01:01 offer-started call=s2 agent=alice queue=sales tenant=acme",
      "08:02:03 call-ended call=s2 agent=alice outcome=handled"
    ])
  })

  it("direct calls do not block queue offers by default, and do when the setting lists them", () => {
    const input = (block: ReadonlyArray<string>) =>
      oneQueue({}, [{ id: "alice" }], {
        settings: { nonQueueCallsBlockQueueOffers: block },
        script: { calls: [{ type: "direct", agent: "alice", at: "+1s", talk: "1m" }, qcall("+5s", "10s")] }
      })
    expect(run(input([])).lines("offer-started")).toEqual([
      "08:00:01 offer-started call=s1 agent=alice",
      "08:00:05 offer-started call=s2 agent=alice queue=sales tenant=acme"
    ])
    expect(run(input(["direct"])).lines("offer-started")).toEqual([
      "08:00:01 offer-started call=s1 agent=alice",
      "08:01:03 offer-started call=s2 agent=alice queue=sales tenant=acme"
    ])
  })

  it("agents place outbound calls at their rate only when free", () => {
    const r = run(
      oneQueue({}, [{ id: "alice", outbound: { ratePerHour: 30, duration: "1m" } }], {
        time: { open: "08:00", close: "12:00" }
      })
    )
    const started = r.events.filter((e) => e.event === "outbound-started")
    // 4 h at 30/h, minus attempts while on a call: well above zero, well below the Poisson mean of 120
    expect(started.length).toBeGreaterThan(50)
    expect(started.length).toBeLessThan(120)
    expect(r.events.filter((e) => e.event === "call-arrived").every((e) => e.kind === "outbound")).toBe(true)
  })
})
