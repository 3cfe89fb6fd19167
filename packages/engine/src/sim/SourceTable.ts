/** Traffic sources: where each source is in its arrival plan. */
import type { Model } from "../Model.ts"

export class SourceTable {
  /** Interval plans: the next interval to draw, and the drawn arrival times of the current one. */
  readonly interval: Int32Array
  readonly buf: Array<Float64Array>
  readonly bufPos: Int32Array
  readonly bufLen: Int32Array
  /** Rate plans: the next arrival time as an unrounded float. */
  readonly next: Float64Array

  constructor(model: Model) {
    const S = model.sources.length
    this.interval = new Int32Array(S)
    this.buf = model.sources.map(() => new Float64Array(16))
    this.bufPos = new Int32Array(S)
    this.bufLen = new Int32Array(S)
    this.next = new Float64Array(S)
  }
}
