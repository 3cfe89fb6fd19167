import * as path from "node:path"
import { fileURLToPath } from "node:url"
import type { Scenario } from "@ccsim/scenario"
import { loadScenarioFile } from "@ccsim/scenario"
import { NodeServices } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Result } from "effect"
import {
  CompareInputError,
  type CompareRow,
  checkMargins,
  compareCsv,
  compareDocument,
  compareJson,
  compareRows,
  pairedDifference,
  parseMargin,
  runComparison,
  welchHalfWidth
} from "../src/Compare.ts"
import { Executor } from "../src/Executor.ts"
import { applyOverrides, parseOverrides } from "../src/Overrides.ts"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..")
const baseFile = path.join(root, "scenarios/compare/base.yaml")
const load = loadScenarioFile(baseFile).pipe(Effect.provide(NodeServices.layer))

const overridden = (scenario: Scenario, ...texts: Array<string>): Scenario =>
  Result.getOrThrow(applyOverrides(scenario, Result.getOrThrow(parseOverrides(texts))))

const compare = (base: Scenario, candidate: Scenario, threads = 1, replications = base.replications) =>
  runComparison({
    base,
    candidate,
    baseSubject: "base",
    candidateSubject: "candidate",
    replications,
    seed: base.seed,
    parallelThresholdMs: 0
  }).pipe(Effect.provide(Executor.layer({ threads })))

const row = (rows: ReadonlyArray<CompareRow>, scope: string, metric: string, interval: string | null = null) => {
  const found = rows.find((r) => r.scope === scope && r.metric === metric && r.interval === interval)
  if (found === undefined) assert.fail(`no row ${scope} ${metric} ${interval}`)
  return found
}

describe("pairedDifference and welchHalfWidth", () => {
  it("are the textbook formulas", () => {
    const d = pairedDifference([1, 2, 3, Number.NaN], [2, 4, 5, 7])
    // Differences 1, 2, 2 (the replication without a base value is left out): mean 5/3, sd √(1/3).
    assert.strictEqual(d.n, 3)
    assert.closeTo(d.mean!, 5 / 3, 1e-12)
    assert.closeTo(d.sd!, Math.sqrt(1 / 3), 1e-12)
    assert.closeTo(d.halfWidth!, (4.302652729911275 * Math.sqrt(1 / 3)) / Math.sqrt(3), 1e-9)
    // Equal variances and sizes: Welch has 2(n − 1) degrees of freedom.
    const h = welchHalfWidth({ n: 10, mean: 0, sd: 2, halfWidth: null }, { n: 10, mean: 0, sd: 2, halfWidth: null })
    assert.closeTo(h!, 2.10092204024096 * Math.sqrt(0.8), 1e-9)
  })
})

describe("compare with common random numbers", () => {
  it.live("a scenario compared with itself differs by exactly zero everywhere", () =>
    Effect.gen(function* () {
      const base = yield* load
      const run = yield* compare(base, base, 1, 5)
      const rows = compareRows(run)
      assert.isAbove(rows.length, 100)
      for (const r of rows) {
        if (r.difference.mean === null) continue
        assert.strictEqual(r.difference.mean, 0, `${r.scope} ${r.metric} ${r.interval}`)
        assert.strictEqual(r.difference.sd, 0)
        assert.deepStrictEqual(r.difference.ci, [0, 0])
        assert.strictEqual(r.verdict, "no detectable difference")
        assert.strictEqual(r.base.mean, r.candidate.mean)
      }
      assert.strictEqual(row(rows, "total", "service-level").difference.n, 5)
    })
  )

  it.live("10 vs 11 agents on a busy M/M/c+M queue: the paired interval is at least 3x narrower", () =>
    Effect.gen(function* () {
      const base = yield* load
      const run = yield* compare(base, overridden(base, "agents[agent].count=11"))
      const rows = compareRows(run)
      for (const metric of ["service-level", "asa", "abandon-rate"]) {
        const r = row(rows, "total", metric)
        assert.isNotNull(r.difference.halfWidth)
        assert.isNotNull(r.independentHalfWidth)
        assert.isAtLeast(r.independentHalfWidth! / r.difference.halfWidth!, 3, metric)
        assert.isAtLeast(r.varianceRatio!, 9, metric)
      }
      // One more agent: better service, shorter waits, fewer abandons; the same callers.
      assert.strictEqual(row(rows, "total", "service-level").verdict, "better")
      assert.strictEqual(row(rows, "total", "asa").verdict, "better")
      assert.strictEqual(row(rows, "total", "abandon-rate").verdict, "better")
      assert.strictEqual(row(rows, "total", "offered").difference.mean, 0)
    })
  )

  it.live("one batch on two threads gives the same bytes as in this thread", () =>
    Effect.gen(function* () {
      const base = yield* load
      const candidate = overridden(base, "queues[support].ringTimeout=10s")
      const text = (threads: number) =>
        Effect.map(compare(base, candidate, threads, 4), (run) => {
          const rows = compareRows(run)
          const document = compareDocument({
            run,
            baseFile: "base",
            candidateFile: "candidate",
            overrides: [],
            seed: base.seed,
            rows,
            margins: []
          })
          return compareJson(document) + compareCsv(document)
        })
      assert.strictEqual(yield* text(2), yield* text(1))
    })
  )

  it.live("scenarios whose queues or intervals differ are refused, saying which", () =>
    Effect.gen(function* () {
      const base = yield* load
      const renamed = overridden(
        base,
        "queues[support].id=help",
        "workflows[support-line].steps[0].queue=help",
        "agents[agent].queues[0].queue=help"
      )
      const queues = yield* Effect.flip(compare(base, renamed, 1, 2))
      assert.instanceOf(queues, CompareInputError)
      assert.strictEqual(
        queues.message,
        "candidate: the queues differ: the base has queue support that the candidate lacks; the candidate has queue help that the base lacks"
      )
      const hourly = yield* Effect.flip(compare(base, overridden(base, "time.intervalMinutes=60"), 1, 2))
      assert.strictEqual(
        hourly.message,
        "candidate: the intervals differ: 08:00–12:00 in 30-minute intervals vs 08:00–12:00 in 60-minute intervals"
      )
    })
  )
})

describe("margins (non-inferiority)", () => {
  it("parses METRIC[@SCOPE]=MARGIN in the metric's unit and refuses the rest in one line", () => {
    assert.deepStrictEqual(parseMargin("asa=5s"), { text: "asa=5s", metric: "asa", scope: "total", margin: 5 })
    assert.deepStrictEqual(parseMargin("asa@queue:support=1m"), {
      text: "asa@queue:support=1m",
      metric: "asa",
      scope: "queue:support",
      margin: 60
    })
    assert.deepStrictEqual(parseMargin("service-level=0.01"), {
      text: "service-level=0.01",
      metric: "service-level",
      scope: "total",
      margin: 0.01
    })
    for (const [text, message] of [
      ["service-levle=0.01", 'unknown metric "service-levle" (did you mean service-level?)'],
      ["occupancy=0.1", "occupancy has no better direction"],
      ["asa=soon", 'expected a duration like 5s or a number of seconds, found "soon"'],
      ["asa", "expected METRIC=MARGIN"]
    ] as const) {
      const parsed = parseMargin(text)
      assert.instanceOf(parsed, CompareInputError, text)
      assert.include((parsed as CompareInputError).message, `--max-worse ${text}: `)
      assert.include((parsed as CompareInputError).message, message)
    }
  })

  it.live("passes when the worsening's upper bound is within the margin, fails beyond it", () =>
    Effect.gen(function* () {
      const base = yield* load
      // Fewer agents: the candidate is worse. Its ASA worsens by tens of seconds.
      const run = yield* compare(base, overridden(base, "agents[agent].count=9"), 1, 10)
      const rows = compareRows(run)
      const asa = row(rows, "total", "asa")
      assert.isAbove(asa.difference.ci![0], 0)
      const margins = (texts: Array<string>) =>
        checkMargins(
          rows,
          texts.map((t) => parseMargin(t) as never)
        )
      const generous = margins([`asa=${Math.ceil(asa.difference.ci![1]) + 1}`]) as Array<{ ok: boolean }>
      assert.deepStrictEqual(
        generous.map((m) => m.ok),
        [true]
      )
      const strict = margins([`asa=${Math.floor(asa.difference.ci![1]) - 1}`, "service-level=0.001"]) as Array<{
        ok: boolean
        upperBound: number
      }>
      assert.deepStrictEqual(
        strict.map((m) => m.ok),
        [false, false]
      )
      assert.strictEqual(strict[0]!.upperBound, asa.difference.ci![1])
      const unknown = margins(["asa@queue:suport=5s"])
      assert.instanceOf(unknown, CompareInputError)
      assert.include(
        (unknown as CompareInputError).message,
        "asa is not measured for scope queue:suport (did you mean queue:support?)"
      )
    })
  )
})
