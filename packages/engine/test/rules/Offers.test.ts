/**
 * R9 (ring timeout → next eligible agent, keeping the place in line; the same agent only after the others)
 * and R14 (reject → next agent at once), with `reofferSameAgent`, `retryDelay`, and Hold & Accept off.
 */
import { describe, expect, it } from "vitest"
import { oneQueue, qcall, run } from "../helpers.ts"

const OFFERS = ["offer-started", "offer-accepted", "offer-missed", "offer-rejected", "call-rolled-over", "call-ended"]

describe("R9 ring timeout", () => {
  it("a missed offer goes to the next eligible agent", () => {
    const r = run(
      oneQueue({ ringTimeout: "10s" }, [{ id: "alice", behaviour: { responses: ["miss"] } }, { id: "bob" }], {
        script: { calls: [qcall("+5s", "1m")] }
      })
    )
    expect(r.lines(...OFFERS)).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:15 offer-missed call=s1 agent=alice queue=sales",
      "08:00:15 offer-started call=s1 agent=bob queue=sales tenant=acme",
      "08:00:17 offer-accepted call=s1 agent=bob queue=sales",
      "08:01:17 call-ended call=s1 agent=bob outcome=handled"
    ])
  })

  it("an answer delay at or beyond the ring timeout is a miss", () => {
    const r = run(
      oneQueue({ ringTimeout: "10s" }, [{ id: "alice", behaviour: { answerDelay: "10s" } }, { id: "bob" }], {
        script: { calls: [qcall("+5s", "1m")] }
      })
    )
    expect(r.lines("offer-missed", "offer-accepted")).toEqual([
      "08:00:15 offer-missed call=s1 agent=alice queue=sales",
      "08:00:17 offer-accepted call=s1 agent=bob queue=sales"
    ])
  })

  it("the call keeps its place in line while it rings", () => {
    // s1 rings at alice (misses); s2 arrives meanwhile. When bob frees up, s1 (first in line) goes to him.
    const r = run(
      oneQueue(
        { ringTimeout: "10s" },
        [
          { id: "alice", behaviour: { responses: ["miss", "answer"] } },
          { id: "bob", initialStatus: "unavailable" }
        ],
        {
          script: {
            calls: [qcall("+5s", "1m"), qcall("+7s", "1m")],
            actions: [{ at: "+20s", agent: "bob", action: "available" }]
          }
        }
      )
    )
    expect(r.lines("offer-started", "offer-missed", "offer-accepted")).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      // alice is the only one free: s1 is ahead of s2 and every eligible agent has tried it, so it rings her again
      "08:00:15 offer-missed call=s1 agent=alice queue=sales",
      "08:00:15 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:17 offer-accepted call=s1 agent=alice queue=sales",
      "08:00:20 offer-started call=s2 agent=bob queue=sales tenant=acme",
      "08:00:22 offer-accepted call=s2 agent=bob queue=sales"
    ])
  })

  it("after a miss the same agent is tried again only after the other eligible agents", () => {
    const r = run(
      oneQueue(
        { ringTimeout: "10s" },
        [
          { id: "alice", behaviour: { responses: ["miss", "answer"] } },
          { id: "bob", behaviour: { responses: ["miss"] } },
          { id: "carol", behaviour: { responses: ["miss"] } }
        ],
        { script: { calls: [qcall("+5s", "1m")] } }
      )
    )
    expect(r.lines("offer-started", "offer-missed", "offer-accepted")).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:15 offer-missed call=s1 agent=alice queue=sales",
      "08:00:15 offer-started call=s1 agent=bob queue=sales tenant=acme",
      "08:00:25 offer-missed call=s1 agent=bob queue=sales",
      "08:00:25 offer-started call=s1 agent=carol queue=sales tenant=acme",
      "08:00:35 offer-missed call=s1 agent=carol queue=sales",
      // cycle complete: alice idled longest (since 08:00), and has her turn again
      "08:00:35 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:37 offer-accepted call=s1 agent=alice queue=sales"
    ])
  })

  it("retryDelay pauses before a new ring cycle", () => {
    const r = run(
      oneQueue({ ringTimeout: "10s", retryDelay: "5s" }, [{ id: "alice", behaviour: { responses: ["miss"] } }], {
        script: { calls: [qcall("+5s", "1m")] }
      })
    )
    expect(r.lines("offer-started", "offer-missed", "offer-accepted")).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:15 offer-missed call=s1 agent=alice queue=sales",
      "08:00:20 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:22 offer-accepted call=s1 agent=alice queue=sales"
    ])
  })

  it("reofferSameAgent: never — the call waits for someone else or rolls over", () => {
    const r = run(
      oneQueue({ ringTimeout: "10s", maxWait: "1m" }, [{ id: "alice", behaviour: { responses: ["miss"] } }], {
        settings: { reofferSameAgent: "never" },
        script: { calls: [qcall("+5s", "1m")] }
      })
    )
    expect(r.lines(...OFFERS)).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:15 offer-missed call=s1 agent=alice queue=sales",
      "08:01:05 call-rolled-over call=s1 queue=sales reason=max-wait",
      "08:01:05 call-ended call=s1 outcome=voicemail"
    ])
  })

  it("reofferSameAgent: immediately — no ring cycles, so no retry delay before ringing the same agent again", () => {
    const r = run(
      oneQueue({ ringTimeout: "10s", retryDelay: "5s" }, [{ id: "alice", behaviour: { responses: ["miss"] } }], {
        settings: { reofferSameAgent: "immediately" },
        script: { calls: [qcall("+5s", "1m")] }
      })
    )
    expect(r.lines("offer-started", "offer-missed", "offer-accepted")).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:15 offer-missed call=s1 agent=alice queue=sales",
      "08:00:15 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:17 offer-accepted call=s1 agent=alice queue=sales"
    ])
  })

  it("an agent who rejects with no delay is not rung again in the same instant", () => {
    const r = run(
      oneQueue({ maxWait: "2500ms" }, [{ id: "alice", behaviour: { rejectProbability: 1, answerDelay: 0 } }], {
        script: { calls: [qcall("+5s", "1m")] }
      })
    )
    expect(r.lines(...OFFERS)).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:05 offer-rejected call=s1 agent=alice queue=sales",
      "08:00:06 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:06 offer-rejected call=s1 agent=alice queue=sales",
      "08:00:07 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:07 offer-rejected call=s1 agent=alice queue=sales",
      "08:00:07.500 call-rolled-over call=s1 queue=sales reason=max-wait",
      "08:00:07.500 call-ended call=s1 outcome=voicemail"
    ])
  })
})

describe("R14 accept or reject", () => {
  it("a rejected queue call goes to the next agent at once", () => {
    const r = run(
      oneQueue({}, [{ id: "alice", behaviour: { responses: ["reject"], answerDelay: "3s" } }, { id: "bob" }], {
        script: { calls: [qcall("+5s", "1m")] }
      })
    )
    expect(r.lines(...OFFERS)).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:08 offer-rejected call=s1 agent=alice queue=sales",
      "08:00:08 offer-started call=s1 agent=bob queue=sales tenant=acme",
      "08:00:10 offer-accepted call=s1 agent=bob queue=sales",
      "08:01:10 call-ended call=s1 agent=bob outcome=handled"
    ])
  })

  it("a rejected direct call ends unanswered", () => {
    const r = run(
      oneQueue({}, [{ id: "alice", behaviour: { responses: ["reject"] } }], {
        script: { calls: [{ type: "direct", agent: "alice", at: "+5s", talk: "1m" }] }
      })
    )
    expect(r.lines(...OFFERS)).toEqual([
      "08:00:05 offer-started call=s1 agent=alice",
      "08:00:07 offer-rejected call=s1 agent=alice",
      "08:00:07 call-ended call=s1 outcome=unanswered"
    ])
  })

  it("miss and reject probabilities decide unscripted answers", () => {
    const r = run(
      oneQueue(
        { ringTimeout: "5s" },
        [{ id: "a", count: 10, behaviour: { missProbability: 0.2, rejectProbability: 0.3, answerDelay: "1s" } }],
        {
          traffic: [{ type: "queue", trackingNumber: "555-0100", arrivals: { ratePerHour: 600 }, handleTime: "30s" }]
        }
      ),
      { seed: 3 }
    )
    const n = r.events.filter((e) => e.event === "offer-started").length
    const missed = r.events.filter((e) => e.event === "offer-missed").length
    const rejected = r.events.filter((e) => e.event === "offer-rejected").length
    const tol = (p: number) => 3.3 * Math.sqrt((p * (1 - p)) / n)
    expect(n).toBeGreaterThan(800)
    expect(Math.abs(missed / n - 0.2)).toBeLessThan(tol(0.2))
    expect(Math.abs(rejected / n - 0.3)).toBeLessThan(tol(0.3))
  })
})

describe("Hold & Accept off", () => {
  it("an agent on a call cannot take a second one: it rings out", () => {
    const r = run(
      oneQueue({}, [{ id: "alice" }], {
        settings: { holdAndAccept: false },
        script: { calls: [qcall("+5s", "2m"), { type: "direct", agent: "alice", at: "+30s", talk: "1m" }] }
      })
    )
    expect(r.lines("offer-started", "offer-missed", "offer-accepted", "call-held", "call-ended")).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:07 offer-accepted call=s1 agent=alice queue=sales",
      "08:00:30 offer-started call=s2 agent=alice",
      "08:01:00 offer-missed call=s2 agent=alice",
      "08:01:00 call-ended call=s2 outcome=unanswered",
      "08:02:07 call-ended call=s1 agent=alice outcome=handled"
    ])
  })
})

describe("a direct call the agent does not take (directLineUnanswered)", () => {
  const lines = (forward: Record<string, unknown> | undefined, alice: Record<string, unknown> = {}, bob = {}) =>
    run({
      agents: [
        {
          id: "alice",
          directLine: "555-0198",
          ...(forward !== undefined ? { directLineUnanswered: forward } : {}),
          behaviour: { responses: ["miss"] },
          ...alice
        },
        { id: "bob", directLine: "555-0199", ...bob },
        { id: "carol", internalCalls: { ratePerHour: 0, duration: "1m" } }
      ],
      script: {
        calls: [
          { type: "direct", agent: "alice", at: "+5s", talk: "1m" },
          { type: "internal", from: "carol", to: "alice", at: "+10m", talk: "1m" }
        ]
      }
    }).lines("call-routed", "offer-started", "offer-missed", "offer-accepted", "call-ended")

  it("goes to voicemail or the answering service when the line says so; internal calls still end unanswered", () => {
    expect(lines({ to: "voicemail" }, { behaviour: { responses: ["miss", "miss"] } })).toEqual([
      "08:00:05 offer-started call=s1 agent=alice",
      "08:00:35 offer-missed call=s1 agent=alice",
      "08:00:35 call-routed call=s1 step=voicemail",
      "08:00:35 call-ended call=s1 outcome=voicemail",
      "08:10:00 offer-started call=s2 agent=alice",
      "08:10:30 offer-missed call=s2 agent=alice",
      "08:10:30 call-ended call=s2 outcome=unanswered"
    ])
    expect(lines({ to: "answering-service" }).slice(2, 4)).toEqual([
      "08:00:35 call-routed call=s1 step=answering-service",
      "08:00:35 call-ended call=s1 outcome=answering-service"
    ])
  })

  it("is forwarded once to another agent's direct line; missed there too, it ends unanswered", () => {
    expect(lines({ to: "direct-line", agent: "bob" }).slice(0, 6)).toEqual([
      "08:00:05 offer-started call=s1 agent=alice",
      "08:00:35 offer-missed call=s1 agent=alice",
      "08:00:35 call-routed call=s1 step=direct-line target=bob",
      "08:00:35 offer-started call=s1 agent=bob",
      "08:00:37 offer-accepted call=s1 agent=bob",
      "08:01:37 call-ended call=s1 agent=bob outcome=handled"
    ])
    // bob forwards back to alice, but a forwarded call is not forwarded again.
    const twice = lines(
      { to: "direct-line", agent: "bob" },
      {},
      { directLineUnanswered: { to: "direct-line", agent: "alice" }, behaviour: { responses: ["reject"] } }
    )
    expect(twice.slice(0, 6)).toEqual([
      "08:00:05 offer-started call=s1 agent=alice",
      "08:00:35 offer-missed call=s1 agent=alice",
      "08:00:35 call-routed call=s1 step=direct-line target=bob",
      "08:00:35 offer-started call=s1 agent=bob",
      "08:00:37 call-ended call=s1 outcome=unanswered",
      "08:10:00 offer-started call=s2 agent=alice"
    ])
  })

  it("applies when the agent is not rung at all (signed out)", () => {
    expect(lines({ to: "voicemail" }, { shifts: [{ start: "09:00", end: "10:00" }] }).slice(0, 2)).toEqual([
      "08:00:05 call-routed call=s1 step=voicemail",
      "08:00:05 call-ended call=s1 outcome=voicemail"
    ])
  })

  it("ends unanswered by default", () => {
    expect(lines(undefined).slice(0, 3)).toEqual([
      "08:00:05 offer-started call=s1 agent=alice",
      "08:00:35 offer-missed call=s1 agent=alice",
      "08:00:35 call-ended call=s1 outcome=unanswered"
    ])
  })
})
