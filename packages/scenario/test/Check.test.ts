import { Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { checkScenario, Scenario } from "../src/index.ts"

const base = {
  name: "check",
  time: { open: "08:00", close: "12:00" },
  workflows: [{ id: "main", trackingNumbers: ["555-0100"], steps: [{ to: "queue", queue: "support" }] }],
  queues: [{ id: "support" }],
  agents: [{ id: "ann", queues: [{ queue: "support" }] }]
}
const decode = (overrides: Record<string, unknown>) =>
  Schema.decodeUnknownSync(Scenario)({ ...base, ...overrides }, { onExcessProperty: "error" })

describe("checkScenario", () => {
  it("finds nothing wrong with a sound scenario", () => {
    expect(checkScenario(decode({}))).toEqual([])
  })

  it("reports each repeated queue id once, at the repeat", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "b", "c", "d"), { minLength: 1, maxLength: 8 }), (ids) => {
        const issues = checkScenario(decode({ queues: [...ids, "support"].map((id) => ({ id })) }))
        const repeats = ids.map((id, i) => (ids.indexOf(id) < i ? i : -1)).filter((i) => i >= 0)
        expect(issues.filter((i) => i.expected === "a queue id not used before").map((i) => i.path)).toEqual(
          repeats.map((i) => ["queues", i, "id"])
        )
      })
    )
  })

  it("reports n copies of one shift with n − 1 problems, not n² (a fuzzer input took 23 s)", () => {
    const shift = { start: "08:00", end: "12:00", breaks: [{ start: "10:00", duration: "15m" }] }
    const agents = [{ id: "ann", queues: [{ queue: "support" }], shifts: Array.from({ length: 3000 }, () => shift) }]
    const issues = checkScenario(decode({ agents }))
    expect(issues.length).toBe(2999)
    expect(issues[0]).toMatchObject({ path: ["agents", 0, "shifts", 1, "start"] })
    expect(issues[0]!.message).toBe("expected a shift that does not overlap shift 0 (08:00–12:00), found 08:00–12:00")
  })

  it("accepts shifts that do not overlap and flags those that do", () => {
    const slot = fc.integer({ min: 0, max: 23 })
    fc.assert(
      fc.property(fc.uniqueArray(slot, { minLength: 1, maxLength: 6 }), (hours) => {
        const shifts = [...hours]
          .sort((a, b) => a - b)
          .map((h) => ({ start: `${String(h).padStart(2, "0")}:00`, end: `${String(h).padStart(2, "0")}:59` }))
        const agents = [{ id: "ann", queues: [{ queue: "support" }], shifts }]
        expect(checkScenario(decode({ agents }))).toEqual([])
        const overlapping = [...shifts, { start: shifts[0]!.start, end: "24:00" }]
        const issues = checkScenario(decode({ agents: [{ ...agents[0], shifts: overlapping }] }))
        expect(issues.length).toBeGreaterThan(0)
        expect(issues[0]!.path).toEqual(["agents", 0, "shifts", shifts.length, "start"])
      })
    )
  })

  it("follows an overflow chain of any length back to its start", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), (n) => {
        const ids = Array.from({ length: n }, (_, i) => `q${i}`)
        const queues = ids.map((id, i) => ({ id, maxLength: 3, overflow: { to: "queue", queue: ids[(i + 1) % n] } }))
        const issues = checkScenario(decode({ queues: [...queues, { id: "support" }] }))
        expect(issues.map((i) => i.found)).toEqual([`the cycle ${[...ids, "q0"].join(" → ")}`])
        const open = queues.map((q, i) => (i === n - 1 ? { id: q.id } : q))
        expect(checkScenario(decode({ queues: [...open, { id: "support" }] }))).toEqual([])
      })
    )
  })

  it("resolves offsets against the opening time for scripted calls", () => {
    const call = (at: string) => ({ type: "queue", trackingNumber: "555-0100", at, talk: "1m" })
    expect(checkScenario(decode({ script: { calls: [call("+3h59m")] } }))).toEqual([])
    const late = checkScenario(decode({ script: { calls: [call("+4h1m")] } }))
    expect(late.map((i) => [i.path, i.found])).toEqual([[["script", "calls", 0, "at"], "+4h1m (12:01)"]])
  })

  it("lets a group call its own members but not one agent call itself", () => {
    const traffic = (from: string, to: string) => [
      { type: "internal", from: [from], to: [to], arrivals: { ratePerHour: 1 }, handleTime: "1m" }
    ]
    const agents = [{ id: "team", count: 3, queues: [{ queue: "support" }] }, ...base.agents]
    expect(checkScenario(decode({ agents, traffic: traffic("team", "team") }))).toEqual([])
    expect(checkScenario(decode({ agents, traffic: traffic("ann", "ann") })).map((i) => i.path)).toEqual([
      ["traffic", 0, "to"]
    ])
  })

  it("requires tenants for workflow numbers only when tenants are declared", () => {
    expect(checkScenario(decode({ tenants: [] }))).toEqual([])
    const issues = checkScenario(decode({ tenants: [{ id: "t", trackingNumbers: ["555-0199"] }] }))
    expect(issues.map((i) => i.path)).toEqual([["workflows", 0, "trackingNumbers", 0]])
  })

  it("compares phone numbers by their digits", () => {
    const tenants = [{ id: "t", trackingNumbers: ["+1 (555) 010-0"] }]
    const workflows = [{ id: "main", trackingNumbers: ["+1 555 0100"], steps: [{ to: "queue", queue: "support" }] }]
    expect(checkScenario(decode({ tenants, workflows }))).toEqual([])
  })
})
