/**
 * Worker thread for erlang.ts: runs the replications of one grid point and posts back their summary.
 *
 * It exists for speed only. A worker loads the engine with Node's own module loader, whereas code imported by a
 * test file goes through vitest's module runner, which turns every cross-module reference into a property lookup
 * and makes the engine's hot loop about twice as slow (measured on the M/M/c points). Same model, same seeds, same
 * results.
 */
import { parentPort } from "node:worker_threads"
import { measureReplication } from "../../src/metrics/Measure.ts"
import { summarizeTotal } from "../../src/metrics/Summary.ts"
import { type QueueScenario, queueModel } from "../metrics/scenarios.ts"

/** Run `replications` replications (streams 0 … R − 1) of the scenario. */
export interface WorkerRequest {
  readonly id: number
  readonly scenario: QueueScenario
  readonly replications: number
}

/** The summary, or the error's stack when the run failed. */
export type WorkerReply =
  | { readonly id: number; readonly summary: ReturnType<typeof summarizeTotal> }
  | { readonly id: number; readonly error: string }

const port = parentPort
if (port !== null) {
  port.on("message", (request: WorkerRequest) => {
    let reply: WorkerReply
    try {
      const model = queueModel(request.scenario)
      const results = Array.from(
        { length: request.replications },
        (_, r) => measureReplication(model, { replication: r }).result
      )
      reply = { id: request.id, summary: summarizeTotal(results) }
    } catch (e) {
      reply = { id: request.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }
    }
    port.postMessage(reply)
  })
}
