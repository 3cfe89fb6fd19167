import { describe, expect, it } from "vitest"
import { formatClockTime, parseClockTime } from "../src/ClockTime.ts"

describe("clock times", () => {
  it("parses clock times and refuses what is not one", () => {
    expect(parseClockTime("08:00")).toBe(8 * 3_600_000)
    expect(parseClockTime("8:30")).toBe(8.5 * 3_600_000)
    expect(parseClockTime(" 17:45:30 ")).toBe((17 * 3600 + 45 * 60 + 30) * 1000)
    expect(parseClockTime("24:00")).toBe(24 * 3_600_000)
    expect(parseClockTime("24:01")).toBeUndefined()
    expect(parseClockTime("25:00")).toBeUndefined()
    expect(parseClockTime("8h")).toBeUndefined()
  })

  it("formats whole seconds as HH:MM:SS and adds the milliseconds when there are any", () => {
    expect(formatClockTime(0)).toBe("00:00:00")
    expect(formatClockTime(28_805_000)).toBe("08:00:05")
    expect(formatClockTime(28_805_250)).toBe("08:00:05.250")
    expect(formatClockTime(28_805_007)).toBe("08:00:05.007")
    expect(formatClockTime(24 * 3_600_000)).toBe("24:00:00")
  })

  it("is what the package index exports", async () => {
    const index = await import("../src/index.ts")
    expect(index.formatClockTime).toBe(formatClockTime)
    expect(index.parseClockTime).toBe(parseClockTime)
  })
})
