/** Traffic sources: where each source is in its arrival plan. */
import type { Model } from "../Model.ts"
import * as observer from "../Observer.ts"

// Module-local copies of the imports: V8 folds a module's own constants into the machine code but reads an
// imported binding at every use (engine README, "Imports in hot modules").
const { CallKind, StepKind } = observer

export class SourceTable {
  /** Interval plans: the next interval to draw, and the drawn arrival times of the current one. */
  readonly interval: Int32Array
  readonly buf: Array<Float64Array>
  readonly bufPos: Int32Array
  readonly bufLen: Int32Array
  /** Rate plans: the next arrival time as an unrounded float. */
  readonly next: Float64Array
  /** 1 when the source's queue calls may meet a direct-line first step (R1): only those need the check. */
  readonly mayStartDirect: Uint8Array

  constructor(model: Model) {
    const S = model.sources.length
    this.interval = new Int32Array(S)
    this.buf = model.sources.map(() => new Float64Array(16))
    this.bufPos = new Int32Array(S)
    this.bufLen = new Int32Array(S)
    this.next = new Float64Array(S)
    this.mayStartDirect = Uint8Array.from(model.sources, (src) => {
      if (src.kind !== CallKind.queue) return 0
      const wf = model.workflows[src.workflow]!
      const first = [wf.steps[0], wf.businessHours?.afterHours[0]]
      return first.some((step) => step?.kind === StepKind.directLine) ? 1 : 0
    })
  }
}
