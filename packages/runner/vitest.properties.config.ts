import { defineProject } from "vitest/config"
import { projectDefaults } from "../../test-support/ProjectDefaults.ts"

/** The run fuzzer (decoded mutants of the bundled scenarios, run for a few slices): `npm run test:properties`. */
export default defineProject({
  test: {
    ...projectDefaults,
    name: "runner-properties",
    include: ["test/fuzz/**/*.test.ts"]
  }
})
