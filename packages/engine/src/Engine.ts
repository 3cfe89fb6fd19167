/**
 * The Effect API around the engine: compile a scenario and run replications, with failures as tagged errors.
 * A thin wrapper — `compile` and `runReplication` are plain functions and stay usable without Effect.
 */
import type { Scenario } from "@ccsim/scenario"
import { Context, Effect, Layer } from "effect"
import { compile } from "./Compile.ts"
import { EngineError } from "./EngineError.ts"
import type { Model } from "./Model.ts"
import type { Observer } from "./Observer.ts"
import { type RunOptions, type RunStats, runReplication } from "./Simulation.ts"

/** Options of a batch of replications. */
export interface ReplicationsOptions {
  /** Master seed; the scenario's seed when omitted. */
  readonly seed?: number
  /** How many replications; the scenario's `replications` when omitted. */
  readonly replications?: number
  /** Number of the first replication (for sharding); 0 when omitted. */
  readonly firstReplication?: number
  readonly horizon?: number
  /** An observer for each replication (trace, metrics, checker), built fresh per replication. */
  readonly observers?: (replication: number) => Observer
}

const toEngineError = (cause: unknown, reason: "InvalidScenario" | "RunFailed"): EngineError =>
  cause instanceof EngineError
    ? cause
    : new EngineError({ reason, message: cause instanceof Error ? cause.message : String(cause), cause })

const compileEffect = (scenario: Scenario): Effect.Effect<Model, EngineError> =>
  Effect.try({ try: () => compile(scenario), catch: (e) => toEngineError(e, "InvalidScenario") })

const runEffect = (model: Model, options?: RunOptions): Effect.Effect<RunStats, EngineError> =>
  Effect.try({ try: () => runReplication(model, options), catch: (e) => toEngineError(e, "RunFailed") })

const runManyEffect = (
  model: Model,
  options: ReplicationsOptions = {}
): Effect.Effect<ReadonlyArray<RunStats>, EngineError> => {
  const count = options.replications ?? model.scenario.replications
  const first = options.firstReplication ?? 0
  const seed = options.seed ?? model.scenario.seed
  return Effect.forEach(
    Array.from({ length: count }, (_, i) => first + i),
    (replication) =>
      Effect.suspend(() => {
        const observer = options.observers?.(replication)
        return runEffect(model, {
          seed,
          replication,
          ...(observer !== undefined ? { observer } : {}),
          ...(options.horizon !== undefined ? { horizon: options.horizon } : {})
        })
      })
  )
}

/** The engine service. */
export class Engine extends Context.Service<
  Engine,
  {
    /** Compiles a decoded scenario; `EngineError` (InvalidScenario) on a dangling reference. */
    readonly compile: (scenario: Scenario) => Effect.Effect<Model, EngineError>
    /** Runs one replication. */
    readonly runReplication: (model: Model, options?: RunOptions) => Effect.Effect<RunStats, EngineError>
    /** Runs replications one after another, each with its own observer from `options.observers`. */
    readonly runReplications: (
      model: Model,
      options?: ReplicationsOptions
    ) => Effect.Effect<ReadonlyArray<RunStats>, EngineError>
  }
>()("ccsim/engine/Engine") {
  /** The in-process engine. */
  static readonly layer: Layer.Layer<Engine> = Layer.succeed(Engine, {
    compile: compileEffect,
    runReplication: runEffect,
    runReplications: runManyEffect
  })
}
