import { describe, it } from "vitest"
import { RolloverReason } from "../../src/Observer.ts"
import { Drive, expectViolations } from "./Drive.ts"

describe("R10: rollover", () => {
  const rollover = {
    queues: [
      { id: "sales", maxWait: "60s", wrapUp: "30s" },
      { id: "overflow", wrapUp: 0 }
    ],
    workflows: [
      {
        id: "main",
        trackingNumbers: ["+1 555 0100"],
        steps: [{ to: "queue", queue: "sales" }, { to: "queue", queue: "overflow" }, { to: "voicemail" }]
      }
    ],
    agents: [
      { id: "ann", queues: [{ queue: "sales" }] },
      { id: "bob", queues: [{ queue: "overflow" }] }
    ]
  }

  it("accepts a rollover at the maximum wait to the next queue's tail, then voicemail", () => {
    const d = new Drive(rollover)
    d.queueCall(0, 0).rollover(60, 0, "sales").routeQueue(60, 0, "overflow").rollover(60, 0, "overflow", "noAgents")
    d.route(60, 0, "voicemail").end(60, 0, null, "voicemail")
    expectViolations(d.finish(70), [["R10", "rolled over for lack of agents, but overflow waits for its maximum wait"]])
  })

  it("flags a rollover before the maximum wait, and one after it", () => {
    const early = new Drive(rollover)
    early.queueCall(0, 0).rollover(50, 0, "sales").route(50, 0, "voicemail").end(50, 0, null, "voicemail")
    expectViolations(early.finish(70), [["R10", "rolled over after 50s, before the maximum wait of 60s"]])
    const late = new Drive(rollover)
    late.queueCall(0, 0).rollover(70, 0, "sales").route(70, 0, "voicemail").end(70, 0, null, "voicemail")
    expectViolations(late.finish(80), [
      ["R10", "still in sales after its maximum wait of 60s"],
      ["R10", "rolled over after 70s, later than the maximum wait of 60s"]
    ])
  })

  it("lets a ringing offer finish its ring before the rollover", () => {
    const d = new Drive(rollover).signIn(0, "ann")
    d.queueCall(0, 0)
      .offer(50, 0, "ann")
      .miss(70, 0, "ann")
      .rollover(70, 0, "sales")
      .route(70, 0, "voicemail")
      .end(70, 0, null, "voicemail")
    expectViolations(d.finish(80), [["R9", "waits in sales while ann is free to take it"]])
  })

  it("flags a call that stays after its ring finished past the maximum wait", () => {
    const d = new Drive(rollover).signIn(0, "ann")
    d.queueCall(0, 0).offer(0, 0, "ann").miss(20, 0, "ann").offer(20, 0, "ann").miss(40, 0, "ann").offer(40, 0, "ann")
    d.miss(60, 0, "ann").offer(60, 0, "ann").miss(80, 0, "ann").abandon(85, 0, "waiting").end(85, 0, null, "abandoned")
    expectViolations(d.finish(90), [
      ["R10", "its last offer ended after the maximum wait, but the call did not roll over"]
    ])
  })

  it("flags an offer after the maximum wait", () => {
    const d = new Drive(rollover).signIn(0, "ann")
    d.queueCall(0, 0).offer(50, 0, "ann").miss(70, 0, "ann").offer(70, 0, "ann").accept(72, 0, "ann")
    d.end(80, 0, "ann").wrapUp(80, "ann", 0).wrapUpEnd(110, "ann")
    expectViolations(d.finish(120), [
      ["R9", "waits in sales while ann is free to take it"],
      ["R10", "offered after 70s, past the maximum wait of 60s"],
      ["R10", "its last offer ended after the maximum wait, but the call did not roll over"]
    ])
  })

  it("cuts a ringing offer short at the maximum wait when offers do not finish their ring", () => {
    const settings = { offerFinishesRingBeforeRollover: false }
    const d = new Drive({ ...rollover, settings }).signIn(0, "ann")
    d.queueCall(0, 0).offer(50, 0, "ann").cancel(60, 0, "ann", "rolledOver").rollover(60, 0, "sales")
    d.route(60, 0, "voicemail").end(60, 0, null, "voicemail")
    expectViolations(d.finish(80), [["R9", "waits in sales while ann is free to take it"]])
    const finishing = new Drive(rollover).signIn(0, "ann")
    finishing.queueCall(0, 0).offer(0, 0, "ann").cancel(10, 0, "ann", "rolledOver")
    finishing.abandon(12, 0, "waiting").end(12, 0, null, "abandoned")
    expectViolations(finishing.finish(80), [
      ["R10", "cut short by a rollover, but offers finish their ring first"],
      ["R9", "waits in sales while ann is free to take it"],
      ["R10", "an offer was cancelled by a rollover that did not happen"]
    ])
  })

  it("accepts a new call sent to the after-hours steps before any queue, and flags that from a queue it is not in", () => {
    const d = new Drive({
      workflows: [
        {
          id: "main",
          trackingNumbers: ["+1 555 0100"],
          steps: [{ to: "queue", queue: "sales" }],
          businessHours: { open: "08:30", close: "09:00", afterHours: [{ to: "voicemail" }] }
        }
      ]
    })
    d.arrive(10, 0, "queue")
      .rollover(10, 0, "sales", "afterHours")
      .route(10, 0, "voicemail")
      .end(10, 0, null, "voicemail")
    expectViolations(d.finish(20), [["I", "rolled over from sales, where it is not waiting"]])
    const ok = new Drive()
    ok.arrive(10, 0, "queue")
    ok.checker.callRolledOver(ok.t(10), 0, -1, RolloverReason.afterHours)
    ok.route(10, 0, "voicemail").end(10, 0, null, "voicemail")
    expectViolations(ok.finish(20), [])
  })

  it("flags a rolled-over call that goes nowhere", () => {
    const d = new Drive(rollover)
    d.queueCall(0, 0).rollover(60, 0, "sales").route(61, 0, "voicemail").end(61, 0, null, "voicemail")
    expectViolations(d.finish(80), [["R10", "rolled over, but was neither routed on nor ended"]])
  })

  it("checks overflow at the maximum queue length", () => {
    const full = {
      ...rollover,
      queues: [
        { id: "sales", maxLength: 1, wrapUp: 0 },
        { id: "overflow", wrapUp: 0 }
      ]
    }
    const d = new Drive(full)
    d.queueCall(0, 0)
      .queueCall(1, 1)
      .rollover(1, 1, "sales", "queueFull")
      .route(1, 1, "voicemail")
      .end(1, 1, null, "voicemail")
    d.abandon(5, 0, "waiting").end(5, 0, null, "abandoned")
    expectViolations(d.finish(10), [])
    const over = new Drive(full)
    over.queueCall(0, 0).queueCall(1, 1).abandon(5, 0, "waiting").end(5, 0, null, "abandoned")
    over.abandon(6, 1, "waiting").end(6, 1, null, "abandoned")
    expectViolations(over.finish(10), [["R10", "joined sales beyond its maximum length"]])
    const early = new Drive(full)
    early.queueCall(0, 0).rollover(0, 0, "sales", "queueFull").route(0, 0, "voicemail").end(0, 0, null, "voicemail")
    expectViolations(early.finish(10), [["R10", "overflowed as full with 0 calls waiting, maximum length 1"]])
  })
})

describe("R13: Hold & Accept", () => {
  it("accepts hold, accept and resume", () => {
    const d = new Drive().signIn(0, "bob")
    d.queueCall(1, 0).offer(1, 0, "bob").accept(2, 0, "bob").arrive(10, 1, "internal").offer(10, 1, "bob", null)
    d.hold(12, 0, "bob").accept(12, 1, "bob", null).end(20, 1, "bob").resume(20, 0, "bob")
    d.end(60, 0, "bob").wrapUp(60, "bob", 0).wrapUpEnd(90, "bob")
    expectViolations(d.finish(100), [])
  })

  it("accepts a held caller hanging up on hold", () => {
    const d = new Drive().signIn(0, "bob")
    d.queueCall(1, 0).offer(1, 0, "bob").accept(2, 0, "bob").arrive(10, 1, "direct").offer(10, 1, "bob", null)
    d.hold(12, 0, "bob").accept(12, 1, "bob", null).abandon(15, 0, "onHold", null).end(15, 0, "bob", "abandoned")
    d.wrapUp(15, "bob", 0).end(20, 1, "bob").wrapUpEnd(45, "bob")
    expectViolations(d.finish(100), [])
  })

  it("flags two active calls", () => {
    const d = new Drive().signIn(0, "bob")
    d.queueCall(1, 0).offer(1, 0, "bob").accept(2, 0, "bob").arrive(10, 1, "direct").offer(10, 1, "bob", null)
    d.accept(12, 1, "bob", null).end(20, 1, "bob").end(60, 0, "bob").wrapUp(60, "bob", 0).wrapUpEnd(90, "bob")
    expectViolations(d.finish(100), [["R13", "2 active calls at once (k0, k1)"]])
  })

  it("flags Hold & Accept when the setting is off", () => {
    const d = new Drive({ settings: { holdAndAccept: false } }).signIn(0, "bob")
    d.queueCall(1, 0).offer(1, 0, "bob").accept(2, 0, "bob").arrive(10, 1, "direct").offer(10, 1, "bob", null)
    d.hold(12, 0, "bob").accept(12, 1, "bob", null).end(20, 1, "bob").resume(20, 0, "bob")
    d.end(60, 0, "bob").wrapUp(60, "bob", 0).wrapUpEnd(90, "bob")
    expectViolations(d.finish(100), [["R13", "put on hold, but Hold & Accept is off"]])
  })

  it("flags a held call not resumed, and a resume while the other call is active", () => {
    const forgotten = new Drive().signIn(0, "bob")
    forgotten.queueCall(1, 0).offer(1, 0, "bob").accept(2, 0, "bob").arrive(10, 1, "direct").offer(10, 1, "bob", null)
    forgotten.hold(12, 0, "bob").accept(12, 1, "bob", null).end(20, 1, "bob").resume(25, 0, "bob")
    forgotten.end(60, 0, "bob").wrapUp(60, "bob", 0).wrapUpEnd(90, "bob")
    expectViolations(forgotten.finish(100), [["R13", "held call k0 was not resumed when the other call ended"]])
    const early = new Drive().signIn(0, "bob")
    early.queueCall(1, 0).offer(1, 0, "bob").accept(2, 0, "bob").arrive(10, 1, "direct").offer(10, 1, "bob", null)
    early.hold(12, 0, "bob").accept(12, 1, "bob", null).resume(15, 0, "bob").hold(15, 1, "bob")
    early.end(20, 0, "bob").resume(20, 1, "bob").wrapUp(20, "bob", 0).end(25, 1, "bob").wrapUpEnd(50, "bob")
    expectViolations(early.finish(100), [["R13", "resumed while call k1 is still active"]])
  })
})

describe("R15: abandons and redials", () => {
  it("accepts abandons while waiting, ringing and on hold, and a redial at its time", () => {
    const d = new Drive({ agents: [{ id: "ann", queues: [{ queue: "sales" }] }] }).signIn(0, "ann")
    d.queueCall(1, 0)
      .offer(1, 0, "ann")
      .accept(2, 0, "ann")
      .queueCall(3, 1)
      .abandon(8, 1, "waiting")
      .end(8, 1, null, "abandoned")
    d.redial(8, 1, 100).end(20, 0, "ann").wrapUp(20, "ann", 0).wrapUpEnd(50, "ann")
    d.queueCall(100, 2, "sales", { redialOf: 1 })
      .offer(100, 2, "ann")
      .abandon(105, 2, "ringing")
      .cancel(105, 2, "ann", "callerHungUp")
    d.end(105, 2, null, "abandoned")
    expectViolations(d.finish(200), [])
  })

  it("flags a hang-up during the talk", () => {
    const d = new Drive().signIn(0, "ann")
    d.queueCall(1, 0).offer(1, 0, "ann").accept(2, 0, "ann").abandon(8, 0, "waiting").end(8, 0, null, "abandoned")
    expectViolations(d.finish(20), [["R15", "hung up as waiting, but the call is talking to ann"]])
  })

  it("flags a hang-up stage that does not match", () => {
    const d = new Drive().signIn(0, "ann")
    d.queueCall(1, 0)
      .offer(1, 0, "ann")
      .abandon(8, 0, "waiting")
      .cancel(8, 0, "ann", "callerHungUp")
      .end(8, 0, null, "abandoned")
    expectViolations(d.finish(20), [["R15", "hung up as waiting, but the call rings at ann"]])
  })

  it("flags a caller who hung up but whose call did not end", () => {
    const d = new Drive()
    d.queueCall(1, 0).abandon(8, 0, "waiting").end(9, 0, null, "abandoned")
    expectViolations(d.finish(20), [
      ["R15", "the caller hung up, but the call did not end at that instant"],
      ["I", "ended as abandoned, but the caller did not hang up at this instant"]
    ])
  })

  it("flags a redial at another time than scheduled, and one never scheduled", () => {
    const d = new Drive()
    d.queueCall(1, 0).abandon(8, 0, "waiting").end(8, 0, null, "abandoned").redial(8, 0, 100)
    d.queueCall(90, 1, "sales", { redialOf: 0 }).abandon(95, 1, "waiting").end(95, 1, null, "abandoned")
    d.queueCall(96, 2, "sales", { redialOf: 1 }).abandon(97, 2, "waiting").end(97, 2, null, "abandoned")
    expectViolations(d.finish(200), [
      ["I", "the redial arrived at 08:01:30, scheduled for 08:01:40"],
      ["I", "a redial of k1 that was never scheduled"]
    ])
  })
})
