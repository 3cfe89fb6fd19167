import { defineProject } from "vitest/config"
import { projectDefaults } from "../../test-support/ProjectDefaults.ts"

/** report.html in headless Chromium (a browser subprocess): `npm run test:e2e`. */
export default defineProject({
  test: {
    ...projectDefaults,
    name: "report-e2e",
    include: ["test/Browser.test.ts", "test/StaffBrowser.test.ts"],
    // Builds dist/viewer.js, which the reports under test inline (into a temporary folder then renamed, so the
    // report project building it at the same time is safe).
    globalSetup: ["test/globalSetup.ts"]
  }
})
