/**
 * The replication worker (entered through worker.ts): runs one replication per message and posts the result
 * back. Each variant is compiled once per thread (the scenario comes with its first request) and kept by its
 * key. A failure is posted as a message (with its stack) rather than crashing the thread, so the main thread can
 * report which replication failed.
 */
import type { Model } from "@ccsim/engine"
import { compile, EngineError } from "@ccsim/engine/replication"
// Module paths, not the package index (which also loads HTTP, Redis and WebSocket support): each thread starts faster.
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as NodeWorkerRunner from "@effect/platform-node/NodeWorkerRunner"
import * as Effect from "effect/Effect"
import { WorkerRunner } from "effect/workers"
import { runOneReplication, samplerFor } from "./Replication.ts"
import type { WorkerReply, WorkerRequest } from "./WorkerProtocol.ts"

const models = new Map<string, Model>()

const modelOf = (request: WorkerRequest): Model => {
  const known = models.get(request.key)
  if (known !== undefined) return known
  if (request.scenario === undefined) throw new Error(`variant ${request.key} was never sent to this worker`)
  const model = compile(request.scenario)
  models.set(request.key, model)
  return model
}

const serve = Effect.gen(function* () {
  const platform = yield* WorkerRunner.WorkerRunnerPlatform
  const port = yield* platform.start<WorkerReply, WorkerRequest>()
  yield* port.run<void, never, never>((portId, request) =>
    Effect.promise(async () => {
      let reply: WorkerReply
      try {
        const model = modelOf(request)
        const sampler = await samplerFor(model, request.replication, request.options)
        const output = runOneReplication(model, request.replication, request.options, sampler)
        reply = { _tag: "done", batch: request.batch, job: request.job, output }
      } catch (error) {
        reply = {
          _tag: "failed",
          batch: request.batch,
          job: request.job,
          replication: request.replication,
          message: error instanceof Error ? error.message : String(error),
          stack: error instanceof Error ? error.stack : undefined,
          reason: error instanceof EngineError ? error.reason : undefined
        }
      }
      port.sendUnsafe(portId, reply)
    })
  )
})

NodeRuntime.runMain(serve.pipe(Effect.provide(NodeWorkerRunner.layer)))
