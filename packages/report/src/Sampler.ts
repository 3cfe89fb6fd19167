/**
 * `ReplicationSampler`: an engine observer that keeps what the report draws of one replication — each agent's
 * states and, per scope (total, queue, tenant), the paths of waiting calls and busy agents — at the charts'
 * resolution: per column of a time grid (about two pixels of a chart), so its memory and the report's size
 * do not grow with the calls. Attach it to one replication (e.g. with the engine's `fanOut`); call `sample()`
 * after the run. It implements every hook of the engine's `Observer` (numbers only, as the engine calls them).
 *
 * Definitions:
 * - a call is **waiting** in a queue from `callQueued` until it is answered, rolls over, is abandoned or ends
 *   (a ringing call still waits: it keeps its place in line);
 * - an agent is **busy** with a call active or held, or in wrap-up (the metrics' `busyMs`); for a queue or a
 *   tenant, busy with that queue's or tenant's call (the active call, else the first held one, else the
 *   wrap-up's call);
 * - the displayed **state** of an agent is, in order of precedence: on a call (queue / direct or internal /
 *   outbound, by the active call's kind), wrap-up, ringing, then the status (Unavailable by the miss policy
 *   apart from other Unavailable time).
 *
 * Columns: the grid starts at opening and spans the day (opening to closing); when the run goes past its end,
 * columns are merged in pairs (the span doubles), so any run length fits the same memory. A path keeps each
 * column's lowest and highest level held for some time (exact, also after merging); an agent keeps each
 * column's busy and signed-in time (exact) and the state held longest (after a merge, the longer of the two
 * halves' — a close approximation). Queues' staffing (signed in, busy, available, time-weighted) is kept per
 * reporting interval, exactly.
 */
import {
  type AbandonStage,
  type AgentStatus,
  type CallKind,
  type CancelReason,
  type EndOutcome,
  CallKind as Kind,
  type Observer,
  type RolloverReason,
  AgentStatus as Status,
  StatusCause,
  type StepKind
} from "@ccsim/engine"
import { type AgentTimeline, type PathView, shareDigits, type TimeGrid, TimelineStates } from "./ReportData.ts"

const state = (name: (typeof TimelineStates)[number]): number => TimelineStates.indexOf(name)
const S = {
  signedOut: state("signed-out"),
  available: state("available"),
  unavailable: state("unavailable"),
  unavailableByMiss: state("unavailable-by-miss"),
  ringing: state("ringing"),
  queueCall: state("queue-call"),
  directCall: state("direct-or-internal-call"),
  outbound: state("outbound-call"),
  wrapUp: state("wrap-up")
} as const
const stateCount = TimelineStates.length
/** Busy in the timeline (the heatmap's occupancy): ringing, on a call, in wrap-up. */
const timelineBusy = new Uint8Array(stateCount)
for (const s of [S.ringing, S.queueCall, S.directCall, S.outbound, S.wrapUp]) timelineBusy[s] = 1
/** Staffing levels: busy is on a call or in wrap-up; available is available or ringing. */
const staffBusy = new Uint8Array(stateCount)
for (const s of [S.queueCall, S.directCall, S.outbound, S.wrapUp]) staffBusy[s] = 1
const staffAvailable = new Uint8Array(stateCount)
for (const s of [S.available, S.ringing]) staffAvailable[s] = 1

/** What the sampler reads of the engine's compiled `Model` (which has all of it). Times in ms after midnight. */
export interface SamplerModel {
  readonly agents: ReadonlyArray<{ readonly id: string }>
  readonly queues: ReadonlyArray<{ readonly id: string; readonly members?: ReadonlyArray<{ readonly agent: number }> }>
  readonly tenants: ReadonlyArray<{ readonly id: string }>
  /** Opening and closing (default midnight to midnight) and the reporting interval (default 30 minutes). */
  readonly open?: number
  readonly close?: number
  readonly intervalMs?: number
}

/**
 * A queue's staffing in the sampled replication: mean numbers of its members signed in, busy (on a call or in
 * wrap-up) and available (available or ringing) in each reporting interval from opening.
 *
 * @category models
 */
export interface StaffingSample {
  /** `queue:<id>`. */
  readonly key: string
  readonly signedIn: ReadonlyArray<number>
  readonly busy: ReadonlyArray<number>
  readonly available: ReadonlyArray<number>
}

/**
 * One replication as the report draws it. Times in seconds after midnight.
 *
 * @category models
 */
export interface ReplicationSample {
  readonly replication: number
  /** When the replication ended. */
  readonly end: number
  /** Each agent's states per column of `agentGrid`. */
  readonly agentGrid: TimeGrid
  readonly agents: ReadonlyArray<AgentTimeline>
  /** Envelopes per scope key (`total`, `queue:<id>`, `tenant:<id>`), per column of their grid. */
  readonly paths: ReadonlyArray<{ readonly key: string } & PathView>
  /** Each queue's staffing per reporting interval. */
  readonly staffing: ReadonlyArray<StaffingSample>
}

/** Options of the sampler. */
export interface SamplerOptions {
  /** The replication index (for the report's captions). */
  readonly replication?: number
  /** Columns of the paths' grid: about one per two pixels of the over-time chart. Default 600. */
  readonly pathColumns?: number
  /**
   * Agent cells (agents × columns) kept at most: the agents' grid has `agentCells / agents` columns, between
   * 48 and `pathColumns`. Default 1,000,000 (10,000 agents: 100 columns, about a quarter of an hour each for
   * a day; 1,000 agents or fewer: every path column).
   */
  readonly agentCells?: number
}

interface CallInfo {
  readonly kind: number
  readonly tenant: number
  /** The agent the call is with (active or held), or −1. */
  agent: number
  /** The queue the call waits in, or −1. */
  waitingIn: number
  /** The queue it was answered from, or −1. */
  answeredFrom: number
}

/**
 * Lowest and highest level per column of levels held over time, one series per slot (scope × quantity). Levels
 * come in time order per slot; a level held for no time is not recorded.
 */
class Envelopes {
  readonly lo: Int32Array
  readonly hi: Int32Array
  /** The last column written per slot (−1: none). */
  readonly filled: Int32Array
  readonly level: Int32Array
  readonly since: Float64Array
  readonly slots: number
  readonly columns: number

  constructor(slots: number, columns: number, start: number) {
    this.slots = slots
    this.columns = columns
    this.lo = new Int32Array(slots * columns)
    this.hi = new Int32Array(slots * columns)
    this.filled = new Int32Array(slots).fill(-1)
    this.level = new Int32Array(slots)
    this.since = new Float64Array(slots).fill(start)
  }

  /** The level of `slot` becomes `v` at `t` (seconds, not before the last change). */
  set(grid: Grid, slot: number, t: number, v: number): void {
    if (v === this.level[slot]) return
    this.commit(grid, slot, t)
    this.level[slot] = v
  }

  /** Writes the level held since the last change up to `t`. */
  commit(grid: Grid, slot: number, t: number): void {
    const from = Math.max(this.since[slot]!, grid.start)
    this.since[slot] = t
    if (t <= from) return
    const v = this.level[slot]!
    const last = grid.lastColumn(t)
    const base = slot * this.columns
    for (let c = grid.column(from); c <= last; c++) {
      if (c > this.filled[slot]!) {
        this.lo[base + c] = v
        this.hi[base + c] = v
        this.filled[slot] = c
      } else {
        if (v < this.lo[base + c]!) this.lo[base + c] = v
        if (v > this.hi[base + c]!) this.hi[base + c] = v
      }
    }
  }

  /** Merges columns in pairs (the grid's span doubled). */
  halve(): void {
    for (let s = 0; s < this.slots; s++) {
      const base = s * this.columns
      const filled = this.filled[s]!
      for (let c = 0; 2 * c <= filled; c++) {
        const a = base + 2 * c
        let lo = this.lo[a]!
        let hi = this.hi[a]!
        if (2 * c + 1 <= filled) {
          lo = Math.min(lo, this.lo[a + 1]!)
          hi = Math.max(hi, this.hi[a + 1]!)
        }
        this.lo[base + c] = lo
        this.hi[base + c] = hi
      }
      this.filled[s] = filled < 0 ? -1 : filled >> 1
    }
  }

  envelope(slot: number, used: number): { lo: Array<number>; hi: Array<number> } {
    const base = slot * this.columns
    const n = Math.min(used, this.filled[slot]! + 1)
    return { lo: Array.from(this.lo.subarray(base, base + n)), hi: Array.from(this.hi.subarray(base, base + n)) }
  }
}

/** Equal columns from `start`; `columns × step` is the span before the next doubling. */
class Grid {
  readonly start: number
  step: number
  readonly columns: number
  constructor(start: number, step: number, columns: number) {
    this.start = start
    this.step = step
    this.columns = columns
  }
  get end(): number {
    return this.start + this.columns * this.step
  }
  column(t: number): number {
    return Math.min(this.columns - 1, Math.max(0, Math.floor((t - this.start) / this.step)))
  }
  /** The last column a span ending at `t` (exclusive) reaches. */
  lastColumn(t: number): number {
    return Math.min(this.columns - 1, Math.max(0, Math.ceil((t - this.start) / this.step) - 1))
  }
  view(end: number): TimeGrid {
    const used = Math.min(this.columns, Math.max(1, Math.ceil((end - this.start) / this.step)))
    return { start: this.start, step: this.step, columns: used }
  }
}

/**
 * Records one replication's agent states and paths at the charts' resolution.
 *
 * @category constructors
 */
export class ReplicationSampler implements Observer {
  private readonly calls = new Map<number, CallInfo>()
  private readonly status: Int8Array
  private readonly byMiss: Uint8Array
  private readonly ringing: Int32Array
  private readonly active: Int32Array
  private readonly held: Array<Array<number>>
  private readonly inWrapUp: Uint8Array
  private readonly wrapQueue: Int32Array
  private readonly wrapTenant: Int32Array
  /** The tenant of the last call each agent answered or resumed (for a wrap-up reported after its call ended). */
  private readonly lastTenant: Int32Array
  private readonly shown: Int32Array
  private readonly since: Float64Array
  /** The scope (as three numbers: busy, queue, tenant) each agent's busy time counts for now. */
  private readonly busyQueue: Int32Array
  private readonly busyTenant: Int32Array
  private readonly busyNow: Uint8Array
  private readonly waiting: Int32Array
  private readonly busy: Int32Array
  private readonly queueCount: number
  private end = 0
  private readonly model: SamplerModel
  private readonly options: SamplerOptions
  // paths: slot 2k waiting, 2k + 1 busy of scope k
  private readonly pathGrid: Grid
  private readonly paths: Envelopes
  // agents' columns
  private readonly agentGrid: Grid
  private readonly cellBusy: Float32Array
  private readonly cellSignedIn: Float32Array
  private readonly cellState: Uint8Array
  private readonly cellStateTime: Float32Array
  /** Each agent's column still being written, and its time per state. */
  private readonly openColumn: Int32Array
  private readonly openTime: Float64Array
  // queues' staffing per interval (seconds of agent time)
  private readonly open: number
  private readonly intervalSeconds: number
  private readonly agentQueues: Array<Array<number>>
  private readonly staffSignedIn: Array<Array<number>>
  private readonly staffBusy: Array<Array<number>>
  private readonly staffAvailable: Array<Array<number>>

  constructor(model: SamplerModel, options: SamplerOptions = {}) {
    this.model = model
    this.options = options
    const n = model.agents.length
    this.status = new Int8Array(n).fill(Status.signedOut)
    this.byMiss = new Uint8Array(n)
    this.ringing = new Int32Array(n)
    this.active = new Int32Array(n).fill(-1)
    this.held = Array.from({ length: n }, () => [])
    this.inWrapUp = new Uint8Array(n)
    this.wrapQueue = new Int32Array(n).fill(-1)
    this.wrapTenant = new Int32Array(n).fill(-1)
    this.lastTenant = new Int32Array(n).fill(-1)
    this.busyQueue = new Int32Array(n).fill(-1)
    this.busyTenant = new Int32Array(n).fill(-1)
    this.busyNow = new Uint8Array(n)
    this.queueCount = model.queues.length
    const scopes = 1 + model.queues.length + model.tenants.length
    this.waiting = new Int32Array(scopes)
    this.busy = new Int32Array(scopes)

    this.open = (model.open ?? 0) / 1000
    const close = (model.close ?? 86_400_000) / 1000
    this.intervalSeconds = (model.intervalMs ?? 1_800_000) / 1000
    const span = Math.max(close - this.open, this.intervalSeconds, 1)
    const pathColumns = Math.max(1, Math.round(options.pathColumns ?? 600))
    this.pathGrid = new Grid(this.open, span / pathColumns, pathColumns)
    this.paths = new Envelopes(2 * scopes, pathColumns, this.open)
    const agentColumns = Math.max(
      1,
      Math.min(pathColumns, Math.max(48, Math.floor((options.agentCells ?? 1_000_000) / Math.max(1, n))))
    )
    this.agentGrid = new Grid(this.open, span / agentColumns, agentColumns)
    this.cellBusy = new Float32Array(n * agentColumns)
    this.cellSignedIn = new Float32Array(n * agentColumns)
    this.cellState = new Uint8Array(n * agentColumns)
    this.cellStateTime = new Float32Array(n * agentColumns)
    this.openColumn = new Int32Array(n).fill(-1)
    this.openTime = new Float64Array(n * stateCount)
    this.shown = new Int32Array(n).fill(S.signedOut)
    this.since = new Float64Array(n).fill(this.open)

    this.agentQueues = Array.from({ length: n }, () => [])
    model.queues.forEach((q, k) => {
      for (const m of q.members ?? []) if (m.agent >= 0 && m.agent < n) this.agentQueues[m.agent]!.push(k)
    })
    this.staffSignedIn = model.queues.map(() => [])
    this.staffBusy = model.queues.map(() => [])
    this.staffAvailable = model.queues.map(() => [])
  }

  // --- columns ---------------------------------------------------------------------------------------------

  /** Makes room for times up to `seconds`: merges columns in pairs until the grids reach it. */
  private reach(seconds: number): void {
    while (seconds > this.pathGrid.end) {
      this.paths.halve()
      this.pathGrid.step *= 2
      this.halveAgents()
      this.agentGrid.step *= 2
    }
  }

  private halveAgents(): void {
    const columns = this.agentGrid.columns
    for (let a = 0; a < this.shown.length; a++) {
      const base = a * columns
      const open = this.openColumn[a]!
      // The open column's partner, already closed, joins its running times.
      if (open >= 0 && open % 2 === 1)
        this.openTime[a * stateCount + this.cellState[base + open - 1]!]! += this.cellStateTime[base + open - 1]!
      const closed = open < 0 ? columns : open
      for (let c = 0; 2 * c < columns; c++) {
        const x = base + 2 * c
        const y = x + 1
        this.cellBusy[base + c] = this.cellBusy[x]! + this.cellBusy[y]!
        this.cellSignedIn[base + c] = this.cellSignedIn[x]! + this.cellSignedIn[y]!
        if (2 * c + 1 < closed && this.cellStateTime[y]! > this.cellStateTime[x]!) {
          this.cellState[base + c] = this.cellState[y]!
          this.cellStateTime[base + c] = this.cellStateTime[y]!
        } else {
          this.cellState[base + c] = this.cellState[x]!
          this.cellStateTime[base + c] = this.cellStateTime[x]!
        }
      }
      this.cellBusy.fill(0, base + columns / 2, base + columns)
      this.cellSignedIn.fill(0, base + columns / 2, base + columns)
      this.cellState.fill(S.signedOut, base + Math.ceil(columns / 2), base + columns)
      this.cellStateTime.fill(0, base + Math.ceil(columns / 2), base + columns)
      if (open >= 0) this.openColumn[a] = open >> 1
    }
  }

  /** Closes an agent's open column: its state is the one held longest. */
  private closeColumn(agent: number): void {
    const open = this.openColumn[agent]!
    if (open < 0) return
    const times = agent * stateCount
    let best = 0
    for (let s = 1; s < stateCount; s++) if (this.openTime[times + s]! > this.openTime[times + best]!) best = s
    const cell = agent * this.agentGrid.columns + open
    this.cellState[cell] = best
    this.cellStateTime[cell] = this.openTime[times + best]!
    this.openTime.fill(0, times, times + stateCount)
    this.openColumn[agent] = -1
  }

  /** The agent was in state `s` from `from` to `to` (seconds). */
  private agentSpan(agent: number, from: number, to: number, s: number): void {
    const grid = this.agentGrid
    const a = Math.max(from, grid.start)
    if (to > a) {
      const last = grid.lastColumn(to)
      for (let c = grid.column(a); c <= last; c++) {
        const lo = Math.max(a, grid.start + c * grid.step)
        const hi = c === grid.columns - 1 ? to : Math.min(to, grid.start + (c + 1) * grid.step)
        if (hi <= lo) continue
        if (c !== this.openColumn[agent]) {
          this.closeColumn(agent)
          this.openColumn[agent] = c
        }
        const cell = agent * grid.columns + c
        this.openTime[agent * stateCount + s]! += hi - lo
        if (s !== S.signedOut) this.cellSignedIn[cell]! += hi - lo
        if (timelineBusy[s] === 1) this.cellBusy[cell]! += hi - lo
      }
    }
    if (s === S.signedOut) return
    for (const q of this.agentQueues[agent]!) this.staffSpan(q, from, to, s)
  }

  private staffSpan(queue: number, from: number, to: number, s: number): void {
    const width = this.intervalSeconds
    let t = Math.max(from, this.open)
    while (t < to) {
      const k = Math.floor((t - this.open) / width)
      const stop = Math.min(to, this.open + (k + 1) * width)
      const d = stop - t
      add(this.staffSignedIn[queue]!, k, d)
      if (staffBusy[s] === 1) add(this.staffBusy[queue]!, k, d)
      if (staffAvailable[s] === 1) add(this.staffAvailable[queue]!, k, d)
      t = stop > t ? stop : to
    }
  }

  // --- scope bookkeeping -------------------------------------------------------------------------------

  private addWaiting(t: number, call: CallInfo, queue: number, delta: number): void {
    const seconds = t / 1000
    this.reach(seconds)
    // the total, the queue and the tenant (no list per call: this runs for every event)
    this.moveWaiting(0, seconds, delta)
    if (queue >= 0) this.moveWaiting(1 + queue, seconds, delta)
    if (call.tenant >= 0) this.moveWaiting(1 + this.queueCount + call.tenant, seconds, delta)
  }

  private moveWaiting(k: number, seconds: number, delta: number): void {
    this.waiting[k]! += delta
    this.paths.set(this.pathGrid, 2 * k, seconds, this.waiting[k]!)
  }

  private stopWaiting(t: number, call: number): void {
    const info = this.calls.get(call)
    if (info === undefined || info.waitingIn < 0) return
    this.addWaiting(t, info, info.waitingIn, -1)
    info.waitingIn = -1
  }

  // --- agent state ---------------------------------------------------------------------------------------

  private workCall(agent: number): number {
    return this.active[agent]! >= 0 ? this.active[agent]! : (this.held[agent]![0] ?? -1)
  }

  private displayed(agent: number): number {
    const call = this.active[agent]!
    if (call >= 0) {
      const kind = this.calls.get(call)?.kind ?? Kind.queue
      return kind === Kind.queue ? S.queueCall : kind === Kind.outbound ? S.outbound : S.directCall
    }
    if (this.held[agent]!.length > 0) return S.queueCall
    if (this.inWrapUp[agent] === 1) return S.wrapUp
    if (this.ringing[agent]! > 0) return S.ringing
    const status = this.status[agent]
    if (status === Status.signedOut) return S.signedOut
    if (status === Status.unavailable) return this.byMiss[agent] === 1 ? S.unavailableByMiss : S.unavailable
    return S.available
  }

  private refresh(t: number, agent: number): void {
    const seconds = t / 1000
    this.reach(seconds)
    const next = this.displayed(agent)
    const prev = this.shown[agent]!
    if (next !== prev) {
      if (seconds > this.since[agent]!) this.agentSpan(agent, this.since[agent]!, seconds, prev)
      this.shown[agent] = next
      this.since[agent] = seconds
    }
    // busy attribution
    const call = this.workCall(agent)
    let busy = 0
    let queue = -1
    let tenant = -1
    if (call >= 0) {
      const info = this.calls.get(call)
      busy = 1
      queue = info?.answeredFrom ?? -1
      tenant = info?.tenant ?? -1
    } else if (this.inWrapUp[agent] === 1) {
      busy = 1
      queue = this.wrapQueue[agent]!
      tenant = this.wrapTenant[agent]!
    }
    if (busy === this.busyNow[agent] && queue === this.busyQueue[agent] && tenant === this.busyTenant[agent]) return
    if (this.busyNow[agent] === 1) this.addBusy(seconds, this.busyQueue[agent]!, this.busyTenant[agent]!, -1)
    if (busy === 1) this.addBusy(seconds, queue, tenant, 1)
    this.busyNow[agent] = busy
    this.busyQueue[agent] = queue
    this.busyTenant[agent] = tenant
  }

  private addBusy(seconds: number, queue: number, tenant: number, delta: number): void {
    this.moveBusy(0, seconds, delta)
    if (queue >= 0) this.moveBusy(1 + queue, seconds, delta)
    if (tenant >= 0) this.moveBusy(1 + this.queueCount + tenant, seconds, delta)
  }

  private moveBusy(k: number, seconds: number, delta: number): void {
    this.busy[k]! += delta
    this.paths.set(this.pathGrid, 2 * k + 1, seconds, this.busy[k]!)
  }

  // --- the engine's observer hooks -------------------------------------------------------------------------

  callArrived(
    _t: number,
    call: number,
    kind: CallKind,
    tenant: number,
    _known: boolean,
    _source: number,
    _redialOf: number
  ): void {
    this.calls.set(call, { kind, tenant, agent: -1, waitingIn: -1, answeredFrom: -1 })
  }
  callRouted(_t: number, _call: number, _step: StepKind, _target: number): void {}
  callQueued(t: number, call: number, queue: number): void {
    const info = this.calls.get(call)
    if (info === undefined) return
    if (info.waitingIn >= 0) this.stopWaiting(t, call)
    info.waitingIn = queue
    this.addWaiting(t, info, queue, 1)
  }
  callRolledOver(t: number, call: number, _queue: number, _reason: RolloverReason): void {
    this.stopWaiting(t, call)
  }
  offerStarted(t: number, _call: number, agent: number, _queue: number): void {
    this.ringing[agent]! += 1
    this.refresh(t, agent)
  }
  offerAccepted(t: number, call: number, agent: number, queue: number): void {
    this.ringing[agent] = Math.max(0, this.ringing[agent]! - 1)
    this.stopWaiting(t, call)
    const info = this.calls.get(call)
    if (info !== undefined) {
      info.answeredFrom = queue
      info.agent = agent
      this.lastTenant[agent] = info.tenant
    }
    const current = this.active[agent]!
    // Hold & Accept: the engine reports callHeld first; a call still active here is held now.
    if (current >= 0 && current !== call) this.held[agent]!.push(current)
    this.active[agent] = call
    this.refresh(t, agent)
  }
  offerRejected(t: number, _call: number, agent: number, _queue: number): void {
    this.ringing[agent] = Math.max(0, this.ringing[agent]! - 1)
    this.refresh(t, agent)
  }
  offerMissed(t: number, _call: number, agent: number, _queue: number): void {
    this.ringing[agent] = Math.max(0, this.ringing[agent]! - 1)
    this.refresh(t, agent)
  }
  offerCancelled(t: number, _call: number, agent: number, _queue: number, _reason: CancelReason): void {
    this.ringing[agent] = Math.max(0, this.ringing[agent]! - 1)
    this.refresh(t, agent)
  }
  outboundStarted(t: number, call: number, agent: number): void {
    const info = this.calls.get(call)
    if (info === undefined)
      this.calls.set(call, { kind: Kind.outbound, tenant: -1, agent, waitingIn: -1, answeredFrom: -1 })
    else info.agent = agent
    const current = this.active[agent]!
    if (current >= 0 && current !== call) this.held[agent]!.push(current)
    this.active[agent] = call
    this.refresh(t, agent)
  }
  callHeld(t: number, call: number, agent: number): void {
    if (this.active[agent] === call) this.active[agent] = -1
    if (!this.held[agent]!.includes(call)) this.held[agent]!.push(call)
    this.refresh(t, agent)
  }
  callResumed(t: number, call: number, agent: number): void {
    const held = this.held[agent]!
    const k = held.indexOf(call)
    if (k >= 0) held.splice(k, 1)
    const current = this.active[agent]!
    if (current >= 0 && current !== call) held.push(current)
    this.active[agent] = call
    this.lastTenant[agent] = this.calls.get(call)?.tenant ?? this.lastTenant[agent]!
    this.refresh(t, agent)
  }
  callAbandoned(t: number, call: number, _queue: number, _stage: AbandonStage): void {
    this.stopWaiting(t, call)
  }
  callEnded(t: number, call: number, _agent: number, _outcome: EndOutcome): void {
    this.stopWaiting(t, call)
    // Release the call from the agent it is with, active or held.
    const a = this.calls.get(call)?.agent ?? -1
    if (a >= 0) {
      const held = this.held[a]!
      const k = held.indexOf(call)
      if (this.active[a] === call) this.active[a] = -1
      else if (k >= 0) held.splice(k, 1)
      this.refresh(t, a)
    }
    this.calls.delete(call)
  }
  redialScheduled(_t: number, _call: number, _at: number): void {}
  wrapUpStarted(t: number, agent: number, call: number, queue: number, _duration: number): void {
    this.inWrapUp[agent] = 1
    this.wrapQueue[agent] = queue
    this.wrapTenant[agent] = this.calls.get(call)?.tenant ?? this.lastTenant[agent]!
    this.refresh(t, agent)
  }
  wrapUpEnded(t: number, agent: number): void {
    this.inWrapUp[agent] = 0
    this.refresh(t, agent)
  }
  agentStatusChanged(t: number, agent: number, status: AgentStatus, cause: StatusCause, _reason: number): void {
    this.status[agent] = status
    this.byMiss[agent] = status === Status.unavailable && cause === StatusCause.missPolicy ? 1 : 0
    this.refresh(t, agent)
  }
  agentOvertimeStarted(_t: number, _agent: number): void {}
  simulationEnded(t: number): void {
    this.end = t
    const seconds = t / 1000
    this.reach(seconds)
    for (let a = 0; a < this.shown.length; a++) {
      if (seconds > this.since[a]!) this.agentSpan(a, this.since[a]!, seconds, this.shown[a]!)
      this.since[a] = seconds
      this.closeColumn(a)
    }
    for (let slot = 0; slot < this.paths.slots; slot++) this.paths.commit(this.pathGrid, slot, seconds)
  }

  /** The sample: call after the replication ended. */
  sample(): ReplicationSample {
    const end = this.end / 1000
    const keys = [
      "total",
      ...this.model.queues.map((q) => `queue:${q.id}`),
      ...this.model.tenants.map((t) => `tenant:${t.id}`)
    ]
    const grid = this.pathGrid.view(end)
    const agentGrid = this.agentGrid.view(end)
    const columns = this.agentGrid.columns
    const share = (seconds: number) =>
      shareDigits[Math.min(63, Math.max(0, Math.round((seconds / agentGrid.step) * 63)))]!
    const agents = this.model.agents.map((a, k): AgentTimeline => {
      let states = ""
      let busy = ""
      let signedIn = ""
      for (let c = 0; c < agentGrid.columns; c++) {
        const cell = k * columns + c
        states += String(this.cellState[cell])
        busy += share(this.cellBusy[cell]!)
        signedIn += share(this.cellSignedIn[cell]!)
      }
      return { id: a.id, states, busy, signedIn }
    })
    const intervals = Math.max(0, Math.ceil((end - this.open) / this.intervalSeconds))
    const levels = (list: Array<number>) =>
      Array.from({ length: intervals }, (_, k) => (list[k] ?? 0) / this.intervalSeconds)
    return {
      replication: this.options.replication ?? 0,
      end,
      agentGrid,
      agents,
      paths: keys.map((key, k) => ({
        key,
        grid,
        queueLength: this.paths.envelope(2 * k, grid.columns),
        busy: this.paths.envelope(2 * k + 1, grid.columns)
      })),
      staffing: this.model.queues.map((q, k) => ({
        key: `queue:${q.id}`,
        signedIn: levels(this.staffSignedIn[k]!),
        busy: levels(this.staffBusy[k]!),
        available: levels(this.staffAvailable[k]!)
      }))
    }
  }
}

const add = (list: Array<number>, k: number, d: number): void => {
  while (list.length <= k) list.push(0)
  list[k]! += d
}
