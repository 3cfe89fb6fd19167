import { describe, expect, it } from "vitest"
import { MissCounts, type MissPolicy } from "../../src/checker/MissCounts.ts"

const policy = (p: Partial<MissPolicy>): MissPolicy => ({
  countNoAnswer: true,
  countReject: true,
  threshold: 2,
  consecutive: true,
  separateCounts: false,
  reason: 0,
  ...p
})

describe("MissCounts (R11)", () => {
  it("switches at the threshold of a shared count, then starts over", () => {
    const counts = new MissCounts()
    expect(counts.record(policy({}), "no-answer")).toBe(false)
    expect(counts.record(policy({}), "reject")).toBe(true)
    expect([counts.shared, counts.noAnswer, counts.reject]).toEqual([0, 0, 0])
    expect(counts.record(policy({}), "reject")).toBe(false)
  })

  it("compares each outcome's own count with separate counts", () => {
    const counts = new MissCounts()
    const separate = policy({ separateCounts: true })
    expect(counts.record(separate, "no-answer")).toBe(false)
    expect(counts.record(separate, "reject")).toBe(false)
    expect(counts.record(separate, "no-answer")).toBe(true)
  })

  it("ignores outcomes the policy does not count", () => {
    const counts = new MissCounts()
    const rejectsOnly = policy({ countNoAnswer: false, threshold: 1 })
    expect(counts.record(rejectsOnly, "no-answer")).toBe(false)
    expect(counts.shared).toBe(0)
    expect(counts.record(rejectsOnly, "reject")).toBe(true)
  })

  it("moves the shared count under a separate-count policy too (queues share an agent's counts)", () => {
    const counts = new MissCounts()
    expect(counts.record(policy({ separateCounts: true, threshold: 3 }), "no-answer")).toBe(false)
    expect(counts.record(policy({ threshold: 2 }), "no-answer")).toBe(true)
  })
})
