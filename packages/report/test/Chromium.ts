/**
 * Debian's headless Chromium for the report's browser tests (playwright-core drives it; npm's browser downloads
 * cannot work here), started offline in a fresh profile folder.
 */
import { type BrowserContext, chromium } from "playwright-core"
import { hangGuardMs } from "../../../test-support/HangGuard.ts"

export const defaultChromiumFlags: ReadonlyArray<string> = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking"
]

/** Starts Chromium, or fails with one message naming its path; Playwright's own limits become the hang guard. */
export const launchChromium = async (
  executablePath: string,
  profile: string,
  flags: ReadonlyArray<string> = defaultChromiumFlags
): Promise<BrowserContext> => {
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [...flags],
      viewport: { width: 1280, height: 900 },
      offline: true,
      // Playwright's own 30 s limits are timed assertions on a busy machine: wait for the work, up to a hang guard.
      timeout: hangGuardMs
    })
    context.setDefaultTimeout(hangGuardMs)
    return context
  } catch (cause) {
    throw new Error(`Chromium at ${executablePath} did not start: ${String(cause)}`)
  }
}
