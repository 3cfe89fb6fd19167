/**
 * Call counters per scope × reporting interval, and the wait histograms of each scope. Scopes, in order:
 * the total (0), each queue, each tenant, each call type except `queue` (whose numbers are the total's, kept
 * once). A call event first selects its scopes, then adds to them.
 */
import { CallKind as Kind } from "../Observer.ts"
import { bucketOf, HISTOGRAM_BUCKETS, type SparseHistogram } from "../stats/Histogram.ts"
import { CALL_COUNTER_COUNT, CALL_COUNTERS, type CallCounts, CallCounter as CC, isMaxCounter } from "./Counters.ts"

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
  // The selected scopes and their counter bases (−1: not selected).
  private readonly scope = new Int32Array(4)
  private readonly base = new Int32Array(4)

  constructor(queueCount: number, tenantCount: number, intervals: number) {
    this.queueCount = queueCount
    this.tenantCount = tenantCount
    this.intervals = intervals
    this.scopeCount = 1 + queueCount + tenantCount + KINDS
    this.counters = new Float64Array(this.scopeCount * intervals * CALL_COUNTER_COUNT)
    this.waitHist = new Uint32Array(this.scopeCount * HISTOGRAM_BUCKETS)
    this.abandonHist = new Uint32Array(this.scopeCount * HISTOGRAM_BUCKETS)
    this.intervalHist = new Array<Uint32Array | undefined>(intervals).fill(undefined)
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
    const scope = this.scope
    scope[0] = this.typeScope(kind)
    scope[1] = kind === Kind.queue ? this.tenantScope(tenant) : -1
    scope[2] = q >= 0 ? this.queueScope(q) : -1
    scope[3] = -1
    for (let k = 0; k < 3; k++) this.base[k] = scope[k]! >= 0 ? this.offset(scope[k]!, i) : -1
    this.base[3] = -1
  }

  /** Adds v to counter c of the selected scopes. */
  inc(c: number, v: number): void {
    const base = this.base
    const counters = this.counters
    for (let k = 0; k < 3; k++) {
      const b = base[k]!
      if (b >= 0) counters[b + c]! += v
    }
  }

  /** Raises max counter c of the selected scopes to v. */
  raise(c: number, v: number): void {
    const base = this.base
    const counters = this.counters
    for (let k = 0; k < 3; k++) {
      const b = base[k]!
      if (b >= 0 && v > counters[b + c]!) counters[b + c] = v
    }
  }

  /** Counts an answered call in the selected scopes, in one pass (this runs for every answered call). */
  answered(wait: number, within: number): void {
    const base = this.base
    const counters = this.counters
    const waited = wait > 0 ? 1 : 0
    for (let k = 0; k < 3; k++) {
      const b = base[k]!
      if (b < 0) continue
      counters[b + CC.answered]! += 1
      counters[b + CC.waitAnsweredMs]! += wait
      counters[b + CC.waitAllMs]! += wait
      counters[b + CC.waited]! += waited
      counters[b + CC.answeredWithin]! += within
      if (wait > counters[b + CC.maxWaitMs]!) counters[b + CC.maxWaitMs] = wait
      if (wait > counters[b + CC.maxWaitAnsweredMs]!) counters[b + CC.maxWaitAnsweredMs] = wait
    }
  }

  /** Counts a wait in the answered or abandon histograms of the selected scopes. */
  record(hists: Uint32Array, wait: number): void {
    const bucket = bucketOf(wait)
    const scope = this.scope
    for (let k = 0; k < 3; k++) {
      const s = scope[k]!
      if (s >= 0) hists[s * HISTOGRAM_BUCKETS + bucket]! += 1
    }
  }

  /** Counts an answered queue call's wait in its arrival interval's histogram. */
  recordInterval(i: number, wait: number): void {
    let h = this.intervalHist[i]
    if (h === undefined) {
      h = new Uint32Array(HISTOGRAM_BUCKETS)
      this.intervalHist[i] = h
    }
    h[bucketOf(wait)]! += 1
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

/** Row `row` of a dense histogram table as a sparse histogram. */
const sparseRow = (table: Uint32Array | undefined, row: number): SparseHistogram => {
  const out: SparseHistogram = []
  if (table === undefined) return out
  const base = row * HISTOGRAM_BUCKETS
  for (let b = 0; b < HISTOGRAM_BUCKETS; b++) if (table[base + b]! > 0) out.push([b, table[base + b]!])
  return out
}
