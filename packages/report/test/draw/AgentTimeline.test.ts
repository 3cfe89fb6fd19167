import { assert, describe, it } from "@effect/vitest"
import { agentTimeline, ganttLimit, occupancyCells } from "../../src/draw/AgentTimeline.ts"
import { TimelineStates } from "../../src/ReportData.ts"
import { count, draw, texts } from "../Dom.ts"
import { makeReport } from "../fixtures/Report.ts"

const signedOut = TimelineStates.indexOf("signed-out")

describe("agentTimeline", () => {
  it("draws a Gantt row per agent with a bar per signed-in segment", () => {
    const data = makeReport()
    const fig = draw(agentTimeline, { data, scope: data.scopes[0]! })
    assert.strictEqual(fig.getAttribute("data-variant"), "gantt")
    const segments = data.timeline!.agents.reduce(
      (n, a) => n + a.segments.filter((s) => s[2] !== signedOut && s[1] > s[0]).length,
      0
    )
    assert.strictEqual(count(fig, ".segments rect.mark"), segments)
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

  it(`switches to a heatmap of cells (agents × intervals) beyond ${ganttLimit} agents`, () => {
    const data = makeReport({ agents: ganttLimit + 1 })
    const fig = draw(agentTimeline, { data, scope: data.scopes[0]! })
    assert.strictEqual(fig.getAttribute("data-variant"), "heatmap")
    const cells = Math.ceil((data.time.end - data.time.open) / data.time.intervalSeconds)
    assert.strictEqual(count(fig, ".cells rect.mark"), (ganttLimit + 1) * cells)
  })

  it("says so when the results keep no trace", () => {
    const data = makeReport({ timeline: false })
    const fig = draw(agentTimeline, { data, scope: data.scopes[0]! })
    assert.strictEqual(count(fig, ".mark"), 0)
    assert.deepStrictEqual(texts(fig, ".empty-note"), ["These results keep no replication trace"])
  })

  it("occupancyCells splits segments at cell edges and counts busy time over signed-in time", () => {
    const available = TimelineStates.indexOf("available")
    const call = TimelineStates.indexOf("queue-call")
    const row = {
      id: "a",
      segments: [
        [0, 50, signedOut],
        [50, 100, available],
        [100, 250, call]
      ] as const
    }
    assert.deepStrictEqual(occupancyCells(row, 0, 100, 3), [
      { busy: 0, signedIn: 50 },
      { busy: 100, signedIn: 100 },
      { busy: 50, signedIn: 50 }
    ])
  })
})
