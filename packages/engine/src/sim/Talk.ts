/**
 * A call connected to an agent: connecting, holds (Hold & Accept, R13, and customer holds), and the end of a call
 * that has no agent.
 */
import type { EndOutcome } from "../Observer.ts"
import * as observer from "../Observer.ts"
import * as events from "./Events.ts"
import type { SimState } from "./State.ts"

// Module-local copies of the imports: V8 folds a module's own constants into the machine code but reads an
// imported binding at every use (engine README, "Imports in hot modules").
const { CallKind, HoldReason } = observer
const { CallState, Ev } = events
type HoldReason = observer.HoldReason

/** Ends a call that has no agent (routing, waiting or ringing states are already settled by the caller). */
export const endCall = (st: SimState, c: number, outcome: number, agent: number): void => {
  st.obs.callEnded(st.now, st.call.no[c]!, agent, outcome as EndOutcome)
  st.cancel(st.call.patEv[c]!)
  st.call.patEv[c] = -1
  st.call.free(c)
}

/** Connects the call to the agent as their active call; talk time is scaled by the agent's multiplier once. */
export const connect = (st: SimState, c: number, a: number, line: number): void => {
  st.call.state[c] = CallState.talking
  st.call.agent[c] = a
  st.call.line[c] = line
  st.agent.active[a] = c
  if (st.call.talkScaled[c] === 0) {
    st.call.talkScaled[c] = 1
    const m = st.model.agents[a]!.behaviour.handleTimeMultiplier
    if (m !== 1) st.call.talk[c] = Math.round(st.call.talk[c]! * m)
    // A customer hold comes after the first half of the (scaled) talk.
    if (st.call.hold[c]! > 0) st.call.holdRest[c] = st.call.talk[c]! - Math.floor(st.call.talk[c]! / 2)
  }
  talkOn(st, c)
}

/** The call talks from now: until its customer hold if one is still to come, else to its end. */
export const talkOn = (st: SimState, c: number): void => {
  st.call.talkStart[c] = st.now
  st.call.talkEv[c] =
    st.call.hold[c]! > 0
      ? st.at(st.now + st.call.talk[c]! - st.call.holdRest[c]!, Ev.holdStart, c)
      : st.at(st.now + st.call.talk[c]!, Ev.talkEnd, c)
}

/**
 * The active call waits on hold (Hold & Accept, or a customer hold of `duration` ms); a held caller's patience
 * restarts (same drawn patience, R15).
 */
export const holdCall = (st: SimState, h: number, a: number, reason: HoldReason, duration: number): void => {
  st.obs.callHeld(st.now, st.call.no[h]!, a, reason, duration)
  st.cancel(st.call.talkEv[h]!)
  st.call.talkEv[h] = -1
  const talked = st.now - st.call.talkStart[h]!
  st.call.talk[h] = st.call.talk[h]! - talked
  if (st.call.line[h] === CallKind.queue) st.agent.talk[a] = st.agent.talk[a]! + talked
  st.call.state[h] = CallState.held
  st.call.heldNext[h] = st.agent.heldTop[a]!
  st.agent.heldTop[a] = h
  st.agent.active[a] = -1
  const p = st.call.patience[h]!
  if (p !== Number.POSITIVE_INFINITY) st.call.patEv[h] = st.at(st.now + p, Ev.patience, h)
}

/** Hold & Accept (R13): the agent's active call waits while they take another. */
export const holdToAccept = (st: SimState, a: number): void => {
  holdCall(st, st.agent.active[a]!, a, HoldReason.accept, -1)
}
