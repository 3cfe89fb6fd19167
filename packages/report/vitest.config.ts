import { defineProject } from "vitest/config"

export default defineProject({
  test: {
    name: "report",
    include: ["test/**/*.test.ts"],
    // Builds dist/viewer.js, which renderReport inlines and the browser test runs.
    globalSetup: ["test/globalSetup.ts"]
  }
})
