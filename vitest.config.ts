import { defineConfig } from "vitest/config"

// One project per package, plus the slow ones split off (vitest.validation/properties/e2e.config.ts, named
// <package>-validation, -properties, -e2e): `npm run test:unit` leaves those out, `npm test` runs them all.
export default defineConfig({
  test: {
    projects: ["packages/*/vitest*.config.ts"]
  }
})
