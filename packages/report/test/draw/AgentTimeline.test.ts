import { assert, describe, it } from "@effect/vitest"
import {
  agentTimeline,
  ganttCells,
  ganttLimit,
  ganttRuns,
  heatCells,
  heatColumns,
  heatRows
} from "../../src/draw/AgentTimeline.ts"
import { TimelineStates } from "../../src/ReportData.ts"
import { count, draw, texts } from "../Dom.ts"
import { makeReport } from "../fixtures/Report.ts"

const grid = { start: 0, step: 10, columns: 6 }

describe("agentTimeline", () => {
  it("draws a Gantt row per agent with a bar per run of signed-in states", () => {
    const data = makeReport()
    const fig = draw(agentTimeline, { data, scope: data.scopes[0]! })
    assert.strictEqual(fig.getAttribute("data-variant"), "gantt")
    const runs = data.timeline!.agents.reduce((n, a) => n + ganttRuns(a, data.timeline!.grid, 1).length, 0)
    assert.isAbove(runs, data.agents.length)
    assert.strictEqual(count(fig, ".segments rect.mark"), runs)
    assert.deepStrictEqual(
      texts(fig, ".axis-y text"),
      data.agents.map((a) => a.id)
    )
    assert.strictEqual(count(fig, ".legend li"), TimelineStates.length)
    assert.match(texts(fig, ".segments rect title")[0]!, /^agent-1 · .* · \d\d:\d\d(:\d\d)?–\d\d:\d\d(:\d\d)? \(.*\)$/)
  })

  it("shows only the queue's members for a queue", () => {
    const data = makeReport()
    const queue = data.scopes[1]!
    const fig = draw(agentTimeline, { data, scope: queue })
    assert.deepStrictEqual(texts(fig, ".axis-y text"), [...queue.agents])
  })

  it("keeps the Gantt within its cell budget by merging columns", () => {
    const data = makeReport({ agents: ganttLimit })
    const fig = draw(agentTimeline, { data, scope: data.scopes[0]! })
    assert.strictEqual(fig.getAttribute("data-variant"), "gantt")
    assert.isAtMost(count(fig, ".segments rect.mark"), ganttCells)
  })

  it(`switches to a heatmap of bands of agents × columns beyond ${ganttLimit} agents`, () => {
    const data = makeReport({ agents: 2 * heatRows + 1 })
    const fig = draw(agentTimeline, { data, scope: data.scopes[0]! })
    assert.strictEqual(fig.getAttribute("data-variant"), "heatmap")
    // agents in bands of 3; the fixture's 96 columns in pairs
    assert.strictEqual(data.timeline!.grid.columns, 96)
    assert.isAtMost(48, heatColumns)
    assert.strictEqual(count(fig, ".cells rect.mark"), Math.ceil((2 * heatRows + 1) / 3) * 48)
    assert.match(texts(fig, ".cells rect title")[0]!, /^agent-1 … agent-3 · /)
  })

  it("says so when the results keep no trace", () => {
    const data = makeReport({ timeline: false })
    const fig = draw(agentTimeline, { data, scope: data.scopes[0]! })
    assert.strictEqual(count(fig, ".mark"), 0)
    assert.deepStrictEqual(texts(fig, ".empty-note"), ["These results keep no replication trace"])
  })

  it("ganttRuns joins equal columns, leaves out signed-out ones and merges columns by majority", () => {
    const row = { id: "a", states: "015552", busy: "", signedIn: "" }
    assert.deepStrictEqual(ganttRuns(row, grid, 1), [
      [10, 20, 1],
      [20, 50, 5],
      [50, 60, 2]
    ])
    assert.deepStrictEqual(ganttRuns(row, grid, 3), [[30, 60, 5]])
  })

  it("heatCells adds busy and signed-in time per band of agents and group of columns", () => {
    const rows = [
      { id: "a", states: "", busy: "0_0_0_", signedIn: "______" },
      { id: "b", states: "", busy: "000000", signedIn: "___000" },
      { id: "c", states: "", busy: "______", signedIn: "______" }
    ]
    assert.deepStrictEqual(heatCells(rows, grid, 2, 3), [
      [
        { busy: 10, signedIn: 60 },
        { busy: 20, signedIn: 30 }
      ],
      [
        { busy: 30, signedIn: 30 },
        { busy: 30, signedIn: 30 }
      ]
    ])
  })
})
