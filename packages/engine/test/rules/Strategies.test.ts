/**
 * Agent-selection strategies: longest idle (default; idle clock per `settings.idleSince`), round robin, fewest
 * calls, least talk time, random, ring-all, linear. Ties break by member order.
 */
import { describe, expect, it } from "vitest"
import { oneQueue, qcall, run } from "../helpers.ts"

const three = [{ id: "alice" }, { id: "bob" }, { id: "carol" }]
const offers = (
  strategy: string,
  calls: ReadonlyArray<Record<string, unknown>>,
  settings: Record<string, unknown> = {}
) => run(oneQueue({ strategy }, three, { settings, script: { calls } })).lines("offer-started")

describe("agent selection", () => {
  it("longest idle: idle since the end of the last queue call; ties by member order", () => {
    expect(
      offers("longest-idle", [qcall("+5s", "10s"), qcall("+30s", "10s"), qcall("+31s", "10s"), qcall("+60s", "10s")])
    ).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:30 offer-started call=s2 agent=bob queue=sales tenant=acme",
      "08:00:31 offer-started call=s3 agent=carol queue=sales tenant=acme",
      "08:01:00 offer-started call=s4 agent=alice queue=sales tenant=acme"
    ])
  })

  it("longest idle by the last call of any kind (idleSince: last-call-end)", () => {
    const calls = [
      { type: "direct", agent: "alice", at: "+5s", talk: "10s" },
      { type: "direct", agent: "bob", at: "+6s", talk: "5s" },
      qcall("+30s", "10s")
    ]
    // By the last queue call, all three idled since 08:00 and alice (first) is picked; by any call, carol is.
    expect(offers("longest-idle", calls).at(-1)).toBe(
      "08:00:30 offer-started call=s3 agent=alice queue=sales tenant=acme"
    )
    expect(offers("longest-idle", calls, { idleSince: "last-call-end" }).at(-1)).toBe(
      "08:00:30 offer-started call=s3 agent=carol queue=sales tenant=acme"
    )
  })

  it("longest idle by the time the agent became free for queue calls (idleSince: became-available)", () => {
    const r = run(
      oneQueue({}, three, {
        settings: { idleSince: "became-available" },
        script: {
          calls: [qcall("+1m", "10s")],
          actions: [
            { at: "+10s", agent: "alice", action: "unavailable" },
            { at: "+20s", agent: "alice", action: "available" }
          ]
        }
      })
    )
    expect(r.lines("offer-started")).toEqual(["08:01:00 offer-started call=s1 agent=bob queue=sales tenant=acme"])
  })

  it("round robin continues after the last agent offered", () => {
    expect(
      offers("round-robin", [qcall("+5s", "10s"), qcall("+30s", "10s"), qcall("+60s", "10s"), qcall("+90s", "10s")])
    ).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:30 offer-started call=s2 agent=bob queue=sales tenant=acme",
      "08:01:00 offer-started call=s3 agent=carol queue=sales tenant=acme",
      "08:01:30 offer-started call=s4 agent=alice queue=sales tenant=acme"
    ])
  })

  it("fewest calls answered", () => {
    expect(
      offers("fewest-calls", [qcall("+5s", "10s"), qcall("+6s", "10s"), qcall("+60s", "10s"), qcall("+90s", "10s")])
    ).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:06 offer-started call=s2 agent=bob queue=sales tenant=acme",
      "08:01:00 offer-started call=s3 agent=carol queue=sales tenant=acme",
      "08:01:30 offer-started call=s4 agent=alice queue=sales tenant=acme"
    ])
  })

  it("least talk time on queue calls", () => {
    expect(
      offers("least-talk-time", [qcall("+5s", "1m"), qcall("+6s", "10s"), qcall("+7s", "20s"), qcall("+2m", "10s")])
    ).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:06 offer-started call=s2 agent=bob queue=sales tenant=acme",
      "08:00:07 offer-started call=s3 agent=carol queue=sales tenant=acme",
      "08:02:00 offer-started call=s4 agent=bob queue=sales tenant=acme"
    ])
  })

  it("linear: first free agent in file order, every time", () => {
    expect(offers("linear", [qcall("+5s", "10s"), qcall("+30s", "10s"), qcall("+31s", "10s")])).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:30 offer-started call=s2 agent=alice queue=sales tenant=acme",
      "08:00:31 offer-started call=s3 agent=bob queue=sales tenant=acme"
    ])
  })

  it("random: uniform over the free agents, from the routing stream of the seed", () => {
    const counts = new Map<string, number>()
    for (let seed = 1; seed <= 300; seed++) {
      const r = run(oneQueue({ strategy: "random" }, three, { script: { calls: [qcall("+5s", "10s")] } }), { seed })
      const agent = String(r.events.find((e) => e.event === "offer-started")!.agent)
      counts.set(agent, (counts.get(agent) ?? 0) + 1)
    }
    // each ~100 of 300; 99.9 % binomial bounds
    for (const id of ["alice", "bob", "carol"]) {
      expect(Math.abs((counts.get(id) ?? 0) - 100)).toBeLessThan(3.3 * Math.sqrt(300 * (1 / 3) * (2 / 3)))
    }
    const a = run(oneQueue({ strategy: "random" }, three, { script: { calls: [qcall("+5s", "10s")] } }), { seed: 5 })
    const b = run(oneQueue({ strategy: "random" }, three, { script: { calls: [qcall("+5s", "10s")] } }), { seed: 5 })
    expect(a.lines()).toEqual(b.lines())
  })

  it("ring-all rings every free member; the first to answer wins", () => {
    const r = run(
      oneQueue(
        { strategy: "ring-all" },
        [
          { id: "alice", behaviour: { answerDelay: "5s" } },
          { id: "bob", behaviour: { answerDelay: "3s" } },
          { id: "carol", behaviour: { responses: ["reject"], answerDelay: "1s" } }
        ],
        { script: { calls: [qcall("+5s", "1m")] } }
      )
    )
    expect(r.lines("offer-started", "offer-accepted", "offer-rejected", "offer-cancelled", "call-ended")).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:05 offer-started call=s1 agent=bob queue=sales tenant=acme",
      "08:00:05 offer-started call=s1 agent=carol queue=sales tenant=acme",
      "08:00:06 offer-rejected call=s1 agent=carol queue=sales",
      "08:00:08 offer-accepted call=s1 agent=bob queue=sales",
      "08:00:08 offer-cancelled call=s1 agent=alice queue=sales reason=answered-elsewhere",
      "08:01:08 call-ended call=s1 agent=bob outcome=handled"
    ])
  })

  it("ring-all: when every member misses, all are rung again", () => {
    const r = run(
      oneQueue(
        { strategy: "ring-all", ringTimeout: "10s" },
        [
          { id: "alice", behaviour: { responses: ["miss", "answer"], answerDelay: "4s" } },
          { id: "bob", behaviour: { responses: ["miss", "answer"], answerDelay: "3s" } }
        ],
        { script: { calls: [qcall("+5s", "1m")] } }
      )
    )
    expect(r.lines("offer-started", "offer-missed", "offer-accepted", "offer-cancelled")).toEqual([
      "08:00:05 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:05 offer-started call=s1 agent=bob queue=sales tenant=acme",
      "08:00:15 offer-missed call=s1 agent=alice queue=sales",
      "08:00:15 offer-missed call=s1 agent=bob queue=sales",
      "08:00:15 offer-started call=s1 agent=alice queue=sales tenant=acme",
      "08:00:15 offer-started call=s1 agent=bob queue=sales tenant=acme",
      "08:00:18 offer-accepted call=s1 agent=bob queue=sales",
      "08:00:18 offer-cancelled call=s1 agent=alice queue=sales reason=answered-elsewhere"
    ])
  })
})
