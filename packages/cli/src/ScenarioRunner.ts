/**
 * Running a scenario's replications: compiled once in the main thread (so a scenario the engine rejects fails
 * before any thread starts), then replicated in-process or on worker threads. Either way the outputs come back in
 * replication order, so everything computed from them is identical whatever `--workers` says.
 *
 * Replication 0 always runs in the main thread, first: it carries the report's sampler (one replication's agent
 * timeline) and times the rest — a run expected to finish within a second stays in-process, as starting threads
 * would cost more than it saves.
 */
import type { Model } from "@ccsim/engine"
import { compile, sufficientReplications } from "@ccsim/engine"
import type { ReplicationSample } from "@ccsim/report"
import type { Scenario } from "@ccsim/scenario"
import { Clock, Context, Effect, Layer } from "effect"
import { InputError, InternalError } from "./Error.ts"
import { Progress } from "./Progress.ts"
import type { ReplicationOptions, ReplicationOutput } from "./Replication.ts"
import { runOneReplication } from "./Replication.ts"
import { WorkerPool } from "./WorkerPool.ts"

/** How to run. */
export interface RunRequest {
  /** The scenario file (for messages). */
  readonly file: string
  /** The decoded scenario, with `--seed` and `--replications` already applied. */
  readonly scenario: Scenario
  readonly workers: number
  readonly options: ReplicationOptions
  /** Record replication 0's agent timeline and paths for the report. */
  readonly sample: boolean
  /** Progress bar label. */
  readonly label: string
}

/** The compiled model and every replication's output, in replication order. */
export interface RunOutcome {
  readonly model: Model
  readonly outputs: ReadonlyArray<ReplicationOutput>
  /** Replication 0 as the report draws it, when asked for. */
  readonly sample: ReplicationSample | undefined
  /** With `run.targetRelativeHalfWidth`: whether the precision target was met within `run.maxReplications`. */
  readonly precisionReached: boolean | undefined
}

/**
 * Work expected to take less than this (ms) stays in-process: a worker thread takes about half a second to start.
 * `CCSIM_PARALLEL_THRESHOLD_MS` overrides it (0 always uses the threads; tests and benchmarks).
 */
export const parallelThresholdMs = (): number => {
  const raw = process.env.CCSIM_PARALLEL_THRESHOLD_MS
  const value = Number(raw)
  return raw !== undefined && raw !== "" && Number.isFinite(value) && value >= 0 ? value : 1000
}

/** The scenario with `--seed` and `--replications` applied (unchanged where the flag was not given). */
export const withOverrides = (
  scenario: Scenario,
  overrides: { readonly seed: number | undefined; readonly replications: number | undefined }
): Scenario => ({
  ...scenario,
  ...(overrides.seed === undefined ? {} : { seed: overrides.seed }),
  ...(overrides.replications === undefined ? {} : { replications: overrides.replications })
})

const isInvalidScenario = (error: unknown): error is { readonly reason: string; readonly message: string } =>
  typeof error === "object" &&
  error !== null &&
  "_tag" in error &&
  error._tag === "EngineError" &&
  "reason" in error &&
  error.reason === "InvalidScenario"

/** Compiles, mapping a scenario the engine cannot run to an input error (exit 2) and anything else to internal. */
export const compileScenario = (file: string, scenario: Scenario): Effect.Effect<Model, InputError | InternalError> =>
  Effect.try({
    try: () => compile(scenario),
    catch: (error) =>
      isInvalidScenario(error)
        ? new InputError({ subject: file, expected: "a scenario the engine can run", found: error.message })
        : new InternalError({
            message: `compiling ${file} failed: ${error instanceof Error ? error.message : String(error)}`,
            cause: error
          })
  })

const replicationFailed = (file: string, replication: number) => (error: unknown) =>
  new InternalError({
    message: `replication ${replication} of ${file} failed: ${error instanceof Error ? error.message : String(error)}`,
    cause: error
  })

const inProcess = (
  model: Model,
  request: RunRequest,
  replications: ReadonlyArray<number>,
  onDone: () => Effect.Effect<void>
) =>
  Effect.forEach(replications, (replication) =>
    Effect.try({
      try: () => runOneReplication(model, replication, request.options),
      catch: replicationFailed(request.file, replication)
    }).pipe(
      Effect.tap(onDone),
      // A replication is synchronous; yielding between them lets Ctrl-C interrupt the run.
      Effect.tap(() => Effect.yieldNow)
    )
  )

/** Replications `from` … `to − 1`. */
const range = (from: number, to: number): Array<number> =>
  Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i)

/**
 * Runs scenarios.
 *
 * @category services
 */
export class ScenarioRunner extends Context.Service<
  ScenarioRunner,
  {
    readonly run: (request: RunRequest) => Effect.Effect<RunOutcome, InputError | InternalError, Progress>
  }
>()("ccsim/cli/ScenarioRunner") {
  static readonly layerNoDeps: Layer.Layer<ScenarioRunner, never, WorkerPool> = Layer.effect(
    ScenarioRunner,
    Effect.gen(function* () {
      const pool = yield* WorkerPool
      return ScenarioRunner.of({
        run: Effect.fn("ScenarioRunner.run")(function* (request: RunRequest) {
          const model = yield* compileScenario(request.file, request.scenario)
          const { scenario } = request
          const target = scenario.run.targetRelativeHalfWidth
          const initial = target === undefined ? scenario.replications : Math.max(scenario.replications, 3)
          const maximum = target === undefined ? initial : Math.max(initial, scenario.run.maxReplications)
          const progress = yield* Progress

          return yield* Effect.scoped(
            Effect.gen(function* () {
              const bar = yield* progress.track(request.label, maximum)
              const onDone = () => bar.advance(1)

              // Replication 0, here, with the sampler; timed to decide whether threads are worth starting.
              // The report package (with its server-side DOM) loads only when a report is wanted.
              const sampler = request.sample
                ? new (yield* Effect.promise(() => import("@ccsim/report"))).ReplicationSampler(model, {
                    replication: 0
                  })
                : undefined
              const t0 = yield* Clock.currentTimeMillis
              const first = yield* Effect.try({
                try: () => runOneReplication(model, 0, request.options, sampler),
                catch: replicationFailed(request.file, 0)
              })
              yield* onDone()
              const perReplication = (yield* Clock.currentTimeMillis) - t0

              const runMore = (replications: ReadonlyArray<number>) =>
                replications.length === 0
                  ? Effect.succeed([] as Array<ReplicationOutput>)
                  : request.workers <= 1 || perReplication * replications.length < parallelThresholdMs()
                    ? inProcess(model, request, replications, onDone)
                    : pool.run({
                        init: { scenario, options: request.options },
                        replications,
                        threads: request.workers,
                        onDone
                      })

              const outputs: Array<ReplicationOutput> = [first, ...(yield* runMore(range(1, initial)))]
              let precisionReached: boolean | undefined
              if (target !== undefined) {
                // Add replications in growing batches until the precision target holds, then keep exactly the
                // fewest that meet it: the same count whatever the batch sizes, so any --workers agrees.
                for (;;) {
                  const enough = sufficientReplications(
                    outputs.map((o) => o.result),
                    target
                  )
                  if (enough !== undefined) {
                    outputs.length = enough
                    precisionReached = true
                    break
                  }
                  if (outputs.length >= maximum) {
                    precisionReached = false
                    break
                  }
                  const batch = Math.min(maximum - outputs.length, Math.max(request.workers, outputs.length))
                  outputs.push(...(yield* runMore(range(outputs.length, outputs.length + batch))))
                }
              }
              return { model, outputs, sample: sampler?.sample(), precisionReached }
            })
          )
        })
      })
    })
  )

  static readonly layer: Layer.Layer<ScenarioRunner> = ScenarioRunner.layerNoDeps.pipe(Layer.provide(WorkerPool.layer))
}
