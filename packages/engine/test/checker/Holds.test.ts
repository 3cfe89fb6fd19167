import { describe, it } from "vitest"
import { Drive, expectViolations } from "./Drive.ts"

/** Queue traffic (source 0) and direct traffic to ann (source 1) whose callers are put on hold for exactly 40 s. */
const withHold = (holdAndAccept: boolean) => ({
  settings: { holdAndAccept },
  agents: [
    { id: "ann", queues: [{ queue: "sales" }], directLine: "+1 555 0198" },
    { id: "bob", queues: [{ queue: "sales" }], directLine: "+1 555 0199" }
  ],
  traffic: [
    { type: "queue", trackingNumber: "+1 555 0100", arrivals: { ratePerHour: 10 }, handleTime: "60s", holdTime: "40s" },
    { type: "direct", agent: "ann", arrivals: { ratePerHour: 1 }, handleTime: "60s", holdTime: "40s" }
  ]
})

/** ann answers call 0 of the held traffic at 2 s and puts the caller on hold at 12 s for `holdS`. */
const heldAt12 = (holdAndAccept: boolean, holdS = 40) =>
  new Drive(withHold(holdAndAccept))
    .signIn(0, "ann", "bob")
    .queueCall(0, 0, "sales", { source: 0 })
    .offer(0, 0, "ann")
    .accept(2, 0, "ann")
    .hold(12, 0, "ann", holdS)

describe("customer holds", () => {
  it("accepts a customer hold with Hold & Accept off, resumed when it ends", () => {
    const d = heldAt12(false).resume(52, 0, "ann").end(62, 0, "ann").wrapUp(62, "ann", 0).wrapUpEnd(92, "ann")
    expectViolations(d.finish(100), [])
  })

  it("flags a resume before the hold ended", () => {
    const d = heldAt12(false).resume(42, 0, "ann").end(62, 0, "ann").wrapUp(62, "ann", 0).wrapUpEnd(92, "ann")
    expectViolations(d.finish(100), [["R13", "resumed 10s before the end of its customer hold (08:00:52)"]])
  })

  it("flags a call left on hold after the hold ended", () => {
    const d = heldAt12(false).resume(60, 0, "ann").end(70, 0, "ann").wrapUp(70, "ann", 0).wrapUpEnd(100, "ann")
    expectViolations(d.finish(110), [["R13", "customer hold ended at 08:00:52, but the call was not resumed"]])
  })

  it("flags a hold its traffic does not give, and a second one", () => {
    const d = heldAt12(false, 30).resume(42, 0, "ann").hold(45, 0, "ann", 30).resume(75, 0, "ann")
    d.end(80, 0, "ann").wrapUp(80, "ann", 0).wrapUpEnd(110, "ann")
    expectViolations(d.finish(120), [
      ["R13", "customer hold of 30s does not fit the call's hold time"],
      ["R13", "customer hold of 30s does not fit the call's hold time"],
      ["R13", "a second customer hold of the same call"]
    ])
  })

  it("flags a customer hold of a call whose traffic has none", () => {
    const d = new Drive().signIn(0, "bob").arrive(1, 0, "direct").offer(1, 0, "bob", null).accept(2, 0, "bob", null)
    d.hold(5, 0, "bob", 10).resume(15, 0, "bob").end(20, 0, "bob")
    expectViolations(d.finish(30), [["R13", "a customer hold, but the call's traffic has no hold time"]])
  })

  it("with Hold & Accept, a direct call taken during the hold ends first; the call resumes then", () => {
    const d = heldAt12(true).arrive(20, 1, "direct").offer(20, 1, "ann", null).accept(21, 1, "ann", null)
    d.end(70, 1, "ann").resume(70, 0, "ann").end(80, 0, "ann").wrapUp(80, "ann", 0).wrapUpEnd(110, "ann")
    expectViolations(d.finish(120), [])
  })

  it("a hold that ends while the agent has the caller of a later call on hold waits for that call", () => {
    const d = heldAt12(true).arrive(20, 1, "direct", 1).offer(20, 1, "ann", null).accept(21, 1, "ann", null)
    // Call 0's hold ends at 52 s, during call 1's hold (30 s to 70 s): call 0 resumes when call 1 ends.
    d.hold(30, 1, "ann", 40).resume(70, 1, "ann").end(80, 1, "ann").resume(80, 0, "ann").end(90, 0, "ann")
    d.wrapUp(90, "ann", 0).wrapUpEnd(120, "ann")
    expectViolations(d.finish(130), [])
  })

  it("without Hold & Accept, answering during the hold is flagged", () => {
    const d = heldAt12(false).arrive(20, 1, "direct").offer(20, 1, "ann", null).accept(21, 1, "ann", null)
    d.end(30, 1, "ann").resume(52, 0, "ann").end(62, 0, "ann").wrapUp(62, "ann", 0).wrapUpEnd(92, "ann")
    expectViolations(d.finish(100), [["R13", "answered while on call k0, and Hold & Accept is off"]])
  })
})
