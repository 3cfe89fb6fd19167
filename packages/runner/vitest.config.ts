import { defineProject } from "vitest/config"

export default defineProject({
  test: {
    name: "runner",
    include: ["test/**/*.test.ts"],
    // No test is bounded by the clock: worker threads take seconds to start on a busy machine, and vitest's
    // default 5 s limit would make that a failure. 0 turns the limit off.
    testTimeout: 0
  }
})
