/**
 * Replications on worker threads (effect/workers on @effect/platform-node). Each worker compiles the scenario
 * once, then takes replication indices one at a time from a shared queue, so fast and slow replications balance
 * out. Results are returned in replication order whatever thread ran them, which keeps the merged results
 * byte-identical for any number of workers.
 *
 * On interruption (Ctrl-C) or failure the threads are terminated at once rather than asked to finish their
 * current replication.
 */
import { Worker as NodeThread } from "node:worker_threads"
import { NodeWorker } from "@effect/platform-node"
import { Cause, Context, Deferred, Effect, Layer } from "effect"
import { Worker } from "effect/workers"
import { InternalError } from "./Error.ts"
import type { ReplicationOutput } from "./Replication.ts"
import type { WorkerInit, WorkerReply, WorkerRequest } from "./WorkerProtocol.ts"

const workerUrl = new URL("./worker.ts", import.meta.url)

class ReplicationFailed extends Error {
  readonly replication: number
  constructor(replication: number, message: string, workerStack: string | undefined) {
    super(message)
    this.replication = replication
    this.name = "ReplicationFailed"
    if (workerStack !== undefined) this.stack = workerStack
  }
}

const describeWorkerFailure = (cause: Cause.Cause<unknown>): InternalError => {
  const error = Cause.squash(cause)
  if (error instanceof ReplicationFailed) {
    return new InternalError({ message: `replication ${error.replication} failed: ${error.message}`, cause: error })
  }
  const message = error instanceof Error ? error.message : String(error)
  return new InternalError({ message: `a worker thread failed: ${message}`, cause: error })
}

/**
 * Runs replications on threads.
 *
 * @category services
 */
export class WorkerPool extends Context.Service<
  WorkerPool,
  {
    /**
     * Runs `replications` on `threads` worker threads; `onDone` is called as each finishes (progress). The
     * outputs come back in the order of `replications`.
     */
    readonly run: (options: {
      readonly init: WorkerInit
      readonly replications: ReadonlyArray<number>
      readonly threads: number
      readonly onDone: (output: ReplicationOutput) => Effect.Effect<void>
    }) => Effect.Effect<Array<ReplicationOutput>, InternalError>
  }
>()("ccsim/cli/WorkerPool") {
  static readonly layer: Layer.Layer<WorkerPool> = Layer.succeed(WorkerPool)(
    WorkerPool.of({
      run: ({ init, replications, threads, onDone }) => {
        const spawned: Array<NodeThread> = []
        const spawn = () => {
          const thread = new NodeThread(workerUrl, { workerData: init })
          spawned.push(thread)
          return thread
        }
        return Effect.gen(function* () {
          // Terminate every thread when the scope closes: done, failed or interrupted alike.
          yield* Effect.addFinalizer(() =>
            Effect.promise(() => Promise.all(spawned.map((thread) => thread.terminate())))
          )
          const platform = yield* Worker.WorkerPlatform
          const outputs = new Array<ReplicationOutput | undefined>(replications.length)
          const position = new Map(replications.map((r, i) => [r, i]))
          const finished = yield* Deferred.make<void, InternalError>()
          let next = 0
          let remaining = replications.length
          const count = Math.max(1, Math.min(threads, replications.length))
          for (let id = 0; id < count; id++) {
            const worker = yield* platform.spawn<WorkerReply, WorkerRequest>(id)
            const sendNext = Effect.suspend(() => {
              const replication = replications[next]
              if (replication === undefined) return Effect.void
              next++
              return worker.send({ replication })
            })
            const onReply = (reply: WorkerReply) =>
              Effect.gen(function* () {
                if (reply._tag === "failed") {
                  return yield* Effect.fail(new ReplicationFailed(reply.replication, reply.message, reply.stack))
                }
                const at = position.get(reply.output.replication)
                if (at !== undefined) outputs[at] = reply.output
                yield* onDone(reply.output)
                remaining--
                if (remaining === 0) yield* Deferred.succeed(finished, undefined)
                else yield* sendNext
              })
            yield* worker.run(onReply, { onSpawn: Effect.orDie(sendNext) }).pipe(
              Effect.catchCause((cause) =>
                Cause.hasInterruptsOnly(cause) ? Effect.void : Deferred.fail(finished, describeWorkerFailure(cause))
              ),
              Effect.forkScoped
            )
          }
          yield* Deferred.await(finished)
          return outputs.map((output, i) => {
            if (output === undefined) throw new Error(`replication ${replications[i]} returned no result`)
            return output
          })
        }).pipe(
          Effect.scoped,
          Effect.provide(NodeWorker.layer(spawn)),
          Effect.catchTag("WorkerError", (error) =>
            Effect.fail(new InternalError({ message: `cannot start worker threads: ${error.message}`, cause: error }))
          )
        )
      }
    })
  )
}
