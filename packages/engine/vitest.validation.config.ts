import { defineProject } from "vitest/config"
import { projectDefaults } from "../../test-support/ProjectDefaults.ts"

/** The statistical validation grid (Erlang C/A, identities, monotonicity, micro-scenarios): `npm run test:validation`. */
export default defineProject({
  test: {
    ...projectDefaults,
    name: "engine-validation",
    include: ["test/validation/**/*.test.ts"]
  }
})
