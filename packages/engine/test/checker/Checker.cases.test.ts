import { describe, it } from "vitest"
import { Drive, expectViolations } from "./Drive.ts"

/**
 * One synthetic hook sequence per remaining check: each breaks exactly what its name says (plus what follows from
 * it), and the checker names the rule and the reason.
 */
const cases: ReadonlyArray<readonly [string, () => Drive, ReadonlyArray<readonly [string, string]>]> = [
  [
    "a call that arrives twice",
    () => new Drive().queueCall(1, 0).arrive(2, 0, "queue").abandon(5, 0, "waiting").end(5, 0, null, "abandoned"),
    [["I", "the call arrived twice"]]
  ],
  [
    "a caller who hangs up twice",
    () => new Drive().queueCall(1, 0).abandon(5, 0, "waiting").abandon(5, 0, "waiting").end(5, 0, null, "abandoned"),
    [["I", "the caller hung up twice"]]
  ],
  [
    "a hang-up as ringing while the call only waits",
    () => new Drive().queueCall(1, 0).abandon(5, 0, "ringing").end(5, 0, null, "abandoned"),
    [["R15", "hung up as ringing, but the call waits in sales"]]
  ],
  [
    "a hang-up on hold while the call only waits",
    () => new Drive().queueCall(1, 0).abandon(5, 0, "onHold").end(5, 0, null, "abandoned"),
    [["R15", "hung up on hold, but the call waits in sales"]]
  ],
  [
    "a generated call after closing",
    () =>
      new Drive({
        traffic: [{ type: "queue", trackingNumber: "+1 555 0100", arrivals: { ratePerHour: 1 }, handleTime: 60 }]
      })
        .queueCall(7300, 0, "sales", { source: 0 })
        .abandon(7305, 0, "waiting")
        .end(7305, 0, null, "abandoned"),
    [["I", "a generated call arrived after closing (10:00:00)"]]
  ],
  [
    "a redial for a caller who did not hang up",
    () => new Drive().signIn(0, "ann").queueCall(1, 0).handled(1, 0, "ann", 30).redial(60, 0, 100),
    [["I", "a redial scheduled for a caller who did not hang up"]]
  ],
  [
    "a redial scheduled in the past",
    () => new Drive().queueCall(1, 0).abandon(5, 0, "waiting").end(5, 0, null, "abandoned").redial(5, 0, 2),
    [["I", "a redial scheduled in the past (08:00:02)"]]
  ],
  [
    "an answered call routed again",
    () => {
      const d = new Drive().signIn(0, "ann").queueCall(1, 0).offer(1, 0, "ann").accept(2, 0, "ann")
      return d.route(3, 0, "voicemail").end(3, 0, "ann", "voicemail")
    },
    [
      ["I", "an answered call was routed again"],
      ["I", "an answered call ended as voicemail"]
    ]
  ],
  [
    "a call routed on while still in its queue",
    () => new Drive().queueCall(1, 0).route(3, 0, "voicemail").end(3, 0, null, "voicemail"),
    [["I", "routed on while still in queue sales"]]
  ],
  [
    "a call queued without being routed there",
    () => {
      const d = new Drive().arrive(1, 0, "queue")
      d.checker.callQueued(d.t(1), 0, 0)
      return d.abandon(5, 0, "waiting").end(5, 0, null, "abandoned")
    },
    [["I", "queued in sales without being routed there at this instant"]]
  ],
  [
    "a call routed to a queue that it never joins",
    () =>
      new Drive().arrive(1, 0, "queue").route(1, 0, "queue", 0).abandon(5, 0, "waiting").end(5, 0, null, "abandoned"),
    [
      ["I", "routed to sales but not queued there"],
      ["R15", "hung up as waiting, but the call is neither waiting, ringing nor on hold"]
    ]
  ],
  [
    "a call routed to voicemail that does not end",
    () => new Drive().arrive(1, 0, "queue").route(1, 0, "voicemail").end(2, 0, null, "voicemail"),
    [["I", "routed to a terminal step but did not end"]]
  ],
  [
    "a call routed to the answering service that ends otherwise",
    () => new Drive().arrive(1, 0, "queue").route(1, 0, "answeringService").end(1, 0, null, "hungUp"),
    [["I", "routed to a terminal step but ended as hung-up"]]
  ],
  [
    "a call routed to a direct line that does not ring",
    () => new Drive().signIn(0, "bob").arrive(1, 0, "direct").route(1, 0, "directLine", 1).end(2, 0, null, "hungUp"),
    [["I", "routed to the direct line of bob, which did not ring"]]
  ],
  [
    "a queue call whose workflow sends it to a direct line first (R1: a direct call)",
    () =>
      new Drive()
        .signIn(0, "bob")
        .arrive(1, 0, "queue")
        .route(1, 0, "directLine", 1)
        .offer(1, 0, "bob", null)
        .accept(3, 0, "bob", null)
        .end(33, 0, "bob", "handled"),
    [["R1", "a queue call whose workflow sends it to a direct line first"]]
  ],
  [
    "a direct call whose workflow's first step is not a direct line",
    () => new Drive().arrive(1, 0, "direct").route(1, 0, "voicemail").end(1, 0, null, "voicemail"),
    [["R1", "a direct call whose workflow's first step is voicemail, not a direct line"]]
  ],
  [
    "a routed call ringing another agent than the direct line",
    () =>
      new Drive()
        .signIn(0, "ann", "bob")
        .arrive(1, 0, "direct")
        .route(1, 0, "directLine", 1)
        .offer(1, 0, "ann", null)
        .miss(31, 0, "ann", null)
        .end(31, 0, null, "hungUp"),
    [["I", "a direct call offered outside a queue without being routed to this direct line"]]
  ],
  [
    "an outbound call offered to an agent",
    () =>
      new Drive()
        .signIn(0, "bob")
        .arrive(1, 0, "outbound")
        .offer(1, 0, "bob", null)
        .miss(31, 0, "bob", null)
        .end(31, 0, null, "unanswered"),
    [["I", "an outbound call was offered"]]
  ],
  [
    "an offer after the call was answered",
    () => {
      const d = new Drive({ queues: [{ id: "sales", strategy: "ring-all" }] }).signIn(0, "ann", "bob")
      d.queueCall(1, 0)
        .offer(1, 0, "ann")
        .accept(2, 0, "ann")
        .offer(2, 0, "bob")
        .cancel(2, 0, "bob", "answeredElsewhere")
      return d.end(30, 0, "ann")
    },
    [
      ["I", "offered after it was answered"],
      ["I", "offered through sales, but the call is in no queue"]
    ]
  ],
  [
    "an offer after the caller hung up",
    () => {
      const d = new Drive().signIn(0, "bob").arrive(1, 0, "direct").abandon(1, 0, "ringing", null)
      return d.offer(1, 0, "bob", null).cancel(1, 0, "bob", "callerHungUp", null).end(1, 0, null, "abandoned")
    },
    [
      ["R15", "hung up as ringing, but the call is neither waiting, ringing nor on hold"],
      ["I", "offered after the caller hung up"]
    ]
  ],
  [
    "two offers of one call to one agent",
    () => {
      const d = new Drive({ queues: [{ id: "sales", strategy: "ring-all" }] }).signIn(0, "ann")
      return d
        .queueCall(1, 0)
        .offer(1, 0, "ann")
        .offer(1, 0, "ann")
        .accept(2, 0, "ann")
        .cancel(2, 0, "ann", "answeredElsewhere")
        .end(30, 0, "ann")
    },
    [
      ["R5", "a second queue call offered while call k0 rings"],
      ["I", "offered twice to the same agent at once"]
    ]
  ],
  [
    "a call answered twice",
    () => {
      const d = new Drive({ queues: [{ id: "sales", strategy: "ring-all" }] }).signIn(0, "ann", "bob")
      d.queueCall(1, 0).offer(1, 0, "ann").offer(1, 0, "bob").accept(2, 0, "ann").accept(2, 0, "bob")
      return d.end(30, 0, "ann")
    },
    [
      ["I", "answered twice (first by ann)"],
      ["I", "ended as handled by ann, but bob answered it"]
    ]
  ],
  [
    "an offer cancelled as answered elsewhere while nobody answered",
    () => {
      const d = new Drive({ queues: [{ id: "sales", strategy: "ring-all" }] }).signIn(0, "ann", "bob")
      d.queueCall(1, 0)
        .offer(1, 0, "ann")
        .offer(1, 0, "bob")
        .cancel(2, 0, "bob", "answeredElsewhere")
        .accept(3, 0, "ann")
      return d.end(30, 0, "ann")
    },
    [["I", "an offer was cancelled as answered elsewhere, but nobody answered"]]
  ],
  [
    "an offer cancelled as the caller hung up while the caller stays",
    () => {
      const d = new Drive().signIn(0, "ann")
      return d
        .queueCall(1, 0)
        .offer(1, 0, "ann")
        .cancel(2, 0, "ann", "callerHungUp")
        .abandon(3, 0, "waiting")
        .end(3, 0, null, "abandoned")
    },
    [
      ["R9", "waits in sales while ann is free to take it"],
      ["I", "an offer was cancelled because the caller hung up, but the caller did not hang up"]
    ]
  ],
  [
    "an outbound call that starts after it ended",
    () => new Drive().signIn(0, "ann").arrive(1, 0, "outbound").end(1, 0, null, "unanswered").outbound(2, 0, "ann"),
    [["I", "an outbound call started after it ended"]]
  ],
  [
    "an outbound call by a signed-out agent",
    () => new Drive().arrive(1, 0, "outbound").outbound(1, 0, "ann").end(20, 0, "ann"),
    [["I", "a signed-out agent placed an outbound call"]]
  ],
  [
    "an outbound call placed during a call",
    () =>
      new Drive({ queues: [{ id: "sales", wrapUp: 0 }] })
        .signIn(0, "ann")
        .queueCall(1, 0)
        .offer(1, 0, "ann")
        .accept(2, 0, "ann")
        .arrive(5, 1, "outbound")
        .outbound(5, 1, "ann")
        .end(6, 1, "ann")
        .end(30, 0, "ann"),
    [
      ["R13", "placed an outbound call while on call k0"],
      ["R13", "2 active calls at once (k0, k1)"]
    ]
  ],
  [
    "a hold of a call that is not active",
    () =>
      new Drive()
        .signIn(0, "bob")
        .arrive(1, 0, "direct")
        .offer(1, 0, "bob", null)
        .hold(2, 0, "bob")
        .miss(31, 0, "bob", null)
        .end(31, 0, null, "unanswered"),
    [["R13", "held a call that is not the agent's active call (rings at bob)"]]
  ],
  [
    "a resume of a call that is not held",
    () =>
      new Drive()
        .signIn(0, "bob")
        .arrive(1, 0, "direct")
        .offer(1, 0, "bob", null)
        .accept(2, 0, "bob", null)
        .resume(3, 0, "bob")
        .end(20, 0, "bob"),
    [["R13", "resumed a call that is not on hold"]]
  ],
  [
    "a held call that ends as handled",
    () => {
      const d = new Drive().signIn(0, "bob").arrive(1, 0, "direct").offer(1, 0, "bob", null).accept(2, 0, "bob", null)
      d.arrive(5, 1, "internal").offer(5, 1, "bob", null).hold(6, 0, "bob").accept(6, 1, "bob", null).end(8, 0, "bob")
      return d.end(20, 1, "bob")
    },
    [["R13", "a held call ended as handled without being resumed"]]
  ],
  [
    "an answered call that ends unanswered",
    () =>
      new Drive()
        .signIn(0, "bob")
        .arrive(1, 0, "direct")
        .offer(1, 0, "bob", null)
        .accept(2, 0, "bob", null)
        .end(20, 0, "bob", "unanswered"),
    [["I", "an answered call ended as unanswered"]]
  ],
  [
    "two wrap-ups at once",
    () => {
      const d = new Drive().signIn(0, "ann").queueCall(1, 0).offer(1, 0, "ann").accept(2, 0, "ann").end(10, 0, "ann")
      return d.wrapUp(10, "ann", 0).wrapUp(10, "ann", 0).wrapUpEnd(40, "ann")
    },
    [
      ["R6", "wrap-up started during another wrap-up"],
      ["R6", "wrap-up started, but no queue call of this agent ended at this instant"]
    ]
  ],
  [
    "a wrap-up end without a wrap-up",
    () => new Drive().signIn(0, "ann").wrapUpEnd(5, "ann"),
    [["R6", "wrap-up ended, but none was in progress"]]
  ],
  [
    "a wrap-up announced for a call that goes on",
    () => {
      const d = new Drive().signIn(0, "ann").queueCall(1, 0).offer(1, 0, "ann").accept(2, 0, "ann").wrapUp(10, "ann", 0)
      return d.end(11, 0, "ann").wrapUpEnd(40, "ann")
    },
    [
      ["R6", "wrap-up started for a call that did not end at that instant"],
      ["R6", "no wrap-up started after queue call k0 ended"]
    ]
  ],
  [
    "a miss-policy switch without any policy",
    () => new Drive().signIn(0, "ann").status(5, "ann", "unavailable", "missPolicy", 0),
    [["R11", "switched by the miss policy without a counted queue miss reaching its queue's threshold"]]
  ],
  [
    "self-recovery of an Available agent",
    () => new Drive().signIn(0, "ann").status(5, "ann", "available", "selfRecovery"),
    [["R11", "self-recovery from available to available"]]
  ],
  [
    "a break starting during a call",
    () => {
      const d = new Drive({
        agents: [
          {
            id: "ann",
            queues: [{ queue: "sales" }],
            shifts: [{ start: "08:00", end: "09:00", breaks: [{ start: "08:01", duration: "1m" }] }]
          }
        ]
      }).signIn(0, "ann")
      d.queueCall(50, 0).offer(50, 0, "ann").accept(52, 0, "ann").status(60, "ann", "unavailable", "break", 0)
      return d.end(70, 0, "ann").wrapUp(70, "ann", 0).wrapUpEnd(100, "ann").status(120, "ann", "available", "break")
    },
    [["I", "break started during a call (the call finishes first)"]]
  ],
  [
    "a no-agents rollover while a member is signed in",
    () =>
      new Drive({
        queues: [{ id: "sales", rolloverWhenNoAgents: true }],
        workflows: [
          {
            id: "main",
            trackingNumbers: ["+1 555 0100"],
            steps: [{ to: "queue", queue: "sales" }, { to: "voicemail" }]
          }
        ]
      })
        .signIn(0, "ann")
        .status(0, "ann", "unavailable", "agent")
        .queueCall(1, 0)
        .rollover(1, 0, "sales", "noAgents")
        .route(1, 0, "voicemail")
        .end(1, 0, null, "voicemail"),
    [["R10", "rolled over for lack of agents while a member was signed in"]]
  ],
  [
    "a rollover cutting a ring short when rings finish first",
    () =>
      new Drive({
        queues: [{ id: "sales", maxWait: "10s" }],
        workflows: [
          {
            id: "main",
            trackingNumbers: ["+1 555 0100"],
            steps: [{ to: "queue", queue: "sales" }, { to: "voicemail" }]
          }
        ]
      })
        .signIn(0, "ann")
        .queueCall(0, 0)
        .offer(0, 0, "ann")
        .rollover(10, 0, "sales")
        .route(10, 0, "voicemail")
        .end(10, 0, null, "voicemail"),
    [
      ["R10", "rolled over while an offer still rang (offers finish their ring first)"],
      ["I", "ended (voicemail) while offers still ring at ann"]
    ]
  ],
  [
    "a max-wait rollover before the call joined the queue",
    () =>
      new Drive({ queues: [{ id: "sales", maxWait: "10s" }] })
        .arrive(1, 0, "queue")
        .route(1, 0, "queue", 0)
        .rollover(1, 0, "sales")
        .route(1, 0, "voicemail")
        .end(1, 0, null, "voicemail"),
    [["R10", "rolled over by maximum wait before it joined the queue"]]
  ],
  [
    "a queue-full overflow long after joining",
    () =>
      new Drive({ queues: [{ id: "sales", maxLength: 1, overflow: { to: "voicemail" } }] })
        .queueCall(0, 0)
        .queueCall(1, 1)
        .abandon(2, 1, "waiting")
        .end(2, 1, null, "abandoned")
        .rollover(3, 0, "sales", "queueFull")
        .route(3, 0, "voicemail")
        .end(3, 0, null, "voicemail"),
    [
      ["R10", "joined sales beyond its maximum length"],
      ["R10", "overflowed as full with 0 calls waiting, maximum length 1"],
      ["R10", "overflowed as full after it had joined the queue"]
    ]
  ],
  [
    "a call routed to its own queue again",
    () => new Drive().queueCall(1, 0).route(1, 0, "queue", 0).abandon(5, 0, "waiting").end(5, 0, null, "abandoned"),
    [
      ["I", "routed on while still in queue sales"],
      ["I", "routed to sales but not queued there"]
    ]
  ]
]

describe("ConformanceChecker: one check at a time", () => {
  for (const [name, sequence, expected] of cases) {
    it(`flags ${name}`, () => {
      expectViolations(sequence().finish(7400), expected)
    })
  }
})
