import { configDefaults, defineProject } from "vitest/config"
import { projectDefaults } from "../../test-support/ProjectDefaults.ts"

export default defineProject({
  test: {
    ...projectDefaults,
    name: "engine",
    include: ["test/**/*.test.ts"],
    // The statistical grid and the large property runs are their own projects (vitest.validation.config.ts,
    // vitest.properties.config.ts): `npm test` runs them, `npm run test:unit` does not.
    exclude: [...configDefaults.exclude, "test/validation/**", "test/properties/**"]
  }
})
