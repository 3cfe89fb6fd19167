import { describe, expect, it } from "vitest"
import { callIdOf, compile, EngineError, StepKind } from "../src/index.ts"
import { oneQueue, qcall, scenario } from "./helpers.ts"

describe("compile", () => {
  it("expands groups to <id>-1..n and keeps single agents' ids; queue members in agent file order", () => {
    const m = compile(scenario(oneQueue({}, [{ id: "team", count: 3, name: "Team" }, { id: "alice" }], {})))
    expect(m.agents.map((a) => [a.id, a.group, a.name])).toEqual([
      ["team-1", "team", "Team 1"],
      ["team-2", "team", "Team 2"],
      ["team-3", "team", "Team 3"],
      ["alice", "alice", "alice"]
    ])
    expect(m.queues[0]!.members.map((x) => x.agent)).toEqual([0, 1, 2, 3])
  })

  it("resolves open/close from time (open + duration), intervals, and defaults shifts to the whole day", () => {
    const m = compile(scenario({ ...oneQueue(), time: { open: "08:00", duration: "8h", intervalMinutes: 15 } }))
    expect([m.open, m.close, m.intervalMs, m.intervalCount]).toEqual([28_800_000, 57_600_000, 900_000, 32])
    expect(m.agents[0]!.shifts).toEqual([{ start: 28_800_000, end: 57_600_000, breaks: [] }])
    expect(m.agents[0]!.wholeDay).toBe(true)
    const noOpen = compile(scenario({ ...oneQueue(), time: { duration: "1h" } }))
    expect([noOpen.open, noOpen.close]).toEqual([0, 3_600_000])
  })

  it("runs a steady state of run.duration to opening + duration, reported as one interval", () => {
    const time = { open: "08:00", duration: "8h", intervalMinutes: 15 }
    const day = compile(scenario({ ...oneQueue(), time, run: { mode: "steady-state", warmup: "1h" } }))
    expect([day.horizon, day.intervalMs, day.intervalCount]).toEqual([57_600_000, 900_000, 32])
    const run = { mode: "steady-state", warmup: "1h", duration: "30d" }
    const m = compile(scenario({ ...oneQueue(), time, run }))
    const thirtyDays = 30 * 86_400_000
    expect([m.close, m.horizon, m.intervalMs, m.intervalCount]).toEqual([
      57_600_000,
      28_800_000 + thirtyDays,
      thirtyDays,
      1
    ])
    // Agents without shifts are scheduled for the whole run.
    expect(m.agents[0]!.shifts).toEqual([{ start: 28_800_000, end: 28_800_000 + thirtyDays, breaks: [] }])
  })

  it("sorts shifts and breaks and turns break durations into ends", () => {
    const m = compile(
      scenario(
        oneQueue({}, [
          {
            id: "alice",
            shifts: [
              { start: "13:00", end: "17:00" },
              {
                start: "08:00",
                end: "12:00",
                breaks: [
                  { start: "10:00", duration: "15m" },
                  { start: "09:00", duration: "5m" }
                ]
              }
            ]
          }
        ])
      )
    )
    const h = 3_600_000
    expect(m.agents[0]!.shifts).toEqual([
      {
        start: 8 * h,
        end: 12 * h,
        breaks: [
          { start: 9 * h, end: 9 * h + 300_000 },
          { start: 10 * h, end: 10 * h + 900_000 }
        ]
      },
      { start: 13 * h, end: 17 * h, breaks: [] }
    ])
    expect(m.agents[0]!.wholeDay).toBe(false)
  })

  it("resolves scripted times (offsets from opening), ids (from the file or s1, s2, ...) and tracking numbers", () => {
    const m = compile(
      scenario(
        oneQueue({}, [{ id: "alice" }], {
          script: {
            calls: [qcall("+5s", "1m", { id: "first" }), qcall("08:10:00", "30s", { known: false, patience: "20s" })],
            actions: [{ at: 90, agent: "alice", action: "unavailable", reason: "lunch" }]
          }
        })
      )
    )
    expect(m.scriptedCalls.map((c) => [c.id, c.at, c.talk, c.known, c.patience, c.tenant, c.workflow])).toEqual([
      ["first", 28_805_000, 60_000, true, Number.POSITIVE_INFINITY, 0, 0],
      ["s2", 29_400_000, 30_000, false, 20_000, 0, 0]
    ])
    expect(m.scriptedActions).toEqual([
      { at: 28_890_000, agent: 0, action: "unavailable", reason: m.reasons.indexOf("lunch") }
    ])
    expect(callIdOf(m, 0)).toBe("first")
    expect(callIdOf(m, 2)).toBe("c1")
  })

  it("compiles queue settings, policies and workflow steps to indices", () => {
    const m = compile(
      scenario({
        ...oneQueue({
          maxWait: "2m",
          maxLength: 5,
          overflow: { to: "voicemail" },
          unavailableOnMiss: { threshold: 2, reason: "away" }
        }),
        workflows: [
          {
            id: "main",
            trackingNumbers: ["555-0100"],
            steps: [{ to: "queue", queue: "sales" }, { to: "direct-line", agent: "alice" }, { to: "hang-up" }],
            businessHours: { open: "09:00", close: "17:00", afterHours: [{ to: "answering-service" }] }
          }
        ]
      })
    )
    const q = m.queues[0]!
    expect([q.maxWait, q.maxLength, q.overflow]).toEqual([120_000, 5, { kind: StepKind.voicemail, target: -1 }])
    expect(q.unavailableOnMiss).toEqual({
      countNoAnswer: true,
      countReject: true,
      threshold: 2,
      consecutive: true,
      separateCounts: false,
      reason: m.reasons.indexOf("away")
    })
    expect(m.workflows[0]!.steps).toEqual([
      { kind: StepKind.queue, target: 0 },
      { kind: StepKind.directLine, target: 0 },
      { kind: StepKind.hangUp, target: -1 }
    ])
    expect(m.workflows[0]!.businessHours).toEqual({
      open: 32_400_000,
      close: 61_200_000,
      afterHours: [{ kind: StepKind.answeringService, target: -1 }]
    })
    expect(m.reasons.slice(0, 3)).toEqual(["break", "outbound", "signing-out"])
    const none = compile(scenario(oneQueue()))
    expect([none.queues[0]!.maxWait, none.queues[0]!.maxLength, none.queues[0]!.unavailableOnMiss]).toEqual([
      Number.POSITIVE_INFINITY,
      Number.POSITIVE_INFINITY,
      undefined
    ])
  })

  it("compiles traffic sources: ids, tenants, known share, arrival plans", () => {
    const m = compile(
      scenario(
        oneQueue({}, [{ id: "alice" }], {
          customerDirectory: { knownShare: 0.6 },
          traffic: [
            { type: "queue", trackingNumber: "555-0100", arrivals: { ratePerHour: 30 }, handleTime: "3m" },
            { id: "dl", type: "direct", agent: "alice", arrivals: { perInterval: [2, 4] }, handleTime: "1m" }
          ]
        })
      )
    )
    const [q, d] = m.sources
    expect([q!.id, q!.tenant, q!.workflow, q!.knownShare, q!.arrivals]).toEqual([
      "traffic-1",
      0,
      0,
      0.6,
      { kind: "rate", ratePerHour: 30 }
    ])
    expect([d!.id, d!.agent, d!.arrivals.kind]).toEqual(["dl", 0, "intervals"])
    if (d!.arrivals.kind === "intervals") expect(d!.arrivals.starts).toEqual([28_800_000, 30_600_000])
  })

  it("fails with EngineError naming the dangling reference", () => {
    const bad = (input: Record<string, unknown>) => () => compile(scenario(input))
    expect(bad({ ...oneQueue(), agents: [{ id: "alice", queues: [{ queue: "nope" }] }] })).toThrow(/unknown queue nope/)
    expect(
      bad({ ...oneQueue(), script: { calls: [{ type: "queue", trackingNumber: "555-9999", at: "+1s", talk: "1m" }] } })
    ).toThrow(/no workflow has tracking number 555-9999/)
    expect(
      bad({
        ...oneQueue({}, [{ id: "team", count: 2 }]),
        script: { calls: [{ type: "direct", agent: "team", at: "+1s", talk: "1m" }] }
      })
    ).toThrow(/group of 2 agents/)
    expect(bad({ ...oneQueue(), time: { open: "08:00" } })).toThrow(EngineError)
  })
})
