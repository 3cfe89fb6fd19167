/**
 * Worker thread for Transient.test.ts: runs replications of the transient day and posts back their raw results.
 * A worker for speed only, as erlangWorker.ts: Node's own module loader runs the engine about twice as fast as
 * vitest's module runner. Same model, same seeds, same results.
 */
import { parentPort } from "node:worker_threads"
import { measureReplication } from "../../src/metrics/Measure.ts"
import type { ReplicationResult } from "../../src/metrics/Result.ts"
import { transientDayModel } from "./transientDay.ts"

/** Replications `replications` of the day under `seed`. */
export interface TransientRequest {
  readonly seed: number
  readonly replications: ReadonlyArray<number>
}

export type TransientReply = { readonly results: Array<ReplicationResult> } | { readonly error: string }

const port = parentPort
if (port !== null) {
  port.on("message", (request: TransientRequest) => {
    let reply: TransientReply
    try {
      const model = transientDayModel(request.seed)
      reply = { results: request.replications.map((r) => measureReplication(model, { replication: r }).result) }
    } catch (e) {
      reply = { error: e instanceof Error ? (e.stack ?? e.message) : String(e) }
    }
    port.postMessage(reply)
  })
}
