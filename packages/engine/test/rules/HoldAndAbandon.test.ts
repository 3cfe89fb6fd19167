/**
 * R13 (Hold & Accept: one active call; the held call resumes when the other ends; a held caller can hang up)
 * and R15 (callers hang up when their patience runs out while waiting, ringing or on hold; redials).
 */
import { describe, expect, it } from "vitest"
import { oneQueue, qcall, run, withoutSetup } from "../helpers.ts"

const direct = (at: string, talk: string, more: Record<string, unknown> = {}) => ({
  type: "direct",
  agent: "alice",
  at,
  talk,
  ...more
})

describe("R13 Hold & Accept", () => {
  it("holds the queue call, accepts the direct call, resumes the queue call when it ends", () => {
    const r = run(oneQueue({}, [{ id: "alice" }], { script: { calls: [qcall("+5s", "2m"), direct("+30s", "1m")] } }))
    expect(withoutSetup(r.lines())).toEqual([
      "08:00:05 call-arrived call=s1 kind=queue tenant=acme known=true",
      "08:00:05 call-routed call=s1 step=queue target=sales",
      "08:00:05 call-queued call=s1 queue=sales",
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:07 offer-accepted call=s1 agent=alice queue=sales",
      "08:00:30 call-arrived call=s2 kind=direct known=true",
      "08:00:30 offer-started call=s2 agent=alice",
      "08:00:32 call-held call=s1 agent=alice",
      "08:00:32 offer-accepted call=s2 agent=alice",
      "08:01:32 call-ended call=s2 agent=alice outcome=handled",
      "08:01:32 call-resumed call=s1 agent=alice",
      // 25 s talked before the hold, 95 s after
      "08:03:07 call-ended call=s1 agent=alice outcome=handled"
    ])
  })

  it("a held caller hangs up when their patience (restarted on hold) runs out", () => {
    const r = run(
      oneQueue({ wrapUp: "20s" }, [{ id: "alice" }], {
        script: { calls: [qcall("+5s", "2m", { patience: "40s" }), direct("+30s", "1m")] }
      })
    )
    expect(withoutSetup(r.lines()).slice(6)).toEqual([
      "08:00:30 offer-started call=s2 agent=alice",
      "08:00:32 call-held call=s1 agent=alice",
      "08:00:32 offer-accepted call=s2 agent=alice",
      "08:01:12 call-abandoned call=s1 queue=sales stage=on-hold",
      "08:01:12 call-ended call=s1 agent=alice outcome=abandoned",
      // the agent talked to the caller: wrap-up follows the queue call, the direct call goes on
      "08:01:12 wrap-up-started agent=alice call=s1 queue=sales duration=20000",
      // same ms: talk ends come before wrap-up ends
      "08:01:32 call-ended call=s2 agent=alice outcome=handled",
      "08:01:32 wrap-up-ended agent=alice"
    ])
  })

  it("holds calls in a stack: the most recent held call resumes first", () => {
    const r = run(
      oneQueue({}, [{ id: "alice" }], {
        script: {
          calls: [
            qcall("+5s", "5m"),
            direct("+30s", "2m"),
            { type: "internal", from: "alice", to: "alice", at: "+1m", talk: "30s" }
          ]
        }
      })
    )
    expect(r.lines("call-held", "call-resumed", "call-ended")).toEqual([
      "08:00:32 call-held call=s1 agent=alice",
      "08:01:02 call-held call=s2 agent=alice",
      "08:01:32 call-ended call=s3 agent=alice outcome=handled",
      "08:01:32 call-resumed call=s2 agent=alice",
      "08:03:02 call-ended call=s2 agent=alice outcome=handled",
      "08:03:02 call-resumed call=s1 agent=alice",
      "08:07:37 call-ended call=s1 agent=alice outcome=handled"
    ])
  })

  it("a second direct call while one is ringing finds the line busy", () => {
    const r = run(
      oneQueue({}, [{ id: "alice", behaviour: { answerDelay: "10s" } }], {
        script: { calls: [direct("+5s", "1m"), direct("+6s", "1m")] }
      })
    )
    expect(r.lines("offer-started", "call-ended")).toEqual([
      "08:00:05 offer-started call=s1 agent=alice",
      "08:00:06 call-ended call=s2 outcome=unanswered",
      "08:01:15 call-ended call=s1 agent=alice outcome=handled"
    ])
  })
})

describe("R15 patience", () => {
  it("a waiting caller hangs up when patience runs out", () => {
    const r = run(
      oneQueue({}, [{ id: "alice", initialStatus: "unavailable" }], {
        script: { calls: [qcall("+5s", "1m", { patience: "30s" })] }
      })
    )
    expect(r.lines("call-abandoned", "call-ended")).toEqual([
      "08:00:35 call-abandoned call=s1 queue=sales stage=waiting",
      "08:00:35 call-ended call=s1 outcome=abandoned"
    ])
  })

  it("patience counts from arrival across rollovers", () => {
    const r = run({
      tenants: [{ id: "acme", trackingNumbers: ["555-0100"] }],
      queues: [{ id: "q1", maxWait: "20s" }, { id: "q2" }],
      workflows: [
        {
          id: "main",
          trackingNumbers: ["555-0100"],
          steps: [
            { to: "queue", queue: "q1" },
            { to: "queue", queue: "q2" }
          ]
        }
      ],
      script: { calls: [qcall("+5s", "1m", { patience: "30s" })] }
    })
    expect(r.lines("call-rolled-over", "call-abandoned")).toEqual([
      "08:00:25 call-rolled-over call=s1 queue=q1 reason=max-wait",
      "08:00:35 call-abandoned call=s1 queue=q2 stage=waiting"
    ])
  })

  it("a caller hanging up while a direct call rings is not a miss", () => {
    const r = run(
      oneQueue({}, [{ id: "alice", behaviour: { answerDelay: "20s" } }], {
        script: { calls: [direct("+5s", "1m", { patience: "10s" })] }
      })
    )
    expect(withoutSetup(r.lines())).toEqual([
      "08:00:05 call-arrived call=s1 kind=direct known=true",
      "08:00:05 offer-started call=s1 agent=alice",
      "08:00:15 call-abandoned call=s1 stage=ringing",
      "08:00:15 offer-cancelled call=s1 agent=alice reason=caller-hung-up",
      "08:00:15 call-ended call=s1 outcome=abandoned"
    ])
  })

  it("an answer at the very ms patience runs out wins (answer events come before patience)", () => {
    const r = run(oneQueue({}, [{ id: "alice" }], { script: { calls: [qcall("+5s", "1m", { patience: "2s" })] } }))
    expect(r.lines("offer-accepted", "call-abandoned", "call-ended")).toEqual([
      "08:00:07 offer-accepted call=s1 agent=alice queue=sales",
      "08:01:07 call-ended call=s1 agent=alice outcome=handled"
    ])
  })

  it("patience running out at the ms the offer would ring out is a hang-up, not a miss", () => {
    const r = run(
      oneQueue({ ringTimeout: "10s", unavailableOnMiss: {} }, [{ id: "alice", behaviour: { responses: ["miss"] } }], {
        script: { calls: [qcall("+5s", "1m", { patience: "10s" })] }
      })
    )
    expect(r.lines("offer-missed", "call-abandoned", "offer-cancelled")).toEqual([
      "08:00:15 call-abandoned call=s1 queue=sales stage=ringing",
      "08:00:15 offer-cancelled call=s1 agent=alice queue=sales reason=caller-hung-up"
    ])
  })

  it("abandoned callers redial after the delay, as a new call with redialOf, up to maxAttempts", () => {
    const r = run(
      oneQueue({}, [{ id: "alice", initialStatus: "unavailable" }], {
        time: { open: "08:00", close: "08:30" },
        traffic: [
          {
            id: "web",
            type: "queue",
            trackingNumber: "555-0100",
            arrivals: { ratePerHour: 10 },
            handleTime: "1m",
            patience: "30s",
            redial: { probability: 1, delay: "5m", maxAttempts: 1 }
          }
        ]
      }),
      { seed: 2 }
    )
    const arrived = r.events.filter((e) => e.event === "call-arrived")
    const redials = arrived.filter((e) => e.redialOf !== undefined)
    const scheduled = r.events.filter((e) => e.event === "redial-scheduled")
    expect(redials.length).toBeGreaterThan(0)
    // every redial is announced by its original call, 5 minutes before, and none redials again
    for (const call of redials) {
      const s = scheduled.find((e) => e.call === call.redialOf)
      expect(s?.redialAt).toBe(call.at)
      expect(s!.t + 300_000).toBe(call.t)
      expect(scheduled.some((e) => e.call === call.call)).toBe(false)
    }
    // redials that would come after closing are not scheduled (terminating day)
    expect(scheduled.every((e) => e.t + 300_000 < r.model.close)).toBe(true)
  })
})
