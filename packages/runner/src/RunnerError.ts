/**
 * The runner's errors, each carrying its process exit code (`Runtime.errorExitCode`): a scenario the engine
 * cannot run is bad input (2); a replication or a worker thread that fails is internal (3).
 */
import { Runtime, Schema } from "effect"

/**
 * The engine rejected the scenario when compiling it (e.g. a reference the loader did not catch). Exit 2.
 *
 * @category errors
 */
export class UnrunnableScenario extends Schema.TaggedError<UnrunnableScenario>()("UnrunnableScenario", {
  /** The scenario file (or its name when it has none). */
  subject: Schema.String,
  reason: Schema.String
}) {
  override readonly [Runtime.errorExitCode] = 2
  override get message(): string {
    return `${this.subject}: expected a scenario the engine can run, found ${this.reason}`
  }
}

/**
 * A replication threw, or a worker thread could not start or died. Exit 3: a bug or the environment.
 *
 * @category errors
 */
export class RunFailed extends Schema.TaggedError<RunFailed>()("RunFailed", {
  message: Schema.String,
  cause: Schema.optionalKey(Schema.Defect())
}) {
  override readonly [Runtime.errorExitCode] = 3
}

/** Every error the runner fails with. */
export type RunnerError = UnrunnableScenario | RunFailed
