import { configDefaults, defineProject } from "vitest/config"
import { projectDefaults } from "../../test-support/ProjectDefaults.ts"

export default defineProject({
  test: {
    ...projectDefaults,
    name: "runner",
    include: ["test/**/*.test.ts"],
    // The run fuzzer is its own project (vitest.properties.config.ts): `npm test` runs it, `test:unit` does not.
    exclude: [...configDefaults.exclude, "test/fuzz/**"]
  }
})
