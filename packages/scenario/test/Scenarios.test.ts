import { join, relative } from "node:path"
import { Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { stringify } from "yaml"
import { decodeScenarioText, loadScenarioFile, Scenario } from "../src/index.ts"
import { filesUnder, repoRoot, run } from "./Helpers.ts"

/** Every scenario in scenarios/ (examples and rule scenarios included) decodes and passes the checks. */
const scenarios = filesUnder(join(repoRoot, "scenarios"), /\.(ya?ml|json)$/)

describe("scenarios/", () => {
  it("holds the default scenario and one example per section", () => {
    const names = scenarios.map((file) => relative(join(repoRoot, "scenarios"), file))
    for (const name of [
      "default.yaml",
      "examples/minimal.yaml",
      "examples/minimal.json",
      "examples/shifts-and-breaks.yaml",
      "examples/interval-csv.yaml",
      "examples/distributions.yaml",
      "examples/workflows-and-rollover.yaml",
      "examples/direct-and-internal.yaml",
      "examples/scripted.yaml",
      "examples/thresholds.yaml",
      "examples/steady-state.yaml"
    ]) {
      expect(names).toContain(name)
    }
  })

  it.each(scenarios.map((file) => [relative(repoRoot, file), file]))(
    "%s loads and passes the checks",
    async (_, file) => {
      const result = await run(loadScenarioFile(file))
      if (Result.isFailure(result)) expect.fail(result.failure.format())
      expect(Result.isSuccess(result)).toBe(true)
    }
  )

  it.each(scenarios.map((file) => [relative(repoRoot, file), file]))(
    "%s survives encode → YAML → decode",
    async (_, file) => {
      const loaded = await run(loadScenarioFile(file))
      if (Result.isFailure(loaded)) return expect.fail(loaded.failure.format())
      const encoded = Schema.encodeSync(Scenario)(loaded.success)
      const again = decodeScenarioText(stringify(encoded), { file: "round-trip.yaml" })
      if (Result.isFailure(again)) return expect.fail(again.failure.format())
      expect(again.success.scenario).toEqual(loaded.success)
    }
  )
})

describe("the default scenario", () => {
  it("is the multi-tenant home-services center the README describes", async () => {
    const result = await run(loadScenarioFile(join(repoRoot, "scenarios/default.yaml")))
    if (Result.isFailure(result)) return expect.fail(result.failure.format())
    const s = result.success
    expect(s.seed).toBe(42)
    expect(s.replications).toBe(10)
    expect(s.tenants.map((t) => t.trackingNumbers.length)).toEqual([2, 2])
    expect(s.queues.map((q) => q.id)).toEqual(["service", "overflow", "billing"])
    expect(s.workflows[0]!.steps.map((step) => step.to)).toEqual(["queue", "queue", "answering-service"])
    const agents = s.agents.reduce((n, a) => n + a.count, 0)
    expect(agents).toBeGreaterThanOrEqual(12)
    expect(agents).toBeLessThanOrEqual(20)
    expect(s.agents.filter((a) => a.directLine !== undefined).length).toBeGreaterThanOrEqual(2)
    expect(s.queues[0]!.unavailableOnMiss?.enabled).toBe(true)
    // The forecast's morning peak: about 60 service calls in a 30-minute interval across the two brands.
    const perInterval = new Map<number, number>()
    for (const source of s.traffic) {
      if (!("csv" in source.arrivals)) continue
      for (const interval of source.arrivals.intervals ?? []) {
        perInterval.set(interval.start, (perInterval.get(interval.start) ?? 0) + interval.offered)
      }
    }
    expect(perInterval.size).toBe(20)
    expect(Math.max(...perInterval.values())).toBe(60)
    expect(s.traffic.some((t) => t.type === "direct")).toBe(true)
    expect(s.traffic.some((t) => t.type === "internal")).toBe(true)
    expect(s.expect.thresholds.map((t) => t.metric)).toContain("abandon-rate")
  })
})
