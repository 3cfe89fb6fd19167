import { formatClockTime, Scenario } from "@ccsim/scenario"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { compile } from "../../src/Compile.ts"
import { ConformanceChecker } from "../../src/checker/Checker.ts"
import { formatViolation } from "../../src/checker/Violation.ts"
import { fanOut } from "../../src/FanOut.ts"
import { matchTrace, showEvent } from "../../src/MatchTrace.ts"
import { runReplication } from "../../src/Simulation.ts"
import { TraceRecorder } from "../../src/Trace.ts"
import { loadRuleScenario, ruleFiles } from "./RuleFiles.ts"

/**
 * Every scripted scenario of `scenarios/rules/` runs with the trace recorder and the conformance checker: the
 * trace must match the hand-derived expectation in the file, and the checker must find no violation.
 */
describe("rule scenarios", () => {
  const files = ruleFiles()

  it("cover every rule R1–R15 and the schedules", () => {
    const covered = new Set(files.map((f) => f.split("-")[0]))
    const wanted = [...Array.from({ length: 15 }, (_, i) => `r${String(i + 1).padStart(2, "0")}`), "schedule"]
    expect(wanted.filter((r) => !covered.has(r))).toEqual([])
  })

  for (const file of files) {
    it(file, async () => {
      const scenario = await loadRuleScenario(file)
      const model = compile(scenario)
      const recorder = new TraceRecorder(model)
      const checker = new ConformanceChecker(model)
      runReplication(model, { observer: fanOut([recorder, checker]) })
      const expected = scenario.expect.trace
      expect(expected, `${file} has no expected trace`).toBeDefined()
      const match = matchTrace(expected!, recorder.events, model)
      const filter = expected!.events
      const shown = recorder.events.filter((e) => filter === undefined || filter.includes(e.event)).map(showEvent)
      expect(match.ok, `${file}: ${match.diff}\n\nactual (filtered):\n${shown.join("\n")}`).toBe(true)
      if (scenario.expect.noViolations) expect(checker.violations.map(formatViolation)).toEqual([])
    })
  }
})

/**
 * R15 redials come from generated traffic (scripted calls do not redial), whose arrival times no file can pin; so
 * the relations are checked here: every caller hangs up after exactly 10 s (nobody answers), calls again exactly
 * 5 min later (unless that is after closing, when arrivals stop), at most twice, and each redial names the call it
 * repeats.
 */
describe("R15: abandoned callers call back", () => {
  it("redial at the scheduled time, at most maxAttempts times", () => {
    const scenario = Schema.decodeUnknownSync(Scenario)({
      name: "r15-redial",
      time: { open: "08:00", close: "09:00" },
      tenants: [{ id: "acme", trackingNumbers: ["+1 555 0100"] }],
      queues: [{ id: "sales" }],
      workflows: [{ id: "main", trackingNumbers: ["+1 555 0100"], steps: [{ to: "queue", queue: "sales" }] }],
      agents: [{ id: "ann", queues: [{ queue: "sales" }], initialStatus: "unavailable" }],
      traffic: [
        {
          type: "queue",
          trackingNumber: "+1 555 0100",
          arrivals: { ratePerHour: 12 },
          handleTime: "3m",
          patience: "10s",
          redial: { probability: 1, delay: "5m", maxAttempts: 2 }
        }
      ]
    })
    const model = compile(scenario)
    const recorder = new TraceRecorder(model)
    const checker = new ConformanceChecker(model)
    runReplication(model, { observer: fanOut([recorder, checker]) })
    expect(checker.violations.map(formatViolation)).toEqual([])
    const events = recorder.events
    const arrivals = events.filter((e) => e.event === "call-arrived")
    const redialOf = new Map(arrivals.map((e) => [e.call as string, e.redialOf as string | undefined]))
    const attempt = (call: string): number => {
      const original = redialOf.get(call)
      return original === undefined ? 0 : 1 + attempt(original)
    }
    const arrivedAt = new Map(arrivals.map((e) => [e.call as string, e.t]))
    const abandons = events.filter((e) => e.event === "call-abandoned")
    expect(abandons.length).toBe(arrivals.length)
    expect(arrivals.filter((e) => e.redialOf === undefined).length).toBeGreaterThan(3)
    for (const abandon of abandons) {
      const call = abandon.call as string
      expect(abandon.t - arrivedAt.get(call)!).toBe(10_000)
      const scheduled = events.filter((e) => e.event === "redial-scheduled" && e.call === call)
      // No third call, and no call back after closing (arrivals stop at close).
      if (attempt(call) >= 2 || abandon.t + 300_000 >= model.close) {
        expect(scheduled).toEqual([])
        continue
      }
      expect(scheduled.map((e) => [e.t, e.redialAt])).toEqual([[abandon.t, formatClockTime(abandon.t + 300_000)]])
      const redial = arrivals.filter((e) => e.redialOf === call)
      expect(redial.map((e) => e.t)).toEqual([abandon.t + 300_000])
    }
  })
})
