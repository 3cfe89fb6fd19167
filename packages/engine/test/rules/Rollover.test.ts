/**
 * R10 rollover: maximum wait (measured from entering the queue) → the workflow's next step (another queue,
 * joining its tail; a direct line; answering service; voicemail; hang-up; no more steps = hang-up), offers
 * ringing at the limit (`offerFinishesRingBeforeRollover`), maximum length, no agents, business hours, tiers,
 * and agents in several queues.
 */
import { describe, expect, it } from "vitest"
import { oneQueue, qcall, run, withoutSetup } from "../helpers.ts"

const twoQueues = (steps: ReadonlyArray<Record<string, unknown>>, extra: Record<string, unknown> = {}) => ({
  tenants: [{ id: "acme", trackingNumbers: ["555-0100"] }],
  queues: [
    { id: "q1", maxWait: "30s" },
    { id: "q2", maxWait: "30s" }
  ],
  workflows: [{ id: "main", trackingNumbers: ["555-0100"], steps }],
  agents: [
    { id: "alice", queues: [{ queue: "q1" }], initialStatus: "unavailable" },
    { id: "bob", queues: [{ queue: "q2" }], initialStatus: "unavailable" },
    { id: "carol", behaviour: { responses: ["reject"] } }
  ],
  ...extra
})

describe("R10 maximum wait", () => {
  it("rolls over to another queue, then a direct line, then the answering service", () => {
    const r = run(
      twoQueues(
        [
          { to: "queue", queue: "q1" },
          { to: "queue", queue: "q2" },
          { to: "direct-line", agent: "carol" },
          { to: "answering-service" }
        ],
        { script: { calls: [qcall("+5s", "1m")] } }
      )
    )
    expect(withoutSetup(r.lines()).filter((l) => !l.includes("agent-status-changed"))).toEqual([
      "08:00:05 call-arrived call=s1 kind=queue tenant=acme known=true",
      "08:00:05 call-routed call=s1 step=queue target=q1",
      "08:00:05 call-queued call=s1 queue=q1",
      "08:00:35 call-rolled-over call=s1 queue=q1 reason=max-wait",
      "08:00:35 call-routed call=s1 step=queue target=q2",
      "08:00:35 call-queued call=s1 queue=q2",
      "08:01:05 call-rolled-over call=s1 queue=q2 reason=max-wait",
      "08:01:05 call-routed call=s1 step=direct-line target=carol",
      "08:01:05 offer-started call=s1 agent=carol tenant=acme",
      "08:01:07 offer-rejected call=s1 agent=carol",
      "08:01:07 call-routed call=s1 step=answering-service",
      "08:01:07 call-ended call=s1 outcome=answering-service"
    ])
  })

  it("joins the tail of the next queue", () => {
    const r = run(
      twoQueues(
        [
          { to: "queue", queue: "q1" },
          { to: "queue", queue: "q2" }
        ],
        {
          script: {
            calls: [
              qcall("+5s", "1m"),
              qcall("+6s", "1m"),
              { type: "queue", trackingNumber: "555-0100", at: "+20s", talk: "1m" }
            ],
            actions: [{ at: "+40s", agent: "bob", action: "available" }]
          },
          queues: [{ id: "q1", maxWait: "30s" }, { id: "q2" }],
          workflows: [
            {
              id: "main",
              trackingNumbers: ["555-0100"],
              steps: [
                { to: "queue", queue: "q1" },
                { to: "queue", queue: "q2" }
              ]
            }
          ]
        }
      )
    )
    expect(r.lines("call-queued", "offer-started")).toEqual([
      "08:00:05 call-queued call=s1 queue=q1",
      "08:00:06 call-queued call=s2 queue=q1",
      "08:00:20 call-queued call=s3 queue=q1",
      "08:00:35 call-queued call=s1 queue=q2",
      "08:00:36 call-queued call=s2 queue=q2",
      "08:00:40 offer-started call=s1 agent=bob queue=q2 tenant=acme",
      "08:00:50 call-queued call=s3 queue=q2",
      "08:01:42 offer-started call=s2 agent=bob queue=q2 tenant=acme",
      "08:02:44 offer-started call=s3 agent=bob queue=q2 tenant=acme"
    ])
  })

  it("past the last step the workflow hangs up; a hang-up step does the same", () => {
    const last = run(twoQueues([{ to: "queue", queue: "q1" }], { script: { calls: [qcall("+5s", "1m")] } }))
    expect(last.lines("call-rolled-over", "call-routed", "call-ended")).toEqual([
      "08:00:05 call-routed call=s1 step=queue target=q1",
      "08:00:35 call-rolled-over call=s1 queue=q1 reason=max-wait",
      "08:00:35 call-ended call=s1 outcome=hung-up"
    ])
    const hangUp = run(
      twoQueues([{ to: "queue", queue: "q1" }, { to: "hang-up" }], { script: { calls: [qcall("+5s", "1m")] } })
    )
    expect(hangUp.lines("call-routed", "call-ended")).toEqual([
      "08:00:05 call-routed call=s1 step=queue target=q1",
      "08:00:35 call-routed call=s1 step=hang-up",
      "08:00:35 call-ended call=s1 outcome=hung-up"
    ])
  })

  it("a direct-line step whose agent is signed out goes straight to the next step", () => {
    const r = run({
      ...twoQueues([{ to: "direct-line", agent: "carol" }, { to: "voicemail" }]),
      agents: [{ id: "carol", shifts: [{ start: "10:00", end: "11:00" }] }],
      script: { calls: [qcall("+5s", "1m")] }
    })
    expect(withoutSetup(r.lines())).toEqual([
      // R1: a workflow that rings a direct line first makes a direct call
      "08:00:05 call-arrived call=s1 kind=direct tenant=acme known=true",
      "08:00:05 call-routed call=s1 step=direct-line target=carol",
      "08:00:05 call-routed call=s1 step=voicemail",
      "08:00:05 call-ended call=s1 outcome=voicemail"
    ])
  })
})

describe("R10 an offer ringing at the limit", () => {
  const input = (delay: string | undefined, settings: Record<string, unknown> = {}) =>
    oneQueue(
      { ringTimeout: "20s", maxWait: "10s" },
      [{ id: "alice", behaviour: delay === undefined ? { responses: ["miss"] } : { answerDelay: delay } }],
      { settings, script: { calls: [qcall("+5s", "1m")] } }
    )

  it("finishes its ring first; answered, the call does not roll over", () => {
    expect(run(input("15s")).lines("offer-started", "offer-accepted", "call-rolled-over", "call-ended")).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:20 offer-accepted call=s1 agent=alice queue=sales",
      "08:01:20 call-ended call=s1 agent=alice outcome=handled"
    ])
  })

  it("finishes its ring first; missed, the call rolls over without another offer", () => {
    expect(run(input(undefined)).lines("offer-started", "offer-missed", "call-rolled-over", "call-ended")).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:25 offer-missed call=s1 agent=alice queue=sales",
      "08:00:25 call-rolled-over call=s1 queue=sales reason=max-wait",
      "08:00:25 call-ended call=s1 outcome=voicemail"
    ])
  })

  it("is cancelled at the limit when offerFinishesRingBeforeRollover is false", () => {
    const r = run(input("15s", { offerFinishesRingBeforeRollover: false }))
    expect(r.lines("offer-started", "offer-cancelled", "call-rolled-over", "call-ended")).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:15 offer-cancelled call=s1 agent=alice queue=sales reason=rolled-over",
      "08:00:15 call-rolled-over call=s1 queue=sales reason=max-wait",
      "08:00:15 call-ended call=s1 outcome=voicemail"
    ])
  })
})

describe("R10 entry conditions", () => {
  it("a full queue overflows at entry to its overflow target", () => {
    const r = run(
      oneQueue(
        { maxLength: 1, overflow: { to: "answering-service" } },
        [{ id: "alice", initialStatus: "unavailable" }],
        {
          script: { calls: [qcall("+5s", "1m", { patience: "1m" }), qcall("+6s", "1m")] }
        }
      )
    )
    expect(r.lines("call-queued", "call-rolled-over", "call-routed", "call-ended")).toEqual([
      "08:00:05 call-routed call=s1 step=queue target=sales",
      "08:00:05 call-queued call=s1 queue=sales",
      "08:00:06 call-routed call=s2 step=queue target=sales",
      "08:00:06 call-rolled-over call=s2 queue=sales reason=queue-full",
      "08:00:06 call-routed call=s2 step=answering-service",
      "08:00:06 call-ended call=s2 outcome=answering-service",
      "08:01:05 call-ended call=s1 outcome=abandoned"
    ])
  })

  it("a full queue without an overflow target goes to the workflow's next step", () => {
    const r = run(oneQueue({ maxLength: 0 }, [{ id: "alice" }], { script: { calls: [qcall("+5s", "1m")] } }))
    expect(r.lines("call-rolled-over", "call-routed", "call-ended")).toEqual([
      "08:00:05 call-routed call=s1 step=queue target=sales",
      "08:00:05 call-rolled-over call=s1 queue=sales reason=queue-full",
      "08:00:05 call-routed call=s1 step=voicemail",
      "08:00:05 call-ended call=s1 outcome=voicemail"
    ])
  })

  it("rolloverWhenNoAgents: no member signed in → rolls over at once", () => {
    const r = run(
      oneQueue({ rolloverWhenNoAgents: true }, [{ id: "alice", shifts: [{ start: "09:00", end: "10:00" }] }], {
        script: { calls: [qcall("+5s", "1m")] }
      })
    )
    expect(r.lines("call-rolled-over", "call-ended")).toEqual([
      "08:00:05 call-rolled-over call=s1 queue=sales reason=no-agents",
      "08:00:05 call-ended call=s1 outcome=voicemail"
    ])
  })

  it("rolloverWhenNoAgents: the last member signing out rolls the waiting callers over", () => {
    const r = run(
      oneQueue(
        { rolloverWhenNoAgents: true },
        [{ id: "alice", initialStatus: "unavailable", shifts: [{ start: "08:00", end: "08:01" }] }],
        {
          script: { calls: [qcall("+5s", "1m")] }
        }
      )
    )
    expect(r.lines("agent-status-changed", "call-rolled-over", "call-ended")).toEqual([
      "08:00:00 agent-status-changed agent=alice status=unavailable cause=shift",
      "08:01:00 agent-status-changed agent=alice status=signed-out cause=shift",
      "08:01:00 call-rolled-over call=s1 queue=sales reason=no-agents",
      "08:01:00 call-ended call=s1 outcome=voicemail"
    ])
  })

  it("by default (as the seed's product does) calls wait for the maximum wait even with nobody signed in", () => {
    const r = run(
      oneQueue({ maxWait: "1m" }, [{ id: "alice", shifts: [{ start: "09:00", end: "10:00" }] }], {
        script: { calls: [qcall("+5s", "1m")] }
      })
    )
    expect(r.lines("call-rolled-over")).toEqual(["08:01:05 call-rolled-over call=s1 queue=sales reason=max-wait"])
  })

  it("outside business hours calls take the after-hours steps", () => {
    const r = run({
      ...oneQueue(),
      workflows: [
        {
          id: "main",
          trackingNumbers: ["555-0100"],
          steps: [{ to: "queue", queue: "sales" }],
          businessHours: { open: "08:30", close: "17:00", afterHours: [{ to: "voicemail" }] }
        }
      ],
      script: { calls: [qcall("+5s", "1m"), qcall("08:30:00", "1m")] }
    })
    expect(r.lines("call-rolled-over", "call-routed", "call-ended")).toEqual([
      "08:00:05 call-rolled-over call=s1 reason=after-hours",
      "08:00:05 call-routed call=s1 step=voicemail",
      "08:00:05 call-ended call=s1 outcome=voicemail",
      "08:30:00 call-routed call=s2 step=queue target=sales",
      "08:31:02 call-ended call=s2 agent=alice outcome=handled"
    ])
  })
})

describe("tiers and several queues", () => {
  it("tier 2 opens after tierWait in the queue", () => {
    const r = run(
      oneQueue(
        { tierWait: "20s" },
        [
          { id: "alice", queues: [{ queue: "sales", tier: 2 }] },
          { id: "bob", initialStatus: "unavailable" }
        ],
        {
          script: { calls: [qcall("+5s", "1m")] }
        }
      )
    )
    expect(r.lines("offer-started")).toEqual(["08:00:25 offer-started call=s1 agent=alice queue=sales tenant=acme"])
  })

  it("tier 1 is offered first when both are free", () => {
    const r = run(
      oneQueue({ tierWait: "20s" }, [{ id: "alice", queues: [{ queue: "sales", tier: 2 }] }, { id: "bob" }], {
        script: { calls: [qcall("+5s", "1m"), qcall("+6s", "1m")] }
      })
    )
    expect(r.lines("offer-started")).toEqual([
      "08:00:05 offer-started call=s1 agent=bob queue=sales tenant=acme",
      "08:00:26 offer-started call=s2 agent=alice queue=sales tenant=acme"
    ])
  })

  const multi = (
    memberships: ReadonlyArray<Record<string, unknown>>,
    queues: ReadonlyArray<Record<string, unknown>>
  ) => ({
    tenants: [{ id: "acme", trackingNumbers: ["555-0100", "555-0200"] }],
    queues,
    workflows: [
      { id: "w1", trackingNumbers: ["555-0100"], steps: [{ to: "queue", queue: "q1" }] },
      { id: "w2", trackingNumbers: ["555-0200"], steps: [{ to: "queue", queue: "q2" }] }
    ],
    agents: [{ id: "alice", queues: memberships }],
    script: {
      calls: [
        qcall("+5s", "1m"),
        qcall("+10s", "1m"),
        { type: "queue", trackingNumber: "555-0200", at: "+20s", talk: "1m" }
      ]
    }
  })

  it("an agent in several queues takes the call of the higher-priority queue first", () => {
    const r = run(multi([{ queue: "q1" }, { queue: "q2" }], [{ id: "q1" }, { id: "q2", priority: 5 }]))
    expect(r.lines("offer-started")).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=q1 tenant=acme",
      "08:01:07 offer-started call=s3 agent=alice queue=q2 tenant=acme",
      "08:02:09 offer-started call=s2 agent=alice queue=q1 tenant=acme"
    ])
  })

  it("membership priority comes before queue priority", () => {
    const r = run(multi([{ queue: "q1", priority: 1 }, { queue: "q2" }], [{ id: "q1" }, { id: "q2", priority: 5 }]))
    expect(r.lines("offer-started")).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=q1 tenant=acme",
      "08:01:07 offer-started call=s2 agent=alice queue=q1 tenant=acme",
      "08:02:09 offer-started call=s3 agent=alice queue=q2 tenant=acme"
    ])
  })

  it("queues of equal priority: the oldest call first", () => {
    const r = run(multi([{ queue: "q2" }, { queue: "q1" }], [{ id: "q1" }, { id: "q2" }]))
    expect(r.lines("offer-started")).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=q1 tenant=acme",
      "08:01:07 offer-started call=s2 agent=alice queue=q1 tenant=acme",
      "08:02:09 offer-started call=s3 agent=alice queue=q2 tenant=acme"
    ])
  })

  it("callers of higher priority are served first within a queue", () => {
    const r = run(
      oneQueue({}, [{ id: "alice" }], {
        script: { calls: [qcall("+5s", "1m"), qcall("+6s", "1m"), qcall("+7s", "1m", { priority: 2 })] }
      })
    )
    expect(r.lines("offer-started")).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:01:07 offer-started call=s3 agent=alice queue=sales tenant=acme",
      "08:02:09 offer-started call=s2 agent=alice queue=sales tenant=acme"
    ])
  })
})
