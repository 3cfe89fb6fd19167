import { describe, expect, it } from "vitest"
import { formatViolation } from "../../src/checker/Violation.ts"

describe("formatViolation", () => {
  it("names time, event, call, agent, rule and message on one line", () => {
    expect(
      formatViolation({
        t: 0,
        at: "08:00:20",
        event: "offer-started",
        call: "c1",
        agent: "ann",
        rule: "R3",
        message: "not Available"
      })
    ).toBe("08:00:20 offer-started call c1 agent ann: R3 not Available")
    expect(
      formatViolation({ t: 0, at: "09:00:00", event: "end-of-run", rule: "I", message: "the call never ended" })
    ).toBe("09:00:00 end-of-run: I the call never ended")
  })
})
