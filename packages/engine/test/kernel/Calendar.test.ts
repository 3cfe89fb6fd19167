import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runs } from "../../../../test-support/PropertyRuns.ts"
import { Calendar } from "../../src/kernel/Calendar.ts"

const drain = (cal: Calendar): Array<[number, number, number]> => {
  const out: Array<[number, number, number]> = []
  while (cal.pop()) out.push([cal.t, cal.kind, cal.a])
  return out
}

describe("Calendar", () => {
  it("orders by time, then priority class, then insertion", () => {
    const cal = new Calendar(2)
    cal.schedule(10, 1, 8, 0, 0, 0)
    cal.schedule(5, 2, 9, 0, 0, 0)
    cal.schedule(10, 3, 0, 0, 0, 0)
    cal.schedule(10, 4, 8, 0, 0, 0)
    cal.schedule(10, 5, 0, 0, 0, 0)
    expect(drain(cal).map(([t, k]) => [t, k])).toEqual([
      [5, 2],
      [10, 3],
      [10, 5],
      [10, 1],
      [10, 4]
    ])
  })

  it("carries payloads and cancels pending events by handle", () => {
    const cal = new Calendar(1)
    const a = cal.schedule(1, 1, 0, 11, 12, 13)
    cal.schedule(2, 2, 0, 21, 22, 23)
    const c = cal.schedule(3, 3, 0, 31, 32, 33)
    cal.cancel(a)
    cal.cancel(c)
    expect(cal.size).toBe(1)
    expect(cal.peekTime()).toBe(2)
    expect(cal.pop()).toBe(true)
    expect([cal.t, cal.kind, cal.a, cal.b, cal.c]).toEqual([2, 2, 21, 22, 23])
    expect(cal.pop()).toBe(false)
    expect(cal.peekTime()).toBe(Number.POSITIVE_INFINITY)
  })

  it("matches a sorted reference under random schedules and cancels", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ t: fc.integer({ min: 0, max: 50 }), p: fc.integer({ min: 0, max: 9 }), cancel: fc.boolean() }),
          {
            maxLength: 300
          }
        ),
        (ops) => {
          const cal = new Calendar(4)
          const kept: Array<{ t: number; p: number; seq: number }> = []
          ops.forEach((op, seq) => {
            const h = cal.schedule(op.t, seq, op.p, seq, 0, 0)
            if (op.cancel) cal.cancel(h)
            else kept.push({ t: op.t, p: op.p, seq })
          })
          kept.sort((x, y) => x.t - y.t || x.p - y.p || x.seq - y.seq)
          expect(drain(cal).map(([, k]) => k)).toEqual(kept.map((x) => x.seq))
        }
      ),
      { numRuns: runs(200) }
    )
  })

  it("recycles slots: a cancelled handle does not touch a later event in the same slot", () => {
    const cal = new Calendar(1)
    const h = cal.schedule(1, 1, 0, 0, 0, 0)
    cal.cancel(h)
    const h2 = cal.schedule(2, 2, 0, 0, 0, 0)
    expect(h2).toBe(h)
    cal.cancel(h) // the owner must forget handles; cancelling a live slot removes the new event
    expect(cal.size).toBe(0)
  })
})
