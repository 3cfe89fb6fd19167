import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runs } from "../../../../test-support/PropertyRuns.ts"
import { CallSlots } from "../../src/metrics/CallSlots.ts"

describe("CallSlots", () => {
  it("finds, frees and reuses slots", () => {
    const slots = new CallSlots()
    const a = slots.add(5)
    const b = slots.add(6)
    expect(slots.get(5)).toBe(a)
    expect(slots.add(5)).toBe(a)
    expect(slots.callIn(b)).toBe(6)
    slots.remove(5)
    expect(slots.get(5)).toBe(-1)
    expect(slots.add(7)).toBe(a)
    expect(slots.size).toBe(2)
    expect(slots.capacity).toBe(2)
  })

  it("keeps calls far apart in number apart (the table grows instead of colliding)", () => {
    const slots = new CallSlots()
    slots.add(3)
    slots.add(3 + 1024)
    slots.add(3 + 4096)
    expect([slots.get(3), slots.get(1027), slots.get(4099)]).toEqual([0, 1, 2])
    expect(slots.calls()).toEqual([3, 1027, 4099])
  })

  it("behaves like a map for any sequence of arrivals and departures", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.nat({ max: 5000 })), { maxLength: 300 }), (ops) => {
        const slots = new CallSlots()
        const reference = new Map<number, number>()
        let next = 0
        for (const [arrive, pick] of ops) {
          if (arrive || reference.size === 0) {
            const call = next
            next += 1 + (pick % 50)
            reference.set(call, slots.add(call))
          } else {
            const live = [...reference.keys()]
            const call = live[pick % live.length]!
            slots.remove(call)
            reference.delete(call)
          }
        }
        const slotsInUse = new Set(reference.values())
        return (
          slotsInUse.size === reference.size &&
          [...reference].every(([call, s]) => slots.get(call) === s && slots.callIn(s) === call) &&
          JSON.stringify(slots.calls()) === JSON.stringify([...reference.keys()].sort((x, y) => x - y))
        )
      }),
      { seed: 42, numRuns: runs(200) }
    )
  })
})
