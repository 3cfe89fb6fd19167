import { configDefaults, defineProject } from "vitest/config"
import { projectDefaults } from "../../test-support/ProjectDefaults.ts"

export default defineProject({
  test: {
    ...projectDefaults,
    name: "report",
    include: ["test/**/*.test.ts"],
    // The real-browser test is the report-e2e project (vitest.e2e.config.ts).
    exclude: [...configDefaults.exclude, "test/Browser.test.ts", "test/StaffBrowser.test.ts"],
    // Builds dist/viewer.js, which renderReport inlines.
    globalSetup: ["test/globalSetup.ts"]
  }
})
