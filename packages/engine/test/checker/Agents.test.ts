import { describe, it } from "vitest"
import { Drive, expectViolations } from "./Drive.ts"

describe("R6: wrap-up", () => {
  it("flags a queue offer during wrap-up", () => {
    const d = new Drive().signIn(0, "ann")
    d.queueCall(1, 0).offer(1, 0, "ann").accept(2, 0, "ann").end(10, 0, "ann").wrapUp(10, "ann", 0)
    d.queueCall(20, 1).offer(20, 1, "ann").accept(21, 1, "ann").wrapUpEnd(40, "ann").end(50, 1, "ann")
    d.wrapUp(50, "ann", 1).wrapUpEnd(80, "ann")
    expectViolations(d.finish(90), [["R6", "offered during wrap-up"]])
  })

  it("accepts a direct call during wrap-up (R7)", () => {
    const d = new Drive().signIn(0, "bob")
    d.queueCall(1, 0).offer(1, 0, "bob").accept(2, 0, "bob").end(10, 0, "bob").wrapUp(10, "bob", 0)
    d.arrive(20, 1, "direct")
      .offer(20, 1, "bob", null)
      .accept(21, 1, "bob", null)
      .wrapUpEnd(40, "bob")
      .end(50, 1, "bob")
    expectViolations(d.finish(60), [])
  })

  it("flags a queue call end without wrap-up", () => {
    const d = new Drive().signIn(0, "ann")
    d.queueCall(1, 0).offer(1, 0, "ann").accept(2, 0, "ann").end(10, 0, "ann")
    expectViolations(d.finish(20), [["R6", "no wrap-up started after queue call k0 ended"]])
  })

  it("needs no wrap-up events when the queue has none", () => {
    const d = new Drive({ queues: [{ id: "sales", wrapUp: 0 }] }).signIn(0, "ann")
    d.queueCall(1, 0).offer(1, 0, "ann").accept(2, 0, "ann").end(10, 0, "ann")
    expectViolations(d.finish(20), [])
  })

  it("flags a wrap-up whose length is not the queue's", () => {
    const d = new Drive().signIn(0, "ann")
    d.queueCall(1, 0).handled(1, 0, "ann", 10, 45)
    expectViolations(d.finish(100), [["R6", "wrap-up of 45s does not fit the wrap-up of sales"]])
  })

  it("accepts a drawn wrap-up inside a uniform range", () => {
    const d = new Drive({ queues: [{ id: "sales", wrapUp: { type: "uniform", min: "10s", max: "20s" } }] }).signIn(
      0,
      "ann"
    )
    d.queueCall(1, 0).handled(1, 0, "ann", 10, 17)
    expectViolations(d.finish(100), [])
  })

  it("flags a wrap-up that ends early, and one that never ends on time", () => {
    const early = new Drive().signIn(0, "ann")
    early
      .queueCall(1, 0)
      .offer(1, 0, "ann")
      .accept(2, 0, "ann")
      .end(10, 0, "ann")
      .wrapUp(10, "ann", 0)
      .wrapUpEnd(20, "ann")
    expectViolations(early.finish(100), [["R6", "wrap-up ended after 10s, drawn 30s"]])
    const late = new Drive().signIn(0, "ann")
    late.queueCall(1, 0).offer(1, 0, "ann").accept(2, 0, "ann").end(10, 0, "ann").wrapUp(10, "ann", 0)
    late.arrive(50, 1, "internal").end(50, 1, null, "unanswered")
    expectViolations(late.finish(100), [["R6", "wrap-up of 30s did not end on time"]])
  })

  it("flags a wrap-up without a queue call ending", () => {
    const d = new Drive().signIn(0, "ann").wrapUp(5, "ann", 0).wrapUpEnd(35, "ann")
    expectViolations(d.finish(40), [["R6", "no queue call of this agent ended"]])
  })
})

describe("R11: unavailable on miss", () => {
  const policy = (p: Record<string, unknown>) => ({
    queues: [{ id: "sales", wrapUp: 0, unavailableOnMiss: p }],
    agents: [{ id: "ann", queues: [{ queue: "sales" }] }]
  })
  const missedCall = (d: Drive, call: number, s: number, how: "miss" | "reject" = "miss") => {
    d.queueCall(s, call).offer(s, call, "ann")
    if (how === "miss") d.miss(s + 20, call, "ann")
    else d.reject(s + 5, call, "ann")
    return s + (how === "miss" ? 20 : 5)
  }
  const answeredCall = (d: Drive, call: number, s: number) =>
    d
      .queueCall(s, call)
      .offer(s, call, "ann")
      .accept(s + 2, call, "ann")
      .end(s + 10, call, "ann")
  const reason = (d: Drive) => d.model.reasons.indexOf("missed-call")

  it("switches at the first miss with threshold 1", () => {
    const d = new Drive(policy({})).signIn(0, "ann")
    const t = missedCall(d, 0, 1)
    d.status(t, "ann", "unavailable", "missPolicy", reason(d))
      .abandon(t + 5, 0, "waiting")
      .end(t + 5, 0, null, "abandoned")
    expectViolations(d.finish(100), [])
  })

  it("flags an agent left Available after the threshold", () => {
    const d = new Drive(policy({})).signIn(0, "ann")
    const t = missedCall(d, 0, 1)
    d.offer(t, 0, "ann")
      .accept(t + 2, 0, "ann")
      .end(t + 10, 0, "ann")
    expectViolations(d.finish(100), [
      ["R11", "a queue call offered before the miss policy's switch to Unavailable"],
      ["R11", "reached the miss threshold of sales (1) but stayed available"]
    ])
  })

  it("flags a queue offer before the switch", () => {
    const d = new Drive(policy({})).signIn(0, "ann")
    const t = missedCall(d, 0, 1)
    d.offer(t, 0, "ann").cancel(t, 0, "ann", "agentLeft").status(t, "ann", "unavailable", "missPolicy", reason(d))
    d.abandon(t + 5, 0, "waiting").end(t + 5, 0, null, "abandoned")
    expectViolations(d.finish(100), [["R11", "offered before the miss policy's switch"]])
  })

  it("threshold 2, consecutive: an answered call in between resets the count", () => {
    const d = new Drive(policy({ threshold: 2 })).signIn(0, "ann")
    missedCall(d, 0, 1)
    d.offer(21, 0, "ann").accept(22, 0, "ann").end(30, 0, "ann")
    const t = missedCall(d, 1, 40)
    d.status(t, "ann", "unavailable", "missPolicy", reason(d))
      .abandon(t + 1, 1, "waiting")
      .end(t + 1, 1, null, "abandoned")
    expectViolations(d.finish(100), [["R11", "without a counted queue miss reaching its queue's threshold"]])
  })

  it("threshold 2, not consecutive: misses add up across answered calls", () => {
    const d = new Drive(policy({ threshold: 2, consecutive: false })).signIn(0, "ann")
    missedCall(d, 0, 1)
    d.offer(21, 0, "ann").accept(22, 0, "ann").end(30, 0, "ann")
    const t = missedCall(d, 1, 40)
    d.status(t, "ann", "unavailable", "missPolicy", reason(d))
      .abandon(t + 1, 1, "waiting")
      .end(t + 1, 1, null, "abandoned")
    expectViolations(d.finish(100), [])
  })

  it("separate counts: a miss and a reject do not reach threshold 2; a shared count does", () => {
    const run = (separateCounts: boolean) => {
      const d = new Drive(policy({ threshold: 2, separateCounts })).signIn(0, "ann")
      missedCall(d, 0, 1)
      d.offer(21, 0, "ann").reject(26, 0, "ann")
      if (!separateCounts) d.status(26, "ann", "unavailable", "missPolicy", reason(d))
      else d.offer(26, 0, "ann").accept(28, 0, "ann")
      d.abandon(30, 0, "waiting").end(30, 0, null, "abandoned")
      return d.finish(100)
    }
    expectViolations(run(false), [])
    expectViolations(run(true), [["R15", "hung up as waiting, but the call is talking to ann"]])
  })

  it("counts only the outcomes the queue lists", () => {
    const d = new Drive(policy({ outcomes: ["no-answer"] })).signIn(0, "ann")
    const t = missedCall(d, 0, 1, "reject")
    d.status(t, "ann", "unavailable", "missPolicy", reason(d))
      .abandon(t + 1, 0, "waiting")
      .end(t + 1, 0, null, "abandoned")
    expectViolations(d.finish(100), [["R11", "without a counted queue miss"]])
  })

  it("flags a switch by a queue without a policy", () => {
    const d = new Drive({
      queues: [{ id: "sales", wrapUp: 0 }],
      agents: [{ id: "ann", queues: [{ queue: "sales" }] }]
    }).signIn(0, "ann")
    const t = missedCall(d, 0, 1)
    d.status(t, "ann", "unavailable", "missPolicy", 0)
      .abandon(t + 1, 0, "waiting")
      .end(t + 1, 0, null, "abandoned")
    expectViolations(d.finish(100), [["R11", "without a counted queue miss"]])
  })

  it("flags the wrong reason and the wrong status", () => {
    const d = new Drive(policy({ reason: "no-show" })).signIn(0, "ann")
    const t = missedCall(d, 0, 1)
    d.status(t, "ann", "signed-out", "missPolicy", 0)
      .abandon(t + 1, 0, "waiting")
      .end(t + 1, 0, null, "abandoned")
    expectViolations(d.finish(100), [
      ["R11", "set the status signed-out, not unavailable"],
      ["R11", "gave reason break, the queue says no-show"]
    ])
  })

  it("keeps one count per agent across queues, compared with the threshold of the missed call's queue", () => {
    const d = new Drive({
      queues: [
        { id: "sales", wrapUp: 0, unavailableOnMiss: { threshold: 3 } },
        { id: "support", wrapUp: 0, unavailableOnMiss: { threshold: 2 } }
      ],
      workflows: [
        { id: "main", trackingNumbers: ["+1 555 0100"], steps: [{ to: "queue", queue: "sales" }] },
        { id: "help", trackingNumbers: ["+1 555 0300"], steps: [{ to: "queue", queue: "support" }] }
      ],
      tenants: [{ id: "acme", trackingNumbers: ["+1 555 0100", "+1 555 0300"] }],
      agents: [{ id: "ann", queues: [{ queue: "sales" }, { queue: "support" }] }]
    }).signIn(0, "ann")
    d.queueCall(0, 0, "sales").offer(0, 0, "ann", "sales").miss(20, 0, "ann", "sales")
    d.abandon(20, 0, "waiting").end(20, 0, null, "abandoned")
    d.queueCall(30, 1, "support").offer(30, 1, "ann", "support").miss(50, 1, "ann", "support")
    d.status(50, "ann", "unavailable", "missPolicy", reason(d)).abandon(50, 1, "waiting", "support")
    d.end(50, 1, null, "abandoned")
    expectViolations(d.finish(100), [])
  })

  it("does not reset a count that is not consecutive on an answered call", () => {
    const d = new Drive(policy({ threshold: 2, consecutive: false })).signIn(0, "ann")
    missedCall(d, 0, 1)
    d.offer(21, 0, "ann").accept(22, 0, "ann").end(30, 0, "ann")
    answeredCall(d, 1, 40)
    const t = missedCall(d, 2, 60)
    d.status(t, "ann", "unavailable", "missPolicy", reason(d))
      .abandon(t + 1, 2, "waiting")
      .end(t + 1, 2, null, "abandoned")
    expectViolations(d.finish(200), [])
  })

  it("resets counts when a schedule changes the status (a break)", () => {
    const d = new Drive({
      ...policy({ threshold: 2 }),
      agents: [
        {
          id: "ann",
          queues: [{ queue: "sales" }],
          shifts: [{ start: "08:00", end: "09:00", breaks: [{ start: "08:00:30", duration: "10s" }] }]
        }
      ]
    }).signIn(0, "ann")
    const t = missedCall(d, 0, 1)
    d.abandon(t, 0, "waiting").end(t, 0, null, "abandoned")
    d.status(30, "ann", "unavailable", "break", 0).status(40, "ann", "available", "break")
    d.queueCall(40, 1).offer(40, 1, "ann").miss(60, 1, "ann").status(60, "ann", "unavailable", "missPolicy", reason(d))
    d.abandon(70, 1, "waiting").end(70, 1, null, "abandoned")
    expectViolations(d.finish(100), [["R11", "without a counted queue miss"]])
  })

  it("resets counts on a manual status change", () => {
    const d = new Drive(policy({ threshold: 2 })).signIn(0, "ann")
    missedCall(d, 0, 1)
    d.status(21, "ann", "unavailable", "agent").status(22, "ann", "available", "agent")
    d.offer(22, 0, "ann").miss(42, 0, "ann").status(42, "ann", "unavailable", "missPolicy", reason(d))
    d.abandon(50, 0, "waiting").end(50, 0, null, "abandoned")
    expectViolations(d.finish(100), [["R11", "without a counted queue miss"]])
  })

  it("checks self-recovery comes after Unavailable", () => {
    const d = new Drive(policy({})).signIn(0, "ann")
    const t = missedCall(d, 0, 1)
    d.status(t, "ann", "unavailable", "missPolicy", reason(d))
      .abandon(t + 1, 0, "waiting")
      .end(t + 1, 0, null, "abandoned")
    d.status(t + 60, "ann", "available", "selfRecovery").status(t + 70, "ann", "available", "selfRecovery")
    expectViolations(d.finish(200), [["R11", "self-recovery from available to available"]])
  })
})

describe("R12: no status change after direct misses, hang-ups or ring-all losses", () => {
  const withPolicy = {
    queues: [{ id: "sales", wrapUp: 0, strategy: "ring-all", unavailableOnMiss: {} }]
  }

  it("flags a miss-policy switch after a missed direct call", () => {
    const d = new Drive(withPolicy).signIn(0, "bob")
    d.arrive(1, 0, "direct").offer(1, 0, "bob", null).miss(31, 0, "bob", null).end(31, 0, null, "unanswered")
    d.status(31, "bob", "unavailable", "missPolicy", 0)
    expectViolations(d.finish(40), [["R12", "after a missed or rejected direct/internal call"]])
  })

  it("flags a miss-policy switch after the caller hung up while it rang", () => {
    const d = new Drive(withPolicy).signIn(0, "ann")
    d.queueCall(1, 0)
      .offer(1, 0, "ann")
      .abandon(5, 0, "ringing")
      .cancel(5, 0, "ann", "callerHungUp")
      .end(5, 0, null, "abandoned")
    d.status(5, "ann", "unavailable", "missPolicy", 0)
    expectViolations(d.finish(40), [["R12", "stopped ringing without a miss"]])
  })

  it("flags a miss-policy switch of a ring-all loser, and accepts none", () => {
    const run = (penalise: boolean) => {
      const d = new Drive(withPolicy).signIn(0, "ann", "bob")
      d.queueCall(1, 0)
        .offer(1, 0, "ann")
        .offer(1, 0, "bob")
        .accept(3, 0, "bob")
        .cancel(3, 0, "ann", "answeredElsewhere")
      if (penalise) d.status(3, "ann", "unavailable", "missPolicy", 0)
      d.end(30, 0, "bob")
      return d.finish(40)
    }
    expectViolations(run(true), [["R12", "stopped ringing without a miss"]])
    expectViolations(run(false), [])
  })
})

describe("Schedules", () => {
  const shifts = {
    agents: [
      {
        id: "ann",
        queues: [{ queue: "sales" }],
        shifts: [{ start: "08:00", end: "08:05", breaks: [{ start: "08:02", duration: "1m" }] }]
      }
    ]
  }

  it("accepts sign-in, break and sign-out at their times", () => {
    const d = new Drive(shifts).signIn(0, "ann").status(120, "ann", "unavailable", "break", 0)
    d.status(180, "ann", "available", "break").status(300, "ann", "signed-out", "shift")
    expectViolations(d.finish(400), [])
  })

  it("defers the shift end to the end of the call (overtime)", () => {
    const d = new Drive(shifts).signIn(0, "ann").status(120, "ann", "unavailable", "break", 0)
    d.status(180, "ann", "available", "break").queueCall(250, 0).offer(250, 0, "ann").accept(252, 0, "ann")
    d.overtime(300, "ann").end(320, 0, "ann").wrapUp(320, "ann", 0).status(320, "ann", "signed-out", "shift")
    d.wrapUpEnd(350, "ann")
    expectViolations(d.finish(400), [])
  })

  it("flags a sign-out during a call and schedule changes at other times", () => {
    const d = new Drive(shifts).signIn(0, "ann").status(100, "ann", "unavailable", "break", 0)
    d.status(180, "ann", "available", "break").queueCall(250, 0).offer(250, 0, "ann").accept(252, 0, "ann")
    d.status(300, "ann", "signed-out", "shift").end(320, 0, "ann").wrapUp(320, "ann", 0).wrapUpEnd(350, "ann")
    expectViolations(d.finish(400), [
      ["I", "break status change at no scheduled time"],
      ["I", "signed out by shift end during a call"]
    ])
  })

  it("flags a queue offer to an agent in overtime, and accepts the offer taken back", () => {
    const run = (offerInOvertime: boolean) => {
      const d = new Drive(shifts).signIn(0, "ann").status(120, "ann", "unavailable", "break", 0)
      d.status(180, "ann", "available", "break")
        .arrive(250, 0, "internal")
        .offer(250, 0, "ann", null)
        .accept(252, 0, "ann", null)
      d.queueCall(290, 1).offer(290, 1, "ann").overtime(300, "ann").cancel(300, 1, "ann", "agentLeft")
      if (offerInOvertime) d.offer(301, 1, "ann").cancel(302, 1, "ann", "agentLeft")
      d.abandon(310, 1, "waiting")
        .end(310, 1, null, "abandoned")
        .end(320, 0, "ann")
        .status(320, "ann", "signed-out", "shift")
      return d.finish(400)
    }
    expectViolations(run(false), [])
    expectViolations(run(true), [
      ["I", "a queue call offered after the agent's shift end or break start (in overtime)"]
    ])
  })

  it("skips a deferred break that could not start before its end", () => {
    const d = new Drive(shifts).signIn(0, "ann").arrive(110, 0, "internal").offer(110, 0, "ann", null)
    d.accept(112, 0, "ann", null).overtime(120, "ann").end(200, 0, "ann").queueCall(210, 1).offer(210, 1, "ann")
    d.accept(212, 1, "ann").end(240, 1, "ann").wrapUp(240, "ann", 1).wrapUpEnd(270, "ann")
    d.status(300, "ann", "signed-out", "shift")
    expectViolations(d.finish(400), [])
  })

  it("lets a new shift withdraw a pending sign-out", () => {
    const twoShifts = {
      agents: [
        {
          id: "ann",
          queues: [{ queue: "sales" }],
          shifts: [
            { start: "08:00", end: "08:05" },
            { start: "08:06", end: "08:30" }
          ]
        }
      ]
    }
    const d = new Drive(twoShifts).signIn(0, "ann").queueCall(290, 0).offer(290, 0, "ann").accept(292, 0, "ann")
    d.overtime(300, "ann").queueCall(350, 1).end(380, 0, "ann").wrapUp(380, "ann", 0).wrapUpEnd(410, "ann")
    d.offer(410, 1, "ann").accept(412, 1, "ann").end(440, 1, "ann").wrapUp(440, "ann", 1).wrapUpEnd(470, "ann")
    expectViolations(d.finish(500), [])
  })

  it("flags overtime at no shift end or without a call", () => {
    const d = new Drive(shifts).signIn(0, "ann").overtime(30, "ann")
    expectViolations(d.finish(40), [
      ["I", "overtime started at no shift end, break start or scripted sign-out"],
      ["I", "overtime started with no call in progress"]
    ])
  })
})
