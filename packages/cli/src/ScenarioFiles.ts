/**
 * Finding scenario files: arguments are files or folders; folders are searched recursively for `.yaml`, `.yml` and
 * `.json` files. A file named explicitly is always taken (so a wrong extension gets a clear error from the loader).
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { Effect } from "effect"
import { InputError } from "./Error.ts"
import { compareCodeUnits } from "./Shard.ts"

/** Extensions a folder search picks up. */
export const scenarioExtensions: ReadonlyArray<string> = [".yaml", ".yml", ".json"]

/** Lists a folder with entry types (a parameter so tests can make a folder unreadable, even as root). */
export type ListFolder = (dir: string) => Array<fs.Dirent>

const listFolder: ListFolder = (dir) => fs.readdirSync(dir, { withFileTypes: true })

const walk = (dir: string, out: Array<string>, top: boolean, list: ListFolder): void => {
  let listed: Array<fs.Dirent>
  try {
    listed = list(dir)
  } catch (error) {
    // An unreadable subfolder is listed itself: loading it reports the folder, and the rest still runs.
    if (top) throw error
    out.push(dir)
    return
  }
  const entries = listed.sort((a, b) => compareCodeUnits(a.name, b.name))
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) walk(full, out, false, list)
    else if (entry.isFile() && scenarioExtensions.includes(path.extname(entry.name).toLowerCase())) out.push(full)
  }
}

/**
 * Expands files and folders into scenario files: explicit files first-come, folder contents sorted, duplicates
 * removed. A path that does not exist, or a folder named on the command line that cannot be read, is an input
 * error (exit 2); a subfolder that cannot be read is listed as it is, so loading it reports the folder as one
 * invalid entry while the other files still run.
 */
export const findScenarioFiles = (
  args: ReadonlyArray<string>,
  list: ListFolder = listFolder
): Effect.Effect<Array<string>, InputError> =>
  Effect.try({
    try: () => {
      const out: Array<string> = []
      for (const arg of args) {
        const stat = fs.statSync(arg, { throwIfNoEntry: false })
        if (stat === undefined)
          throw new InputError({ subject: arg, expected: "a scenario file or a folder", found: "nothing at that path" })
        if (stat.isDirectory()) walk(arg, out, true, list)
        else out.push(arg)
      }
      return [...new Set(out)]
    },
    catch: (error) =>
      error instanceof InputError
        ? error
        : new InputError({ subject: args.join(" "), expected: "readable files or folders", found: String(error) })
  })
