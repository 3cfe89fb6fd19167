import { defineProject } from "vitest/config"
import { projectDefaults } from "../../test-support/ProjectDefaults.ts"

export default defineProject({
  test: {
    ...projectDefaults,
    name: "cli",
    include: ["test/**/*.test.ts"]
  }
})
