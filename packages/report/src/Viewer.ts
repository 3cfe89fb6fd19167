/**
 * The prebuilt viewer bundle: d3 and the chart code as one script, built by Vite from `src/viewer/main.ts`
 * into `dist/viewer.js` (`npm run build -w @ccsim/report`, also run by the package's `prepare` after install).
 * The report inlines it, so the page needs no network.
 *
 * The page's static charts are drawn from the sources at render time, so a viewer older than the chart
 * sources would redraw different charts: `loadViewer` rebuilds a missing or stale viewer first (into a
 * temporary folder, then renamed, so a concurrent reader never sees half a file).
 */
import { spawnSync } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { ViewerNotBuilt } from "./Errors.ts"

const packageRoot = fileURLToPath(new URL("..", import.meta.url))

/** Where the build writes the viewer. */
export const viewerPath: string = join(packageRoot, "dist", "viewer.js")

/** The files the viewer is built from. */
const sources = (): Array<string> => {
  const out = [join(packageRoot, "vite.config.ts"), join(packageRoot, "src", "ReportData.ts")]
  for (const dir of ["draw", "viewer"]) {
    const folder = join(packageRoot, "src", dir)
    for (const name of readdirSync(folder)) out.push(join(folder, name))
  }
  return out
}

/** True when the viewer is missing or older than one of its sources. */
export const viewerIsStale = (): boolean => {
  if (!existsSync(viewerPath)) return true
  const built = statSync(viewerPath).mtimeMs
  return sources().some((file) => existsSync(file) && statSync(file).mtimeMs > built)
}

/** Builds the viewer with Vite (a devDependency: present in a development checkout). */
const build = (): string | null => {
  let vite: string
  try {
    vite = join(dirname(createRequire(import.meta.url).resolve("vite/package.json")), "bin", "vite.js")
  } catch {
    return "Vite is not installed"
  }
  mkdirSync(join(packageRoot, "dist"), { recursive: true })
  const temp = mkdtempSync(join(packageRoot, "dist", ".viewer-"))
  try {
    const run = spawnSync(
      process.execPath,
      [vite, "build", "--outDir", temp, "--emptyOutDir", "false", "--logLevel", "error"],
      {
        cwd: packageRoot,
        encoding: "utf8"
      }
    )
    if (run.status !== 0) return `vite build failed: ${run.stderr || run.stdout || String(run.error)}`
    renameSync(join(temp, "viewer.js"), viewerPath)
    return null
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
}

/**
 * Reads the viewer, building it first when it is missing or stale; throws `ViewerNotBuilt` with the command
 * to build it when that is not possible.
 */
export const loadViewer = (): string => {
  const stale = viewerIsStale()
  const problem = stale ? build() : null
  try {
    return readFileSync(viewerPath, "utf8")
  } catch {
    throw new ViewerNotBuilt({
      path: viewerPath,
      message: `The report viewer is not built (${viewerPath} is missing${problem === null ? "" : `; ${problem}`}): run \`npm run build -w @ccsim/report\``
    })
  }
}
