/**
 * R1 (three call types), R2 (tenant and known/unknown of queue calls), R4 (direct and internal calls ring
 * whatever the status), R7 (direct-line calls during a queue call, dialled or routed by a workflow).
 */
import { describe, expect, it } from "vitest"
import { oneQueue, qcall, run, withoutSetup } from "../helpers.ts"

const direct = (at: string, talk: string, agent = "alice") => ({ type: "direct", agent, at, talk })

describe("R1/R2 queue calls", () => {
  it("carry the tenant owning the tracking number dialled and enter the workflow that lists it", () => {
    const r = run({
      tenants: [
        { id: "acme", trackingNumbers: ["555-0100"] },
        { id: "globex", trackingNumbers: ["+1 (555) 0200"] }
      ],
      queues: [{ id: "sales" }, { id: "service" }],
      workflows: [
        { id: "w1", trackingNumbers: ["555-0100"], steps: [{ to: "queue", queue: "sales" }] },
        { id: "w2", trackingNumbers: ["+15550200"], steps: [{ to: "queue", queue: "service" }] }
      ],
      agents: [{ id: "alice", queues: [{ queue: "sales" }, { queue: "service" }] }],
      script: {
        calls: [qcall("+5s", "10s"), { type: "queue", trackingNumber: "+1 555 0200", at: "+1m", talk: "10s" }]
      }
    })
    expect(r.lines("call-arrived", "call-queued")).toEqual([
      "08:00:05 call-arrived call=s1 kind=queue tenant=acme known=true",
      "08:00:05 call-queued call=s1 queue=sales",
      "08:01:00 call-arrived call=s2 kind=queue tenant=globex known=true",
      "08:01:00 call-queued call=s2 queue=service"
    ])
  })

  it("are offered with the tenant of the number dialled (the agent's pop-up); direct calls dialled have none", () => {
    const r = run({
      tenants: [
        { id: "acme", trackingNumbers: ["555-0100"] },
        { id: "globex", trackingNumbers: ["555-0200"] }
      ],
      queues: [{ id: "sales" }],
      workflows: [{ id: "w", trackingNumbers: ["555-0100", "555-0200"], steps: [{ to: "queue", queue: "sales" }] }],
      agents: [{ id: "alice", queues: [{ queue: "sales" }], directLine: "555-0199" }],
      script: {
        calls: [
          qcall("+5s", "10s"),
          { type: "queue", trackingNumber: "555-0200", at: "+1m", talk: "10s" },
          direct("+2m", "10s")
        ]
      }
    })
    expect(r.lines("offer-started")).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:01:00 offer-started call=s2 agent=alice queue=sales tenant=globex",
      "08:02:00 offer-started call=s3 agent=alice"
    ])
  })

  it("have no tenant when no tenant owns the number", () => {
    const r = run({
      ...oneQueue(),
      tenants: [],
      script: { calls: [qcall("+5s", "10s")] }
    })
    expect(r.lines("call-arrived")).toEqual(["08:00:05 call-arrived call=s1 kind=queue known=true"])
  })

  it("from an unknown caller take the search/create time on top of the talk time", () => {
    const r = run(
      oneQueue({}, [{ id: "alice" }], {
        customerDirectory: { unknownCallerSearchTime: "30s" },
        script: { calls: [qcall("+5s", "1m", { known: false }), qcall("+5s", "1m", { known: true })] }
      })
    )
    expect(r.lines("call-arrived", "offer-accepted", "call-ended")).toEqual([
      "08:00:05 call-arrived call=s1 kind=queue tenant=acme known=false",
      "08:00:05 call-arrived call=s2 kind=queue tenant=acme known=true",
      "08:00:07 offer-accepted call=s1 agent=alice queue=sales",
      // 1m talk + 30s search
      "08:01:37 call-ended call=s1 agent=alice outcome=handled",
      "08:01:39 offer-accepted call=s2 agent=alice queue=sales",
      "08:02:39 call-ended call=s2 agent=alice outcome=handled"
    ])
  })

  it("draw known/unknown with the traffic's known share", () => {
    const r = run(
      oneQueue({}, [{ id: "a", count: 30 }], {
        traffic: [
          {
            id: "web",
            type: "queue",
            trackingNumber: "555-0100",
            knownShare: 0.3,
            arrivals: { ratePerHour: 3000 },
            handleTime: "10s"
          }
        ]
      }),
      { seed: 7 }
    )
    const arrived = r.events.filter((e) => e.event === "call-arrived")
    const known = arrived.filter((e) => e.known === true).length
    const n = arrived.length
    // 99.9% binomial interval around 0.3
    const half = 3.3 * Math.sqrt((0.3 * 0.7) / n)
    expect(n).toBeGreaterThan(2500)
    expect(Math.abs(known / n - 0.3)).toBeLessThan(half)
  })
})

describe("R1/R4 direct and internal calls", () => {
  it("a direct call rings the agent and is handled; its kind is direct", () => {
    const r = run(oneQueue({}, [{ id: "alice" }], { script: { calls: [direct("+5s", "1m")] } }))
    expect(withoutSetup(r.lines())).toEqual([
      "08:00:05 call-arrived call=s1 kind=direct known=true",
      "08:00:05 offer-started call=s1 agent=alice",
      "08:00:07 offer-accepted call=s1 agent=alice",
      "08:01:07 call-ended call=s1 agent=alice outcome=handled"
    ])
  })

  it("an internal call rings the called agent even when Unavailable", () => {
    const r = run(
      oneQueue({}, [{ id: "alice", initialStatus: "unavailable" }, { id: "bob" }], {
        script: { calls: [{ type: "internal", from: "bob", to: "alice", at: "+5s", talk: "30s" }] }
      })
    )
    expect(r.lines("agent-status-changed", "call-arrived", "offer-started", "offer-accepted", "call-ended")).toEqual([
      "08:00:00 agent-status-changed agent=alice status=unavailable cause=shift",
      "08:00:00 agent-status-changed agent=bob status=available cause=shift",
      "08:00:05 call-arrived call=s1 kind=internal known=true",
      "08:00:05 offer-started call=s1 agent=alice",
      "08:00:07 offer-accepted call=s1 agent=alice",
      "08:00:37 call-ended call=s1 agent=alice outcome=handled"
    ])
  })

  it("a direct call rings during wrap-up", () => {
    const r = run(
      oneQueue({ wrapUp: "1m" }, [{ id: "alice" }], {
        script: { calls: [qcall("+5s", "10s"), direct("+20s", "10s")] }
      })
    )
    expect(withoutSetup(r.lines())).toEqual([
      "08:00:05 call-arrived call=s1 kind=queue tenant=acme known=true",
      "08:00:05 call-routed call=s1 step=queue target=sales",
      "08:00:05 call-queued call=s1 queue=sales",
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:07 offer-accepted call=s1 agent=alice queue=sales",
      "08:00:17 call-ended call=s1 agent=alice outcome=handled",
      "08:00:17 wrap-up-started agent=alice call=s1 queue=sales duration=60000",
      "08:00:20 call-arrived call=s2 kind=direct known=true",
      "08:00:20 offer-started call=s2 agent=alice",
      "08:00:22 offer-accepted call=s2 agent=alice",
      "08:00:32 call-ended call=s2 agent=alice outcome=handled",
      "08:01:17 wrap-up-ended agent=alice"
    ])
  })

  it("a direct call to a signed-out agent ends unanswered without ringing", () => {
    const r = run(
      oneQueue({}, [{ id: "alice", shifts: [{ start: "09:00", end: "10:00" }] }], {
        script: { calls: [direct("+5s", "1m")] }
      })
    )
    expect(r.lines("call-arrived", "offer-started", "call-ended")).toEqual([
      "08:00:05 call-arrived call=s1 kind=direct known=true",
      "08:00:05 call-ended call=s1 outcome=unanswered"
    ])
  })

  it("direct traffic rings the agent of its source", () => {
    const r = run(
      oneQueue({}, [{ id: "alice" }], {
        traffic: [{ id: "line", type: "direct", agent: "alice", arrivals: { ratePerHour: 20 }, handleTime: "30s" }]
      })
    )
    const starts = r.events.filter((e) => e.event === "offer-started")
    expect(starts.length).toBeGreaterThan(0)
    expect(starts.every((e) => e.agent === "alice" && e.queue === undefined)).toBe(true)
    expect(
      r.events.filter((e) => e.event === "call-arrived").every((e) => e.kind === "direct" && e.source === "line")
    ).toBe(true)
  })

  it("internal traffic never calls the calling agent", () => {
    const r = run(
      oneQueue({}, [{ id: "alice" }, { id: "bob" }], {
        traffic: [
          {
            id: "chat",
            type: "internal",
            from: ["alice"],
            to: ["alice", "bob"],
            arrivals: { ratePerHour: 30 },
            handleTime: "20s"
          }
        ]
      })
    )
    const starts = r.events.filter((e) => e.event === "offer-started")
    expect(starts.length).toBeGreaterThan(3)
    expect(starts.every((e) => e.agent === "bob")).toBe(true)
  })
})

describe("R7 direct-line calls during a queue call", () => {
  it("a call dialled to the direct line rings while the agent is on a queue call", () => {
    const r = run(oneQueue({}, [{ id: "alice" }], { script: { calls: [qcall("+5s", "1m"), direct("+20s", "30s")] } }))
    expect(r.lines("offer-started", "call-held", "offer-accepted", "call-resumed", "call-ended")).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:07 offer-accepted call=s1 agent=alice queue=sales",
      "08:00:20 offer-started call=s2 agent=alice",
      "08:00:22 call-held call=s1 agent=alice",
      "08:00:22 offer-accepted call=s2 agent=alice",
      "08:00:52 call-ended call=s2 agent=alice outcome=handled",
      "08:00:52 call-resumed call=s1 agent=alice",
      // 15 s talked before the hold, 45 s after
      "08:01:37 call-ended call=s1 agent=alice outcome=handled"
    ])
  })

  it("a workflow routes a call to the direct line while the agent is on a queue call", () => {
    const r = run({
      tenants: [{ id: "acme", trackingNumbers: ["555-0100", "555-0200"] }],
      queues: [{ id: "sales" }],
      workflows: [
        { id: "w1", trackingNumbers: ["555-0100"], steps: [{ to: "queue", queue: "sales" }] },
        { id: "w2", trackingNumbers: ["555-0200"], steps: [{ to: "direct-line", agent: "alice" }, { to: "voicemail" }] }
      ],
      agents: [{ id: "alice", queues: [{ queue: "sales" }], behaviour: { responses: ["answer", "miss"] } }],
      script: {
        calls: [qcall("+5s", "1m"), { type: "queue", trackingNumber: "555-0200", at: "+20s", talk: "30s" }]
      }
    })
    expect(withoutSetup(r.lines())).toEqual([
      "08:00:05 call-arrived call=s1 kind=queue tenant=acme known=true",
      "08:00:05 call-routed call=s1 step=queue target=sales",
      "08:00:05 call-queued call=s1 queue=sales",
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:07 offer-accepted call=s1 agent=alice queue=sales",
      // R1: its workflow sends it to a direct line first, so it is a direct call (of the tenant dialled)
      "08:00:20 call-arrived call=s2 kind=direct tenant=acme known=true",
      "08:00:20 call-routed call=s2 step=direct-line target=alice",
      "08:00:20 offer-started call=s2 agent=alice tenant=acme",
      // missed on the direct line: the workflow's next step, no status change (R12)
      "08:00:50 offer-missed call=s2 agent=alice",
      "08:00:50 call-routed call=s2 step=voicemail",
      "08:00:50 call-ended call=s2 outcome=voicemail",
      "08:01:07 call-ended call=s1 agent=alice outcome=handled"
    ])
  })
})

describe("R1 calls a workflow routes to a direct line", () => {
  const lineFirst = (steps: ReadonlyArray<Record<string, unknown>>, extra: Record<string, unknown> = {}) => ({
    tenants: [{ id: "acme", trackingNumbers: ["555-0100", "555-0200"] }],
    queues: [{ id: "sales" }],
    workflows: [{ id: "w", trackingNumbers: ["555-0200"], steps }],
    agents: [
      { id: "alice", queues: [{ queue: "sales" }], directLine: "555-0199" },
      { id: "bob", queues: [{ queue: "sales" }] }
    ],
    ...extra
  })
  const wcall = (at: string, talk: string) => ({ type: "queue", trackingNumber: "555-0200", at, talk })

  it("are direct calls from arrival when the workflow's first step is the direct line, and queue calls otherwise", () => {
    const r = run(
      lineFirst([{ to: "direct-line", agent: "alice" }], {
        workflows: [
          { id: "w", trackingNumbers: ["555-0200"], steps: [{ to: "direct-line", agent: "alice" }] },
          {
            id: "q",
            trackingNumbers: ["555-0100"],
            steps: [
              { to: "queue", queue: "sales" },
              { to: "direct-line", agent: "alice" }
            ]
          }
        ],
        script: { calls: [wcall("+5s", "10s"), qcall("+1m", "10s")] }
      })
    )
    expect(r.lines("call-arrived")).toEqual([
      "08:00:05 call-arrived call=s1 kind=direct tenant=acme known=true",
      "08:01:00 call-arrived call=s2 kind=queue tenant=acme known=true"
    ])
  })

  it("follow business hours: the steps in force at arrival decide", () => {
    const r = run(
      lineFirst([{ to: "queue", queue: "sales" }], {
        workflows: [
          {
            id: "w",
            trackingNumbers: ["555-0200"],
            businessHours: { open: "08:30", close: "17:00", afterHours: [{ to: "direct-line", agent: "alice" }] },
            steps: [{ to: "queue", queue: "sales" }]
          }
        ],
        script: { calls: [wcall("+5s", "10s"), wcall("+40m", "10s")] }
      })
    )
    expect(r.lines("call-arrived", "call-routed")).toEqual([
      "08:00:05 call-arrived call=s1 kind=direct tenant=acme known=true",
      "08:00:05 call-routed call=s1 step=direct-line target=alice",
      "08:40:00 call-arrived call=s2 kind=queue tenant=acme known=true",
      "08:40:00 call-routed call=s2 step=queue target=sales"
    ])
  })

  it("missed on the direct line, go on to the workflow's next step, a queue, keeping their kind", () => {
    const r = run(
      lineFirst(
        [
          { to: "direct-line", agent: "alice" },
          { to: "queue", queue: "sales" }
        ],
        {
          agents: [
            { id: "alice", queues: [{ queue: "sales" }], directLine: "555-0199", behaviour: { responses: ["reject"] } },
            { id: "bob", queues: [{ queue: "sales" }] }
          ],
          script: { calls: [wcall("+5s", "10s")] }
        }
      )
    )
    expect(withoutSetup(r.lines())).toEqual([
      "08:00:05 call-arrived call=s1 kind=direct tenant=acme known=true",
      "08:00:05 call-routed call=s1 step=direct-line target=alice",
      "08:00:05 offer-started call=s1 agent=alice tenant=acme",
      // a rejected direct call changes nothing for alice (R12); the queue offers it by longest idle
      "08:00:07 offer-rejected call=s1 agent=alice",
      "08:00:07 call-routed call=s1 step=queue target=sales",
      "08:00:07 call-queued call=s1 queue=sales",
      "08:00:07 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:09 offer-accepted call=s1 agent=alice queue=sales",
      "08:00:19 call-ended call=s1 agent=alice outcome=handled"
    ])
  })
})
