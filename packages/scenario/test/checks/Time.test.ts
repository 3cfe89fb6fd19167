import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { checkScenario, Scenario } from "../../src/index.ts"

const base = {
  name: "long steady state",
  time: { open: "00:00", close: "24:00", intervalMinutes: 60 },
  run: { mode: "steady-state", warmup: "2h", duration: "30d" },
  workflows: [{ id: "main", trackingNumbers: ["555-0100"], steps: [{ to: "queue", queue: "support" }] }],
  queues: [{ id: "support" }],
  agents: [{ id: "team", count: 5, queues: [{ queue: "support" }] }],
  traffic: [{ type: "queue", trackingNumber: "555-0100", arrivals: { ratePerHour: 70 }, handleTime: "3m" }]
}
const decode = (overrides: Record<string, unknown>) =>
  Schema.decodeUnknownSync(Scenario)({ ...base, ...overrides }, { onExcessProperty: "error" })
const problems = (overrides: Record<string, unknown>) =>
  checkScenario(decode(overrides)).map((i) => [i.path.join("."), i.message])

describe("runSettings: run.duration", () => {
  it("accepts a 30-day steady state with constant rates and no shifts", () => {
    expect(decode({}).run.duration).toBe(30 * 86_400_000)
    expect(problems({})).toEqual([])
  })

  it("refuses it in a terminating day", () => {
    expect(problems({ run: { duration: "30d" } })).toEqual([
      [
        "run.duration",
        'expected no run.duration in a terminating day (it runs until every call has left), found 720h; set run.mode: "steady-state" for a long steady-state run'
      ]
    ])
  })

  it("refuses volumes per interval and shifts, which describe one day", () => {
    const traffic = [{ ...base.traffic[0], arrivals: { perInterval: [70, 70] } }]
    const agents = [{ ...base.agents[0], shifts: [{ start: "00:00", end: "12:00" }] }]
    expect(problems({ traffic, agents }).map(([path]) => path)).toEqual(["traffic.0.arrivals", "agents.0.shifts"])
  })

  it("measures a fixed warm-up against the run, not the day", () => {
    expect(problems({ run: { mode: "steady-state", warmup: "25h", duration: "30d" } })).toEqual([])
    expect(problems({ run: { mode: "steady-state", warmup: "25h", duration: "1d" } })).toEqual([
      ["run.warmup", "expected a warm-up shorter than the run (24h), found 25h: nothing would be left to measure"]
    ])
  })

  it("allows thresholds only on the run's one interval", () => {
    const thresholds = (scope: string) => ({
      expect: { thresholds: [{ scope, metric: "offered", op: ">", value: 0 }] }
    })
    expect(problems(thresholds("interval:00:00"))).toEqual([])
    expect(problems(thresholds("interval:10:00")).map(([path]) => path)).toEqual(["expect.thresholds.0.scope"])
  })
})
