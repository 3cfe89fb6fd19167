/**
 * Calls in the system, one slot each, in typed arrays indexed by slot. Slots are recycled (lowest first when
 * the table grows); each call also has a unique call number (`no`, what observers see). Also the pool of
 * tried-agent lists (which agents failed an offer of the call in this ring cycle, and when).
 */
import * as events from "./Events.ts"
import * as grow from "./Grow.ts"

// Module-local copies of the imports: V8 folds a module's own constants into the machine code but reads an
// imported binding at every use (engine README, "Imports in hot modules").
const { CallState, NO_EVENT, StepList } = events
const { growF64, growI32, growU8 } = grow

export class CallTable {
  cap = 0
  /** Calls in the system. */
  live = 0
  private freeTop = 0
  private freeSlots = new Int32Array(0)

  no = new Int32Array(0)
  /** CallState. */
  state = new Uint8Array(0)
  /** CallKind. */
  kind = new Uint8Array(0)
  /** How the call is connected to its agent (CallKind: a workflow-routed queue call on a direct line is direct). */
  line = new Uint8Array(0)
  source = new Int32Array(0)
  tenant = new Int32Array(0)
  known = new Uint8Array(0)
  attempt = new Int32Array(0)
  workflow = new Int32Array(0)
  /** StepList. */
  stepList = new Uint8Array(0)
  /** The workflow step; for a dialled direct call, 1 once `directLineUnanswered` forwarded it (at most once). */
  step = new Int32Array(0)
  /** Wrap-up after this call from its arrival interval's `acw_s` (ms), or −1 for the queue's wrap-up. */
  acw = new Float64Array(0)
  priority = new Int32Array(0)
  arrive = new Float64Array(0)
  patience = new Float64Array(0)
  /** Talk time left (ms). */
  talk = new Float64Array(0)
  talkStart = new Float64Array(0)
  talkScaled = new Uint8Array(0)
  /** Customer hold still to come (ms; 0: none or done) and the talk left after it, set when first connected. */
  hold = new Float64Array(0)
  holdRest = new Float64Array(0)
  /** The end of a running customer hold, or none. */
  holdEv = new Int32Array(0)
  queue = new Int32Array(0)
  inQueue = new Uint8Array(0)
  enter = new Float64Array(0)
  agent = new Int32Array(0)
  /** The agent a single (non ring-all) offer is ringing at. */
  offerAgent = new Int32Array(0)
  ringing = new Int32Array(0)
  rollPending = new Uint8Array(0)
  /** When the call's last offer failed (miss or reject): ring-cycle retry delays count from it. */
  lastFail = new Float64Array(0)
  prev = new Int32Array(0)
  next = new Int32Array(0)
  heldNext = new Int32Array(0)
  tried = new Int32Array(0)
  patEv = new Int32Array(0)
  /** Calendar sequence reserved at arrival for the (lazily scheduled) patience event. */
  patSeq = new Float64Array(0)
  waitEv = new Int32Array(0)
  /** QueueTimer bits of queue timers not yet in the calendar, and their reserved sequences. */
  timers = new Uint8Array(0)
  waitSeq = new Float64Array(0)
  tierSeq = new Float64Array(0)
  talkEv = new Int32Array(0)
  retryEv = new Int32Array(0)
  tierEv = new Int32Array(0)

  // tried-agent lists (pool)
  private tCap = 0
  private tFree = -1
  private tNext = new Int32Array(0)
  private tAgent = new Int32Array(0)
  private tTime = new Float64Array(0)

  constructor(calls: number, tried: number) {
    this.grow(calls)
    this.growTried(tried)
  }

  /** Grows the table to `n` slots. */
  private grow(n: number): void {
    const old = this.cap
    this.no = growI32(this.no, n)
    this.state = growU8(this.state, n)
    this.kind = growU8(this.kind, n)
    this.line = growU8(this.line, n)
    this.source = growI32(this.source, n)
    this.tenant = growI32(this.tenant, n)
    this.known = growU8(this.known, n)
    this.attempt = growI32(this.attempt, n)
    this.workflow = growI32(this.workflow, n)
    this.stepList = growU8(this.stepList, n)
    this.step = growI32(this.step, n)
    this.acw = growF64(this.acw, n)
    this.priority = growI32(this.priority, n)
    this.arrive = growF64(this.arrive, n)
    this.patience = growF64(this.patience, n)
    this.talk = growF64(this.talk, n)
    this.talkStart = growF64(this.talkStart, n)
    this.talkScaled = growU8(this.talkScaled, n)
    this.queue = growI32(this.queue, n)
    this.inQueue = growU8(this.inQueue, n)
    this.enter = growF64(this.enter, n)
    this.agent = growI32(this.agent, n)
    this.offerAgent = growI32(this.offerAgent, n)
    this.ringing = growI32(this.ringing, n)
    this.rollPending = growU8(this.rollPending, n)
    this.lastFail = growF64(this.lastFail, n)
    this.prev = growI32(this.prev, n)
    this.next = growI32(this.next, n)
    this.heldNext = growI32(this.heldNext, n)
    this.tried = growI32(this.tried, n)
    this.patEv = growI32(this.patEv, n)
    this.patSeq = growF64(this.patSeq, n)
    this.waitEv = growI32(this.waitEv, n)
    this.timers = growU8(this.timers, n)
    this.waitSeq = growF64(this.waitSeq, n)
    this.tierSeq = growF64(this.tierSeq, n)
    this.talkEv = growI32(this.talkEv, n)
    this.hold = growF64(this.hold, n)
    this.holdRest = growF64(this.holdRest, n)
    this.holdEv = growI32(this.holdEv, n)
    this.retryEv = growI32(this.retryEv, n)
    this.tierEv = growI32(this.tierEv, n)
    const free = new Int32Array(n)
    free.set(this.freeSlots.subarray(0, this.freeTop))
    // New slots are handed out lowest first.
    for (let s = n - 1; s >= old; s--) free[this.freeTop++] = s
    this.freeSlots = free
    this.cap = n
  }

  /** Takes a free slot for call number `callNo` arriving at `now`, reset, in state routing. */
  alloc(callNo: number, kind: number, now: number): number {
    if (this.freeTop === 0) this.grow(this.cap * 2)
    const c = this.freeSlots[--this.freeTop]!
    this.no[c] = callNo
    this.state[c] = CallState.routing
    this.kind[c] = kind
    this.line[c] = kind
    this.source[c] = -1
    this.tenant[c] = -1
    this.known[c] = 1
    this.attempt[c] = 0
    this.workflow[c] = -1
    this.stepList[c] = StepList.main
    this.step[c] = 0
    this.acw[c] = -1
    this.priority[c] = 0
    this.arrive[c] = now
    this.patience[c] = Number.POSITIVE_INFINITY
    this.talk[c] = 0
    this.talkStart[c] = 0
    this.talkScaled[c] = 0
    this.queue[c] = -1
    this.inQueue[c] = 0
    this.enter[c] = 0
    this.agent[c] = -1
    this.offerAgent[c] = -1
    this.ringing[c] = 0
    this.rollPending[c] = 0
    this.lastFail[c] = 0
    this.prev[c] = -1
    this.next[c] = -1
    this.heldNext[c] = -1
    this.tried[c] = -1
    this.patEv[c] = NO_EVENT
    this.waitEv[c] = NO_EVENT
    this.timers[c] = 0
    this.talkEv[c] = NO_EVENT
    this.hold[c] = 0
    this.holdRest[c] = 0
    this.holdEv[c] = NO_EVENT
    this.retryEv[c] = NO_EVENT
    this.tierEv[c] = NO_EVENT
    this.live++
    return c
  }

  /** Returns a slot to the pool. */
  free(c: number): void {
    this.state[c] = CallState.free
    this.clearTried(c)
    this.freeSlots[this.freeTop++] = c
    this.live--
  }

  private growTried(n: number): void {
    const old = this.tCap
    this.tNext = growI32(this.tNext, n)
    this.tAgent = growI32(this.tAgent, n)
    this.tTime = growF64(this.tTime, n)
    for (let i = n - 1; i >= old; i--) {
      this.tNext[i] = this.tFree
      this.tFree = i
    }
    this.tCap = n
  }

  /** Records that `agent` failed an offer of call `c` that started at `offerStart`. */
  addTried(c: number, agent: number, offerStart: number): void {
    for (let n = this.tried[c]!; n >= 0; n = this.tNext[n]!) {
      if (this.tAgent[n] === agent) {
        this.tTime[n] = offerStart
        return
      }
    }
    if (this.tFree < 0) this.growTried(this.tCap * 2)
    const n = this.tFree
    this.tFree = this.tNext[n]!
    this.tAgent[n] = agent
    this.tTime[n] = offerStart
    this.tNext[n] = this.tried[c]!
    this.tried[c] = n
  }

  /** When the last failed offer of `c` to `agent` in this cycle started, or −1 when none failed. */
  triedAt(c: number, agent: number): number {
    for (let n = this.tried[c]!; n >= 0; n = this.tNext[n]!) if (this.tAgent[n] === agent) return this.tTime[n]!
    return -1
  }

  clearTried(c: number): void {
    let n = this.tried[c]!
    while (n >= 0) {
      const next = this.tNext[n]!
      this.tNext[n] = this.tFree
      this.tFree = n
      n = next
    }
    this.tried[c] = -1
  }
}
