import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { checkScenario, MAX_AGENTS, MAX_CALLS_PER_HOUR, MAX_CALLS_PER_RUN, Scenario } from "../../src/index.ts"

const base = {
  name: "limits",
  time: { open: "00:00", close: "24:00", intervalMinutes: 15 },
  workflows: [{ id: "main", trackingNumbers: ["555-0100"], steps: [{ to: "queue", queue: "support" }] }],
  queues: [{ id: "support" }],
  agents: [{ id: "ann", queues: [{ queue: "support" }] }]
}
const decode = (overrides: Record<string, unknown>) =>
  Schema.decodeUnknownSync(Scenario)({ ...base, ...overrides }, { onExcessProperty: "error" })
const queueTraffic = (arrivals: unknown) => [{ type: "queue", trackingNumber: "555-0100", arrivals, handleTime: "3m" }]

describe("scenarioLimits (through checkScenario)", () => {
  it("accepts exactly the limits", () => {
    const scenario = decode({
      agents: [{ id: "team", count: MAX_AGENTS, queues: [{ queue: "support" }] }],
      traffic: queueTraffic({ ratePerHour: MAX_CALLS_PER_HOUR })
    })
    expect(checkScenario(scenario)).toEqual([])
  })

  it("refuses one agent too many across groups, before expanding any group", () => {
    const agents = [
      { id: "a", count: MAX_AGENTS, queues: [{ queue: "support" }] },
      { id: "b", count: MAX_AGENTS, queues: [{ queue: "support" }] }
    ]
    const issues = checkScenario(decode({ agents }))
    // Only the limit: the other checks (which expand groups) did not run.
    expect(issues.map((i) => i.message)).toEqual([
      "expected at most 100,000 agents in a scenario, found 200,000 in all: beyond it validation and a run would need more memory than a machine has (see Limits in the scenario README)"
    ])
  })

  it("measures per-interval volumes as hourly rates and scales them by the load multiplier", () => {
    // 250,000 calls in 15 minutes = 1,000,000 an hour: at the limit; × 1.01 beyond it.
    const perInterval = [1, 250_000]
    expect(checkScenario(decode({ traffic: queueTraffic({ perInterval }) }))).toEqual([])
    const over = checkScenario(decode({ traffic: queueTraffic({ perInterval }), run: { loadMultiplier: 1.01 } }))
    expect(over.map((i) => [i.path, i.found])).toEqual([
      [["traffic", 0, "arrivals"], "1,010,000 at the peak with run.loadMultiplier 1.01"]
    ])
  })

  it("handles a per-interval list of a million volumes without overflowing the stack", () => {
    const perInterval = Array.from({ length: 1_000_000 }, (_, i) => i % 7)
    const issues = checkScenario(decode({ traffic: queueTraffic({ perInterval }) }))
    expect(issues.map((i) => i.path.join("."))).toEqual(["traffic.0.arrivals.perInterval"])
  })

  it("bounds the calls a steady state of run.duration expects", () => {
    // 100 days: at most MAX_CALLS_PER_RUN / 2,400 calls per hour.
    const run = { mode: "steady-state", warmup: "1h", duration: "100d" }
    const atLimit = MAX_CALLS_PER_RUN / 2400
    expect(checkScenario(decode({ run, traffic: queueTraffic({ ratePerHour: atLimit }) }))).toEqual([])
    const over = checkScenario(decode({ run, traffic: queueTraffic({ ratePerHour: atLimit * 1.01 }) }))
    expect(over.map((i) => [i.path.join("."), i.expected, i.found])).toEqual([
      ["run.duration", "at most 50,000,000 calls expected in a replication", "50,500,000 (21,042 calls per hour)"]
    ])
  })
})
