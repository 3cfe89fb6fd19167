import { describe, expect, it } from "vitest"
import { Drive, expectViolations } from "./Drive.ts"

/** A queue call of ann, cleanly from arrival to the end of wrap-up. */
const clean = (d: Drive, call: number, s: number, agent = "ann") => d.queueCall(s, call).handled(s, call, agent, s + 60)

describe("ConformanceChecker: a clean day", () => {
  it("accepts a queue call from arrival to wrap-up end", () => {
    const d = new Drive().signIn(0, "ann")
    clean(d, 0, 1)
    expectViolations(d.finish(200), [])
  })

  it("names the event, call, agent and time of a violation", () => {
    const d = new Drive().signIn(0, "ann").status(0, "ann", "unavailable", "agent")
    d.queueCall(1, 0)
      .offer(1, 0, "ann")
      .cancel(1, 0, "ann", "agentLeft")
      .abandon(5, 0, "waiting")
      .end(5, 0, null, "abandoned")
    const [v] = d.finish(10)
    expect(v).toEqual({
      t: d.t(1),
      at: "08:00:01",
      event: "offer-started",
      call: "k0",
      agent: "ann",
      rule: "R3",
      message: "a queue call offered to an agent whose status is unavailable"
    })
  })
})

describe("Invariants", () => {
  it("flags time going back", () => {
    const d = new Drive().signIn(10, "ann").signIn(5, "bob")
    expect(d.finish(20).map((v) => [v.rule, v.message, v.event])).toEqual([
      ["I", "signed in by shift at no scheduled time", "agent-status-changed"],
      ["I", "time went back from 08:00:10", "agent-status-changed"],
      ["I", "signed in by shift at no scheduled time", "agent-status-changed"]
    ])
  })

  it("flags a call that ends twice, events after its end and calls that never end", () => {
    const d = new Drive()
    d.queueCall(1, 0).abandon(5, 0, "waiting").end(5, 0, null, "abandoned").end(6, 0, null, "abandoned")
    d.queueCall(7, 1)
    expectViolations(d.finish(20), [
      ["I", "an event after the call ended"],
      ["I", "the call never ended"]
    ])
  })

  it("flags events for calls that never arrived, and events after the end of the run", () => {
    const d = new Drive()
    d.offer(1, 5, "ann").finish(10)
    d.queueCall(11, 0)
    expectViolations(d.checker.violations, [
      ["I", "an event for a call that never arrived"],
      ["I", "an event after the simulation ended"],
      ["I", "an event after the simulation ended"],
      ["I", "an event after the simulation ended"]
    ])
  })

  it("flags an outcome that does not match the call's path", () => {
    const d = new Drive()
    d.queueCall(1, 0).abandon(5, 0, "waiting").end(5, 0, null, "voicemail")
    d.queueCall(6, 1).end(7, 1, null, "handled")
    expectViolations(d.finish(20), [
      ["I", "the caller hung up, but the call ended as voicemail"],
      ["I", "ended as voicemail without being routed to that step"],
      ["I", "ended as handled, but nobody answered it"]
    ])
  })
})

describe("End of the run", () => {
  it("lets a steady-state run stop with offers still ringing", () => {
    const d = new Drive().signIn(0, "ann")
    d.queueCall(1, 0).offer(1, 0, "ann").end(10, 0, null, "inProgressAtEnd")
    expectViolations(d.finish(10), [])
  })

  it("flags an offer left ringing when its call ends otherwise", () => {
    const d = new Drive().signIn(0, "ann")
    d.queueCall(1, 0).offer(1, 0, "ann").end(10, 0, null, "hungUp")
    expectViolations(d.finish(20), [["I", "ended (hung-up) while offers still ring at ann"]])
  })

  it("accepts a direct call of a workflow (R1) that its direct line rejects going on to a queue", () => {
    const d = new Drive().signIn(0, "ann", "bob")
    d.arrive(1, 0, "direct").route(1, 0, "directLine", 1).offer(1, 0, "bob", null).reject(3, 0, "bob", null)
    d.routeQueue(3, 0, "sales").handled(3, 0, "ann", 35)
    expectViolations(d.finish(80), [])
  })

  describe("a direct call bob does not take goes where his directLineUnanswered says (voicemail)", () => {
    const voicemail = () =>
      new Drive({
        agents: [
          { id: "ann", queues: [{ queue: "sales" }], directLine: "+1 555 0198" },
          {
            id: "bob",
            queues: [{ queue: "sales" }],
            directLine: "+1 555 0199",
            directLineUnanswered: { to: "voicemail" }
          }
        ],
        script: { calls: [{ type: "direct", agent: "bob", at: "08:00:01", talk: "1m" }] }
      })
        .signIn(0, "ann", "bob")
        .arrive(1, 0, "direct")
        .offer(1, 0, "bob", null)
        .miss(31, 0, "bob", null)

    it("accepts the voicemail", () => {
      expectViolations(voicemail().route(31, 0, "voicemail").end(31, 0, null, "voicemail").finish(40), [])
    })

    it("flags an unanswered end, and a forward elsewhere", () => {
      expectViolations(voicemail().end(31, 0, null, "unanswered").finish(40), [
        ["R12", "a direct call to bob ended unanswered; that line sends it to voicemail"]
      ])
      const d = voicemail().route(31, 0, "directLine", 0).offer(31, 0, "ann", null).miss(61, 0, "ann", null)
      expectViolations(d.end(61, 0, null, "unanswered").finish(70), [
        ["R12", "a missed direct call to bob went to direct-line; that line sends it to voicemail"]
      ])
    })
  })

  it("accepts an outbound call that never connected ending unanswered", () => {
    const d = new Drive().arrive(1, 0, "outbound").end(1, 0, null, "unanswered")
    expectViolations(d.finish(20), [])
  })

  it("skips the wrap-up events of a wrap-up drawn as zero", () => {
    const d = new Drive({ queues: [{ id: "sales", wrapUp: { type: "empirical", values: [0, "20s"] } }] }).signIn(
      0,
      "ann"
    )
    d.queueCall(1, 0).offer(1, 0, "ann").accept(2, 0, "ann").end(10, 0, "ann")
    expectViolations(d.finish(20), [])
  })

  it("accepts a rollover that cuts an offer short and queues the call in the next queue at once", () => {
    const d = new Drive({
      settings: { offerFinishesRingBeforeRollover: false },
      queues: [{ id: "sales", maxWait: "10s", wrapUp: 0 }, { id: "overflow" }],
      workflows: [
        {
          id: "main",
          trackingNumbers: ["+1 555 0100"],
          steps: [
            { to: "queue", queue: "sales" },
            { to: "queue", queue: "overflow" }
          ]
        }
      ],
      agents: [{ id: "ann", queues: [{ queue: "sales" }], behaviour: { responses: ["miss"] } }]
    }).signIn(0, "ann")
    d.queueCall(0, 0).offer(0, 0, "ann").cancel(10, 0, "ann", "rolledOver").rollover(10, 0, "sales")
    d.routeQueue(10, 0, "overflow").abandon(20, 0, "waiting", "overflow").end(20, 0, null, "abandoned")
    expectViolations(d.finish(30), [])
  })
})
