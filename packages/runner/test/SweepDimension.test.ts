import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { gridValues, MAX_SWEEP_POINTS, parseAgents, parseLoad, parseSet } from "../src/SweepDimension.ts"

const reason = (r: Result.Result<unknown, { readonly message: string }>): string =>
  Result.isFailure(r) ? r.failure.message : "(parsed)"

describe("sweep dimensions", () => {
  it("a load grid lists tidy multipliers from FROM to TO inclusive", () => {
    const load = Result.getOrThrow(parseLoad("0.8:1.5:0.1"))
    expect(gridValues(load)).toEqual(["0.8", "0.9", "1", "1.1", "1.2", "1.3", "1.4", "1.5"])
    expect(gridValues(Result.getOrThrow(parseLoad("1:1:0.5")))).toEqual(["1"])
  })

  it("an agents range lists whole counts; --set keeps the order given", () => {
    const agents = Result.getOrThrow(parseAgents("team=8:11"))
    expect(agents.path).toBe("agents[team].count")
    expect(gridValues(agents)).toEqual(["8", "9", "10", "11"])
    const set = Result.getOrThrow(parseSet("queues[service].ringTimeout=30s,10s,20s"))
    expect(set.path).toBe("queues[service].ringTimeout")
    expect(gridValues(set)).toEqual(["30s", "10s", "20s"])
  })

  it("refuses malformed ranges, each with one line naming the flag", () => {
    expect(reason(parseLoad("1:2:0"))).toBe("--load: expected a STEP above 0, found 0")
    expect(reason(parseLoad("2:1:0.1"))).toBe("--load: expected FROM ≤ TO, found 2 > 1")
    expect(reason(parseLoad("0.5:1.5:0.001"))).toBe(
      `--load: expected at most ${MAX_SWEEP_POINTS} points, found 1001 (0.5 to 1.5 by 0.001)`
    )
    expect(reason(parseLoad("1:2"))).toMatch(/^--load: expected FROM:TO:STEP .*found "1:2"$/)
    expect(reason(parseLoad("a:2:1"))).toMatch(/^--load: expected FROM:TO:STEP/)
    expect(reason(parseAgents("team=9:8"))).toBe("--agents: expected FROM ≤ TO, found 9 > 8")
    expect(reason(parseAgents("team=1:300"))).toMatch(/^--agents: expected at most 200 points, found 300/)
    expect(reason(parseAgents("8:9"))).toMatch(/^--agents: expected ENTRY=FROM:TO/)
    expect(reason(parseAgents("team=1.5:3"))).toMatch(/^--agents: expected whole numbers/)
    expect(reason(parseSet("run.loadMultiplier="))).toMatch(/^--set: expected PATH=V1,V2/)
    expect(reason(parseSet("run.loadMultiplier=1,1"))).toMatch(/^--set: expected distinct values/)
    expect(reason(parseSet(`x=${Array.from({ length: 201 }, (_, i) => i).join(",")}`))).toMatch(/at most 200 points/)
    for (const message of [reason(parseLoad("1:2:0")), reason(parseAgents("team=9:8"))]) {
      expect(message).not.toContain("\n")
    }
  })

  it("with --find-break a load range needs no step", () => {
    const load = Result.getOrThrow(parseLoad("0.5:2", false))
    expect(load.kind === "load" && load.step).toBeUndefined()
    expect(gridValues(load)).toEqual(["0.5", "2"])
  })
})
