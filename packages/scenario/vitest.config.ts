import { defineProject } from "vitest/config"
import { projectDefaults } from "../../test-support/ProjectDefaults.ts"

export default defineProject({
  test: {
    ...projectDefaults,
    name: "scenario",
    include: ["test/**/*.test.ts"]
  }
})
