import { defineProject } from "vitest/config"
import { projectDefaults } from "../../test-support/ProjectDefaults.ts"

/** The real `ccsim` executable as a subprocess (exit codes, streams, signals, files): `npm run test:e2e`. */
export default defineProject({
  test: {
    ...projectDefaults,
    name: "cli-e2e",
    include: ["test/bin.test.ts", "test/MergeCommand.bin.test.ts", "test/e2e/**/*.test.ts"]
  }
})
