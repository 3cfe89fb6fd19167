import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { Scenario } from "../src/index.ts"

describe("Scenario", () => {
  it("decodes a minimal scenario with defaults", () => {
    const s = Schema.decodeUnknownSync(Scenario)({ name: "x", time: { open: "08:00", close: "09:00" } })
    expect(s.time.open).toBe(8 * 3_600_000)
    expect(s.settings.reofferSameAgent).toBe("after-others")
  })
})
