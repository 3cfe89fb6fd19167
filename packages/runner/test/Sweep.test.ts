import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { loadScenarioFile } from "@ccsim/scenario"
import { NodeServices } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Result, Runtime } from "effect"
import { analyze } from "../src/Analysis.ts"
import { Executor } from "../src/Executor.ts"
import { Runner } from "../src/Runner.ts"
import { runSweep, type SweepRequest } from "../src/Sweep.ts"
import { parseAgents, parseLoad, parseSet, type SweepDimension } from "../src/SweepDimension.ts"
import { sweepCsv, sweepDocument } from "../src/SweepDocument.ts"

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures/passing.yaml")
const load = loadScenarioFile(fixture).pipe(Effect.provide(NodeServices.layer))

/** The in-process executor, counting the batches it is given. */
const counting = () => {
  const batches: Array<number> = []
  const layer = Layer.effect(Executor)(
    Effect.gen(function* () {
      const inner = yield* Executor
      return Executor.of({
        ...inner,
        run: (jobs, options) => {
          batches.push(jobs.length)
          return inner.run(jobs, options)
        }
      })
    })
  ).pipe(Layer.provide(Executor.layerInProcess))
  return { batches, layer }
}

const request = (dimension: Result.Result<SweepDimension, unknown>) =>
  Effect.map(
    load,
    (scenario): SweepRequest => ({
      scenario,
      subject: fixture,
      dimension: Result.getOrThrow(dimension),
      replications: 3
    })
  )

describe("runSweep", () => {
  it.live("submits every point × replication as one batch, with the scenario's seed at every point", () => {
    const { batches, layer } = counting()
    return Effect.gen(function* () {
      const sweep = yield* runSweep(yield* request(parseLoad("0.5:1.5:0.5")))
      assert.deepStrictEqual(batches, [9])
      assert.deepStrictEqual(
        sweep.points.map((p) => p.value),
        ["0.5", "1", "1.5"]
      )
      assert.isTrue(sweep.points.every((p) => p.replications === 3))
      // the thresholds (offered > 0, abandon-rate <= 1) hold everywhere
      assert.strictEqual(sweep.breakingPoint.status, "holds-throughout")
      assert.strictEqual(sweep.breakingPoint.value, "1.5")
    }).pipe(Effect.provide(layer))
  })

  it.live(
    "the point at the scenario's own value is exactly `ccsim run` with as many replications (common random numbers)",
    () =>
      Effect.gen(function* () {
        const scenario = yield* load
        const sweep = yield* runSweep(yield* request(parseLoad("0.5:1:0.5")))
        const outcome = yield* (yield* Runner).run({ scenario: { ...scenario, replications: 3 } })
        const run = analyze(scenario, outcome, false).summary
        const point = sweep.points[1]!
        assert.strictEqual(point.total.serviceLevel.mean, run.total.metrics.serviceLevel.ratio)
        assert.strictEqual(point.total.asa.mean, run.total.metrics.asa.ratio)
        assert.strictEqual(point.total.occupancy.hi, run.allAgents.metrics.occupancy.ci?.[1])
      }).pipe(Effect.provide(Runner.layerNoDeps().pipe(Layer.provideMerge(Executor.layerInProcess))))
  )

  it.live("gives byte-identical sweep.json and sweep.csv on one thread and on two", () =>
    Effect.gen(function* () {
      const req = yield* request(parseAgents("agent=2:4"))
      const one = yield* runSweep(req).pipe(Effect.provide(Executor.layerInProcess))
      const two = yield* runSweep({ ...req, parallelThresholdMs: 0 }).pipe(
        Effect.provide(Executor.layer({ threads: 2 }))
      )
      const json = (o: typeof one) => JSON.stringify(sweepDocument(o))
      assert.strictEqual(json(two), json(one))
      assert.strictEqual(sweepCsv(sweepDocument(two)), sweepCsv(sweepDocument(one)))
    })
  )

  it.live("refuses an unknown agent entry, an unknown override path and a value the scenario rejects (exit 2)", () =>
    Effect.gen(function* () {
      const failure = (dimension: Result.Result<SweepDimension, unknown>) =>
        Effect.flip(Effect.flatMap(request(dimension), runSweep))
      const entry = yield* failure(parseAgents("agents=2:4"))
      assert.strictEqual(entry._tag, "InvalidSweep")
      assert.strictEqual(
        entry.message,
        "--agents: agents[agents].count=2: agents[agents]: agents has no entry agents (did you mean agent?): expected one of agent"
      )
      const unknown = yield* failure(parseSet("queues[support].ringTimout=10s,20s"))
      assert.match(
        unknown.message,
        /^--set: queues\[support\]\.ringTimout=10s: .*unknown key ringTimout .*did you mean ringTimeout/
      )
      const bad = yield* failure(parseSet("queues[support].ringTimeout=10s,soon"))
      assert.match(bad.message, /^--set: queues\[support\]\.ringTimeout=soon: /)
      for (const e of [entry, unknown, bad]) {
        assert.notInclude(e.message, "\n")
        assert.strictEqual(e[Runtime.errorExitCode], 2)
      }
    }).pipe(Effect.provide(Executor.layerInProcess))
  )
})
