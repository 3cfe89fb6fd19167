import { defineProject } from "vitest/config"

export default defineProject({
  test: {
    name: "analytic",
    include: ["test/**/*.test.ts"]
  }
})
