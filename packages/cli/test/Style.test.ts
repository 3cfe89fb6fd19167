import { describe, expect, it } from "vitest"
import { colorWanted, makeStyle, visibleWidth } from "../src/Style.ts"

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
