/**
 * Messages between the main thread and the replication workers. Everything is plain data (structured clone).
 */
import type { Scenario } from "@ccsim/scenario"
import type { ReplicationOptions, ReplicationOutput } from "./Replication.ts"

/** Given to each worker at spawn (`workerData`): the decoded scenario and what to run besides metrics. */
export interface WorkerInit {
  readonly scenario: Scenario
  readonly options: ReplicationOptions
}

/** Run one replication. */
export interface WorkerRequest {
  readonly replication: number
}

/** A finished replication, or the error it threw. */
export type WorkerReply =
  | { readonly _tag: "done"; readonly output: ReplicationOutput }
  | {
      readonly _tag: "failed"
      readonly replication: number
      readonly message: string
      readonly stack: string | undefined
    }
