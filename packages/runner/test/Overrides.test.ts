import { globSync } from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import type { Scenario } from "@ccsim/scenario"
import { formatScenarioError, loadScenarioFile } from "@ccsim/scenario"
import { NodeServices } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Result } from "effect"
import { applyOverrides, parseOverride, parseOverrides } from "../src/Overrides.ts"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..")
const load = (file: string) => loadScenarioFile(path.join(root, file)).pipe(Effect.provide(NodeServices.layer))

/** The scenario with `texts` applied, or the error's lines. */
const apply = (scenario: Scenario, ...texts: Array<string>): Result.Result<Scenario, string> => {
  const parsed = parseOverrides(texts)
  if (Result.isFailure(parsed)) return Result.fail(formatScenarioError(parsed.failure))
  const applied = applyOverrides(scenario, parsed.success)
  return Result.isFailure(applied) ? Result.fail(formatScenarioError(applied.failure)) : Result.succeed(applied.success)
}

const ok = (r: Result.Result<Scenario, string>): Scenario => {
  if (Result.isFailure(r)) assert.fail(r.failure)
  return r.success
}

const error = (r: Result.Result<Scenario, string>): string => {
  if (Result.isSuccess(r)) assert.fail("expected the override to be refused")
  return r.failure
}

describe("parseOverride", () => {
  it("reads PATH=VALUE with the value as YAML", () => {
    const cases: Array<[string, unknown]> = [
      ["queues[service].ringTimeout=30s", "30s"],
      ["agents[csr-early].count=9", 9],
      ["settings.holdAndAccept=false", false],
      ["x.y=[a, b]", ["a", "b"]],
      ["x={ type: exponential, mean: 3m }", { type: "exponential", mean: "3m" }],
      ["x=on", "on"],
      ["x=", undefined],
      ["x=~", undefined]
    ]
    for (const [text, value] of cases) {
      const parsed = parseOverride(text)
      if (Result.isFailure(parsed)) assert.fail(parsed.failure.message)
      assert.deepStrictEqual(parsed.success.value, value, text)
    }
    const parsed = parseOverride("agents[csr.early-1].queues[billing].priority=2")
    assert.deepStrictEqual(Result.getOrThrow(parsed).path, [
      { key: "agents" },
      { item: "csr.early-1" },
      { key: "queues" },
      { item: "billing" },
      { key: "priority" }
    ])
  })

  it("refuses what is not PATH=VALUE, in one line naming the --set", () => {
    for (const [text, expected] of [
      ["noequals", "--set noequals: expected PATH=VALUE"],
      ["=3", "--set =3: expected PATH=VALUE"],
      ["queues[service]..x=1", "stops making sense at character 17"],
      ["queues[].x=1", "stops making sense at character 7"],
      [
        "queues[service].ringTimeout=[a",
        "--set queues[service].ringTimeout=[a: queues[service].ringTimeout: expected a YAML value"
      ]
    ] as const) {
      const parsed = parseOverride(text)
      if (Result.isSuccess(parsed)) assert.fail(`accepted ${text}`)
      const line = formatScenarioError(parsed.failure)
      assert.notInclude(line, "\n")
      assert.include(line, expected)
    }
  })
})

describe("applyOverrides", () => {
  it.effect("sets values by id and decodes them like a file", () =>
    Effect.gen(function* () {
      const base = yield* load("scenarios/default.yaml")
      const s = ok(
        apply(
          base,
          "queues[service].ringTimeout=30s",
          "agents[csr-early].count=9",
          "run.loadMultiplier=1.2",
          "settings.holdAndAccept=false",
          "agents[billing-team].queues[billing].priority=3"
        )
      )
      assert.strictEqual(s.queues.find((q) => q.id === "service")!.ringTimeout, 30_000)
      assert.strictEqual(s.agents.find((a) => a.id === "csr-early")!.count, 9)
      assert.strictEqual(s.run.loadMultiplier, 1.2)
      assert.strictEqual(s.settings.holdAndAccept, false)
      assert.strictEqual(s.agents.find((a) => a.id === "billing-team")!.queues[0]!.priority, 3)
      // Nothing else moved.
      const back = ok(
        apply(
          s,
          "queues[service].ringTimeout=20s",
          "agents[csr-early].count=8",
          "run.loadMultiplier=1",
          `settings.holdAndAccept=${base.settings.holdAndAccept}`,
          `agents[billing-team].queues[billing].priority=${base.agents.find((a) => a.id === "billing-team")!.queues[0]!.priority}`
        )
      )
      assert.deepStrictEqual(back, base)
    })
  )

  it.effect("a no-op override gives back every bundled scenario exactly (durations, times, CSV volumes)", () =>
    Effect.gen(function* () {
      const files = globSync("scenarios/**/*.{yaml,json}", { cwd: root }).sort()
      assert.isAbove(files.length, 20)
      for (const file of files) {
        const scenario = yield* load(file)
        assert.deepStrictEqual(ok(apply(scenario, `seed=${scenario.seed}`)), scenario, file)
      }
    })
  )

  it.effect("an empty value removes the key, so its default applies", () =>
    Effect.gen(function* () {
      const base = yield* load("scenarios/default.yaml")
      assert.isDefined(base.queues[0]!.maxWait)
      assert.isUndefined(ok(apply(base, "queues[service].maxWait=")).queues[0]!.maxWait)
    })
  )

  it.effect("a bad path names the keys or ids at that level, with did-you-mean", () =>
    Effect.gen(function* () {
      const base = yield* load("scenarios/default.yaml")
      const cases: Array<[string, string]> = [
        [
          "queues[servce].ringTimeout=30s",
          "--set queues[servce].ringTimeout=30s: queues[servce]: queues has no entry servce (did you mean service?): expected one of service, overflow or billing"
        ],
        [
          "queues[service].ringTimout=3",
          "--set queues[service].ringTimout=3: queues[service].ringTimout: unknown key ringTimout in queues[service] (did you mean ringTimeout?): expected one of id, name, ringTimeout,"
        ],
        ["queus[service].x=1", "unknown key queus in the scenario (did you mean queues?): expected one of name,"],
        ["queues.ringTimeout=3", "queues is a list: name an entry by its id, queues[service]"],
        ["run[0]=3", "run is not a list"],
        ["queues[service].ringTimeout.x=1", 'queues[service].ringTimeout is a single value ("20s")'],
        ["traffic[0].arrivals.csv=x.csv", "an interval CSV cannot be replaced"]
      ]
      for (const [text, expected] of cases) {
        const message = error(apply(base, text))
        assert.notInclude(message, "\n", text)
        assert.include(message, expected, text)
      }
    })
  )

  it.effect("a bad value gets the loader's one-line message, naming the --set and the path as written", () =>
    Effect.gen(function* () {
      const base = yield* load("scenarios/default.yaml")
      assert.strictEqual(
        error(apply(base, "queues[service].ringTimeout=abc")),
        '--set queues[service].ringTimeout=abc: queues[service].ringTimeout: expected a duration like 20s, 5m, 1h30m or a number of seconds, found "abc"'
      )
      assert.include(
        error(apply(base, "run.loadMultiplier=1000")),
        "--set run.loadMultiplier=1000: run.loadMultiplier: expected a number of at most 100"
      )
      // A semantic check (a reference to a renamed queue) is reported where it breaks.
      const renamed = error(apply(base, "queues[service].id=svc"))
      assert.include(
        renamed.split("\n")[0]!,
        '--set queues[service].id=svc: workflows[0].steps[0].queue: expected the id of a queue, found "service"'
      )
    })
  )
})
