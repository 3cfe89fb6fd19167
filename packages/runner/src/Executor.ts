/**
 * Where replications run: in this thread, or N at a time in this thread and a pool of N − 1 worker threads
 * (effect/workers on @effect/platform-node). A job is (variant, replication, options); a batch of jobs comes back
 * in job order whatever thread ran each, so everything computed from it is byte-identical for any number of
 * threads.
 *
 * The pool lives as long as the layer: its threads start all at once on the first batch that wants them and
 * serve every later batch and variant (a sweep's points, a comparison's two sides, a staffing search's
 * candidates), each thread compiling a variant once. Jobs are handed out one at a time from the batch, to the
 * threads and to this thread alike, so fast and slow replications balance out. When a batch fails or is
 * interrupted the threads are terminated at once (no stale replication keeps writing), this thread's replication
 * is abandoned, and the next batch starts fresh threads.
 */
import { Worker as NodeThread } from "node:worker_threads"
import type { Model } from "@ccsim/engine"
import { compile, EngineError, type Steps } from "@ccsim/engine"
import { Cause, Context, Deferred, Effect, Exit, Fiber, Layer, Scope, Semaphore } from "effect"
import type { ReplicationOptions, ReplicationOutput } from "./Replication.ts"
import { replicationOutputSteps, samplerFor } from "./Replication.ts"
import { RunFailed, UnrunnableScenario } from "./RunnerError.ts"
import type { Variant } from "./Variant.ts"
import type { WorkerReply, WorkerRequest } from "./WorkerProtocol.ts"

/** One replication of one variant. Plain data. */
export interface Job {
  readonly variant: Variant
  readonly replication: number
  readonly options: ReplicationOptions
}

/** How to run a batch. */
export interface BatchOptions {
  /** Called as each job finishes (progress), in completion order. */
  readonly onDone?: ((output: ReplicationOutput, job: Job) => Effect.Effect<void>) | undefined
  /** Keep this batch in this thread even when threads are available (work too small to pay for them). */
  readonly inProcess?: boolean | undefined
}

const workerUrl = new URL("./worker.ts", import.meta.url)

/** The worker platform loads with the first pool, so runs without threads (and their start-up) never pay for it. */
const workerPlatform = () =>
  Effect.promise(() =>
    Promise.all([import("@effect/platform-node/NodeWorker"), import("effect/workers")]).then(
      ([NodeWorker, { Worker }]) => ({ NodeWorker, Worker })
    )
  )

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** A replication's failure: the scenario's fault when the engine found it stuck (exit 2), else internal (3). */
const replicationFailed = (
  job: Job,
  message: string,
  cause: unknown,
  reason: string | undefined = cause instanceof EngineError ? cause.reason : undefined
): RunFailed | UnrunnableScenario =>
  reason === "NoProgress"
    ? new UnrunnableScenario({ subject: job.variant.scenario.name, reason: message })
    : new RunFailed({ message: `replication ${job.replication} failed: ${message}`, cause })

/**
 * Runs a replication's slices in this thread, yielding to the event loop between them so that an interrupt
 * (Ctrl-C) is seen within a slice; an interrupted replication is abandoned and leaves no trace part.
 */
const driveSteps = <A>(steps: Steps<A>, onError: (error: unknown) => RunFailed | UnrunnableScenario) => {
  const next = (): Effect.Effect<A, RunFailed | UnrunnableScenario> => {
    let step: IteratorResult<void, A>
    try {
      step = steps.next()
    } catch (error) {
      return Effect.fail(onError(error))
    }
    return step.done ? Effect.succeed(step.value) : Effect.flatMap(Effect.yieldNow, next)
  }
  return Effect.suspend(next).pipe(Effect.onInterrupt(() => Effect.sync(() => steps.return(undefined as never))))
}

/** Compiled models by variant key; bounded, as a staffing search makes many variants. */
const MODELS_KEPT = 16

const makeModels = () => {
  const models = new Map<string, Model>()
  return (variant: Variant, subject: string): Effect.Effect<Model, UnrunnableScenario | RunFailed> => {
    const known = models.get(variant.key)
    if (known !== undefined) return Effect.succeed(known)
    return Effect.try({
      try: () => compile(variant.scenario),
      catch: (error) =>
        typeof error === "object" && error !== null && "reason" in error && error.reason === "InvalidScenario"
          ? new UnrunnableScenario({ subject, reason: messageOf(error) })
          : new RunFailed({ message: `compiling ${subject} failed: ${messageOf(error)}`, cause: error })
    }).pipe(
      Effect.tap((model) =>
        Effect.sync(() => {
          if (models.size >= MODELS_KEPT) models.delete(models.keys().next().value as string)
          models.set(variant.key, model)
        })
      )
    )
  }
}

/** Runs one job in this thread. */
const runJob = (
  modelOf: ReturnType<typeof makeModels>,
  job: Job
): Effect.Effect<ReplicationOutput, RunFailed | UnrunnableScenario> =>
  Effect.gen(function* () {
    const model = yield* modelOf(job.variant, job.variant.scenario.name).pipe(
      Effect.mapError((e) => replicationFailed(job, e.message, e))
    )
    const sampler = yield* Effect.tryPromise({
      try: () => samplerFor(model, job.replication, job.options),
      catch: (error) => replicationFailed(job, messageOf(error), error)
    })
    return yield* driveSteps(replicationOutputSteps(model, job.replication, job.options, sampler), (error) =>
      replicationFailed(job, messageOf(error), error)
    )
  })

const runInProcess = (
  modelOf: ReturnType<typeof makeModels>,
  jobs: ReadonlyArray<Job>,
  onDone: NonNullable<BatchOptions["onDone"]>
): Effect.Effect<Array<ReplicationOutput>, RunFailed | UnrunnableScenario> =>
  Effect.forEach(jobs, (job) => runJob(modelOf, job).pipe(Effect.tap((output) => onDone(output, job))))

interface Member {
  readonly send: (request: WorkerRequest) => Effect.Effect<void, unknown>
  busy: boolean
  readonly known: Set<string>
}

interface Batch {
  readonly id: number
  readonly jobs: ReadonlyArray<Job>
  readonly outputs: Array<ReplicationOutput | undefined>
  readonly finished: Deferred.Deferred<void, RunFailed | UnrunnableScenario>
  readonly onDone: NonNullable<BatchOptions["onDone"]>
  next: number
  remaining: number
  done: boolean
}

interface Pool {
  readonly scope: Scope.Closeable
  readonly members: Array<Member>
  broken: RunFailed | undefined
}

const describeWorkerFailure = (cause: Cause.Cause<unknown>): RunFailed => {
  const error = Cause.squash(cause)
  return new RunFailed({ message: `a worker thread failed: ${messageOf(error)}`, cause: error })
}

/**
 * `workers` replications at a time: this thread and `workers − 1` worker threads, started on first use, all
 * taking jobs from the same batch. This thread works too because with N workers on N cores a thread of its own
 * would leave it idle while costing one more thread's start-up (loading and compiling the engine again).
 * The pool's scope is the caller's (the layer's).
 */
const makeThreadPool = (workers: number, modelOf: ReturnType<typeof makeModels>) =>
  Effect.gen(function* () {
    const threads = workers - 1
    let pool: Pool | undefined
    let current: Batch | undefined
    let batches = 0
    const lock = yield* Semaphore.make(1)

    const shutdown = Effect.suspend(() => {
      const closing = pool
      pool = undefined
      return closing === undefined ? Effect.void : Scope.close(closing.scope, Exit.void)
    })
    yield* Effect.addFinalizer(() => shutdown)

    const dispatch = (member: Member): Effect.Effect<void, unknown> =>
      Effect.suspend(() => {
        const batch = current
        if (batch === undefined || batch.done || batch.next >= batch.jobs.length) return Effect.void
        const index = batch.next++
        const job = batch.jobs[index]!
        const fresh = !member.known.has(job.variant.key)
        member.known.add(job.variant.key)
        member.busy = true
        return member.send({
          batch: batch.id,
          job: index,
          key: job.variant.key,
          scenario: fresh ? job.variant.scenario : undefined,
          replication: job.replication,
          options: job.options
        })
      })

    /** Job `index` of the batch finished; the batch succeeds with its last job. */
    const complete = (batch: Batch, index: number, output: ReplicationOutput) =>
      Effect.gen(function* () {
        batch.outputs[index] = output
        yield* batch.onDone(output, batch.jobs[index]!)
        batch.remaining--
        if (batch.remaining === 0) {
          batch.done = true
          yield* Deferred.succeed(batch.finished, undefined)
        }
      })

    const fail = (batch: Batch, error: RunFailed | UnrunnableScenario) =>
      Effect.suspend(() => {
        if (batch.done) return Effect.void
        batch.done = true
        return Deferred.fail(batch.finished, error)
      })

    const onReply = (member: Member, reply: WorkerReply) =>
      Effect.gen(function* () {
        member.busy = false
        const batch = current
        if (batch !== undefined && !batch.done && reply.batch === batch.id) {
          if (reply._tag === "failed") {
            const cause = new Error(reply.message)
            if (reply.stack !== undefined) cause.stack = reply.stack
            const job = batch.jobs[reply.job]!
            yield* fail(batch, replicationFailed(job, reply.message, cause, reply.reason))
            return
          }
          yield* complete(batch, reply.job, reply.output)
          if (batch.done) return
        }
        yield* dispatch(member)
      })

    /** This thread's share: the batch's next job while there is one (yielding between slices, see driveSteps). */
    const runHere = (batch: Batch): Effect.Effect<void> =>
      Effect.suspend(() => {
        if (batch.done || batch.next >= batch.jobs.length) return Effect.void
        const index = batch.next++
        return runJob(modelOf, batch.jobs[index]!).pipe(
          Effect.flatMap((output) => complete(batch, index, output)),
          Effect.flatMap(() => runHere(batch)),
          Effect.catch((error) => fail(batch, error))
        )
      })

    const start = Effect.gen(function* () {
      const scope = yield* Scope.make()
      const spawned: Array<NodeThread> = []
      const terminate = Effect.promise(() => Promise.all(spawned.map((thread) => thread.terminate())))
      yield* Scope.addFinalizer(scope, terminate)
      const spawn = () => {
        const thread = new NodeThread(workerUrl)
        spawned.push(thread)
        return thread
      }
      const started: Pool = { scope, members: [], broken: undefined }
      const { NodeWorker, Worker } = yield* workerPlatform()
      yield* Effect.gen(function* () {
        const platform = yield* Worker.WorkerPlatform
        for (let id = 0; id < threads; id++) {
          const worker = yield* platform.spawn<WorkerReply, WorkerRequest>(id)
          const member: Member = { send: (request) => worker.send(request), busy: false, known: new Set() }
          started.members.push(member)
          // Every thread starts now (run spawns it); requests sent before it is ready are buffered.
          yield* worker
            .run((reply) => onReply(member, reply))
            .pipe(
              Effect.catchCause((cause) =>
                Effect.suspend(() => {
                  if (Cause.hasInterruptsOnly(cause)) return Effect.void
                  const error = describeWorkerFailure(cause)
                  started.broken = error
                  const batch = current
                  if (batch === undefined || batch.done) return Effect.void
                  batch.done = true
                  return Deferred.fail(batch.finished, error)
                })
              ),
              Effect.forkIn(scope)
            )
        }
        // Runs before the platform's own finalizers, which ask each thread to close and wait up to 5 s for a
        // thread busy in a replication: a stop (Ctrl-C, a failed batch) must not wait for that.
        yield* Scope.addFinalizer(scope, terminate)
      }).pipe(Effect.provide(NodeWorker.layer(spawn)))
      return started
    })

    const run = (jobs: ReadonlyArray<Job>, onDone: NonNullable<BatchOptions["onDone"]>) =>
      Effect.gen(function* () {
        if (pool !== undefined && pool.broken !== undefined) yield* shutdown
        if (pool === undefined) pool = yield* start
        const batch: Batch = {
          id: ++batches,
          jobs,
          outputs: new Array(jobs.length),
          finished: yield* Deferred.make<void, RunFailed | UnrunnableScenario>(),
          onDone,
          next: 0,
          remaining: jobs.length,
          done: false
        }
        current = batch
        for (const member of pool.members) if (!member.busy) yield* dispatch(member)
        const here = yield* Effect.forkChild(runHere(batch))
        yield* Deferred.await(batch.finished).pipe(Effect.ensuring(Fiber.interrupt(here)))
        return batch.outputs.map((output, i) => {
          if (output === undefined) throw new Error(`replication ${jobs[i]?.replication} returned no result`)
          return output
        })
      }).pipe(
        Effect.mapError((error) =>
          error instanceof RunFailed || error instanceof UnrunnableScenario
            ? error
            : new RunFailed({ message: `a worker thread failed: ${messageOf(error)}`, cause: error })
        ),
        Effect.ensuring(Effect.sync(() => (current = undefined))),
        // Threads still busy with a failed or interrupted batch are stopped rather than left to finish.
        Effect.onExit((exit) => (Exit.isSuccess(exit) ? Effect.void : shutdown)),
        lock.withPermits(1)
      )

    return run
  })

/**
 * Runs replication jobs.
 *
 * @category services
 */
export class Executor extends Context.Service<
  Executor,
  {
    /** Worker threads available (1: everything runs in this thread). */
    readonly threads: number
    /** Compiles a variant (once; kept by key), failing as the scenario `subject` (a file name) the engine rejects. */
    readonly compile: (variant: Variant, subject: string) => Effect.Effect<Model, UnrunnableScenario | RunFailed>
    /** Runs `jobs`; the outputs come back in the order of `jobs`. */
    readonly run: (
      jobs: ReadonlyArray<Job>,
      options?: BatchOptions
    ) => Effect.Effect<Array<ReplicationOutput>, RunFailed | UnrunnableScenario>
  }
>()("ccsim/runner/Executor") {
  /** Everything in this thread. */
  static readonly layerInProcess: Layer.Layer<Executor> = Layer.sync(Executor)(() => {
    const modelOf = makeModels()
    return Executor.of({
      threads: 1,
      compile: modelOf,
      run: (jobs, options) => runInProcess(modelOf, jobs, options?.onDone ?? (() => Effect.void))
    })
  })

  /**
   * `threads` replications at a time: this thread and `threads − 1` worker threads (started together on the first
   * batch that is not `inProcess`); 1 or less: everything in this thread.
   */
  static readonly layer = (options: { readonly threads: number }): Layer.Layer<Executor> =>
    options.threads <= 1
      ? Executor.layerInProcess
      : Layer.effect(Executor)(
          Effect.gen(function* () {
            const modelOf = makeModels()
            const onThreads = yield* makeThreadPool(options.threads, modelOf)
            return Executor.of({
              threads: options.threads,
              compile: modelOf,
              run: (jobs, batch) => {
                const onDone = batch?.onDone ?? (() => Effect.void)
                if (jobs.length === 0) return Effect.succeed([])
                return batch?.inProcess === true ? runInProcess(modelOf, jobs, onDone) : onThreads(jobs, onDone)
              }
            })
          })
        )
}
