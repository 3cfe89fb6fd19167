import { describe, expect, it } from "vitest"
import {
  defaultServiceLevelDefinition,
  isServiceLevelDefinition,
  ServiceLevelDefinitions,
  serviceLevelFormulas,
  serviceLevelOf
} from "../src/ServiceLevel.ts"

// 100 offered, 90 answered (80 within T), 10 abandoned (4 within T).
const counts = { offered: 100, answered: 90, answeredWithin: 80, abandonedWithin: 4 }

describe("service-level definitions", () => {
  it("lists the four names the scenario format and metrics share", () => {
    expect(ServiceLevelDefinitions).toEqual([
      "answered-of-offered",
      "answered-of-offered-minus-short-abandons",
      "answered-of-answered",
      "answered-and-short-abandons-of-offered"
    ])
    expect(defaultServiceLevelDefinition).toBe("answered-of-offered")
    expect(Object.keys(serviceLevelFormulas).sort()).toEqual([...ServiceLevelDefinitions].sort())
  })

  it("computes each definition from counts", () => {
    expect(serviceLevelOf("answered-of-offered", counts)).toBe(0.8)
    expect(serviceLevelOf("answered-of-offered-minus-short-abandons", counts)).toBe(80 / 96)
    expect(serviceLevelOf("answered-of-answered", counts)).toBe(80 / 90)
    expect(serviceLevelOf("answered-and-short-abandons-of-offered", counts)).toBe(0.84)
  })

  it("has no service level without calls", () => {
    const none = { offered: 0, answered: 0, answeredWithin: 0, abandonedWithin: 0 }
    for (const d of ServiceLevelDefinitions) expect(serviceLevelOf(d, none)).toBeUndefined()
    expect(serviceLevelOf("answered-of-answered", { ...counts, answered: 0, answeredWithin: 0 })).toBeUndefined()
  })

  it("recognises only the known names", () => {
    expect(isServiceLevelDefinition("answered-of-answered")).toBe(true)
    expect(isServiceLevelDefinition("answered_within_over_offered")).toBe(false)
    expect(isServiceLevelDefinition(3)).toBe(false)
  })
})
