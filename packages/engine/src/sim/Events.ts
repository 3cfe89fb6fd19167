/**
 * Event kinds of the simulation and their priority classes. Simultaneous events (same ms) run in this order of
 * class, then in the order they were scheduled:
 *
 * 0 talk ends (agents free up), customer holds start and end · 1 wrap-up ends · 2 agent schedule and status (shift/break start and end, scripted
 * actions, self-recovery) · 3 an agent's answer or reject · 4 caller patience runs out · 5 queue maximum wait ·
 * 6 ring timeout (miss) · 7 re-offer timers (retry delay, a tier opening) · 8 arrivals (generated, scripted,
 * redials, agent-placed outbound and internal calls) · 9 closing. The steady-state horizon and the guard of a
 * run that cannot empty are class 0 and scheduled before anything else, so they come first at their instant:
 * nothing at or after them is simulated.
 *
 * So an agent who answers at the very ms the caller's patience runs out has answered; a caller whose patience
 * runs out at the ms their offer would ring out has hung up (no miss is counted); a ringing offer ends before
 * the queue limit only if it ended strictly earlier.
 */

export const Ev = {
  talkEnd: 1,
  wrapEnd: 2,
  shiftStart: 3,
  shiftEnd: 4,
  breakStart: 5,
  breakEnd: 6,
  action: 7,
  recover: 8,
  answer: 9,
  patience: 10,
  maxWait: 11,
  ringTimeout: 12,
  retry: 13,
  tier: 14,
  arrival: 15,
  scriptCall: 16,
  redial: 17,
  outboundTry: 18,
  internalTry: 19,
  close: 20,
  horizon: 21,
  guard: 22,
  holdStart: 23,
  holdEnd: 24
} as const

/** Priority class of each event kind (index = kind). */
export const EvPriority: ReadonlyArray<number> = [
  9, // unused 0
  0, // talkEnd
  1, // wrapEnd
  2, // shiftStart
  2, // shiftEnd
  2, // breakStart
  2, // breakEnd
  2, // action
  2, // recover
  3, // answer
  4, // patience
  5, // maxWait
  6, // ringTimeout
  7, // retry
  7, // tier
  8, // arrival
  8, // scriptCall
  8, // redial
  8, // outboundTry
  8, // internalTry
  9, // close
  0, // horizon
  0, // guard
  0, // holdStart (talk pauses, as a talk end would)
  0 // holdEnd
]

/** Which offer of an agent an answer or ring-timeout event is about. */
export const Line = { queue: 0, direct: 1 } as const

/** A calendar handle that is no event (nothing scheduled). */
export const NO_EVENT = -1

/** Which of its workflow's step lists a call follows. */
export const StepList = { main: 0, afterHours: 1 } as const

const DAY = 86_400_000

/** True when time t (ms) falls in business hours [open, close) of its day; hours may wrap past midnight. */
export const inHours = (t: number, open: number, close: number): boolean => {
  const tod = t % DAY
  return open <= close ? tod >= open && tod < close : tod >= open || tod < close
}

/** Queue timers of a waiting call not yet in the calendar (bits). */
export const QueueTimer = { maxWait: 1, tier: 2 } as const

/** Call states. */
export const CallState = { free: 0, routing: 1, waiting: 2, ringing: 3, talking: 4, held: 5 } as const

/** Deferred status changes (overtime). */
export const Pending = { none: 0, signOut: 1, break: 2 } as const
