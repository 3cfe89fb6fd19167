/**
 * Warm-up deletion for steady-state runs. A fixed warm-up is a duration after opening. MSER-5 takes two passes
 * over the same replication (same seed and streams, so the same sample path): a pilot pass records the series
 * of queue-call waits, in the order the waits end, as means of batches of 5; MSER picks the deletion point;
 * the measured pass counts only calls arriving from the first kept batch's first arrival on.
 */
import type { Model } from "../Model.ts"
import { type CallKind, type EndOutcome, CallKind as Kind, NullObserver, EndOutcome as Outcome } from "../Observer.ts"
import { replicationSteps, runSteps, type Steps } from "../Simulation.ts"
import { mserOfBatchMeans } from "../stats/Mser.ts"
import { CallSlots } from "./CallSlots.ts"

const BATCH = 5

/**
 * A pilot observer: batch means of 5 consecutive queue-call waits and the arrival time of each batch's first
 * call. Memory is 16 bytes per 5 calls (the batch means), which is what MSER-5 needs.
 */
export class WaitSeries extends NullObserver {
  // Arrival time of each queue call in the system, by its slot (no Map operation per call).
  private readonly slots = new CallSlots()
  private arrival = new Float64Array(64)
  private sum = 0
  private inBatch = 0
  private batchStart = 0
  readonly means: Array<number> = []
  readonly starts: Array<number> = []

  override callArrived(
    t: number,
    call: number,
    kind: CallKind,
    _tenant: number,
    _known: boolean,
    _source: number,
    _redialOf: number
  ): void {
    if (kind !== Kind.queue) return
    const s = this.slots.add(call)
    if (s >= this.arrival.length) {
      const grown = new Float64Array(this.arrival.length * 2)
      grown.set(this.arrival)
      this.arrival = grown
    }
    this.arrival[s] = t
  }

  override offerAccepted(t: number, call: number, _agent: number, _queue: number): void {
    this.observe(call, t)
  }

  override callEnded(t: number, call: number, _agent: number, outcome: EndOutcome): void {
    // Abandoned or routed away unanswered: the wait ended now. Answered calls were taken at the answer.
    if (outcome !== Outcome.inProgressAtEnd) this.observe(call, t)
    this.slots.remove(call)
  }

  private observe(call: number, t: number): void {
    const s = this.slots.get(call)
    if (s < 0) return
    const arrived = this.arrival[s]!
    this.slots.remove(call)
    if (this.inBatch === 0) this.batchStart = arrived
    this.sum += t - arrived
    this.inBatch += 1
    if (this.inBatch === BATCH) {
      this.means.push(this.sum / BATCH)
      this.starts.push(this.batchStart)
      this.sum = 0
      this.inBatch = 0
    }
  }
}

/** The warm-up of one replication: where measuring starts, and how it was found. */
export interface WarmUp {
  /** Start of measurement, ms after midnight; −∞ when nothing is deleted (terminating mode). */
  readonly end: number
  readonly method: "none" | "fixed" | "mser-5"
  /** MSER-5 only: false when the minimum fell in the second half of the series (run too short). */
  readonly detected: boolean
}

/**
 * The warm-up of replication `replication`: none for a terminating day, the fixed duration after opening, or
 * MSER-5 from a pilot pass of the same replication.
 */
export const resolveWarmUp = (
  model: Model,
  options: { readonly seed: number; readonly replication: number; readonly horizon?: number }
): WarmUp => runSteps(warmUpSteps(model, options))

/** {@link resolveWarmUp} in slices (the pilot pass is a whole replication). */
export function* warmUpSteps(
  model: Model,
  options: { readonly seed: number; readonly replication: number; readonly horizon?: number }
): Steps<WarmUp> {
  const run = model.scenario.run
  if (run.mode !== "steady-state") return { end: Number.NEGATIVE_INFINITY, method: "none", detected: true }
  if (run.warmup !== "mser-5") return { end: model.open + run.warmup, method: "fixed", detected: true }
  const series = new WaitSeries()
  yield* replicationSteps(model, {
    seed: options.seed,
    replication: options.replication,
    observer: series,
    ...(options.horizon !== undefined ? { horizon: options.horizon } : {})
  })
  const result = mserOfBatchMeans(series.means, BATCH)
  const end = result.batches > 0 ? series.starts[result.batches]! : model.open
  return { end, method: "mser-5", detected: result.detected }
}
