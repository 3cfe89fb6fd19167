/**
 * The engine's one error type: a scenario that cannot be compiled, a run that failed, or a run whose simulated
 * clock stopped moving.
 */
import * as Data from "effect/Data"

/** Why the engine failed. */
export type EngineErrorReason = "InvalidScenario" | "RunFailed" | "NoProgress"

/** A compile or run failure, with a message that names what is wrong. */
export class EngineError extends Data.TaggedError("EngineError")<{
  readonly reason: EngineErrorReason
  readonly message: string
  readonly cause?: unknown
}> {}
