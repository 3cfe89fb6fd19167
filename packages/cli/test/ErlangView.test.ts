import { erlang, requiredAgents } from "@ccsim/analytic"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import type { ErlangFlags } from "../src/ErlangView.ts"
import { checkErlangFlags, computeErlang, erlangJson, parseDurationFlag, renderErlang } from "../src/ErlangView.ts"
import { makeStyle } from "../src/Style.ts"

const flags = (over: Partial<ErlangFlags> = {}): ErlangFlags => ({
  rate: 200,
  aht: "180s",
  agents: 14,
  threshold: "20s",
  patience: undefined,
  target: undefined,
  maxOccupancy: undefined,
  shrinkage: undefined,
  slDefinition: "answered-of-offered",
  ...over
})

const failure = (over: Partial<ErlangFlags>) =>
  Effect.flip(checkErlangFlags(flags(over))).pipe(Effect.map((e) => e.message))

describe("parseDurationFlag", () => {
  it.effect("reads units and plain seconds", () =>
    Effect.gen(function* () {
      assert.strictEqual(yield* parseDurationFlag("--aht", "3m", { positive: true }), 180)
      assert.strictEqual(yield* parseDurationFlag("--aht", "1m30s", { positive: true }), 90)
      assert.strictEqual(yield* parseDurationFlag("--aht", "180", { positive: true }), 180)
      assert.strictEqual(yield* parseDurationFlag("--threshold", "0s", { positive: false }), 0)
    })
  )
})

describe("checkErlangFlags", () => {
  it.effect("names the flag, what was expected and what was found", () =>
    Effect.gen(function* () {
      assert.strictEqual(
        yield* failure({ aht: "3 minutes" }),
        '--aht: expected a duration like 180s, 3m, 1m30s or a number of seconds, found "3 minutes"'
      )
      assert.strictEqual(yield* failure({ aht: "0s" }), '--aht: expected a duration greater than 0, found "0s"')
      assert.strictEqual(
        yield* failure({ rate: -1 }),
        "--rate: expected calls per hour, a number of 0 or more, found -1"
      )
      assert.strictEqual(
        yield* failure({ agents: 0 }),
        "--agents: expected a whole number of agents from 1 to 100,000 (the scenario limit), found 0"
      )
      assert.include(yield* failure({ agents: undefined }), "expected --agents <n> (evaluate a staffing) or --target")
      assert.include(yield* failure({ target: 0.8 }), "not both")
      assert.include(
        yield* failure({ target: 80, agents: undefined }),
        "--target: expected a service-level target between 0 and 1"
      )
      assert.include(
        yield* failure({ shrinkage: 0.3 }),
        "--shrinkage: expected --target <fraction> with it, found --agents"
      )
      assert.include(yield* failure({ patience: "-5s" }), "--patience: expected a duration like")
    })
  )

  it.effect("refuses work without bound: a load or a staffing beyond the scenario limit of 100,000 agents", () =>
    Effect.gen(function* () {
      assert.strictEqual(
        yield* failure({ rate: 1e12, target: 0.8, agents: undefined }),
        "--rate: expected an offered load (rate × AHT) of at most 100,000 Erlangs, the most agents a scenario may have, found 1000000000000 calls per hour × 180 s = 5.00e+10 Erlangs"
      )
      assert.include(yield* failure({ agents: 1e9 }), "--agents: expected a whole number of agents from 1 to 100,000")
      // At the limit it still answers.
      const request = yield* checkErlangFlags(flags({ rate: 2_000_000, target: 0.8, agents: undefined }))
      assert.strictEqual(request.ratePerHour, 2_000_000)
    })
  )
})

describe("computeErlang", () => {
  it.effect("Erlang C is @ccsim/analytic's answer, and --json has exactly its fields", () =>
    Effect.gen(function* () {
      const answer = yield* computeErlang(yield* checkErlangFlags(flags()))
      const expected = erlang({ ratePerHour: 200, ahtSeconds: 180, agents: 14, thresholdSeconds: 20 })
      assert.deepStrictEqual(answer.summary, expected)
      const json = JSON.parse(erlangJson(answer))
      assert.deepStrictEqual(Object.keys(json), [
        "model",
        "agents",
        "offeredLoad",
        "pWait",
        "serviceLevel",
        "asa",
        "occupancy"
      ])
      assert.deepStrictEqual(json, expected)
    })
  )

  it.effect("Erlang A with --patience adds pAbandon", () =>
    Effect.gen(function* () {
      const answer = yield* computeErlang(
        yield* checkErlangFlags(flags({ patience: "2m", slDefinition: "answered-of-answered" }))
      )
      const expected = erlang({
        ratePerHour: 200,
        ahtSeconds: 180,
        agents: 14,
        thresholdSeconds: 20,
        patienceSeconds: 120,
        serviceLevelDefinition: "answered-of-answered"
      })
      assert.deepStrictEqual(JSON.parse(erlangJson(answer)), expected)
      assert.strictEqual(answer.summary.model, "erlang-a")
    })
  )

  it.effect("--target finds the staffing of @ccsim/analytic's search", () =>
    Effect.gen(function* () {
      const request = yield* checkErlangFlags(
        flags({ agents: undefined, target: 0.8, shrinkage: 0.3, maxOccupancy: 0.85 })
      )
      const answer = yield* computeErlang(request)
      const staffing = requiredAgents({
        arrivalRate: 200 / 3600,
        aht: 180,
        threshold: 20,
        serviceLevelTarget: 0.8,
        serviceLevelDefinition: "answered-of-offered",
        shrinkage: 0.3,
        maxOccupancy: 0.85
      })
      assert.deepStrictEqual(answer.staffing, staffing)
      const json = JSON.parse(erlangJson(answer))
      assert.strictEqual(json.agents, staffing.agents)
      assert.strictEqual(json.scheduled, staffing.scheduled)
      assert.strictEqual(json.binding, staffing.binding)
      const text = renderErlang(request, answer, makeStyle(false)).join("\n")
      assert.match(
        text,
        new RegExp(`required agents +${staffing.agents} +fewest on the phones for 80% within 20s; set by`)
      )
      assert.include(text, "with 30% shrinkage")
    })
  )

  it.effect("--target names every goal that fails with one agent fewer", () =>
    Effect.gen(function* () {
      // 23 agents: the occupancy cap's minimum, and the service level also fails with 22.
      const request = yield* checkErlangFlags(
        flags({ rate: 380, threshold: "30s", agents: undefined, target: 0.8, maxOccupancy: 0.85 })
      )
      const answer = yield* computeErlang(request)
      assert.strictEqual(JSON.parse(erlangJson(answer)).binding, "service-level")
      const text = renderErlang(request, answer, makeStyle(false)).join("\n")
      assert.match(text, /required agents +23 +.*; set by the service-level target and the occupancy cap/)
    })
  )

  it.effect("the text names the model, the values and the service-level definition", () =>
    Effect.gen(function* () {
      const request = yield* checkErlangFlags(flags())
      const text = renderErlang(request, yield* computeErlang(request), makeStyle(false)).join("\n")
      const expected = erlang({ ratePerHour: 200, ahtSeconds: 180, agents: 14, thresholdSeconds: 20 })
      assert.include(text, "Erlang C")
      assert.include(text, `${(expected.serviceLevel * 100).toFixed(1)}%`)
      assert.include(text, "within 20s: answered within T / offered")
      assert.include(text, `${expected.asa.toFixed(1)}s`)
      assert.include(text, "200 calls/h × AHT 3m = 10.00 Erlangs offered")
    })
  )

  it.effect("overload is said plainly, and JSON writes the unbounded ASA as null", () =>
    Effect.gen(function* () {
      const request = yield* checkErlangFlags(flags({ agents: 9 }))
      const answer = yield* computeErlang(request)
      assert.include(renderErlang(request, answer, makeStyle(false)).join("\n"), "overloaded")
      assert.strictEqual(JSON.parse(erlangJson(answer)).asa, null)
    })
  )
})
