/** Queues: the line of waiting calls (a linked list through the call table), counts, and the eligible members. */
import type { Model } from "../Model.ts"
import * as memberSet from "./MemberSet.ts"
import type { StrategyCode } from "./Rules.ts"

// Module-local copies of the imports: V8 folds a module's own constants into the machine code but reads an
// imported binding at every use (engine README, "Imports in hot modules").
const { MemberSet } = memberSet
type MemberSet = memberSet.MemberSet

export class QueueTable {
  readonly head: Int32Array
  readonly tail: Int32Array
  readonly count: Int32Array
  readonly signedIn: Int32Array
  /** Round-robin: the member last offered a call. */
  readonly rr: Int32Array
  readonly strategy: ReadonlyArray<StrategyCode>
  readonly maxTier: Int32Array
  /** Each queue's eligible members. */
  readonly sets: ReadonlyArray<MemberSet>

  constructor(model: Model) {
    const Q = model.queues.length
    this.head = new Int32Array(Q).fill(-1)
    this.tail = new Int32Array(Q).fill(-1)
    this.count = new Int32Array(Q)
    this.signedIn = new Int32Array(Q)
    this.rr = new Int32Array(Q).fill(-1)
    this.strategy = model.rules.strategies
    this.maxTier = Int32Array.from(model.queues.map((q) => q.members.reduce((t, m) => Math.max(t, m.tier), 1)))
    this.sets = model.queues.map(
      (q) =>
        new MemberSet(
          q.members.map((m) => m.agent),
          q.members.map((m) => m.tier)
        )
    )
  }
}
