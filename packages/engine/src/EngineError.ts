/**
 * The engine's one error type: a scenario that cannot be compiled, or a run that failed.
 */
import { Data } from "effect"

/** Why the engine failed. */
export type EngineErrorReason = "InvalidScenario" | "RunFailed"

/** A compile or run failure, with a message that names what is wrong. */
export class EngineError extends Data.TaggedError("EngineError")<{
  readonly reason: EngineErrorReason
  readonly message: string
  readonly cause?: unknown
}> {}
