/**
 * R11 (unavailable on a missed or rejected queue offer, per the queue's policy; self-recovery of virtual agents)
 * and R12 (missed direct/internal calls, callers hanging up while it rings, and agents not picked in ring-all
 * leave the status unchanged).
 */
import { describe, expect, it } from "vitest"
import { oneQueue, qcall, run } from "../helpers.ts"

const SEEN = [
  "offer-started",
  "offer-accepted",
  "offer-missed",
  "offer-rejected",
  "offer-cancelled",
  "agent-status-changed",
  "call-abandoned"
]

const withPolicy = (
  policy: Record<string, unknown> | undefined,
  responses: ReadonlyArray<string>,
  calls: ReadonlyArray<Record<string, unknown>>,
  extra: Record<string, unknown> = {}
) =>
  run(
    oneQueue(
      { ringTimeout: "10s", ...(policy !== undefined ? { unavailableOnMiss: policy } : {}) },
      [{ id: "alice", behaviour: { responses, availableAgainAfter: "1m" } }],
      { script: { calls }, ...extra }
    )
  ).lines(...SEEN)

describe("R11 unavailable on miss", () => {
  it("without a policy a miss changes nothing", () => {
    expect(withPolicy(undefined, ["miss"], [qcall("+5s", "10s")])).toEqual([
      "08:00:00 agent-status-changed agent=alice status=available cause=shift",
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:15 offer-missed call=s1 agent=alice queue=sales",
      "08:00:15 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:17 offer-accepted call=s1 agent=alice queue=sales"
    ])
  })

  it("threshold 1: one miss makes the agent Unavailable; the virtual agent is Available again after its delay", () => {
    expect(withPolicy({ threshold: 1 }, ["miss"], [qcall("+5s", "10s")])).toEqual([
      "08:00:00 agent-status-changed agent=alice status=available cause=shift",
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:15 offer-missed call=s1 agent=alice queue=sales",
      "08:00:15 agent-status-changed agent=alice status=unavailable cause=miss-policy reason=missed-call",
      "08:01:15 agent-status-changed agent=alice status=available cause=self-recovery",
      "08:01:15 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:01:17 offer-accepted call=s1 agent=alice queue=sales"
    ])
  })

  it("a rejected queue offer counts too, with the policy's reason", () => {
    expect(withPolicy({ reason: "auto-away" }, ["reject"], [qcall("+5s", "10s")]).slice(2, 4)).toEqual([
      "08:00:07 offer-rejected call=s1 agent=alice queue=sales",
      "08:00:07 agent-status-changed agent=alice status=unavailable cause=miss-policy reason=auto-away"
    ])
  })

  it("threshold 2 consecutive: an answered queue call resets the count", () => {
    expect(
      withPolicy({ threshold: 2 }, ["miss", "answer", "miss", "miss"], [qcall("+5s", "10s"), qcall("+1m", "10s")])
    ).toEqual([
      "08:00:00 agent-status-changed agent=alice status=available cause=shift",
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:15 offer-missed call=s1 agent=alice queue=sales",
      "08:00:15 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:17 offer-accepted call=s1 agent=alice queue=sales",
      "08:01:00 offer-started call=s2 agent=alice queue=sales tenant=acme",
      "08:01:10 offer-missed call=s2 agent=alice queue=sales",
      "08:01:10 offer-started call=s2 agent=alice queue=sales tenant=acme",
      "08:01:20 offer-missed call=s2 agent=alice queue=sales",
      "08:01:20 agent-status-changed agent=alice status=unavailable cause=miss-policy reason=missed-call",
      "08:02:20 agent-status-changed agent=alice status=available cause=self-recovery",
      "08:02:20 offer-started call=s2 agent=alice queue=sales tenant=acme",
      "08:02:22 offer-accepted call=s2 agent=alice queue=sales"
    ])
  })

  it("threshold 2 not consecutive: misses add up across answered calls", () => {
    expect(
      withPolicy(
        { threshold: 2, consecutive: false },
        ["miss", "answer", "miss"],
        [qcall("+5s", "10s"), qcall("+1m", "10s")]
      )
    ).toEqual([
      "08:00:00 agent-status-changed agent=alice status=available cause=shift",
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:15 offer-missed call=s1 agent=alice queue=sales",
      "08:00:15 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:17 offer-accepted call=s1 agent=alice queue=sales",
      "08:01:00 offer-started call=s2 agent=alice queue=sales tenant=acme",
      "08:01:10 offer-missed call=s2 agent=alice queue=sales",
      "08:01:10 agent-status-changed agent=alice status=unavailable cause=miss-policy reason=missed-call",
      "08:02:10 agent-status-changed agent=alice status=available cause=self-recovery",
      "08:02:10 offer-started call=s2 agent=alice queue=sales tenant=acme",
      "08:02:12 offer-accepted call=s2 agent=alice queue=sales"
    ])
  })

  it("separate counts: no-answers and rejects each need the threshold", () => {
    const lines = withPolicy({ threshold: 2, separateCounts: true }, ["miss", "reject", "miss"], [qcall("+5s", "10s")])
    expect(lines.slice(1, 8)).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:15 offer-missed call=s1 agent=alice queue=sales",
      "08:00:15 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:17 offer-rejected call=s1 agent=alice queue=sales",
      "08:00:17 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:27 offer-missed call=s1 agent=alice queue=sales",
      "08:00:27 agent-status-changed agent=alice status=unavailable cause=miss-policy reason=missed-call"
    ])
    // one shared count reaches 2 at the reject
    const shared = withPolicy({ threshold: 2 }, ["miss", "reject"], [qcall("+5s", "10s")])
    expect(shared.slice(4, 6)).toEqual([
      "08:00:17 offer-rejected call=s1 agent=alice queue=sales",
      "08:00:17 agent-status-changed agent=alice status=unavailable cause=miss-policy reason=missed-call"
    ])
  })

  it("only the outcomes the policy lists count", () => {
    const lines = withPolicy({ outcomes: ["no-answer"] }, ["reject", "miss"], [qcall("+5s", "10s")])
    expect(lines.slice(1, 6)).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:07 offer-rejected call=s1 agent=alice queue=sales",
      "08:00:07 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:17 offer-missed call=s1 agent=alice queue=sales",
      "08:00:17 agent-status-changed agent=alice status=unavailable cause=miss-policy reason=missed-call"
    ])
  })

  it("a manual status change resets the count (resetMissCountOnStatusChange)", () => {
    const calls = [qcall("+5s", "10s"), qcall("+2m", "10s")]
    const actions = [
      { at: "+1m", agent: "alice", action: "unavailable", reason: "lunch" },
      { at: "+90s", agent: "alice", action: "available" }
    ]
    const reset = withPolicy({ threshold: 2, consecutive: false }, ["miss", "answer", "miss"], calls, {
      script: { calls, actions }
    })
    expect(reset.filter((l) => l.includes("miss-policy"))).toEqual([])
    const kept = withPolicy({ threshold: 2, consecutive: false }, ["miss", "answer", "miss"], calls, {
      script: { calls, actions },
      settings: { resetMissCountOnStatusChange: false }
    })
    expect(kept.filter((l) => l.includes("miss-policy"))).toEqual([
      "08:02:10 agent-status-changed agent=alice status=unavailable cause=miss-policy reason=missed-call"
    ])
  })

  it("stays Unavailable until the agent's recovery delay, even with calls waiting", () => {
    const lines = run(
      oneQueue(
        { ringTimeout: "10s", unavailableOnMiss: {} },
        [{ id: "alice", behaviour: { responses: ["miss"], availableAgainAfter: "5m" } }],
        { script: { calls: [qcall("+5s", "10s"), qcall("+30s", "10s")] } }
      )
    ).lines("agent-status-changed", "offer-started")
    expect(lines).toEqual([
      "08:00:00 agent-status-changed agent=alice status=available cause=shift",
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:15 agent-status-changed agent=alice status=unavailable cause=miss-policy reason=missed-call",
      "08:05:15 agent-status-changed agent=alice status=available cause=self-recovery",
      "08:05:15 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:05:27 offer-started call=s2 agent=alice queue=sales tenant=acme"
    ])
  })
})

describe("R12 no status change", () => {
  it("a missed direct call leaves the status unchanged, even with a policy on the agent's queue", () => {
    const lines = withPolicy({}, ["miss"], [{ type: "direct", agent: "alice", at: "+5s", talk: "1m" }])
    expect(lines).toEqual([
      "08:00:00 agent-status-changed agent=alice status=available cause=shift",
      "08:00:05 offer-started call=s1 agent=alice",
      "08:00:35 offer-missed call=s1 agent=alice"
    ])
  })

  it("a missed internal call leaves the status unchanged", () => {
    const lines = withPolicy({}, ["reject"], [{ type: "internal", from: "alice", to: "alice", at: "+5s", talk: "1m" }])
    expect(lines.filter((l) => l.includes("agent-status-changed"))).toEqual([
      "08:00:00 agent-status-changed agent=alice status=available cause=shift"
    ])
  })

  it("a caller hanging up while it rings cancels the offer without a miss", () => {
    const lines = withPolicy({}, ["miss"], [qcall("+5s", "10s", { patience: "5s" })])
    expect(lines).toEqual([
      "08:00:00 agent-status-changed agent=alice status=available cause=shift",
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:10 call-abandoned call=s1 queue=sales stage=ringing",
      "08:00:10 offer-cancelled call=s1 agent=alice queue=sales reason=caller-hung-up"
    ])
  })

  it("ring-all: agents not picked get answered-elsewhere, no miss and no status change", () => {
    const r = run(
      oneQueue(
        { strategy: "ring-all", unavailableOnMiss: {} },
        [
          { id: "alice", behaviour: { answerDelay: "5s" } },
          { id: "bob", behaviour: { answerDelay: "3s" } }
        ],
        { script: { calls: [qcall("+5s", "1m")] } }
      )
    )
    expect(r.lines(...SEEN).slice(2)).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:05 offer-started call=s1 agent=bob queue=sales tenant=acme",
      "08:00:08 offer-accepted call=s1 agent=bob queue=sales",
      "08:00:08 offer-cancelled call=s1 agent=alice queue=sales reason=answered-elsewhere"
    ])
  })

  it("going Unavailable while a queue offer rings takes the offer back (agent-left), without a miss", () => {
    const r = run(
      oneQueue(
        { unavailableOnMiss: {} },
        [
          { id: "alice", behaviour: { answerDelay: "10s" } },
          { id: "bob", initialStatus: "unavailable" }
        ],
        {
          script: {
            calls: [qcall("+5s", "1m")],
            actions: [
              { at: "+7s", agent: "alice", action: "unavailable", reason: "lunch" },
              { at: "+8s", agent: "bob", action: "available" }
            ]
          }
        }
      )
    )
    expect(r.lines(...SEEN).slice(2)).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:07 agent-status-changed agent=alice status=unavailable cause=agent reason=lunch",
      "08:00:07 offer-cancelled call=s1 agent=alice queue=sales reason=agent-left",
      "08:00:08 agent-status-changed agent=bob status=available cause=agent",
      "08:00:08 offer-started call=s1 agent=bob queue=sales tenant=acme",
      "08:00:10 offer-accepted call=s1 agent=bob queue=sales"
    ])
  })
})
