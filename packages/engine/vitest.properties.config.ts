import { defineProject } from "vitest/config"
import { projectDefaults } from "../../test-support/ProjectDefaults.ts"

/** The large property runs (random scenarios, determinism): `npm run test:properties`. */
export default defineProject({
  test: {
    ...projectDefaults,
    name: "engine-properties",
    include: ["test/properties/**/*.test.ts"]
  }
})
