import { describe, expect, it } from "vitest"
import { packageName } from "../src/index.ts"

describe("@ccsim/analytic", () => {
  it("names itself", () => {
    expect(packageName).toBe("@ccsim/analytic")
  })
})
