import { defineProject } from "vitest/config"

export default defineProject({
  test: {
    name: "cli",
    include: ["test/**/*.test.ts"],
    // Several tests start the real `ccsim` as a subprocess (exit codes, signals); on a busy machine one can take
    // a few seconds to start.
    testTimeout: 60_000
  }
})
