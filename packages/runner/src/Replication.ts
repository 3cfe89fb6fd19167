/**
 * One measured replication, as a worker thread or the main thread runs it: measured by the engine's metrics
 * (warm-up handled there), and on request checked against the rules, traced to a part file, its trace kept, or
 * sampled for the report. Plain synchronous code (the worker threads call it between messages); the only side
 * effect is the trace part file, written atomically.
 */
import type { Measured, Model, Observer, ReplicationResult, Steps, TraceEvent, Violation } from "@ccsim/engine"
import { ConformanceChecker, fanOut, measureSteps, runSteps, TraceRecorder } from "@ccsim/engine/replication"
import type { ReplicationSample } from "@ccsim/report"
import { writeAtomicSteps } from "./AtomicFile.ts"

/** What to run besides the metrics. Plain data: it is sent to the worker threads. */
export interface ReplicationOptions {
  readonly seed: number
  /** Run the conformance checker (R3–R15) on every event. */
  readonly check: boolean
  /** Write each replication's trace as NDJSON to {@link tracePartFile}`(tracePrefix, replication)`. */
  readonly tracePrefix: string | undefined
  /** Keep these replications' trace events in memory (expected-trace checks of small scripted scenarios). */
  readonly keepTraceOf: ReadonlyArray<number>
  /** Record these replications' agent timeline and paths for the report (`ReplicationSampler`). */
  readonly sampleOf: ReadonlyArray<number>
}

/** Plain options: metrics only. */
export const metricsOnly = (seed: number): ReplicationOptions => ({
  seed,
  check: false,
  tracePrefix: undefined,
  keepTraceOf: [],
  sampleOf: []
})

/** The trace part file of one replication; the parts are concatenated in replication order afterwards. */
export const tracePartFile = (prefix: string, replication: number): string => `${prefix}${replication}.part`

/** At most this many violations travel back per replication (the count is always exact). */
export const MAX_VIOLATIONS_KEPT = 50

/** The outcome of one replication: plain data, so it crosses worker threads by structured clone. */
export interface ReplicationOutput {
  readonly replication: number
  readonly result: ReplicationResult
  /** True when a terminating run could not empty and was cut off a day after closing. */
  readonly truncated: boolean
  readonly violationCount: number
  readonly violations: ReadonlyArray<Violation>
  readonly trace: ReadonlyArray<TraceEvent> | undefined
  readonly sample: ReplicationSample | undefined
}

/** The report's sampler, as the runner uses it (loaded lazily: the report package is large). */
export interface Sampler extends Observer {
  readonly sample: () => ReplicationSample
}

/** Whether replication `replication` needs the report's sampler. */
export const needsSampler = (options: ReplicationOptions, replication: number): boolean =>
  options.sampleOf.includes(replication)

/**
 * Runs replication `replication` of `model`; `sampler` (given when {@link needsSampler}) observes it too.
 * Throws what the engine throws.
 */
export const runOneReplication = (
  model: Model,
  replication: number,
  options: ReplicationOptions,
  sampler?: Sampler
): ReplicationOutput => runSteps(replicationOutputSteps(model, replication, options, sampler))

/**
 * {@link runOneReplication} in the engine's slices, so the main thread can yield between them; abandoned
 * between slices, it leaves no trace part behind.
 */
export function* replicationOutputSteps(
  model: Model,
  replication: number,
  options: ReplicationOptions,
  sampler?: Sampler
): Steps<ReplicationOutput> {
  let checker: ConformanceChecker | undefined
  const kept: Array<TraceEvent> | undefined = options.keepTraceOf.includes(replication) ? [] : undefined

  const measure = (onEvent: ((event: TraceEvent) => void) | undefined) => {
    const observers: Array<Observer> = []
    if (onEvent !== undefined) observers.push(new TraceRecorder(model, onEvent))
    if (sampler !== undefined) observers.push(sampler)
    const observer = observers.length === 0 ? undefined : observers.length === 1 ? observers[0] : fanOut(observers)
    return measureSteps(model, {
      seed: options.seed,
      replication,
      ...(options.check
        ? {
            check: (m: Model) => {
              checker = new ConformanceChecker(m)
              return checker
            }
          }
        : {}),
      ...(observer === undefined ? {} : { observer })
    })
  }

  let measured: Measured
  const { tracePrefix } = options
  if (tracePrefix !== undefined) {
    // The replication number leads each line so a multi-replication trace can be filtered with grep or jq.
    const prefix = `{"replication":${replication},`
    measured = yield* writeAtomicSteps(tracePartFile(tracePrefix, replication), (sink) =>
      measure((event) => {
        kept?.push(event)
        sink.write(`${prefix}${JSON.stringify(event).slice(1)}\n`)
      })
    )
  } else {
    measured = yield* measure(kept === undefined ? undefined : (event) => kept.push(event))
  }

  const violations: ReadonlyArray<Violation> = checker?.violations ?? []
  return {
    replication,
    result: measured.result,
    truncated: measured.stats.truncated,
    violationCount: violations.length,
    violations: violations.slice(0, MAX_VIOLATIONS_KEPT),
    trace: kept,
    sample: sampler?.sample()
  }
}

/** Loads the report's sampler for `replication` when the options ask for one. */
export const samplerFor = async (
  model: Model,
  replication: number,
  options: ReplicationOptions
): Promise<Sampler | undefined> => {
  if (!needsSampler(options, replication)) return undefined
  const { ReplicationSampler } = await import("@ccsim/report")
  return new ReplicationSampler(model, { replication })
}
