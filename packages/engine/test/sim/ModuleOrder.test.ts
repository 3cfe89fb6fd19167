import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

/**
 * The rule core's dependency order (packages/engine/README.md): codes ← tables ← state ← line ← offers, agents,
 * calls ← matching ← the loop (Simulation.ts). A module may import only modules listed before it, so the
 * import graph of src/sim has no cycle and nothing below matching calls up into it.
 */
const ORDER = [
  // codes and helpers
  "Events",
  "Rules",
  "Grow",
  "MemberSet",
  "WorkList",
  // per-entity tables
  "CallTable",
  "AgentTable",
  "QueueTable",
  "SourceTable",
  "Streams",
  "Schedules",
  "State",
  // the line and a connected call
  "Line",
  "Talk",
  // offers, agents, calls
  "Eligibility",
  "Offers",
  "Agents",
  "Calls",
  // matching
  "Match",
  "Routing",
  "Settle"
]

const dir = join(import.meta.dirname, "../../src/sim")
const modules = readdirSync(dir)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => f.slice(0, -3))

/** The sibling modules a file imports (value and type imports alike), and whether it imports anything above sim/. */
const importsOf = (text: string): { readonly siblings: ReadonlyArray<string>; readonly loop: boolean } => {
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map((m) => m[1]!)
  return {
    siblings: specifiers.filter((s) => /^\.\/[^/]+\.ts$/.test(s)).map((s) => s.slice(2, -3)),
    loop: specifiers.some((s) => /Simulation\.ts$/.test(s))
  }
}

/** A cycle in the graph as a list of modules, or undefined. */
const findCycle = (graph: ReadonlyMap<string, ReadonlyArray<string>>): ReadonlyArray<string> | undefined => {
  const state = new Map<string, "open" | "done">()
  const path: Array<string> = []
  const visit = (m: string): ReadonlyArray<string> | undefined => {
    if (state.get(m) === "done") return undefined
    if (state.get(m) === "open") return [...path.slice(path.indexOf(m)), m]
    state.set(m, "open")
    path.push(m)
    for (const n of graph.get(m) ?? []) {
      const cycle = visit(n)
      if (cycle !== undefined) return cycle
    }
    path.pop()
    state.set(m, "done")
    return undefined
  }
  for (const m of graph.keys()) {
    const cycle = visit(m)
    if (cycle !== undefined) return cycle
  }
  return undefined
}

describe("src/sim module order", () => {
  const graph = new Map(modules.map((m) => [m, importsOf(readFileSync(join(dir, `${m}.ts`), "utf8"))] as const))

  it("lists every module of src/sim, and only those", () => {
    expect([...modules].sort()).toEqual([...ORDER].sort())
  })

  it("imports only modules earlier in the order (so one way, no cycle)", () => {
    const upward = [...graph].flatMap(([m, { siblings }]) =>
      siblings.filter((n) => ORDER.indexOf(n) >= ORDER.indexOf(m)).map((n) => `${m} → ${n}`)
    )
    expect(upward).toEqual([])
  })

  it("has an acyclic import graph", () => {
    expect(findCycle(new Map([...graph].map(([m, x]) => [m, x.siblings])))).toBeUndefined()
  })

  it("never imports the event loop", () => {
    expect([...graph].filter(([, x]) => x.loop).map(([m]) => m)).toEqual([])
  })

  it("finds the cycle in a graph that has one (the check can fail)", () => {
    const cyclic = new Map([
      ["Offers", ["Line"]],
      ["Line", ["Match"]],
      ["Match", ["Offers"]]
    ])
    expect(findCycle(cyclic)).toEqual(["Offers", "Line", "Match", "Offers"])
    expect(importsOf('import { x } from "./Match.ts"\nimport type { Y } from "./State.ts"').siblings).toEqual([
      "Match",
      "State"
    ])
  })
})
