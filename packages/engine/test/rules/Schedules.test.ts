/**
 * Schedules (shifts sign agents in and out, breaks make them Unavailable, a call in progress finishes first with
 * overtime recorded) and scripted agent actions.
 */
import { describe, expect, it } from "vitest"
import { oneQueue, qcall, run } from "../helpers.ts"

describe("shifts and breaks", () => {
  it("agents without shifts sign in at opening with their initial status", () => {
    const r = run(oneQueue({}, [{ id: "alice" }, { id: "bob", initialStatus: "unavailable" }]))
    expect(r.lines()).toEqual([
      "08:00:00 agent-status-changed agent=alice status=available cause=shift",
      "08:00:00 agent-status-changed agent=bob status=unavailable cause=shift",
      "09:00:00 simulation-ended"
    ])
  })

  it("a shift signs in and out; a break is Unavailable (reason break) and restores the status after", () => {
    const r = run(
      oneQueue({}, [
        { id: "alice", shifts: [{ start: "08:10", end: "08:50", breaks: [{ start: "08:20", duration: "15m" }] }] }
      ])
    )
    expect(r.lines("agent-status-changed")).toEqual([
      "08:10:00 agent-status-changed agent=alice status=available cause=shift",
      "08:20:00 agent-status-changed agent=alice status=unavailable cause=break reason=break",
      "08:35:00 agent-status-changed agent=alice status=available cause=break",
      "08:50:00 agent-status-changed agent=alice status=signed-out cause=shift"
    ])
  })

  it("no queue offers during a break; the waiting call is offered when it ends", () => {
    const r = run(
      oneQueue(
        {},
        [{ id: "alice", shifts: [{ start: "08:00", end: "09:00", breaks: [{ start: "08:00:30", duration: "1m" }] }] }],
        {
          script: { calls: [qcall("+40s", "1m")] }
        }
      )
    )
    expect(r.lines("offer-started")).toEqual(["08:01:30 offer-started call=s1 agent=alice queue=sales tenant=acme"])
  })

  it("a shift end during a call: the call and its wrap-up finish first (overtime), then the sign-out", () => {
    const r = run(
      oneQueue({ wrapUp: "10s" }, [{ id: "alice", shifts: [{ start: "08:00", end: "08:01" }] }], {
        script: { calls: [qcall("+30s", "1m")] }
      })
    )
    expect(
      r.lines("offer-accepted", "agent-overtime-started", "call-ended", "wrap-up-ended", "agent-status-changed")
    ).toEqual([
      "08:00:00 agent-status-changed agent=alice status=available cause=shift",
      "08:00:32 offer-accepted call=s1 agent=alice queue=sales",
      "08:01:00 agent-overtime-started agent=alice",
      "08:01:32 call-ended call=s1 agent=alice outcome=handled",
      "08:01:42 wrap-up-ended agent=alice",
      "08:01:42 agent-status-changed agent=alice status=signed-out cause=shift"
    ])
  })

  it("in overtime the agent gets no new queue calls", () => {
    const r = run(
      oneQueue(
        {},
        [
          { id: "alice", shifts: [{ start: "08:00", end: "08:01" }] },
          { id: "bob", shifts: [{ start: "08:05", end: "09:00" }] }
        ],
        {
          script: {
            calls: [
              qcall("+30s", "1m"),
              { type: "direct", agent: "alice", at: "+40s", talk: "2m" },
              qcall("+70s", "10s")
            ]
          }
        }
      )
    )
    expect(r.lines("offer-started", "agent-overtime-started", "agent-status-changed")).toEqual([
      "08:00:00 agent-status-changed agent=alice status=available cause=shift",
      "08:00:30 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:40 offer-started call=s2 agent=alice",
      "08:01:00 agent-overtime-started agent=alice",
      // s2 (direct) ends 08:02:42, then the held s1 resumes for its last 50 s
      "08:03:32 agent-status-changed agent=alice status=signed-out cause=shift",
      "08:05:00 agent-status-changed agent=bob status=available cause=shift",
      "08:05:00 offer-started call=s3 agent=bob queue=sales tenant=acme",
      "09:00:00 agent-status-changed agent=bob status=signed-out cause=shift"
    ])
  })

  it("a break during a call starts when the call ends; a break whose time passed in overtime is skipped", () => {
    const r = run(
      oneQueue(
        {},
        [
          {
            id: "alice",
            shifts: [
              {
                start: "08:00",
                end: "09:00",
                breaks: [
                  { start: "08:01", duration: "5m" },
                  { start: "08:10", duration: "1m" }
                ]
              }
            ]
          }
        ],
        { script: { calls: [qcall("+30s", "2m"), qcall("+9m50s", "5m")] } }
      )
    )
    expect(r.lines("agent-overtime-started", "agent-status-changed")).toEqual([
      "08:00:00 agent-status-changed agent=alice status=available cause=shift",
      "08:01:00 agent-overtime-started agent=alice",
      "08:02:32 agent-status-changed agent=alice status=unavailable cause=break reason=break",
      "08:06:00 agent-status-changed agent=alice status=available cause=break",
      "08:10:00 agent-overtime-started agent=alice",
      "09:00:00 agent-status-changed agent=alice status=signed-out cause=shift"
    ])
  })

  it("an agent the miss policy made Unavailable comes back Available from a break", () => {
    const r = run(
      oneQueue(
        { ringTimeout: "10s", unavailableOnMiss: {} },
        [
          {
            id: "alice",
            behaviour: { responses: ["miss"], availableAgainAfter: "10m" },
            shifts: [{ start: "08:00", end: "09:00", breaks: [{ start: "08:01", duration: "5m" }] }]
          }
        ],
        { script: { calls: [qcall("+5s", "10s", { patience: "30s" })] } }
      )
    )
    expect(r.lines("agent-status-changed")).toEqual([
      "08:00:00 agent-status-changed agent=alice status=available cause=shift",
      "08:00:15 agent-status-changed agent=alice status=unavailable cause=miss-policy reason=missed-call",
      "08:01:00 agent-status-changed agent=alice status=unavailable cause=break reason=break",
      "08:06:00 agent-status-changed agent=alice status=available cause=break",
      "09:00:00 agent-status-changed agent=alice status=signed-out cause=shift"
    ])
  })
})

describe("scripted agent actions", () => {
  it("sign-in, unavailable with a reason, available and sign-out at exact times", () => {
    const r = run(
      oneQueue({}, [{ id: "alice", shifts: [] }], {
        script: {
          actions: [
            { at: "08:01:00", agent: "alice", action: "sign-in" },
            { at: "+2m", agent: "alice", action: "unavailable", reason: "training" },
            { at: "+3m", agent: "alice", action: "available" },
            { at: "+4m", agent: "alice", action: "sign-out" }
          ]
        }
      })
    )
    expect(r.lines("agent-status-changed")).toEqual([
      "08:01:00 agent-status-changed agent=alice status=available cause=agent",
      "08:02:00 agent-status-changed agent=alice status=unavailable cause=agent reason=training",
      "08:03:00 agent-status-changed agent=alice status=available cause=agent",
      "08:04:00 agent-status-changed agent=alice status=signed-out cause=agent"
    ])
  })

  it("an action on a group applies to each member", () => {
    const r = run(
      oneQueue({}, [{ id: "team", count: 2 }], {
        script: { actions: [{ at: "+1m", agent: "team", action: "unavailable" }] }
      })
    )
    expect(r.lines("agent-status-changed").slice(2)).toEqual([
      "08:01:00 agent-status-changed agent=team-1 status=unavailable cause=agent",
      "08:01:00 agent-status-changed agent=team-2 status=unavailable cause=agent"
    ])
  })

  it("a scripted sign-out during a call: Unavailable (signing-out) at once, signed out when the call ends", () => {
    const r = run(
      oneQueue({}, [{ id: "alice" }], {
        script: { calls: [qcall("+5s", "1m")], actions: [{ at: "+30s", agent: "alice", action: "sign-out" }] }
      })
    )
    expect(r.lines("agent-overtime-started", "agent-status-changed", "call-ended")).toEqual([
      "08:00:00 agent-status-changed agent=alice status=available cause=shift",
      "08:00:30 agent-status-changed agent=alice status=unavailable cause=agent reason=signing-out",
      "08:01:07 call-ended call=s1 agent=alice outcome=handled",
      "08:01:07 agent-status-changed agent=alice status=signed-out cause=agent"
    ])
  })
})
