/**
 * One replication, as the CLI runs it in a worker thread or in-process: measured by the engine's metrics (warm-up
 * handled there), and on request checked against the rules and traced. Plain synchronous code (the worker threads
 * call it between messages); the only side effect is the trace part file, written atomically.
 */
import type { Model, Observer, ReplicationResult, TraceEvent, Violation } from "@ccsim/engine"
import { ConformanceChecker, fanOut, measureReplication, TraceRecorder } from "@ccsim/engine"
import { writeAtomicSync } from "./OutputWriter.ts"

/** What to run besides the metrics. Plain data: it is sent to the worker threads. */
export interface ReplicationOptions {
  readonly seed: number
  /** Run the conformance checker (R3–R15) on every event. */
  readonly check: boolean
  /** Write each replication's trace as NDJSON to {@link tracePartFile}`(tracePrefix, replication)`. */
  readonly tracePrefix: string | undefined
  /** Keep these replications' trace events in memory (expected-trace checks of small scripted scenarios). */
  readonly keepTraceOf: ReadonlyArray<number>
}

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
}

/**
 * Runs replication `replication` of `model`, with `extra` observing it too (the report's sampler, in the main
 * thread only). Throws what the engine throws.
 */
export const runOneReplication = (
  model: Model,
  replication: number,
  options: ReplicationOptions,
  extra?: Observer
): ReplicationOutput => {
  let checker: ConformanceChecker | undefined
  const kept: Array<TraceEvent> | undefined = options.keepTraceOf.includes(replication) ? [] : undefined

  const measure = (onEvent: ((event: TraceEvent) => void) | undefined) => {
    const observers: Array<Observer> = []
    if (onEvent !== undefined) observers.push(new TraceRecorder(model, onEvent))
    if (extra !== undefined) observers.push(extra)
    const observer = observers.length === 0 ? undefined : observers.length === 1 ? observers[0] : fanOut(observers)
    return measureReplication(model, {
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

  let measured: ReturnType<typeof measure>
  if (options.tracePrefix !== undefined) {
    // The replication number leads each line so a multi-replication trace can be filtered with grep or jq.
    const prefix = `{"replication":${replication},`
    measured = undefined as unknown as ReturnType<typeof measure>
    writeAtomicSync(tracePartFile(options.tracePrefix, replication), (sink) => {
      measured = measure((event) => {
        kept?.push(event)
        sink.write(`${prefix}${JSON.stringify(event).slice(1)}\n`)
      })
    })
  } else {
    measured = measure(kept === undefined ? undefined : (event) => kept.push(event))
  }

  const violations: ReadonlyArray<Violation> = checker?.violations ?? []
  return {
    replication,
    result: measured.result,
    truncated: measured.stats.truncated,
    violationCount: violations.length,
    violations: violations.slice(0, MAX_VIOLATIONS_KEPT),
    trace: kept
  }
}
