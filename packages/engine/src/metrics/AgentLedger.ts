/**
 * Agents' time and counts. Each agent's state (status, calls active and held, wrap-up) changes at instants; the
 * time integrals (signed-in time, talk time, …) are kept without integrating at every change: a quantity x that
 * changes by Δ at time t adds −Δ·t to its counter, and {@link AgentLedger.finish} adds x·T at the end, so the
 * counter holds Σ x·dt = ∫ x dt. Only the quantities a change touches cost anything. Every term is an integer
 * (ms times small counts) far below 2^53, so the sums are exact, whatever the order. The time-weighted staffing
 * levels (signed in, available and idle, busy, work) follow every change. Time before `from` (the end of the
 * warm-up) is not counted: changes before it count as at `from`.
 */
import * as observer from "../Observer.ts"
import type { AgentCounts } from "./Counters.ts"
import * as counters from "./Counters.ts"
import type { Levels } from "./Levels.ts"

// Module-local copies of the imports: V8 folds a module's own constants into the machine code but reads an
// imported binding at every use (engine README, "Imports in hot modules").
const { AgentStatus } = observer
const { AgentCounter: AC, AGENT_COUNTER_COUNT, AGENT_COUNTERS } = counters
type AgentStatus = observer.AgentStatus

/** The staffing levels the ledger keeps, as indices into the shared {@link Levels}. */
export const L_SIGNED_IN = 0
export const L_IDLE = 1
export const L_BUSY = 2
export const L_WORK = 3
/** Number of staffing levels (call levels follow them). */
export const AGENT_LEVELS = 4

const N = AGENT_COUNTER_COUNT
const AVAILABLE = AgentStatus.available
const UNAVAILABLE = AgentStatus.unavailable
const SIGNED_OUT = AgentStatus.signedOut

/** Per-agent state and counters, in typed arrays indexed by agent. */
export class AgentLedger {
  readonly counters: Float64Array
  private readonly status: Int8Array
  private readonly missUnavailable: Uint8Array
  private readonly active: Int32Array
  private readonly held: Int32Array
  private readonly wrap: Uint8Array
  private readonly overtimeStart: Float64Array
  private readonly levels: Levels
  private readonly from: number

  constructor(count: number, levels: Levels, from: number) {
    this.levels = levels
    this.from = from
    this.counters = new Float64Array(count * N)
    // Agents start signed out; the engine signs them in at shift start.
    this.status = new Int8Array(count).fill(SIGNED_OUT)
    this.missUnavailable = new Uint8Array(count)
    this.active = new Int32Array(count)
    this.held = new Int32Array(count)
    this.wrap = new Uint8Array(count)
    this.overtimeStart = new Float64Array(count).fill(Number.NaN)
  }

  /** Counts one event of counter c for agent a at time t (not during the warm-up). */
  count(a: number, c: number, t: number): void {
    if (t >= this.from) this.counters[a * N + c]! += 1
  }

  /** Calls connected: `active` more active calls and `held` more held calls (negative to remove). */
  changeCalls(a: number, t: number, active: number, held: number): void {
    const tt = Math.max(t, this.from)
    const c = this.counters
    const base = a * N
    const before = this.active[a]! + this.held[a]! + this.wrap[a]!
    if (active !== 0) {
      c[base + AC.talkMs]! -= active * tt
      this.active[a]! += active
    }
    if (held !== 0) {
      c[base + AC.holdMs]! -= held * tt
      this.held[a]! += held
    }
    this.loadChanged(a, t, tt, before, active + held)
  }

  /** Wrap-up starts or ends. */
  setWrapUp(a: number, t: number, on: boolean): void {
    const w = on ? 1 : 0
    if (this.wrap[a] === w) return
    const tt = Math.max(t, this.from)
    const before = this.active[a]! + this.held[a]! + this.wrap[a]!
    const d = on ? 1 : -1
    this.counters[a * N + AC.wrapUpMs]! -= d * tt
    this.wrap[a] = w
    this.loadChanged(a, t, tt, before, d)
  }

  /** The load (calls active and held, wrap-up) changed by `d` from `before`: work, busy and idle follow. */
  private loadChanged(a: number, t: number, tt: number, before: number, d: number): void {
    if (d === 0) return
    const c = this.counters
    const base = a * N
    const levels = this.levels
    c[base + AC.workMs]! -= d * tt
    levels.change(L_WORK, t, d)
    const after = before + d
    if (before > 0 === after > 0) return
    // Busy started (1) or ended (−1); an Available agent stops or starts being idle.
    const busy = after > 0 ? 1 : -1
    c[base + AC.busyMs]! -= busy * tt
    levels.change(L_BUSY, t, busy)
    if (this.status[a] === AVAILABLE) {
      c[base + AC.idleMs]! += busy * tt
      levels.change(L_IDLE, t, -busy)
    }
  }

  /** A status change; `byMissPolicy` when R11 made the agent Unavailable. */
  setStatus(a: number, t: number, status: AgentStatus, byMissPolicy: boolean): void {
    const tt = Math.max(t, this.from)
    const c = this.counters
    const base = a * N
    const was = this.status[a]!
    const wasMiss = this.missUnavailable[a]!
    const miss = status === UNAVAILABLE && byMissPolicy ? 1 : 0
    const free = this.active[a]! + this.held[a]! + this.wrap[a]! === 0 ? 1 : 0
    this.status[a] = status
    this.missUnavailable[a] = miss
    const signedIn = (status !== SIGNED_OUT ? 1 : 0) - (was !== SIGNED_OUT ? 1 : 0)
    const available = (status === AVAILABLE ? 1 : 0) - (was === AVAILABLE ? 1 : 0)
    const unavailable = (status === UNAVAILABLE ? 1 : 0) - (was === UNAVAILABLE ? 1 : 0)
    const unavailableMiss = (status === UNAVAILABLE ? miss : 0) - (was === UNAVAILABLE ? wasMiss : 0)
    if (signedIn !== 0) {
      c[base + AC.signedInMs]! -= signedIn * tt
      this.levels.change(L_SIGNED_IN, t, signedIn)
    }
    if (available !== 0) {
      c[base + AC.availableMs]! -= available * tt
      if (free === 1) {
        c[base + AC.idleMs]! -= available * tt
        this.levels.change(L_IDLE, t, available)
      }
    }
    if (unavailable !== 0) c[base + AC.unavailableMs]! -= unavailable * tt
    if (unavailableMiss !== 0) c[base + AC.unavailableMissMs]! -= unavailableMiss * tt
  }

  /** Overtime starts (a shift end or break start waits for the call to end). */
  startOvertime(a: number, t: number): void {
    if (Number.isNaN(this.overtimeStart[a]!)) this.overtimeStart[a] = t
  }

  /** Overtime ends with the deferred status change. */
  endOvertime(a: number, t: number): void {
    const started = this.overtimeStart[a]!
    if (Number.isNaN(started)) return
    this.overtimeStart[a] = Number.NaN
    if (t < this.from) return
    const base = a * N
    const start = Math.max(started, this.from)
    if (t > start) this.counters[base + AC.overtimeMs]! += t - start
    this.counters[base + AC.overtimes]! += 1
  }

  /** Closes every agent's integrals at the end of the run and closes open overtime. */
  finish(t: number): void {
    const tt = Math.max(t, this.from)
    const c = this.counters
    for (let a = 0; a < this.status.length; a++) {
      const base = a * N
      const status = this.status[a]!
      const active = this.active[a]!
      const held = this.held[a]!
      const wrap = this.wrap[a]!
      const load = active + held + wrap
      if (status !== SIGNED_OUT) c[base + AC.signedInMs]! += tt
      if (status === AVAILABLE) {
        c[base + AC.availableMs]! += tt
        if (load === 0) c[base + AC.idleMs]! += tt
      } else if (status === UNAVAILABLE) {
        c[base + AC.unavailableMs]! += tt
        if (this.missUnavailable[a] === 1) c[base + AC.unavailableMissMs]! += tt
      }
      if (load > 0) {
        c[base + AC.busyMs]! += tt
        c[base + AC.workMs]! += load * tt
        c[base + AC.talkMs]! += active * tt
        c[base + AC.holdMs]! += held * tt
        c[base + AC.wrapUpMs]! += wrap * tt
      }
      this.endOvertime(a, t)
    }
  }

  /** Agent a's counters as a plain object. */
  counts(a: number): AgentCounts {
    const counts = {} as AgentCounts
    const base = a * N
    for (let c = 0; c < N; c++) counts[AGENT_COUNTERS[c]!] = this.counters[base + c]!
    return counts
  }
}
