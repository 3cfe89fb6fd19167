import { defineProject } from "vitest/config"
import { projectDefaults } from "../../test-support/ProjectDefaults.ts"

/** Statistical checks of the experiments (the sweep against Erlang A, the staffing search against Erlang): `npm run test:validation`. */
export default defineProject({
  test: {
    ...projectDefaults,
    name: "runner-validation",
    include: ["test/validation/**/*.test.ts"]
  }
})
