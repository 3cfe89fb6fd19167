import { describe, expect, it } from "vitest"
import { erlang } from "../src/Calculator.ts"
import { erlangA } from "../src/ErlangA.ts"
import { expectRelative } from "./close.ts"
import { erlangACases } from "./references.ts"

// 200 calls per hour is the classic 100 per 30 minutes.
const classic = { ratePerHour: 200, ahtSeconds: 180, agents: 14, thresholdSeconds: 20 }
const classicA = erlangACases.find((c) => c.name === "classic")!

describe("erlang", () => {
  it("answers with Erlang C, in the exact JSON shape the CLI prints", () => {
    const r = erlang(classic)
    expect(Object.keys(r)).toEqual(["model", "agents", "offeredLoad", "pWait", "serviceLevel", "asa", "occupancy"])
    expect(r.model).toBe("erlang-c")
    expect(r.offeredLoad).toBeCloseTo(10, 12)
    expect(r.serviceLevel.toFixed(8)).toBe("0.88835002")
    // Erlang C ASA is the mean wait of all calls: C·AHT/(N − A).
    expectRelative(r.asa, (r.pWait * 180) / 4, 1e-14)
  })

  it("answers with Erlang A when a patience is given; ASA is the mean wait of answered calls", () => {
    const r = erlang({ ...classic, patienceSeconds: 300 })
    expect(Object.keys(r)).toEqual([
      "model",
      "agents",
      "offeredLoad",
      "pWait",
      "serviceLevel",
      "asa",
      "occupancy",
      "pAbandon"
    ])
    expect(r.model).toBe("erlang-a")
    expectRelative(r.serviceLevel, classicA.sl1, 1e-12)
    expectRelative(r.asa, classicA.asa, 1e-12)
    expect(r.model === "erlang-a" && r.pAbandon.toFixed(6)).toBe("0.013984")
    expect(r.asa).toBeLessThan(erlangA({ ...classicA }).meanWait)
  })

  it("reports the chosen service-level definition", () => {
    const r = erlang({ ...classic, patienceSeconds: 300, serviceLevelDefinition: "answered-of-answered" })
    expectRelative(r.serviceLevel, classicA.sl3, 1e-12)
  })

  it("reports overload as the Erlang C limits", () => {
    const r = erlang({ ...classic, agents: 9 })
    expect(r).toEqual({
      model: "erlang-c",
      agents: 9,
      offeredLoad: 10,
      pWait: 1,
      serviceLevel: 0,
      asa: Number.POSITIVE_INFINITY,
      occupancy: 1
    })
  })

  it("rejects bad input, naming the field", () => {
    expect(() => erlang({ ...classic, ratePerHour: -1 })).toThrow(/ratePerHour/)
    expect(() => erlang({ ...classic, ahtSeconds: 0 })).toThrow(/ahtSeconds/)
    expect(() => erlang({ ...classic, patienceSeconds: 0 })).toThrow(/patienceSeconds/)
  })
})
