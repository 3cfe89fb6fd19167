/**
 * Agents' time and counts. Each agent's state (status, calls active and held, wrap-up) is integrated over time
 * into its counters whenever it changes, and the time-weighted staffing levels (signed in, available and idle,
 * busy, work) follow every change. Time before `from` (the end of the warm-up) is not counted.
 */
import { AgentStatus } from "../Observer.ts"
import { AgentCounter as AC, AGENT_COUNTER_COUNT, AGENT_COUNTERS, type AgentCounts } from "./Counters.ts"
import type { Levels } from "./Levels.ts"

/** The staffing levels the ledger keeps, as indices into the shared {@link Levels}. */
export const L_SIGNED_IN = 0
export const L_IDLE = 1
export const L_BUSY = 2
export const L_WORK = 3
/** Number of staffing levels (call levels follow them). */
export const AGENT_LEVELS = 4

/** Per-agent state and counters, in typed arrays indexed by agent. */
export class AgentLedger {
  readonly counters: Float64Array
  private readonly status: Int8Array
  private readonly missUnavailable: Uint8Array
  private readonly active: Int32Array
  private readonly held: Int32Array
  private readonly wrap: Uint8Array
  private readonly since: Float64Array
  private readonly overtimeStart: Float64Array
  private readonly levels: Levels
  private readonly from: number
  // Indicators before a change, for level updates.
  private wasSignedIn = 0
  private wasIdle = 0
  private wasBusy = 0
  private wasLoad = 0

  constructor(count: number, levels: Levels, from: number) {
    this.levels = levels
    this.from = from
    this.counters = new Float64Array(count * AGENT_COUNTER_COUNT)
    // Agents start signed out; the engine signs them in at shift start.
    this.status = new Int8Array(count).fill(AgentStatus.signedOut)
    this.missUnavailable = new Uint8Array(count)
    this.active = new Int32Array(count)
    this.held = new Int32Array(count)
    this.wrap = new Uint8Array(count)
    this.since = new Float64Array(count).fill(from)
    this.overtimeStart = new Float64Array(count).fill(Number.NaN)
  }

  /** Counts one event of counter c for agent a at time t (not during the warm-up). */
  count(a: number, c: number, t: number): void {
    if (t >= this.from) this.counters[a * AGENT_COUNTER_COUNT + c]! += 1
  }

  /** Calls connected: `active` more active calls and `held` more held calls (negative to remove). */
  changeCalls(a: number, t: number, active: number, held: number): void {
    this.begin(a, t)
    this.active[a]! += active
    this.held[a]! += held
    this.end(a, t)
  }

  /** Wrap-up starts or ends. */
  setWrapUp(a: number, t: number, on: boolean): void {
    if ((this.wrap[a] === 1) === on) return
    this.begin(a, t)
    this.wrap[a] = on ? 1 : 0
    this.end(a, t)
  }

  /** A status change; `byMissPolicy` when R11 made the agent Unavailable. */
  setStatus(a: number, t: number, status: AgentStatus, byMissPolicy: boolean): void {
    this.begin(a, t)
    this.status[a] = status
    this.missUnavailable[a] = status === AgentStatus.unavailable && byMissPolicy ? 1 : 0
    this.end(a, t)
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
    const base = a * AGENT_COUNTER_COUNT
    const start = Math.max(started, this.from)
    if (t > start) this.counters[base + AC.overtimeMs]! += t - start
    this.counters[base + AC.overtimes]! += 1
  }

  /** Integrates every agent up to the end of the run and closes open overtime. */
  finish(t: number): void {
    for (let a = 0; a < this.status.length; a++) {
      this.integrate(a, t)
      this.endOvertime(a, t)
    }
  }

  /** Agent a's counters as a plain object. */
  counts(a: number): AgentCounts {
    const counts = {} as AgentCounts
    const base = a * AGENT_COUNTER_COUNT
    for (let c = 0; c < AGENT_COUNTER_COUNT; c++) counts[AGENT_COUNTERS[c]!] = this.counters[base + c]!
    return counts
  }

  /** Adds the agent's state × the time since its last change to its counters. */
  private integrate(a: number, t: number): void {
    const since = this.since[a]!
    if (!(t > since)) return
    this.since[a] = t
    const dt = t - since
    const base = a * AGENT_COUNTER_COUNT
    const c = this.counters
    const status = this.status[a]!
    const active = this.active[a]!
    const held = this.held[a]!
    const wrap = this.wrap[a]!
    const load = active + held + wrap
    if (status !== AgentStatus.signedOut) c[base + AC.signedInMs]! += dt
    if (status === AgentStatus.available) {
      c[base + AC.availableMs]! += dt
      if (load === 0) c[base + AC.idleMs]! += dt
    } else if (status === AgentStatus.unavailable) {
      c[base + AC.unavailableMs]! += dt
      if (this.missUnavailable[a] === 1) c[base + AC.unavailableMissMs]! += dt
    }
    if (load > 0) {
      c[base + AC.busyMs]! += dt
      c[base + AC.workMs]! += load * dt
      c[base + AC.talkMs]! += active * dt
      c[base + AC.holdMs]! += held * dt
      c[base + AC.wrapUpMs]! += wrap * dt
    }
  }

  private begin(a: number, t: number): void {
    this.integrate(a, t)
    const status = this.status[a]!
    const load = this.active[a]! + this.held[a]! + this.wrap[a]!
    this.wasSignedIn = status !== AgentStatus.signedOut ? 1 : 0
    this.wasIdle = status === AgentStatus.available && load === 0 ? 1 : 0
    this.wasBusy = load > 0 ? 1 : 0
    this.wasLoad = load
  }

  private end(a: number, t: number): void {
    const status = this.status[a]!
    const load = this.active[a]! + this.held[a]! + this.wrap[a]!
    const signedIn = status !== AgentStatus.signedOut ? 1 : 0
    const idle = status === AgentStatus.available && load === 0 ? 1 : 0
    const busy = load > 0 ? 1 : 0
    const levels = this.levels
    if (signedIn !== this.wasSignedIn) levels.change(L_SIGNED_IN, t, signedIn - this.wasSignedIn)
    if (idle !== this.wasIdle) levels.change(L_IDLE, t, idle - this.wasIdle)
    if (busy !== this.wasBusy) levels.change(L_BUSY, t, busy - this.wasBusy)
    if (load !== this.wasLoad) levels.change(L_WORK, t, load - this.wasLoad)
  }
}
