/**
 * Time-weighted levels (calls waiting, agents busy, …) integrated over reporting intervals. Each level is
 * integrated lazily: only when it changes is its value × elapsed time added to the interval bins it spans,
 * so the cost is O(1) per change whatever the number of levels.
 *
 * Intervals: bin i covers [open + i·Δ, open + (i+1)·Δ); time before opening goes to the first bin and time
 * after closing (cool-down, or a steady-state horizon) to the last, so nothing is lost. Time before `from`
 * (the end of the warm-up) is not counted.
 */

/** Maps times to reporting-interval bins. */
export class IntervalClock {
  readonly open: number
  readonly intervalMs: number
  readonly intervalCount: number

  constructor(open: number, intervalMs: number, intervalCount: number) {
    this.open = open
    this.intervalMs = intervalMs
    this.intervalCount = intervalCount
  }

  /** The bin of time t (clamped to the first and last bins). */
  binOf(t: number): number {
    const i = Math.floor((t - this.open) / this.intervalMs)
    return i < 0 ? 0 : i >= this.intervalCount ? this.intervalCount - 1 : i
  }

  /** Adds `value` × the overlap of [a, b) with each bin to `bins[offset + bin]`. */
  spread(bins: Float64Array, offset: number, value: number, a: number, b: number): void {
    const last = this.intervalCount - 1
    while (a < b) {
      const i = this.binOf(a)
      const end = i === last ? b : Math.min(b, this.open + (i + 1) * this.intervalMs)
      bins[offset + i]! += value * (end - a)
      a = end
    }
  }
}

/**
 * A fixed set of integer levels, each integrated over time into interval bins. A change of Δ at time t adds −Δ·t
 * to the current bin, and when the clock leaves a bin every level adds value × the bin's end to it (and
 * −value × the next bin's start to that one), so each bin holds ∫ level dt over its span: a change costs two
 * array updates whatever the number of levels, a bin boundary one pass over the levels. Every term is an integer
 * (counts times ms) far below 2^53, so the sums are exact.
 */
export class Levels {
  readonly value: Float64Array
  /** ∫ level dt per bin: `bins[level * intervalCount + bin]`, in level·ms (complete after {@link flushAll}). */
  readonly bins: Float64Array
  readonly count: number
  readonly clock: IntervalClock
  private readonly from: number
  // The bin the clock is in (−1 before the first change) and its end (exclusive; ∞ for the last bin).
  private bin = -1
  private binEnd = Number.NEGATIVE_INFINITY

  constructor(count: number, clock: IntervalClock, from: number) {
    this.count = count
    this.clock = clock
    this.from = from
    this.value = new Float64Array(count)
    this.bins = new Float64Array(count * clock.intervalCount)
  }

  /** Changes level `l` by `delta` at time t (times never decrease). */
  change(l: number, t: number, delta: number): void {
    if (t > this.binEnd) this.moveTo(t)
    this.bins[l * this.clock.intervalCount + this.bin]! -= delta * Math.max(t, this.from)
    this.value[l]! += delta
  }

  /** Moves the clock to the bin holding time t: the levels' values close the bins left and open the new one. */
  private moveTo(t: number): void {
    const clock = this.clock
    const I = clock.intervalCount
    const next = clock.binOf(t)
    const old = this.bin
    if (next !== old) {
      const value = this.value
      const bins = this.bins
      for (let l = 0; l < this.count; l++) {
        const v = value[l]!
        if (v === 0) continue
        const row = l * I
        // Bins from the old one to the new one: each gets v × its end, and the ones after it −v × their start.
        for (let i = old; i < next; i++) bins[row + i]! += v * this.clamp(this.endOf(i))
        for (let i = old + 1; i <= next; i++) bins[row + i]! -= v * this.clamp(this.startOf(i))
      }
      this.bin = next
    }
    this.binEnd = next === I - 1 ? Number.POSITIVE_INFINITY : clock.open + (next + 1) * clock.intervalMs
  }

  private clamp(t: number): number {
    return Math.max(t, this.from)
  }

  private startOf(i: number): number {
    return this.clock.open + i * this.clock.intervalMs
  }

  private endOf(i: number): number {
    return this.clock.open + (i + 1) * this.clock.intervalMs
  }

  /** Completes every level's integral up to time t (the end of the run). */
  flushAll(t: number): void {
    if (this.bin < 0) return
    if (t > this.binEnd) this.moveTo(t)
    const tt = this.clamp(t)
    const I = this.clock.intervalCount
    for (let l = 0; l < this.count; l++) {
      const v = this.value[l]!
      if (v !== 0) this.bins[l * I + this.bin]! += v * tt
    }
  }
}
