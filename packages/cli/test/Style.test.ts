import { describe, expect, it } from "vitest"
import { colorWanted, escapeControl, makeStyle, visibleWidth } from "../src/Style.ts"

describe("colour", () => {
  it("is on only for a terminal without --no-color and without NO_COLOR", () => {
    expect(colorWanted({ noColorFlag: false, noColorEnv: undefined, isTTY: true })).toBe(true)
    expect(colorWanted({ noColorFlag: false, noColorEnv: "", isTTY: true })).toBe(true)
    expect(colorWanted({ noColorFlag: true, noColorEnv: undefined, isTTY: true })).toBe(false)
    expect(colorWanted({ noColorFlag: false, noColorEnv: "1", isTTY: true })).toBe(false)
    expect(colorWanted({ noColorFlag: false, noColorEnv: undefined, isTTY: false })).toBe(false)
  })

  it("styles are the identity without colour", () => {
    const style = makeStyle(false)
    expect(style.red("x") + style.bold("y") + style.dim("z")).toBe("xyz")
    expect(makeStyle(true).green("ok")).toBe("\u001b[32mok\u001b[39m")
    expect(visibleWidth(makeStyle(true).green("✓ ok"))).toBe(4)
  })
})

describe("escapeControl", () => {
  it("shows control characters escaped; keeps newlines, tabs and, when asked, colour", () => {
    const hostile = "a\u001b]0;title\u0007b\u001b[2Jc\rd\u009be\tf\ng"
    expect(escapeControl(hostile, false)).toBe("a\\x1b]0;title\\x07b\\x1b[2Jc\\rd\\x9be\tf\ng")
    expect(escapeControl("\u001b[31mred\u001b[39m", true)).toBe("\u001b[31mred\u001b[39m")
    expect(escapeControl("\u001b[31mred\u001b[39m", false)).toBe("\\x1b[31mred\\x1b[39m")
    // Only colour is kept: a cursor movement is escaped even with colour on.
    expect(escapeControl("\u001b[2J\u001b[1m", true)).toBe("\\x1b[2J\u001b[1m")
    expect(escapeControl("plain ✓ ü", false)).toBe("plain ✓ ü")
  })
})
