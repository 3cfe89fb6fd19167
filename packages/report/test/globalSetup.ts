/**
 * Builds the viewer bundle before the report's tests, so they (and a fresh clone) never use a stale or
 * missing `dist/viewer.js`. Builds into a temporary folder and renames, so a concurrent reader never sees a
 * half-written file.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { build } from "vite"

export default async function setup(): Promise<void> {
  const root = fileURLToPath(new URL("..", import.meta.url))
  mkdirSync(join(root, "dist"), { recursive: true })
  const temp = mkdtempSync(join(root, "dist", ".viewer-"))
  try {
    await build({
      configFile: join(root, "vite.config.ts"),
      logLevel: "warn",
      build: { outDir: temp, emptyOutDir: false }
    })
    renameSync(join(temp, "viewer.js"), join(root, "dist", "viewer.js"))
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
}
