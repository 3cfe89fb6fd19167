import { compile } from "@ccsim/engine"
import { Scenario } from "@ccsim/scenario"
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import fc from "fast-check"
import { runs } from "../../../test-support/PropertyRuns.ts"
import { staffBase, staffedScenario } from "../src/StaffScenario.ts"

const HOUR = 3_600_000
const scenario = Schema.decodeUnknownSync(Scenario)({
  name: "levels",
  time: { open: "08:00", close: "12:00", intervalMinutes: 30 },
  queues: [{ id: "a" }, { id: "b" }],
  workflows: [
    { id: "wa", trackingNumbers: ["555-0100"], steps: [{ to: "queue", queue: "a" }] },
    { id: "wb", trackingNumbers: ["555-0200"], steps: [{ to: "queue", queue: "b" }] }
  ],
  agents: [
    { id: "team", count: 3, queues: [{ queue: "a" }, { queue: "b", tier: 2 }], behaviour: { answerDelay: "1s" } },
    { id: "lead", queues: [{ queue: "b" }], directLine: "555-0300" }
  ],
  traffic: [
    { type: "queue", trackingNumber: "555-0100", arrivals: { ratePerHour: 10 }, handleTime: "2m" },
    { type: "queue", trackingNumber: "555-0200", arrivals: { ratePerHour: 10 }, handleTime: "2m" },
    { type: "direct", agent: "lead", arrivals: { ratePerHour: 1 }, handleTime: "2m" }
  ]
})
const grid = { open: 8 * HOUR, intervalMs: HOUR / 2, intervals: 8 }

describe("staffed scenario", () => {
  it("replaces the staffed queues' members: dropped when nothing names them, kept for their direct line", () => {
    const base = staffBase(scenario, ["a", "b"])
    expect(base.dropped).toEqual(["team"])
    expect(base.keptWithoutQueues).toEqual(["lead"])
    expect(base.groups).toEqual(["staff-a", "staff-b"])
    expect(base.behaviourFrom).toEqual(["team", "lead"])
  })

  it("signs in exactly n(t) agents of each group in every interval (the compiled model's shifts)", () => {
    const base = staffBase(scenario, ["a", "b"])
    const levels = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 8, maxLength: 8 })
    fc.assert(
      fc.property(fc.tuple(levels, levels), (staffing) => {
        const model = compile(staffedScenario(base, staffing, grid))
        staffing.forEach((row, q) => {
          const group = base.groups[q]!
          const members = model.agents.filter((a) => a.group === group || a.group.startsWith(`${group}-l`))
          row.forEach((n, t) => {
            const middle = grid.open + (t + 0.5) * grid.intervalMs
            const on = members.filter((a) => a.shifts.some((s) => s.start <= middle && middle < s.end))
            expect(on.length).toBe(n)
            for (const a of on) expect(a.queues.map((m) => model.queues[m.queue]!.id)).toEqual([base.queues[q]])
          })
        })
        // The copied behaviour: team's answer delay for queue a's group.
        const first = model.agents.find((a) => a.group.startsWith("staff-a"))
        if (first !== undefined) expect(first.behaviour.answerDelay.mean).toBe(1000)
      }),
      { numRuns: runs(100), seed: 12 }
    )
  })
})
