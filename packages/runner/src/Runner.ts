/**
 * Running a scenario: compiled once in this thread (so a scenario the engine rejects fails before any thread
 * starts), then its replications run on the {@link Executor} — all of them together, the one sampled for the
 * report included, so no replication runs alone while threads wait. With a precision target, replications are
 * added in batches and the fewest that meet it are kept. Outputs come back in replication order, so everything
 * computed from them is identical whatever the number of threads.
 */
import type { Model } from "@ccsim/engine"
import type { ReplicationSample } from "@ccsim/report"
import type { Scenario } from "@ccsim/scenario"
import { Context, Effect, Layer } from "effect"
import { Executor, type Job } from "./Executor.ts"
import { replicationPlan, sufficientReplications } from "./Precision.ts"
import type { ReplicationOptions, ReplicationOutput } from "./Replication.ts"
import { type RunnerError, UnrunnableScenario } from "./RunnerError.ts"
import { variantOf } from "./Variant.ts"

/** What to run. */
export interface RunRequest {
  /** The decoded scenario, with any `--seed`, `--replications` or overrides applied. */
  readonly scenario: Scenario
  /** The scenario file, for messages (default: the scenario's name). */
  readonly subject?: string | undefined
  /** Run the conformance checker on every event. */
  readonly check?: boolean | undefined
  /** Write each replication's trace to `tracePartFile(tracePrefix, r)`. */
  readonly tracePrefix?: string | undefined
  /** Keep these replications' trace events in memory. */
  readonly keepTraceOf?: ReadonlyArray<number> | undefined
  /** Record replication 0's agent timeline and paths for the report. */
  readonly sample?: boolean | undefined
  /**
   * Run exactly these replication indices (a shard) instead of the scenario's count; no precision loop.
   */
  readonly replications?: ReadonlyArray<number> | undefined
  /** Called as each replication finishes (progress). */
  readonly onDone?: ((output: ReplicationOutput) => Effect.Effect<void>) | undefined
}

/** The compiled model and every replication's output, in replication order. */
export interface RunOutcome {
  readonly model: Model
  readonly outputs: ReadonlyArray<ReplicationOutput>
  /** Replication 0 as the report draws it, when asked for (and run). */
  readonly sample: ReplicationSample | undefined
  /** With `run.targetRelativeHalfWidth`: whether the precision target was met within `run.maxReplications`. */
  readonly precisionReached: boolean | undefined
}

/** A rough cost of one call (ms) for deciding whether threads are worth starting; results never depend on it. */
const NOMINAL_MS_PER_CALL = 0.02

/**
 * Work expected to take less than this (ms) stays in this thread: a worker thread takes about 0.2 s to start and
 * its first replication compiles the engine again (about 0.3 s more). `CCSIM_PARALLEL_THRESHOLD_MS` overrides it (0 always uses the threads; tests and benchmarks).
 */
export const parallelThresholdMs = (): number => {
  const raw = process.env.CCSIM_PARALLEL_THRESHOLD_MS
  const value = Number(raw)
  return raw !== undefined && raw !== "" && Number.isFinite(value) && value >= 0 ? value : 1000
}

/** Calls a replication of `model` is expected to simulate: arrivals of every source plus scripted calls. */
export const expectedCalls = (model: Model): number => {
  // Arrivals end at the horizon: closing, or `run.duration` after opening in a long steady state.
  const hours = (model.horizon - model.open) / 3_600_000
  let calls = model.scriptedCalls.length
  for (const source of model.sources) {
    const plan = source.arrivals
    calls += plan.kind === "rate" ? plan.ratePerHour * hours : plan.volumes.reduce((a, b) => a + b, 0)
  }
  return calls
}

/** The scenario with `seed` and `replications` applied (unchanged where undefined). */
export const withOverrides = (
  scenario: Scenario,
  overrides: { readonly seed: number | undefined; readonly replications: number | undefined }
): Scenario => ({
  ...scenario,
  ...(overrides.seed === undefined ? {} : { seed: overrides.seed }),
  ...(overrides.replications === undefined ? {} : { replications: overrides.replications })
})

/** Replications `from` … `to − 1`. */
const range = (from: number, to: number): Array<number> =>
  Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i)

/**
 * Runs scenarios.
 *
 * @category services
 */
export class Runner extends Context.Service<
  Runner,
  {
    readonly run: (request: RunRequest) => Effect.Effect<RunOutcome, RunnerError>
  }
>()("ccsim/runner/Runner") {
  /** Work estimated under `parallelThresholdMs` (default: {@link parallelThresholdMs}()) stays in this thread. */
  static readonly layerNoDeps = (
    options: { readonly parallelThresholdMs?: number | undefined } = {}
  ): Layer.Layer<Runner, never, Executor> =>
    Layer.effect(Runner)(
      Effect.gen(function* () {
        const threshold = options.parallelThresholdMs ?? parallelThresholdMs()
        const executor = yield* Executor
        return Runner.of({
          run: Effect.fn("Runner.run")(function* (request: RunRequest) {
            const { scenario } = request
            const variant = variantOf(scenario)
            const model = yield* executor.compile(variant, request.subject ?? scenario.name)
            const options: ReplicationOptions = {
              seed: scenario.seed,
              check: request.check ?? false,
              tracePrefix: request.tracePrefix,
              keepTraceOf: request.keepTraceOf ?? [],
              sampleOf: request.sample === true ? [0] : []
            }
            const perReplicationMs = expectedCalls(model) * NOMINAL_MS_PER_CALL
            const onDone = request.onDone
            const runMore = (replications: ReadonlyArray<number>) =>
              executor
                .run(
                  replications.map((replication): Job => ({ variant, replication, options })),
                  {
                    onDone: onDone === undefined ? undefined : (output) => onDone(output),
                    inProcess: perReplicationMs * replications.length < threshold
                  }
                )
                .pipe(
                  // A replication the engine found stuck is named by the scenario's file, like a compile error.
                  Effect.mapError((error) =>
                    error._tag === "UnrunnableScenario" && request.subject !== undefined
                      ? new UnrunnableScenario({ subject: request.subject, reason: error.reason })
                      : error
                  )
                )

            const plan = replicationPlan(scenario)
            const outputs: Array<ReplicationOutput> = yield* runMore(request.replications ?? range(0, plan.initial))
            let precisionReached: boolean | undefined
            if (plan.target !== undefined && request.replications === undefined) {
              // Add replications in growing batches until the precision target holds, then keep exactly the
              // fewest that meet it: the same count whatever the batch sizes, so any number of threads agrees.
              for (;;) {
                const enough = sufficientReplications(
                  outputs.map((o) => o.result),
                  plan.target
                )
                if (enough !== undefined) {
                  outputs.length = enough
                  precisionReached = true
                  break
                }
                if (outputs.length >= plan.maximum) {
                  precisionReached = false
                  break
                }
                const batch = Math.min(plan.maximum - outputs.length, Math.max(executor.threads, outputs.length))
                outputs.push(...(yield* runMore(range(outputs.length, outputs.length + batch))))
              }
            }
            const sample = outputs.find((o) => o.sample !== undefined)?.sample
            return { model, outputs, sample, precisionReached }
          })
        })
      })
    )

  /** With `threads` worker threads (1: in this thread). */
  static readonly layer = (options: {
    readonly threads: number
    readonly parallelThresholdMs?: number | undefined
  }): Layer.Layer<Runner> => Runner.layerNoDeps(options).pipe(Layer.provide(Executor.layer(options)))
}
