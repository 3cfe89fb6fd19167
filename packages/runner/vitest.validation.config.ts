import { defineProject } from "vitest/config"
import { projectDefaults } from "../../test-support/ProjectDefaults.ts"

/** The sweep against Erlang A (a statistical test): `npm run test:validation`. */
export default defineProject({
  test: {
    ...projectDefaults,
    name: "runner-validation",
    include: ["test/validation/**/*.test.ts"]
  }
})
