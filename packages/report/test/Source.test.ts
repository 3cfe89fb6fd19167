import { describe, expect, it } from "vitest"
import { decodeReportSource } from "../src/Source.ts"
import { makeSource } from "./fixtures/Source.ts"

/** The fixture as results.json holds it. */
const written = () => JSON.parse(JSON.stringify(makeSource()))

describe("decodeReportSource", () => {
  it("decodes a results document with the report's section, unchanged", () => {
    const decoded = decodeReportSource(written())
    expect(decoded._tag).toBe("ok")
    if (decoded._tag === "ok") expect(decoded.source).toEqual(makeSource())
  })

  it("names a broken field of the report's section", () => {
    const edited = written()
    edited.report.sample.paths[0].queueLength.lo[1] = "x"
    expect(decodeReportSource(edited)).toEqual({
      _tag: "problem",
      problem: { path: "report.sample.paths[0].queueLength.lo[1]", expected: "number", found: '"x"' }
    })
  })

  it("refuses another results version before reading anything else", () => {
    const decoded = decodeReportSource({ resultsVersion: 0, summary: "gone" })
    expect(decoded._tag === "problem" && decoded.problem.path).toBe("resultsVersion")
  })
})
