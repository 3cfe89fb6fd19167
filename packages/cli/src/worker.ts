/**
 * Worker thread entry: compiles the scenario it is given once, then runs one replication per message and posts
 * the result back. A failure is posted as a message (with its stack) rather than crashing the thread, so the main
 * thread can report which replication failed.
 */
import { workerData } from "node:worker_threads"
import { compile } from "@ccsim/engine"
import { NodeRuntime, NodeWorkerRunner } from "@effect/platform-node"
import { Effect } from "effect"
import { WorkerRunner } from "effect/workers"
import { runOneReplication } from "./Replication.ts"
import type { WorkerInit, WorkerReply, WorkerRequest } from "./WorkerProtocol.ts"

const init = workerData as WorkerInit
const model = compile(init.scenario)

const serve = Effect.gen(function* () {
  const platform = yield* WorkerRunner.WorkerRunnerPlatform
  const port = yield* platform.start<WorkerReply, WorkerRequest>()
  yield* port.run<void, never, never>((portId, request) => {
    let reply: WorkerReply
    try {
      reply = { _tag: "done", output: runOneReplication(model, request.replication, init.options) }
    } catch (error) {
      reply = {
        _tag: "failed",
        replication: request.replication,
        message: error instanceof Error ? error.message : String(error),
        stack: error instanceof Error ? error.stack : undefined
      }
    }
    port.sendUnsafe(portId, reply)
  })
})

NodeRuntime.runMain(serve.pipe(Effect.provide(NodeWorkerRunner.layer)))
