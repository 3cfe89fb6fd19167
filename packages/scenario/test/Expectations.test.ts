import { describe, expect, it } from "vitest"
import { TraceEventFields, TraceEvents } from "../src/index.ts"

/**
 * The engine's trace events and their fields (packages/engine/src/Trace.ts, README "Trace format"), written out
 * by hand. When the engine's trace changes, this list and `TraceEventFields` change together.
 */
const GOLDEN = `
call-arrived: call kind tenant known source redialOf
call-routed: call step target
call-queued: call queue
call-rolled-over: call queue reason
offer-started: call agent queue tenant
offer-accepted: call agent queue
offer-rejected: call agent queue
offer-missed: call agent queue
offer-cancelled: call agent queue reason
call-held: call agent reason duration
call-resumed: call agent
call-abandoned: call queue stage
call-ended: call agent outcome
wrap-up-started: agent call queue duration
wrap-up-ended: agent
agent-status-changed: agent status cause reason
agent-overtime-started: agent
outbound-started: call agent
redial-scheduled: call redialAt
simulation-ended:
`

describe("TraceEventFields", () => {
  it("lists every trace event with the fields of the golden list", () => {
    const golden = GOLDEN.trim()
      .split("\n")
      .map((line) => {
        const [event, fields] = line.split(":")
        return [event!, fields!.trim() === "" ? [] : fields!.trim().split(" ")] as const
      })
    expect(Object.keys(TraceEventFields).sort()).toEqual([...TraceEvents].sort())
    expect(Object.entries(TraceEventFields).sort()).toEqual(golden.sort())
  })
})
