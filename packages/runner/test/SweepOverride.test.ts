import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { setOverride } from "../src/SweepOverride.ts"

const encoded = {
  name: "x",
  run: { mode: "terminating", loadMultiplier: 1 },
  settings: { holdAndAccept: true },
  queues: [{ id: "sales", ringTimeout: "20s", serviceLevel: { threshold: "20s" } }],
  agents: [
    { id: "early", count: 3 },
    { id: "late", count: 2 }
  ]
}

const failure = (r: Result.Result<unknown, string>) => (Result.isFailure(r) ? r.failure : "(set)")

describe("setOverride (the sweep's local --set)", () => {
  it("sets run, settings, queue and agent fields by id, parsing numbers and booleans, without changing the input", () => {
    const before = JSON.stringify(encoded)
    const doc = (path: string, value: string) => Result.getOrThrow(setOverride(encoded, path, value)) as typeof encoded
    expect(doc("run.loadMultiplier", "1.25").run.loadMultiplier).toBe(1.25)
    expect(doc("settings.holdAndAccept", "false").settings.holdAndAccept).toBe(false)
    expect(doc("queues[sales].ringTimeout", "30s").queues[0]!.ringTimeout).toBe("30s")
    expect(doc("queues[sales].serviceLevel.threshold", "15s").queues[0]!.serviceLevel.threshold).toBe("15s")
    const agents = doc("agents[late].count", "9").agents
    expect(agents).toEqual([
      { id: "early", count: 3 },
      { id: "late", count: 9 }
    ])
    expect(JSON.stringify(encoded)).toBe(before)
  })

  it("names the valid keys or ids when a path is unknown", () => {
    expect(failure(setOverride(encoded, "run.loadMultiplyer", "2"))).toBe(
      "unknown override path run.loadMultiplyer: run has no key loadMultiplyer (keys: loadMultiplier, mode)"
    )
    expect(failure(setOverride(encoded, "agents[night].count", "2"))).toBe(
      "unknown override path agents[night].count: no agents entry night (ids: early, late)"
    )
    expect(failure(setOverride(encoded, "seed", "2"))).toMatch(/^unknown override path seed: expected run\.<key>/)
    expect(failure(setOverride(encoded, "queues[sales].ringTimeout.x", "2"))).toMatch(/has no fields$/)
  })
})
