import { describe, expect, it } from "vitest"
import { escapeXml, junitXml } from "../src/Junit.ts"
import { parseXml } from "./xml.ts"

const nasty = `a <b> & "c" 'd' \u0001 </testcase>`

describe("junitXml", () => {
  const xml = junitXml([
    {
      name: "scenarios/x.yaml",
      time: 1.5,
      properties: [
        ["scenario", "X <&>"],
        ["seed", "42"]
      ],
      cases: [
        { name: "total service-level >= 0.8", classname: "x", time: 0, output: "observed 0.85 [0.82, 0.88]" },
        {
          name: nasty,
          classname: "x",
          time: 0,
          failure: { message: "observed 0.07", type: "threshold", body: `observed ${nasty}` }
        },
        { name: "scenario runs", classname: "x", time: 0, error: { message: "boom", type: "internal", body: "stack" } }
      ]
    },
    { name: "empty.yaml", time: 0, properties: [], cases: [{ name: "plain", classname: "e", time: 0 }] }
  ])

  it("is well-formed XML with one testcase per expectation", () => {
    const root = parseXml(xml)
    expect(root.name).toBe("testsuites")
    expect(root.attributes).toMatchObject({ tests: "4", failures: "1", errors: "1" })
    const [first, second] = root.children
    expect(first!.attributes).toMatchObject({
      name: "scenarios/x.yaml",
      tests: "3",
      failures: "1",
      errors: "1",
      time: "1.500"
    })
    const props = first!.children
      .find((c) => c.name === "properties")!
      .children.map((p) => [p.attributes.name, p.attributes.value])
    expect(props).toEqual([
      ["scenario", "X <&>"],
      ["seed", "42"]
    ])
    const cases = first!.children.filter((c) => c.name === "testcase")
    expect(cases.map((c) => c.attributes.name)).toEqual([
      "total service-level >= 0.8",
      `a <b> & "c" 'd'  </testcase>`,
      "scenario runs"
    ])
    expect(cases[0]!.children.map((c) => c.name)).toEqual(["system-out"])
    expect(cases[1]!.children[0]!.name).toBe("failure")
    expect(cases[1]!.children[0]!.attributes).toMatchObject({ message: "observed 0.07", type: "threshold" })
    expect(cases[1]!.children[0]!.text).toBe(`observed a <b> & "c" 'd'  </testcase>`)
    expect(cases[2]!.children[0]!.name).toBe("error")
    expect(second!.children.filter((c) => c.name === "testcase")).toHaveLength(1)
  })

  it("escapes the five XML specials and drops characters XML cannot carry", () => {
    expect(escapeXml(`<a href="x">&'\u0000\u001f\t`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;\t")
  })
})
