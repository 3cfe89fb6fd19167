import { readFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { describe, expect, it } from "vitest"

/**
 * A worker thread's start-up is mostly loading modules, and it delays the thread's first replication: the worker
 * loads the engine's replication entry, never the package indexes (which bring effect/Schema, the scenario schemas
 * and the results contract) — 0.18 s to its first message instead of 0.45 s.
 */
const packages = resolve(import.meta.dirname, "../..")
const SUBPATHS: Record<string, string> = {
  "@ccsim/engine/replication": join(packages, "engine/src/replication.ts"),
  "@ccsim/scenario/clock-time": join(packages, "scenario/src/ClockTime.ts")
}
const HEAVY = ["effect", "effect/Schema", "@ccsim/engine", "@ccsim/scenario", "@ccsim/analytic", "@ccsim/report"]

/** Value imports and re-exports (`import type` and `export type` load nothing) of a file. */
const valueSpecifiers = (file: string): Array<string> =>
  [...readFileSync(file, "utf8").matchAll(/^(?:import|export)\s+(?!type\b)[^"]*?from\s+"([^"]+)"/gms)].map((m) => m[1]!)

/** Every package module a file loads, following this repository's own files. */
const packagesLoaded = (entry: string): Set<string> => {
  const seen = new Set<string>()
  const external = new Set<string>()
  const visit = (file: string): void => {
    if (seen.has(file)) return
    seen.add(file)
    for (const spec of valueSpecifiers(file)) {
      if (spec.startsWith(".")) visit(resolve(dirname(file), spec))
      else if (SUBPATHS[spec] !== undefined) {
        external.add(spec)
        visit(SUBPATHS[spec])
      } else external.add(spec)
    }
  }
  visit(entry)
  return external
}

describe("the replication worker's modules", () => {
  const loaded = packagesLoaded(join(packages, "runner/src/ReplicationWorker.ts"))

  it("come through the engine's replication entry", () => {
    expect(loaded).toContain("@ccsim/engine/replication")
  })

  it("leave out the package indexes and the schemas", () => {
    expect([...loaded].filter((spec) => HEAVY.includes(spec))).toEqual([])
  })

  it("are loaded after the thread has switched on the compile cache", () => {
    const entry = readFileSync(join(packages, "runner/src/worker.ts"), "utf8")
    expect(valueSpecifiers(join(packages, "runner/src/worker.ts"))).toEqual(["node:module"])
    expect(entry).toMatch(/enableCompileCache\(\)\s+await import\("\.\/ReplicationWorker\.ts"\)/)
  })
})
