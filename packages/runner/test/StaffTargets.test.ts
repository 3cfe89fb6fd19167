import { describe, expect, it } from "@effect/vitest"
import { Result } from "effect"
import { parseTarget } from "../src/StaffTargets.ts"

const ok = (text: string) => Result.getOrThrow(parseTarget(text))
const error = (text: string) => {
  const r = parseTarget(text)
  if (Result.isSuccess(r)) throw new Error(`${text} was accepted`)
  return r.failure.message
}

describe("staffing targets", () => {
  it("reads metrics, scopes, percentages and durations", () => {
    expect(ok("service-level>=0.8")).toMatchObject({ metric: "service-level", op: ">=", value: 0.8, queue: undefined })
    expect(ok("service-level >= 80%").value).toBeCloseTo(0.8, 12)
    expect(ok("total:abandon-rate<=0.05")).toMatchObject({ metric: "abandon-rate", op: "<=", queue: undefined })
    expect(ok("queue:billing:asa<=1m30s")).toMatchObject({ metric: "asa", value: 90, queue: "billing" })
    expect(ok("asa<30").value).toBe(30)
    expect(ok("queue:billing:asa<=30s").label).toBe("queue:billing asa <= 30s")
  })

  it("refuses unknown metrics, wrong directions, impossible and malformed values", () => {
    expect(error("occupancy<=0.9")).toBe(
      '--target: expected a metric of service-level, abandon-rate, asa, found "occupancy"'
    )
    expect(error("service-level<=0.8")).toBe('--target: expected service-level >= a value, found "service-level<=0.8"')
    expect(error("service-level>=1")).toMatch(/above 0 and below 1 \(1\.0 cannot be met with certainty\)/)
    expect(error("abandon-rate<=0")).toMatch(/0 cannot be met while callers have patience/)
    expect(error("asa<=soon")).toBe('--target: expected a duration like 30s, 1m or a number of seconds, found "soon"')
    expect(error("80% please")).toMatch(/^--target: expected a target like service-level>=0\.8/)
  })
})
