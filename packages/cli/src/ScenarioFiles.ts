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

const walk = (dir: string, out: Array<string>): void => {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareCodeUnits(a.name, b.name))
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) walk(full, out)
    else if (entry.isFile() && scenarioExtensions.includes(path.extname(entry.name).toLowerCase())) out.push(full)
  }
}

/**
 * Expands files and folders into scenario files: explicit files first-come, folder contents sorted, duplicates
 * removed. A path that does not exist is an input error (exit 2).
 */
export const findScenarioFiles = (args: ReadonlyArray<string>): Effect.Effect<Array<string>, InputError> =>
  Effect.try({
    try: () => {
      const out: Array<string> = []
      for (const arg of args) {
        const stat = fs.statSync(arg, { throwIfNoEntry: false })
        if (stat === undefined)
          throw new InputError({ subject: arg, expected: "a scenario file or a folder", found: "nothing at that path" })
        if (stat.isDirectory()) walk(arg, out)
        else out.push(arg)
      }
      return [...new Set(out)]
    },
    catch: (error) =>
      error instanceof InputError
        ? error
        : new InputError({ subject: args.join(" "), expected: "readable files or folders", found: String(error) })
  })
