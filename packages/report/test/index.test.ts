import { describe, expect, it } from "vitest"
import { packageName } from "../src/index.ts"

describe("@ccsim/report", () => {
  it("names itself", () => {
    expect(packageName).toBe("@ccsim/report")
  })
})
