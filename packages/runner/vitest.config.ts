import { configDefaults, defineProject } from "vitest/config"
import { projectDefaults } from "../../test-support/ProjectDefaults.ts"

export default defineProject({
  test: {
    ...projectDefaults,
    name: "runner",
    include: ["test/**/*.test.ts"],
    // The statistical validation (vitest.validation.config.ts) and the run fuzzer (vitest.properties.config.ts) are
    // their own projects: `npm test` runs them, `test:unit` does not.
    exclude: [...configDefaults.exclude, "test/validation/**", "test/fuzz/**"]
  }
})
