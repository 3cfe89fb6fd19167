import { configDefaults, defineProject } from "vitest/config"
import { projectDefaults } from "../../test-support/ProjectDefaults.ts"

export default defineProject({
  test: {
    ...projectDefaults,
    name: "cli",
    include: ["test/**/*.test.ts"],
    // The tests that start the real `ccsim` as a subprocess are the cli-e2e project (vitest.e2e.config.ts).
    exclude: [...configDefaults.exclude, "test/bin.test.ts", "test/MergeCommand.bin.test.ts", "test/e2e/**"]
  }
})
