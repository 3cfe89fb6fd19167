/**
 * Messages between the main thread and the replication workers. Everything is plain data (structured clone).
 */
import type { Scenario } from "@ccsim/scenario"
import type { ReplicationOptions, ReplicationOutput } from "./Replication.ts"

/**
 * Run one replication of the variant `key`. The scenario travels with the first request of a variant to each
 * worker only; the worker compiles it once and keeps the model under its key.
 */
export interface WorkerRequest {
  /** The batch and the job's position in it, echoed in the reply. */
  readonly batch: number
  readonly job: number
  readonly key: string
  readonly scenario: Scenario | undefined
  readonly replication: number
  readonly options: ReplicationOptions
}

/** A finished replication, or the error it threw. */
export type WorkerReply =
  | { readonly _tag: "done"; readonly batch: number; readonly job: number; readonly output: ReplicationOutput }
  | {
      readonly _tag: "failed"
      readonly batch: number
      readonly job: number
      readonly replication: number
      readonly message: string
      readonly stack: string | undefined
      /** The engine's `EngineError` reason, when it was one (`NoProgress` is the scenario's fault). */
      readonly reason?: string | undefined
    }
