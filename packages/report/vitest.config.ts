import { defineProject } from "vitest/config"
import { projectDefaults } from "../../test-support/ProjectDefaults.ts"

export default defineProject({
  test: {
    ...projectDefaults,
    name: "report",
    include: ["test/**/*.test.ts"],
    // Builds dist/viewer.js, which renderReport inlines and the browser test runs.
    globalSetup: ["test/globalSetup.ts"]
  }
})
