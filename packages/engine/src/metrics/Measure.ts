/**
 * One measured replication: replication r runs on the engine's streams for (seed, r), measured by a
 * {@link MetricsCollector} (after a warm-up pilot for steady-state runs). Its result depends only on (seed, r), so
 * any split of replications over threads or machines, merged or summarised together, gives byte-identical output.
 * Running many of them (threads, precision, sweeps) is `@ccsim/runner`'s job.
 */
import * as checkerModule from "../checker/Checker.ts"
import * as fanOutModule from "../FanOut.ts"
import type { Model } from "../Model.ts"
import type { Observer } from "../Observer.ts"
import type { RunStats, Steps } from "../Simulation.ts"
import * as simulation from "../Simulation.ts"
import * as collectorModule from "./Collector.ts"
import type { ReplicationResult } from "./Result.ts"
import type { WarmUp } from "./WarmUp.ts"
import * as warmUpModule from "./WarmUp.ts"

// Module-local copies of the imports: V8 folds a module's own constants into the machine code but reads an
// imported binding at every use (engine README, "Imports in hot modules").
const { ConformanceChecker } = checkerModule
const { fanOut } = fanOutModule
const { replicationSteps, runSteps } = simulation
const { MetricsCollector } = collectorModule
const { warmUpSteps } = warmUpModule

/** An observer that checks the run and reports its violations (the engine's ConformanceChecker). */
export interface CheckingObserver extends Observer {
  readonly violations: ReadonlyArray<unknown>
}

/** Options of one measured replication. */
export interface MeasureOptions {
  /** Master seed; the scenario's seed when omitted. */
  readonly seed?: number
  readonly replication: number
  /** Check every step against the rules: `true` for the ConformanceChecker, or a factory of another checker. */
  readonly check?: boolean | ((model: Model) => CheckingObserver)
  /** Extra observers for this replication (e.g. a trace recorder). */
  readonly observer?: Observer
  /** Steady-state horizon, ms after midnight (default: the model's, `run.duration` after opening or closing). */
  readonly horizon?: number
}

/** One measured replication. */
export interface Measured {
  readonly result: ReplicationResult
  readonly stats: RunStats
  readonly warmUp: WarmUp
}

const checkerFor = (model: Model, check: MeasureOptions["check"]): CheckingObserver | undefined =>
  check === true ? new ConformanceChecker(model) : typeof check === "function" ? check(model) : undefined

/** Runs and measures one replication (MSER-5 warm-up: a pilot pass first). */
export const measureReplication = (model: Model, options: MeasureOptions): Measured =>
  runSteps(measureSteps(model, options))

/** {@link measureReplication} in slices, for callers that yield between them (see `replicationSteps`). */
export function* measureSteps(model: Model, options: MeasureOptions): Steps<Measured> {
  const seed = options.seed ?? model.scenario.seed
  const replication = options.replication
  const horizon = options.horizon !== undefined ? { horizon: options.horizon } : {}
  const warmUp = yield* warmUpSteps(model, { seed, replication, ...horizon })
  const collector = new MetricsCollector(model, Number.isFinite(warmUp.end) ? { warmupEnd: warmUp.end } : {})
  const checker = checkerFor(model, options.check)
  const observers: Array<Observer> = [collector]
  if (checker !== undefined) observers.push(checker)
  if (options.observer !== undefined) observers.push(options.observer)
  const observer = observers.length === 1 ? collector : fanOut(observers)
  const stats = yield* replicationSteps(model, { seed, replication, observer, ...horizon })
  const result = collector.result(replication, checker === undefined ? null : checker.violations.length)
  return { result, stats, warmUp }
}
