/**
 * One replication of a compiled model: plain synchronous TypeScript (no Effect, no I/O, no clock, no global
 * random). The event loop takes events from the calendar in (time, priority class, sequence) order and hands
 * them to the rule files in `sim/`; every step is reported to the observer.
 */
import * as engineError from "./EngineError.ts"
import * as hookBuffer from "./kernel/HookBuffer.ts"
import type { Model } from "./Model.ts"
import type { Observer } from "./Observer.ts"
import * as observerModule from "./Observer.ts"
import * as agents from "./sim/Agents.ts"
import * as calls from "./sim/Calls.ts"
import * as events from "./sim/Events.ts"
import * as match from "./sim/Match.ts"
import * as offers from "./sim/Offers.ts"
import * as routing from "./sim/Routing.ts"
import * as schedules from "./sim/Schedules.ts"
import * as settleModule from "./sim/Settle.ts"
import * as stateModule from "./sim/State.ts"

// Module-local copies of the imports: V8 folds a module's own constants into the machine code but reads an
// imported binding at every use (engine README, "Imports in hot modules").
const { EngineError } = engineError
const { HookBuffer } = hookBuffer
const { AgentStatus, EndOutcome, NullObserver } = observerModule
const { onAction, onBreakEnd, onBreakStart, onRecover, onShiftEnd, onShiftStart } = agents
const {
  onArrival,
  onCustomerHoldEnd,
  onCustomerHoldStart,
  onInternalTry,
  onOutboundTry,
  onPatience,
  onRedial,
  onScriptCall,
  onTalkEnd,
  onWrapEnd,
  scheduleArrival
} = calls
const { CallState, Ev } = events
const { onRetry, onTier } = match
const { onAnswer, onRingTimeout } = offers
const { onMaxWait } = routing
const { planSchedules, scheduleNext } = schedules
const { settle } = settleModule
const { SimState } = stateModule
type SimState = stateModule.SimState

/** A terminating run that cannot empty (calls waiting for agents who never come) stops this long after closing. */
export const GUARD_AFTER_CLOSE_MS = 24 * 3_600_000

/** Options of one replication. */
export interface RunOptions {
  /** Master seed; the scenario's seed when omitted. */
  readonly seed?: number
  /** Replication number (0-based); streams differ per replication. */
  readonly replication?: number
  /** Receives every step; nothing is recorded when omitted. */
  readonly observer?: Observer
  /** Steady-state mode: arrivals continue until this time (ms after midnight); default `model.horizon`. */
  readonly horizon?: number
}

/** What one replication did. Metrics and traces come from observers; this is the run's own bookkeeping. */
export interface RunStats {
  readonly seed: number
  readonly replication: number
  /** Time of `simulationEnded` (ms after midnight). */
  readonly endTime: number
  /** Calls created (scripted, generated, redials, agent-placed). */
  readonly calls: number
  /** Events taken from the calendar. */
  readonly events: number
  /** Calls still in the system at the end (ended as `in-progress-at-end`). */
  readonly inProgressAtEnd: number
  /**
   * True when a terminating run could not empty and was stopped {@link GUARD_AFTER_CLOSE_MS} after closing
   * (for example, calls waiting with no patience, no maximum wait, and no agent ever signing in).
   */
  readonly truncated: boolean
}

const nullObserver = new NullObserver()

/**
 * The observer the rules report to: none costs nothing; any other receives its hooks through a {@link HookBuffer}
 * (in batches, same calls in the same order), which keeps both the rules and the observer fast.
 */
const buffered = (observer: Observer | undefined): Observer =>
  observer === undefined || Object.getPrototypeOf(observer) === NullObserver.prototype
    ? nullObserver
    : new HookBuffer(observer)

/** Schedules shifts, breaks, scripted actions and calls, arrivals and the end of the run. */
const setUp = (st: SimState, horizon: number): void => {
  const m = st.model
  // First, so that they come first at their instant (see Events.ts).
  if (st.steady) st.at(horizon, Ev.horizon, 0)
  else st.at(m.close + GUARD_AFTER_CLOSE_MS, Ev.guard, 0)
  st.schedules = planSchedules(st.cal, st.model)
  m.scriptedActions.forEach((x, i) => {
    st.at(x.at, Ev.action, i)
  })
  m.scriptedCalls.forEach((x, i) => {
    st.at(x.at, Ev.scriptCall, i)
    st.pendingScripted++
  })
  m.sources.forEach((_, s) => {
    st.source.next[s] = m.open
    st.now = m.open
    scheduleArrival(st, s)
  })
  st.now = 0
  if (!st.steady) st.at(m.close, Ev.close, 0)
}

/** Ends every call still in the system, in call-number order. */
const endInProgress = (st: SimState): void => {
  const live: Array<number> = []
  for (let c = 0; c < st.call.cap; c++) if (st.call.state[c] !== CallState.free) live.push(c)
  live.sort((x, y) => st.call.no[x]! - st.call.no[y]!)
  for (const c of live) {
    const state = st.call.state[c]
    const agent = state === CallState.talking || state === CallState.held ? st.call.agent[c]! : -1
    st.obs.callEnded(st.now, st.call.no[c]!, agent, EndOutcome.inProgressAtEnd)
  }
  st.inProgressAtEnd = live.length
}

const dispatch = (st: SimState, kind: number, a: number, b: number, c: number): void => {
  switch (kind) {
    case Ev.talkEnd:
      onTalkEnd(st, a)
      return
    case Ev.wrapEnd:
      onWrapEnd(st, a)
      return
    case Ev.shiftStart:
      scheduleNext(st.cal, st.schedules)
      onShiftStart(st, a)
      return
    case Ev.shiftEnd:
      scheduleNext(st.cal, st.schedules)
      onShiftEnd(st, a)
      return
    case Ev.breakStart:
      scheduleNext(st.cal, st.schedules)
      onBreakStart(st, a)
      return
    case Ev.breakEnd:
      scheduleNext(st.cal, st.schedules)
      onBreakEnd(st, a)
      return
    case Ev.action:
      onAction(st, a)
      return
    case Ev.recover:
      onRecover(st, a)
      return
    case Ev.answer:
      onAnswer(st, a, b)
      return
    case Ev.patience:
      onPatience(st, a)
      return
    case Ev.maxWait:
      onMaxWait(st, a)
      return
    case Ev.ringTimeout:
      onRingTimeout(st, a, b)
      return
    case Ev.retry:
      onRetry(st, a)
      return
    case Ev.tier:
      onTier(st, a, b)
      return
    case Ev.arrival:
      onArrival(st, a)
      return
    case Ev.scriptCall:
      onScriptCall(st, a)
      return
    case Ev.redial:
      onRedial(st, a, b, c)
      return
    case Ev.outboundTry:
      onOutboundTry(st, a)
      return
    case Ev.internalTry:
      onInternalTry(st, a)
      return
    case Ev.close:
      st.arrivalsOpen = false
      return
    case Ev.horizon:
      st.arrivalsOpen = false
      endInProgress(st)
      st.finished = true
      return
    case Ev.guard:
      endInProgress(st)
      st.truncated = true
      st.finished = true
      return
    case Ev.holdStart:
      onCustomerHoldStart(st, a)
      return
    case Ev.holdEnd:
      onCustomerHoldEnd(st, a)
      return
  }
}

/**
 * A run that takes this many events without the simulated clock moving a second is stuck (for example offers
 * that time out at once and are made again): it stops with an {@link EngineError} rather than spinning for ever.
 * No real center comes near it: 100,000 agents starting their shifts at one instant, and a second of the largest
 * traffic the scenario limits allow, are a few hundred thousand events.
 */
export const MAX_EVENTS_PER_SIMULATED_SECOND = 2_000_000

/**
 * Events run between two yields of {@link replicationSteps}: small enough that a caller driving the steps can
 * notice an interrupt within a fraction of a second, large enough that yielding costs nothing measurable.
 */
export const SLICE_EVENTS = 1 << 15

/** A computation in slices: each `next()` runs one slice; the last returns the result. */
export type Steps<A> = Generator<void, A, void>

/** Runs every slice of `steps` at once and returns the result. */
export const runSteps = <A>(steps: Steps<A>): A => {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/** Runs events until the run is over (true) or `st.events` reaches `limit` (false). The hot loop. */
const advance = (st: SimState, limit: number): boolean => {
  const cal = st.cal
  while (st.events < limit) {
    if (!cal.pop()) return true
    st.now = cal.t
    st.events++
    dispatch(st, cal.kind, cal.a, cal.b, cal.c)
    if (st.work.tail > 0) settle(st)
    if (st.finished) return true
    if (!st.arrivalsOpen && st.call.live === 0 && st.activeWraps === 0 && st.pendingScripted === 0) return true
  }
  return false
}

const clock = (ms: number): string => {
  const day = Math.floor(ms / 86_400_000)
  const time = new Date(ms - day * 86_400_000).toISOString().slice(11, 23)
  return day === 0 ? time : `day ${day + 1} ${time}`
}

/**
 * {@link runReplication} in slices of {@link SLICE_EVENTS} events, so that a caller can yield between them (to
 * notice an interrupt) or abandon the run; the result is the same however it is driven. Between slices it checks
 * that the simulated clock moves (see {@link MAX_EVENTS_PER_SIMULATED_SECOND}).
 */
export function* replicationSteps(model: Model, options: RunOptions = {}): Steps<RunStats> {
  const seed = options.seed ?? model.scenario.seed
  const replication = options.replication ?? 0
  const horizon = options.horizon ?? model.horizon
  const st = new SimState(model, seed, replication, buffered(options.observer), horizon)
  setUp(st, horizon)
  // Checked between slices, not per event: the clock must move a second every MAX_EVENTS_PER_SIMULATED_SECOND.
  let markTime = st.now
  let markEvents = 0
  while (!advance(st, st.events + SLICE_EVENTS)) {
    if (st.now - markTime >= 1000) {
      markTime = st.now
      markEvents = st.events
    } else if (st.events - markEvents >= MAX_EVENTS_PER_SIMULATED_SECOND) {
      throw new EngineError({
        reason: "NoProgress",
        message: `replication ${replication} made no progress: ${st.events - markEvents} events between ${clock(markTime)} and ${clock(st.now)} of simulated time (a ring timeout, retry or wait of about zero?)`
      })
    }
    yield
  }
  st.obs.simulationEnded(st.now)
  return {
    seed,
    replication,
    endTime: st.now,
    calls: st.nextCallNo,
    events: st.events,
    inProgressAtEnd: st.inProgressAtEnd,
    truncated: st.truncated
  }
}

/**
 * Runs one replication and reports every step to `options.observer`.
 *
 * Terminating mode: arrivals stop at closing; the run continues until every call has left and every wrap-up
 * ended (agents still in their shifts keep working). Steady-state mode: arrivals continue to the horizon, where
 * every call still in the system ends as `in-progress-at-end`. Either way `simulationEnded` comes last. Throws an
 * {@link EngineError} (`NoProgress`) when the simulated clock stops moving.
 */
export const runReplication = (model: Model, options: RunOptions = {}): RunStats =>
  runSteps(replicationSteps(model, options))

/** Status names for messages (re-exported for convenience). */
export const signedOut = AgentStatus.signedOut
