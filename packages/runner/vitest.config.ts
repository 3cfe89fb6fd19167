import { configDefaults, defineProject } from "vitest/config"
import { projectDefaults } from "../../test-support/ProjectDefaults.ts"

export default defineProject({
  test: {
    ...projectDefaults,
    name: "runner",
    include: ["test/**/*.test.ts"],
    // The statistical checks are the runner-validation project (vitest.validation.config.ts).
    exclude: [...configDefaults.exclude, "test/validation/**"]
  }
})
