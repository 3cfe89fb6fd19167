import { assert, describe, it } from "@effect/vitest"
import { agentMisses, agentOccupancy, barAgents, barLimit, scopeAgents } from "../../src/draw/AgentBars.ts"
import { count, draw, texts } from "../Dom.ts"
import { makeReport } from "../fixtures/Report.ts"

describe("agent bars", () => {
  const data = makeReport()

  it("occupancy: one bar per agent of the scope, labelled by id", () => {
    const total = draw(agentOccupancy, { data, scope: data.scopes[0]! })
    assert.strictEqual(count(total, ".bars rect.mark"), 12)
    assert.deepStrictEqual(
      texts(total, ".axis-x .tick text"),
      data.agents.map((a) => a.id)
    )
    const queue = data.scopes[2]! // support: the second half of the agents
    const fig = draw(agentOccupancy, { data, scope: queue })
    assert.strictEqual(count(fig, ".bars rect.mark"), queue.agents.length)
    assert.deepStrictEqual(
      scopeAgents(data, queue).map((a) => a.id),
      [...queue.agents]
    )
  })

  it("occupancy: drops the labels when agents are too many to label", () => {
    const many = makeReport({ agents: 150 })
    const fig = draw(agentOccupancy, { data: many, scope: many.scopes[0]! })
    assert.strictEqual(count(fig, ".bars rect.mark"), 150)
    assert.strictEqual(count(fig, ".axis-x .tick"), 0)
  })

  it("misses: stacked misses and rejects, and a bar of time Unavailable for each agent that had any", () => {
    const scope = data.scopes[0]!
    const fig = draw(agentMisses, { data, scope })
    const parts = data.agents.reduce((n, a) => n + (a.misses.mean > 0 ? 1 : 0) + (a.rejects.mean > 0 ? 1 : 0), 0)
    assert.strictEqual(count(fig, ".bars rect.mark"), parts)
    assert.strictEqual(
      count(fig, ".bars-unavailable rect.mark"),
      data.agents.filter((a) => a.unavailableByMiss.mean > 0).length
    )
    assert.isAbove(count(fig, ".axis-y2 text"), 1)
  })

  it("misses: says so when nobody missed or rejected", () => {
    const zero = { mean: 0, lo: 0, hi: 0 }
    const clean = {
      ...data,
      agents: data.agents.map((a) => ({ ...a, misses: zero, rejects: zero, unavailableByMiss: zero }))
    }
    const fig = draw(agentMisses, { data: clean, scope: clean.scopes[0]! })
    assert.strictEqual(count(fig, ".mark"), 0)
    assert.deepStrictEqual(texts(fig, ".empty-note"), ["No missed or rejected offers"])
  })

  it(`shows bands of consecutive agents beyond ${barLimit} agents, with the band's means`, () => {
    const data = makeReport({ agents: 2 * barLimit + 1 })
    const scope = data.scopes[0]!
    const bands = barAgents(data, scope)
    assert.strictEqual(bands.length, Math.ceil((2 * barLimit + 1) / 3))
    const first = data.agents.slice(0, 3)
    assert.strictEqual(bands[0]!.id, "agent-1 … agent-3")
    assert.closeTo(bands[0]!.misses.mean, first.reduce((s, a) => s + a.misses.mean, 0) / 3, 1e-12)
    const fig = draw(agentOccupancy, { data, scope })
    assert.strictEqual(count(fig, ".bars rect.mark"), bands.filter((b) => b.occupancy !== null).length)
  })
})
