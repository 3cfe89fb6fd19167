/**
 * Call counters per scope × reporting interval, and the wait histograms of each scope. Scopes, in order:
 * the total (0), each queue, each tenant, each call type except `queue` (whose numbers are the total's, kept
 * once). A call event first selects its scopes, then adds to them.
 */
import * as observer from "../Observer.ts"
import type { SparseHistogram } from "../stats/Histogram.ts"
import * as histogram from "../stats/Histogram.ts"
import type { CallCounts } from "./Counters.ts"
import * as countersModule from "./Counters.ts"

// Module-local copies of the imports: V8 folds a module's own constants into the machine code but reads an
// imported binding at every use (engine README, "Imports in hot modules").
const { CallKind: Kind } = observer
const { HISTOGRAM_BUCKETS } = histogram
const { CALL_COUNTER_COUNT, CALL_COUNTERS, CallCounter: CC, isMaxCounter } = countersModule

/** Call kinds (queue, direct, internal, outbound). */
const KINDS = 4

/** Counters and histograms of every call scope. */
export class ScopeCounters {
  readonly queueCount: number
  readonly tenantCount: number
  readonly intervals: number
  readonly scopeCount: number
  readonly counters: Float64Array
  // Histograms, dense: `[scope * HISTOGRAM_BUCKETS + bucket]`; per interval for the total only, allocated on first
  // use (long steady-state runs have many intervals). One replication's counts fit 32 bits.
  readonly waitHist: Uint32Array
  readonly abandonHist: Uint32Array
  private readonly intervalHist: Array<Uint32Array | undefined>
  // The selected scopes and their counter bases: s0 (the call type's, never −1), s1 (tenant), s2 (queue); −1 when
  // not selected. Plain fields rather than an array: this runs for every call event.
  private s0 = 0
  private s1 = -1
  private s2 = -1
  private b0 = 0
  private b1 = -1
  private b2 = -1
  private readonly typeBase: number
  private readonly tenantBase: number

  constructor(queueCount: number, tenantCount: number, intervals: number) {
    this.queueCount = queueCount
    this.tenantCount = tenantCount
    this.intervals = intervals
    this.scopeCount = 1 + queueCount + tenantCount + KINDS
    this.counters = new Float64Array(this.scopeCount * intervals * CALL_COUNTER_COUNT)
    this.waitHist = new Uint32Array(this.scopeCount * HISTOGRAM_BUCKETS)
    this.abandonHist = new Uint32Array(this.scopeCount * HISTOGRAM_BUCKETS)
    this.intervalHist = new Array<Uint32Array | undefined>(intervals).fill(undefined)
    this.tenantBase = 1 + queueCount
    this.typeBase = 1 + queueCount + tenantCount
  }

  /** Scope index of queue q. */
  queueScope(q: number): number {
    return 1 + q
  }

  /** Scope index of tenant k, or −1 for none. */
  tenantScope(k: number): number {
    return k >= 0 && k < this.tenantCount ? 1 + this.queueCount + k : -1
  }

  /** Scope index of a call kind; the queue kind is the total. */
  typeScope(kind: number): number {
    return kind === Kind.queue ? 0 : 1 + this.queueCount + this.tenantCount + kind
  }

  /** Offset of counter 0 of a scope in an interval. */
  offset(scope: number, interval: number): number {
    return (scope * this.intervals + interval) * CALL_COUNTER_COUNT
  }

  /**
   * Selects the scopes a call event counts in: its call type (the total for queue calls) and, for queue calls,
   * its tenant; plus queue q when q ≥ 0.
   */
  select(i: number, kind: number, tenant: number, q: number): void {
    const stride = this.intervals * CALL_COUNTER_COUNT
    const at = i * CALL_COUNTER_COUNT
    const s0 = kind === Kind.queue ? 0 : this.typeBase + kind
    const s1 = kind === Kind.queue && tenant >= 0 && tenant < this.tenantCount ? this.tenantBase + tenant : -1
    const s2 = q >= 0 ? 1 + q : -1
    this.s0 = s0
    this.s1 = s1
    this.s2 = s2
    this.b0 = s0 * stride + at
    this.b1 = s1 >= 0 ? s1 * stride + at : -1
    this.b2 = s2 >= 0 ? s2 * stride + at : -1
  }

  /** Adds v to counter c of the selected scopes. */
  inc(c: number, v: number): void {
    const counters = this.counters
    counters[this.b0 + c]! += v
    const b1 = this.b1
    if (b1 >= 0) counters[b1 + c]! += v
    const b2 = this.b2
    if (b2 >= 0) counters[b2 + c]! += v
  }

  /** Raises max counter c of the selected scopes to v. */
  raise(c: number, v: number): void {
    const counters = this.counters
    const b0 = this.b0
    if (v > counters[b0 + c]!) counters[b0 + c] = v
    const b1 = this.b1
    if (b1 >= 0 && v > counters[b1 + c]!) counters[b1 + c] = v
    const b2 = this.b2
    if (b2 >= 0 && v > counters[b2 + c]!) counters[b2 + c] = v
  }

  /** Counts an answered call in the selected scopes, in one pass (this runs for every answered call). */
  answered(wait: number, within: number): void {
    const counters = this.counters
    const waited = wait > 0 ? 1 : 0
    answeredAt(counters, this.b0, wait, waited, within)
    if (this.b1 >= 0) answeredAt(counters, this.b1, wait, waited, within)
    if (this.b2 >= 0) answeredAt(counters, this.b2, wait, waited, within)
  }

  /** Counts a wait, in histogram bucket `bucket` (see `bucketOf`), in the histograms of the selected scopes. */
  record(hists: Uint32Array, bucket: number): void {
    hists[this.s0 * HISTOGRAM_BUCKETS + bucket]! += 1
    if (this.s1 >= 0) hists[this.s1 * HISTOGRAM_BUCKETS + bucket]! += 1
    if (this.s2 >= 0) hists[this.s2 * HISTOGRAM_BUCKETS + bucket]! += 1
  }

  /** Counts an answered queue call's wait (its histogram bucket) in its arrival interval's histogram. */
  recordInterval(i: number, bucket: number): void {
    let h = this.intervalHist[i]
    if (h === undefined) {
      h = new Uint32Array(HISTOGRAM_BUCKETS)
      this.intervalHist[i] = h
    }
    h[bucket]! += 1
  }

  /** Interval i's answered-wait histogram (total scope). */
  intervalHistogram(i: number): SparseHistogram {
    return sparseRow(this.intervalHist[i], 0)
  }

  /**
   * The counts of a scope: per interval (with `waitingMs` from `waiting`, the scope's waiting level per
   * interval) and in total (sums; maxima for max counters), with its histograms.
   */
  scopeData(
    scope: number,
    waiting: (interval: number) => number
  ): {
    readonly counts: CallCounts
    readonly intervals: Array<CallCounts>
    readonly waitHistogram: SparseHistogram
    readonly abandonHistogram: SparseHistogram
  } {
    const intervals: Array<CallCounts> = []
    const total = {} as CallCounts
    for (const name of CALL_COUNTERS) total[name] = 0
    for (let i = 0; i < this.intervals; i++) {
      const base = this.offset(scope, i)
      const counts = {} as CallCounts
      for (let c = 0; c < CALL_COUNTER_COUNT; c++) {
        const name = CALL_COUNTERS[c]!
        const v = c === CC.waitingMs ? waiting(i) : this.counters[base + c]!
        counts[name] = v
        total[name] = isMaxCounter(name) ? Math.max(total[name], v) : total[name] + v
      }
      intervals.push(counts)
    }
    return {
      counts: total,
      intervals,
      waitHistogram: sparseRow(this.waitHist, scope),
      abandonHistogram: sparseRow(this.abandonHist, scope)
    }
  }
}

/** One scope's answered-call counters from base `b`. */
const answeredAt = (counters: Float64Array, b: number, wait: number, waited: number, within: number): void => {
  counters[b + CC.answered]! += 1
  counters[b + CC.waitAnsweredMs]! += wait
  counters[b + CC.waitAllMs]! += wait
  counters[b + CC.waited]! += waited
  counters[b + CC.answeredWithin]! += within
  if (wait > counters[b + CC.maxWaitMs]!) counters[b + CC.maxWaitMs] = wait
  if (wait > counters[b + CC.maxWaitAnsweredMs]!) counters[b + CC.maxWaitAnsweredMs] = wait
}

/** Row `row` of a dense histogram table as a sparse histogram. */
const sparseRow = (table: Uint32Array | undefined, row: number): SparseHistogram => {
  const out: SparseHistogram = []
  if (table === undefined) return out
  const base = row * HISTOGRAM_BUCKETS
  for (let b = 0; b < HISTOGRAM_BUCKETS; b++) if (table[base + b]! > 0) out.push([b, table[base + b]!])
  return out
}
