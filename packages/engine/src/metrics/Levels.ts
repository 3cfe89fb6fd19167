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

/** A fixed set of integer levels, each integrated over time into interval bins. */
export class Levels {
  readonly value: Float64Array
  readonly since: Float64Array
  /** ∫ level dt per bin: `bins[level * intervalCount + bin]`, in level·ms. */
  readonly bins: Float64Array
  readonly count: number
  readonly clock: IntervalClock
  // The bin the clock is in now and its bounds: most changes fall inside it and need no division.
  private bin = 0
  private binStart = Number.NEGATIVE_INFINITY
  private binEnd = Number.NEGATIVE_INFINITY

  constructor(count: number, clock: IntervalClock, from: number) {
    this.count = count
    this.clock = clock
    this.value = new Float64Array(count)
    this.since = new Float64Array(count).fill(from)
    this.bins = new Float64Array(count * clock.intervalCount)
  }

  /** Changes level `l` by `delta` at time t. */
  change(l: number, t: number, delta: number): void {
    this.flush(l, t)
    this.value[l]! += delta
  }

  /** Integrates level `l` up to time t. */
  flush(l: number, t: number): void {
    const since = this.since[l]!
    if (t > since) {
      const v = this.value[l]!
      if (v !== 0) {
        if (t > this.binEnd) this.moveTo(t)
        const clock = this.clock
        if (since >= this.binStart) this.bins[l * clock.intervalCount + this.bin]! += v * (t - since)
        else clock.spread(this.bins, l * clock.intervalCount, v, since, t)
      }
      this.since[l] = t
    }
  }

  /** Moves the current bin to the one holding time t (times only grow). */
  private moveTo(t: number): void {
    const clock = this.clock
    const i = clock.binOf(t)
    const last = clock.intervalCount - 1
    this.bin = i
    this.binStart = i === 0 ? Number.NEGATIVE_INFINITY : clock.open + i * clock.intervalMs
    this.binEnd = i === last ? Number.POSITIVE_INFINITY : clock.open + (i + 1) * clock.intervalMs
  }

  /** Integrates every level up to time t. */
  flushAll(t: number): void {
    for (let l = 0; l < this.count; l++) this.flush(l, t)
  }
}
