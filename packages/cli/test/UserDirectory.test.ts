import { describe, expect, it } from "vitest"
import { userDirectory } from "../src/UserDirectory.ts"

const root = "/repo"
const inside = "/repo/scenarios"

describe("userDirectory", () => {
  it("is where the user typed npx or npm exec, even when npm runs it from a workspace package", () => {
    expect(userDirectory({ INIT_CWD: inside, npm_command: "exec" }, "/repo/packages/cli")).toBe(inside)
  })

  it("is where the user typed `npm run ccsim -- …`, which npm runs at the workspace root", () => {
    expect(userDirectory({ INIT_CWD: inside, npm_command: "run-script", npm_lifecycle_event: "ccsim" }, root)).toBe(
      inside
    )
  })

  it("stays the package folder for other npm scripts, whose paths are relative to it", () => {
    expect(userDirectory({ INIT_CWD: inside, npm_command: "run-script", npm_lifecycle_event: "start" }, root)).toBe(
      root
    )
  })

  it("is the working directory outside npm", () => {
    expect(userDirectory({}, root)).toBe(root)
    expect(userDirectory({ INIT_CWD: "", npm_command: "exec" }, root)).toBe(root)
  })
})
