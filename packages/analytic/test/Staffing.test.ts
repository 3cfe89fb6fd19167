import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runs } from "../../../test-support/PropertyRuns.ts"
import { erlangA } from "../src/ErlangA.ts"
import { erlangC } from "../src/ErlangC.ts"
import { ServiceLevelDefinitions } from "../src/ServiceLevel.ts"
import { requiredAgents } from "../src/Staffing.ts"
import { expectRelative } from "./close.ts"
import { fractionalClassicErlangA, fractionalClassicErlangC } from "./references.ts"

// The classic planner example: 100 calls per 30 minutes, AHT 180 s, 80% within 20 s.
const classic = { arrivalRate: 100 / 1800, aht: 180, threshold: 20, serviceLevelTarget: 0.8 }

describe("requiredAgents with Erlang C", () => {
  it("staffs the classic example with 14 agents (SL 0.88835002) and schedules 20", () => {
    const r = requiredAgents({ ...classic, maxOccupancy: 0.85, shrinkage: 0.3 })
    expect(r.model).toBe("erlang-c")
    expect(r.agents).toBe(14)
    expect(r.scheduled).toBe(20)
    expect(r.achieved.serviceLevel.toFixed(8)).toBe("0.88835002")
    expect(r.achieved.occupancy.toFixed(3)).toBe("0.714")
    expect(r.achieved.pWait.toFixed(3)).toBe("0.174")
    expect(r.binding).toBe("service-level")
  })

  it("reports the fractional requirement from the continuous Erlang C", () => {
    const r = requiredAgents(classic)
    expectRelative(r.fractionalAgents, fractionalClassicErlangC, 1e-11)
    expect(r.fractionalAgents).toBeGreaterThan(13)
  })

  it("lets an occupancy cap decide (pyworkforce: 70% cap → 15 agents, 22 scheduled)", () => {
    const r = requiredAgents({ ...classic, maxOccupancy: 0.7, shrinkage: 0.3 })
    expect(r.agents).toBe(15)
    expect(r.scheduled).toBe(22)
    expect(r.achieved.serviceLevel.toFixed(3)).toBe("0.941")
    expect(r.achieved.occupancy.toFixed(3)).toBe("0.667")
    expect(r.achieved.pWait.toFixed(3)).toBe("0.102")
    expect(r.binding).toBe("occupancy")
    expect(r.failingWithOneFewer).toEqual(["occupancy"])
    expectRelative(r.fractionalAgents, 10 / 0.7, 1e-11)
  })

  it("names the service level when it fails one agent below the occupancy cap too (380/h, 180 s, 80% in 30 s)", () => {
    // ⌈19 / 0.85⌉ = 23 is the cap's minimum, and 22 agents give SL 0.754 < 0.8: both goals fail at 22.
    const input = { arrivalRate: 380 / 3600, aht: 180, threshold: 30, serviceLevelTarget: 0.8, maxOccupancy: 0.85 }
    const r = requiredAgents(input)
    expect(r.agents).toBe(23)
    expect(erlangC({ ...input, agents: 22 }).serviceLevel).toBeLessThan(0.8)
    expect(r.binding).toBe("service-level")
    expect(r.failingWithOneFewer).toEqual(["service-level", "occupancy"])
  })

  it("lets an ASA goal decide", () => {
    const r = requiredAgents({ ...classic, asaTarget: 5 })
    expect(r.agents).toBe(15)
    expect(r.binding).toBe("asa")
    expect(r.achieved.asa).toBeLessThanOrEqual(5)
    expect(erlangC({ ...classic, agents: 14 }).asa).toBeGreaterThan(5)
    expect(r.fractionalAgents > 14 && r.fractionalAgents < 15).toBe(true)
  })

  it("needs more agents than the load even with no goals (stability)", () => {
    const r = requiredAgents({ ...classic, serviceLevelTarget: 0 })
    expect(r.agents).toBe(11)
    expect(r.binding).toBe("stability")
    expect(r.failingWithOneFewer).toEqual(["stability"])
    expect(r.fractionalAgents).toBeGreaterThan(10)
    expect(r.fractionalAgents).toBeLessThan(10 + 1e-9)
  })

  it("rounds scheduled agents without floating-point noise", () => {
    // 14 / 0.7 is 20.000000000000004 in doubles.
    expect(requiredAgents({ ...classic, shrinkage: 0.3 }).scheduled).toBe(20)
    expect(requiredAgents({ ...classic, shrinkage: 0.31 }).scheduled).toBe(21)
  })

  it("needs nobody when no calls are offered", () => {
    const r = requiredAgents({ ...classic, arrivalRate: 0, shrinkage: 0.3 })
    expect(r).toMatchObject({ agents: 0, fractionalAgents: 0, scheduled: 0, binding: "none" })
  })

  it("rejects invalid goals and gives up past maxAgents", () => {
    expect(() => requiredAgents({ ...classic, serviceLevelTarget: 1.2 })).toThrow(RangeError)
    expect(() => requiredAgents({ ...classic, maxOccupancy: 0 })).toThrow(RangeError)
    expect(() => requiredAgents({ ...classic, shrinkage: 1 })).toThrow(RangeError)
    expect(() => requiredAgents({ ...classic, patience: -5 })).toThrow(RangeError)
    expect(() => requiredAgents({ ...classic, serviceLevelTarget: 1, maxAgents: 30 })).toThrow(RangeError)
  })
})

describe("requiredAgents with Erlang A", () => {
  const patient = { ...classic, patience: 300 }

  it("needs fewer agents than Erlang C because some callers leave", () => {
    const r = requiredAgents(patient)
    expect(r.model).toBe("erlang-a")
    expect(r.agents).toBe(13)
    expect(r.binding).toBe("service-level")
    expectRelative(r.fractionalAgents, fractionalClassicErlangA, 1e-10)
    const below = erlangA({ ...patient, agents: 12 })
    expect(below.serviceLevels["answered-of-offered"]).toBeLessThan(0.8)
    expect(r.achieved.asa).toBe(erlangA({ ...patient, agents: 13 }).asa)
  })

  it("lets an abandonment goal decide", () => {
    const r = requiredAgents({ ...patient, abandonTarget: 0.01 })
    expect(r.agents).toBe(15)
    expect(r.binding).toBe("abandonment")
    expect(r.achieved.pAbandon).toBeLessThanOrEqual(0.01)
    expect(erlangA({ ...patient, agents: 14 }).pAbandon).toBeGreaterThan(0.01)
  })

  it("uses the chosen service-level definition", () => {
    const fractional = ServiceLevelDefinitions.map(
      (d) => requiredAgents({ ...patient, serviceLevelTarget: 0.9, serviceLevelDefinition: d }).fractionalAgents
    )
    // Answered-of-offered counts every abandon against the goal, so it asks the most.
    expect(Math.max(...fractional)).toBe(fractional[0])
    expect(new Set(fractional.map((f) => f.toFixed(6))).size).toBe(4)
  })

  it("applies the occupancy cap on offered load", () => {
    const r = requiredAgents({ ...patient, maxOccupancy: 0.6 })
    expect(r.agents).toBe(17)
    expect(r.binding).toBe("occupancy")
  })

  it("gives a fractional requirement below one agent for a trickle of calls", () => {
    const r = requiredAgents({ ...patient, arrivalRate: 1 / 3600 })
    expect(r.agents).toBe(1)
    expect(r.binding).toBe("none")
    expect(r.failingWithOneFewer).toEqual([])
    expect(r.fractionalAgents > 0 && r.fractionalAgents < 1).toBe(true)
  })

  it("staffs a thousand-Erlang queue", () => {
    const r = requiredAgents({
      arrivalRate: 2000 / 1800,
      aht: 900,
      threshold: 20,
      serviceLevelTarget: 0.8,
      patience: 120
    })
    expect(r.agents).toBeGreaterThan(900)
    expect(r.achieved.serviceLevel).toBeGreaterThanOrEqual(0.8)
  })
})

describe("requiredAgents properties", () => {
  const goals = fc.record({
    load: fc.double({ min: 0.1, max: 150, noNaN: true }),
    target: fc.double({ min: 0.3, max: 0.95, noNaN: true }),
    threshold: fc.double({ min: 5, max: 60, noNaN: true }),
    patience: fc.option(fc.double({ min: 20, max: 1200, noNaN: true }), { nil: undefined })
  })
  const inputOf = (g: { load: number; target: number; threshold: number; patience: number | undefined }) => ({
    arrivalRate: g.load / 180,
    aht: 180,
    threshold: g.threshold,
    serviceLevelTarget: g.target,
    ...(g.patience === undefined ? {} : { patience: g.patience })
  })
  const serviceLevelAt = (input: ReturnType<typeof inputOf>, agents: number) =>
    input.patience === undefined
      ? erlangC({ ...input, agents }).serviceLevel
      : erlangA({ ...input, patience: input.patience, agents }).serviceLevels["answered-of-offered"]

  it("returns the smallest whole staffing that meets the goal", () => {
    fc.assert(
      fc.property(goals, (g) => {
        const input = inputOf(g)
        const r = requiredAgents(input)
        expect(r.achieved.serviceLevel).toBeGreaterThanOrEqual(g.target)
        expect(serviceLevelAt(input, r.agents)).toBe(r.achieved.serviceLevel)
        // The service level is listed exactly when it fails one agent below (Erlang C overload counts as SL 0).
        if (r.agents > 1) {
          const below = input.patience === undefined && r.agents - 1 <= g.load ? 0 : serviceLevelAt(input, r.agents - 1)
          expect(r.failingWithOneFewer.includes("service-level")).toBe(below < g.target)
        }
        expect(r.binding).toBe(r.failingWithOneFewer[0] ?? "none")
        expect(r.fractionalAgents).toBeGreaterThan(r.agents - 1)
        expect(r.fractionalAgents).toBeLessThanOrEqual(r.agents)
      }),
      { numRuns: runs(50) }
    )
  })

  it("never staffs fewer agents for more calls", () => {
    fc.assert(
      fc.property(goals, fc.double({ min: 1, max: 1.5, noNaN: true }), (g, k) => {
        const now = requiredAgents(inputOf(g))
        const busier = requiredAgents(inputOf({ ...g, load: g.load * k }))
        expect(busier.agents).toBeGreaterThanOrEqual(now.agents)
        expect(busier.fractionalAgents).toBeGreaterThanOrEqual(now.fractionalAgents - 1e-9)
      }),
      { numRuns: runs(50) }
    )
  })
})
