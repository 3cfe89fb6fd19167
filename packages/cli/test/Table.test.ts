import { describe, expect, it } from "vitest"
import { makeStyle } from "../src/Style.ts"
import { renderTable } from "../src/Table.ts"

describe("renderTable", () => {
  it("pads columns to the widest cell and right-aligns numbers", () => {
    const lines = renderTable(
      [{ header: "queue" }, { header: "SL", align: "right" }],
      [
        ["service", "81.2%"],
        ["billing", "9.0%"]
      ],
      { indent: "  " }
    )
    expect(lines).toEqual(["  queue       SL", "  service  81.2%", "  billing   9.0%"])
  })

  it("measures coloured text by what shows", () => {
    const style = makeStyle(true)
    const lines = renderTable([{ header: "a" }, { header: "b" }], [[style.red("xx"), "y"]])
    expect(lines[0]).toBe("a   b")
    expect(lines[1]).toBe(`${style.red("xx")}  y`)
  })
})
