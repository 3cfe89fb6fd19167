import { describe, expect, it } from "vitest"
import { packageName } from "../src/index.ts"

describe("@ccsim/scenario", () => {
  it("names itself", () => {
    expect(packageName).toBe("@ccsim/scenario")
  })
})
