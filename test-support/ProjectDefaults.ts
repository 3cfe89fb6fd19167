import { fileURLToPath } from "node:url"

/** What every package's vitest projects share; each config spreads it and adds its name and files. */
export const projectDefaults = {
  // No clock limit on a test or hook (0 disables them): a busy machine is slow, not wrong. Heavy tests are
  // budgeted by work (runs, calls); subprocesses and the browser wait up to the hang guard (HangGuard.ts).
  testTimeout: 0,
  hookTimeout: 0,
  setupFiles: [fileURLToPath(new URL("./PropertyRuns.setup.ts", import.meta.url))]
}
