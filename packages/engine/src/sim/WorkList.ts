/**
 * Work the rules leave for the matching pass after an event: an agent who became eligible, a call to offer,
 * route, roll over or settle after an unanswered direct offer, an agent who left their queues. The rules
 * below matching post it here instead of calling up; `Settle.ts` runs it, in the order it was posted, at the
 * end of the event. Every post is the last thing its event does that matters to matching, so the order of
 * everything observable is the same as running the work at once.
 */
import * as grow from "./Grow.ts"

// Module-local copies of the imports: V8 folds a module's own constants into the machine code but reads an
// imported binding at every use (engine README, "Imports in hot modules").
const { growI32 } = grow

export const Work = {
  /** x = agent: became eligible; joins the member sets and takes a waiting call. */
  serve: 0,
  /** x = call: offer the waiting call to the best eligible member(s). */
  offer: 1,
  /** x = call, y = RolloverReason: leave the queue for the workflow's next step. */
  rollover: 2,
  /** x = call: nobody took its direct offer; the workflow's next step, or the call ends unanswered. */
  directUnanswered: 3,
  /** x = call: a new queue call enters its workflow. */
  route: 4,
  /** x = agent: signed out; their queues count one agent fewer (and may roll their callers over). */
  agentLeft: 5
} as const
export type Work = (typeof Work)[keyof typeof Work]

export class WorkList {
  head = 0
  tail = 0
  kind = new Int32Array(64)
  x = new Int32Array(64)
  y = new Int32Array(64)

  post(kind: Work, x: number, y = 0): void {
    if (this.tail === this.kind.length) this.grow()
    this.kind[this.tail] = kind
    this.x[this.tail] = x
    this.y[this.tail] = y
    this.tail++
  }

  private grow(): void {
    const n = this.kind.length * 2
    this.kind = growI32(this.kind, n)
    this.x = growI32(this.x, n)
    this.y = growI32(this.y, n)
  }
}
