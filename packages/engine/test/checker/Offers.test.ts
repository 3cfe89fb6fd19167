import { describe, it } from "vitest"
import { Drive, expectViolations } from "./Drive.ts"

describe("R3: queue calls only to Available members", () => {
  it("flags an offer to an Unavailable agent", () => {
    const d = new Drive().signIn(0, "ann").status(0, "ann", "unavailable", "agent")
    d.queueCall(1, 0)
      .offer(1, 0, "ann")
      .cancel(1, 0, "ann", "agentLeft")
      .abandon(5, 0, "waiting")
      .end(5, 0, null, "abandoned")
    expectViolations(d.finish(10), [["R3", "status is unavailable"]])
  })

  it("flags an offer to a signed-out agent", () => {
    const d = new Drive()
    d.queueCall(1, 0)
      .offer(1, 0, "ann")
      .cancel(1, 0, "ann", "agentLeft")
      .abandon(5, 0, "waiting")
      .end(5, 0, null, "abandoned")
    expectViolations(d.finish(10), [["R3", "status is signed-out"]])
  })

  it("flags an offer to an agent outside the queue", () => {
    const d = new Drive({
      queues: [{ id: "sales" }, { id: "billing" }],
      agents: [{ id: "ann", queues: [{ queue: "billing" }] }]
    }).signIn(0, "ann")
    d.queueCall(1, 0).offer(1, 0, "ann").accept(2, 0, "ann").end(30, 0, "ann")
    expectViolations(d.finish(40), [["R3", "does not belong"]])
  })

  it("flags an offer at a tier that has not opened yet", () => {
    const d = new Drive({
      queues: [{ id: "sales", tierWait: "30s" }],
      agents: [{ id: "ann", queues: [{ queue: "sales", tier: 2 }] }]
    }).signIn(0, "ann")
    d.queueCall(1, 0).offer(11, 0, "ann").accept(12, 0, "ann").end(40, 0, "ann")
    expectViolations(d.finish(50), [["R3", "tier 2 after 10s; that tier opens after 30s"]])
  })

  it("accepts an offer once the tier opened", () => {
    const d = new Drive({
      queues: [{ id: "sales", tierWait: "30s" }],
      agents: [{ id: "ann", queues: [{ queue: "sales", tier: 2 }] }]
    }).signIn(0, "ann")
    d.queueCall(1, 0).offer(31, 0, "ann").accept(32, 0, "ann").end(40, 0, "ann")
    expectViolations(d.finish(50), [])
  })

  it("flags a queue offer that keeps ringing after the agent went Unavailable", () => {
    const d = new Drive().signIn(0, "ann")
    d.queueCall(1, 0).offer(1, 0, "ann").status(5, "ann", "unavailable", "agent")
    d.cancel(6, 0, "ann", "agentLeft").abandon(8, 0, "waiting").end(8, 0, null, "abandoned")
    expectViolations(d.finish(10), [["R3", "keeps ringing while the agent is unavailable"]])
  })

  it("accepts an offer taken back when the agent signs out and back in within one instant", () => {
    const d = new Drive().signIn(0, "ann")
    d.queueCall(1, 0).offer(1, 0, "ann").status(5, "ann", "signed-out", "agent").cancel(5, 0, "ann", "agentLeft")
    d.status(5, "ann", "available", "agent").offer(5, 0, "ann").accept(7, 0, "ann").end(30, 0, "ann")
    d.wrapUp(30, "ann", 0).wrapUpEnd(60, "ann")
    expectViolations(d.finish(100), [])
  })

  it("accepts an offer cancelled at once when the agent goes Unavailable", () => {
    const d = new Drive().signIn(0, "ann")
    d.queueCall(1, 0).offer(1, 0, "ann").status(5, "ann", "unavailable", "agent").cancel(5, 0, "ann", "agentLeft")
    d.abandon(8, 0, "waiting").end(8, 0, null, "abandoned")
    expectViolations(d.finish(10), [])
  })
})

describe("R4: direct and internal calls regardless of status, only when signed in", () => {
  it("accepts a direct call to an Unavailable agent", () => {
    const d = new Drive().signIn(0, "bob").status(0, "bob", "unavailable", "agent")
    d.arrive(1, 0, "direct").offer(1, 0, "bob", null).accept(3, 0, "bob", null).end(20, 0, "bob")
    expectViolations(d.finish(30), [])
  })

  it("flags a direct call offered to a signed-out agent", () => {
    const d = new Drive()
    d.arrive(1, 0, "direct").offer(1, 0, "bob", null).miss(31, 0, "bob", null).end(31, 0, null, "unanswered")
    expectViolations(d.finish(40), [
      ["R4", "offered to a signed-out agent"],
      ["R4", "keeps ringing after the agent signed out"]
    ])
  })

  it("flags a direct call cut off because the agent went Unavailable", () => {
    const d = new Drive().signIn(0, "bob")
    d.arrive(1, 0, "direct").offer(1, 0, "bob", null).status(5, "bob", "unavailable", "agent")
    d.cancel(5, 0, "bob", "agentLeft", null).end(5, 0, null, "unanswered")
    expectViolations(d.finish(10), [["R4", "cancelled as agent-left while the agent is unavailable"]])
  })

  it("flags a direct offer still ringing after the agent signed out", () => {
    const d = new Drive().signIn(0, "bob")
    d.arrive(1, 0, "direct").offer(1, 0, "bob", null).status(5, "bob", "signed-out", "agent")
    d.miss(31, 0, "bob", null).end(31, 0, null, "unanswered")
    expectViolations(d.finish(40), [["R4", "keeps ringing after the agent signed out"]])
  })
})

describe("R5: one queue call at a time", () => {
  it("flags a second queue offer while one rings", () => {
    const d = new Drive({ agents: [{ id: "ann", queues: [{ queue: "sales" }] }] }).signIn(0, "ann")
    d.queueCall(1, 0).queueCall(1, 1).offer(1, 0, "ann").offer(1, 1, "ann")
    d.accept(2, 0, "ann").cancel(2, 1, "ann", "agentLeft").abandon(2, 1, "waiting").end(2, 1, null, "abandoned")
    d.end(10, 0, "ann").wrapUp(10, "ann", 0).wrapUpEnd(40, "ann")
    expectViolations(d.finish(50), [
      ["R5", "a second queue call offered while call k0 rings"],
      ["I", "cancelled as agent-left while the agent is available"]
    ])
  })

  it("flags a queue offer to an agent on a queue call, and on hold", () => {
    const d = new Drive({ agents: [{ id: "ann", queues: [{ queue: "sales" }] }] }).signIn(0, "ann")
    d.queueCall(1, 0).offer(1, 0, "ann").accept(2, 0, "ann").queueCall(3, 1).offer(3, 1, "ann")
    d.abandon(4, 1, "ringing").cancel(4, 1, "ann", "callerHungUp").end(4, 1, null, "abandoned")
    d.end(10, 0, "ann").wrapUp(10, "ann", 0).wrapUpEnd(40, "ann")
    expectViolations(d.finish(50), [["R5", "while on queue call k0"]])
  })

  it("accepts a direct call offered during a queue call (R7)", () => {
    const d = new Drive().signIn(0, "bob")
    d.queueCall(1, 0).offer(1, 0, "bob").accept(2, 0, "bob").arrive(5, 1, "direct").offer(5, 1, "bob", null)
    d.miss(35, 1, "bob", null).end(35, 1, null, "unanswered")
    d.end(60, 0, "bob").wrapUp(60, "bob", 0).wrapUpEnd(90, "bob")
    expectViolations(d.finish(100), [])
  })
})

describe("R8: outbound calls", () => {
  it("accepts a queue offer to an Available agent on an outbound call, held to answer", () => {
    const d = new Drive().signIn(0, "ann")
    d.arrive(1, 0, "outbound").outbound(1, 0, "ann").queueCall(5, 1).offer(5, 1, "ann")
    d.hold(7, 0, "ann").accept(7, 1, "ann").end(30, 1, "ann").resume(30, 0, "ann").wrapUp(30, "ann", 1)
    d.end(50, 0, "ann").wrapUpEnd(60, "ann")
    expectViolations(d.finish(70), [])
  })

  it("flags a queue offer during an outbound call when the settings say outbound blocks", () => {
    const d = new Drive({ settings: { nonQueueCallsBlockQueueOffers: ["outbound"] } }).signIn(0, "ann")
    d.arrive(1, 0, "outbound").outbound(1, 0, "ann").queueCall(5, 1).offer(5, 1, "ann")
    d.hold(7, 0, "ann").accept(7, 1, "ann").end(30, 1, "ann").resume(30, 0, "ann").wrapUp(30, "ann", 1)
    d.end(50, 0, "ann").wrapUpEnd(60, "ann")
    expectViolations(d.finish(70), [["R8", "during a outbound call, which blocks queue offers"]])
  })

  it("flags a status change for an outbound call that did not start", () => {
    const d = new Drive().signIn(0, "ann").status(5, "ann", "unavailable", "outbound")
    expectViolations(d.finish(10), [["R8", "no outbound call started or ended"]])
  })

  it("accepts Unavailable during an outbound call with status unavailable", () => {
    const d = new Drive().signIn(0, "ann")
    d.arrive(1, 0, "outbound").outbound(1, 0, "ann").status(1, "ann", "unavailable", "outbound")
    d.end(30, 0, "ann").status(30, "ann", "available", "outbound")
    expectViolations(d.finish(40), [])
  })
})

describe("R9: ring timeout and re-offers", () => {
  it("accepts a miss exactly at the ring timeout and a re-offer to the next agent", () => {
    const d = new Drive().signIn(0, "ann", "bob")
    d.queueCall(1, 0).offer(1, 0, "ann").miss(21, 0, "ann").offer(21, 0, "bob").accept(23, 0, "bob")
    d.end(60, 0, "bob").wrapUp(60, "bob", 0).wrapUpEnd(90, "bob")
    expectViolations(d.finish(100), [])
  })

  it("flags a miss before the ring timeout", () => {
    const d = new Drive().signIn(0, "ann", "bob")
    d.queueCall(1, 0).offer(1, 0, "ann").miss(16, 0, "ann").offer(16, 0, "bob").accept(18, 0, "bob")
    d.end(60, 0, "bob").wrapUp(60, "bob", 0).wrapUpEnd(90, "bob")
    expectViolations(d.finish(100), [["R9", "missed after 15s of ringing; the queue's ring timeout is 20s"]])
  })

  it("flags an answer after the ring timeout", () => {
    const d = new Drive().signIn(0, "ann")
    d.queueCall(1, 0).handled(1, 0, "ann", 60)
    const late = new Drive().signIn(0, "ann")
    late
      .queueCall(1, 0)
      .offer(1, 0, "ann")
      .accept(25, 0, "ann")
      .end(60, 0, "ann")
      .wrapUp(60, "ann", 0)
      .wrapUpEnd(90, "ann")
    expectViolations(d.finish(100), [])
    expectViolations(late.finish(100), [["R9", "an offer accepted after 24s of ringing, past the ring timeout of 20s"]])
  })

  it("flags a re-offer to the agent who missed while another was free", () => {
    const d = new Drive().signIn(0, "ann", "bob")
    d.queueCall(1, 0).offer(1, 0, "ann").miss(21, 0, "ann").offer(21, 0, "ann").accept(23, 0, "ann")
    d.end(60, 0, "ann").wrapUp(60, "ann", 0).wrapUpEnd(90, "ann")
    expectViolations(d.finish(100), [["R9", "before bob was tried"]])
  })

  it("accepts a re-offer to the same agent once the others were tried", () => {
    const d = new Drive().signIn(0, "ann", "bob")
    d.queueCall(1, 0).offer(1, 0, "ann").miss(21, 0, "ann").offer(21, 0, "bob").reject(25, 0, "bob")
    d.offer(25, 0, "ann").accept(27, 0, "ann").end(60, 0, "ann").wrapUp(60, "ann", 0).wrapUpEnd(90, "ann")
    expectViolations(d.finish(100), [])
  })

  it("flags a re-offer to the same agent with reofferSameAgent never", () => {
    const d = new Drive({
      settings: { reofferSameAgent: "never" },
      agents: [{ id: "ann", queues: [{ queue: "sales" }] }]
    })
    d.signIn(0, "ann").queueCall(1, 0).offer(1, 0, "ann").miss(21, 0, "ann").offer(21, 0, "ann").accept(23, 0, "ann")
    d.end(60, 0, "ann").wrapUp(60, "ann", 0).wrapUpEnd(90, "ann")
    expectViolations(d.finish(100), [["R9", "reofferSameAgent: never"]])
  })

  it("owes a missed call to the agent again once the others were tried, unless the queue has a retry delay", () => {
    const run = (retryDelay: string) => {
      const d = new Drive({
        queues: [{ id: "sales", retryDelay, wrapUp: "30s" }],
        agents: [{ id: "ann", queues: [{ queue: "sales" }] }]
      })
      d.signIn(0, "ann").queueCall(1, 0).offer(1, 0, "ann").miss(21, 0, "ann").offer(40, 0, "ann").accept(42, 0, "ann")
      d.end(60, 0, "ann").wrapUp(60, "ann", 0).wrapUpEnd(90, "ann")
      return d.finish(100)
    }
    expectViolations(run("0s"), [["R9", "waits in sales while ann is free to take it"]])
    // The retry pause may start when the engine notices the finished cycle: the checker does not time it.
    expectViolations(run("10s"), [])
  })

  it("lets a call rejected in no time wait before it rings the same agent again (zero-length guard)", () => {
    const d = new Drive({ agents: [{ id: "ann", queues: [{ queue: "sales" }] }] }).signIn(0, "ann")
    d.queueCall(1, 0).offer(1, 0, "ann").reject(1, 0, "ann").offer(2, 0, "ann").accept(2, 0, "ann")
    d.end(60, 0, "ann").wrapUp(60, "ann", 0).wrapUpEnd(90, "ann")
    expectViolations(d.finish(100), [])
  })

  it("accepts a new offer cycle after the retry delay", () => {
    const d = new Drive({
      queues: [{ id: "sales", retryDelay: "10s", wrapUp: "30s" }],
      agents: [{ id: "ann", queues: [{ queue: "sales" }] }]
    })
    d.signIn(0, "ann").queueCall(1, 0).offer(1, 0, "ann").miss(21, 0, "ann").offer(31, 0, "ann").accept(33, 0, "ann")
    d.end(60, 0, "ann").wrapUp(60, "ann", 0).wrapUpEnd(90, "ann")
    expectViolations(d.finish(100), [])
  })

  it("flags a call left waiting while an eligible agent idles", () => {
    const d = new Drive().signIn(0, "ann")
    d.queueCall(1, 0).offer(5, 0, "ann").accept(6, 0, "ann").end(60, 0, "ann").wrapUp(60, "ann", 0).wrapUpEnd(90, "ann")
    expectViolations(d.finish(100), [["R9", "waits in sales while ann is free to take it"]])
  })

  it("flags a later call offered while an earlier one waits (place in line)", () => {
    const d = new Drive({ agents: [{ id: "ann", queues: [{ queue: "sales" }] }] }).signIn(0, "ann")
    d.queueCall(1, 0).offer(1, 0, "ann").accept(2, 0, "ann").queueCall(3, 1).queueCall(4, 2)
    d.end(10, 0, "ann").wrapUp(10, "ann", 0).wrapUpEnd(40, "ann")
    d.offer(40, 2, "ann").accept(41, 2, "ann").end(50, 2, "ann").wrapUp(50, "ann", 2).wrapUpEnd(80, "ann")
    d.offer(80, 1, "ann").accept(81, 1, "ann").end(90, 1, "ann").wrapUp(90, "ann", 1).wrapUpEnd(120, "ann")
    expectViolations(d.finish(130), [["R9", "offered while call k1, ahead of it in line, waits in sales"]])
  })

  it("flags a second agent ringing at once outside ring-all, and accepts it with ring-all", () => {
    const run = (strategy: string) => {
      const d = new Drive({ queues: [{ id: "sales", strategy, wrapUp: "30s" }] }).signIn(0, "ann", "bob")
      d.queueCall(1, 0)
        .offer(1, 0, "ann")
        .offer(1, 0, "bob")
        .accept(3, 0, "bob")
        .cancel(3, 0, "ann", "answeredElsewhere")
      d.end(60, 0, "bob").wrapUp(60, "bob", 0).wrapUpEnd(90, "bob")
      return d.finish(100)
    }
    expectViolations(run("longest-idle"), [
      ["R9", "offered to a second agent while it still rings at ann"],
      ["I", "cancelled as answered elsewhere, but the queue does not ring all"]
    ])
    expectViolations(run("ring-all"), [])
  })

  it("flags ring-all losers left ringing after the answer", () => {
    const d = new Drive({ queues: [{ id: "sales", strategy: "ring-all", wrapUp: "30s" }] }).signIn(0, "ann", "bob")
    d.queueCall(1, 0).offer(1, 0, "ann").offer(1, 0, "bob").accept(3, 0, "bob").cancel(4, 0, "ann", "answeredElsewhere")
    d.end(60, 0, "bob").wrapUp(60, "bob", 0).wrapUpEnd(90, "bob")
    expectViolations(d.finish(100), [["I", "answered by bob, but still rings at ann"]])
  })
})

describe("R14: a rejected queue call goes to the next agent at once", () => {
  it("accepts an immediate re-offer after a reject", () => {
    const d = new Drive().signIn(0, "ann", "bob")
    d.queueCall(1, 0).offer(1, 0, "ann").reject(3, 0, "ann").offer(3, 0, "bob").accept(5, 0, "bob")
    d.end(60, 0, "bob").wrapUp(60, "bob", 0).wrapUpEnd(90, "bob")
    expectViolations(d.finish(100), [])
  })

  it("flags a rejected call that waits while the next agent is free", () => {
    const d = new Drive().signIn(0, "ann", "bob")
    d.queueCall(1, 0).offer(1, 0, "ann").reject(3, 0, "ann").offer(8, 0, "bob").accept(10, 0, "bob")
    d.end(60, 0, "bob").wrapUp(60, "bob", 0).wrapUpEnd(90, "bob")
    expectViolations(d.finish(100), [["R14", "after a reject the call goes to the next agent at once"]])
  })
})
