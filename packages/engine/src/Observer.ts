/**
 * The engine's event hooks. The simulation calls an observer once per step, with numbers only (indices into
 * the compiled model, times in integer milliseconds), so observing costs no allocation. The trace recorder,
 * the conformance checker and the metrics are all observers; none of them shares code with the rules.
 *
 * Call, agent, queue, tenant and source arguments are indices; `-1` means "none".
 */
import { HOOKS } from "./Hooks.ts"

/** Call types (R1), plus outbound calls placed by agents (R8). */
export const CallKind = { queue: 0, direct: 1, internal: 2, outbound: 3 } as const
export type CallKind = (typeof CallKind)[keyof typeof CallKind]
export const CallKindNames = ["queue", "direct", "internal", "outbound"] as const

/** Agent status, set by the agent, a schedule or the system (kept apart from activity, as in FreeSWITCH). */
export const AgentStatus = { available: 0, unavailable: 1, signedOut: 2 } as const
export type AgentStatus = (typeof AgentStatus)[keyof typeof AgentStatus]
export const AgentStatusNames = ["available", "unavailable", "signed-out"] as const

/** Who changed an agent's status. */
export const StatusCause = {
  /** A scripted action or the agent's own choice. */
  agent: 0,
  /** Shift start or end. */
  shift: 1,
  /** Break start or end. */
  break: 2,
  /** R11: the queue's unavailable-on-miss policy. */
  missPolicy: 3,
  /** The virtual agent set themselves Available again after being made Unavailable. */
  selfRecovery: 4,
  /** The agent went on or came off an outbound call with status Unavailable. */
  outbound: 5
} as const
export type StatusCause = (typeof StatusCause)[keyof typeof StatusCause]
export const StatusCauseNames = ["agent", "shift", "break", "miss-policy", "self-recovery", "outbound"] as const

/** Why an offer stopped ringing without being answered or rejected. */
export const CancelReason = {
  /** The caller hung up while it rang (R12: no status change). */
  callerHungUp: 0,
  /** Another agent answered first (ring-all; R12: no status change). */
  answeredElsewhere: 1,
  /** The call rolled over while it rang (only when offers do not finish their ring). */
  rolledOver: 2,
  /** The agent signed out or went Unavailable while it rang. */
  agentLeft: 3
} as const
export type CancelReason = (typeof CancelReason)[keyof typeof CancelReason]
export const CancelReasonNames = ["caller-hung-up", "answered-elsewhere", "rolled-over", "agent-left"] as const

/**
 * Why a call went on hold: a customer hold inside the call (`holdTime`) or Hold & Accept (R13). Code 0 is the one
 * whose trace event carries every field (as for the other codes).
 */
export const HoldReason = { customer: 0, accept: 1 } as const
export type HoldReason = (typeof HoldReason)[keyof typeof HoldReason]
export const HoldReasonNames = ["customer", "accept"] as const

/** Where a caller was when they hung up (R15). */
export const AbandonStage = { waiting: 0, ringing: 1, onHold: 2 } as const
export type AbandonStage = (typeof AbandonStage)[keyof typeof AbandonStage]
export const AbandonStageNames = ["waiting", "ringing", "on-hold"] as const

/** Why a call left a queue for the workflow's next step (R10). */
export const RolloverReason = {
  /** The queue's maximum wait passed. */
  maxWait: 0,
  /** The queue was at its maximum length (overflow at entry). */
  queueFull: 1,
  /** No member signed in and the queue rolls over at once in that case. */
  noAgents: 2,
  /** Outside the workflow's business hours. */
  afterHours: 3
} as const
export type RolloverReason = (typeof RolloverReason)[keyof typeof RolloverReason]
export const RolloverReasonNames = ["max-wait", "queue-full", "no-agents", "after-hours"] as const

/** Kinds of workflow step a call is routed to. */
export const StepKind = { queue: 0, directLine: 1, answeringService: 2, voicemail: 3, hangUp: 4 } as const
export type StepKind = (typeof StepKind)[keyof typeof StepKind]
export const StepKindNames = ["queue", "direct-line", "answering-service", "voicemail", "hang-up"] as const

/** How a call ended. Every call ends exactly once. */
export const EndOutcome = {
  /** Talked to an agent and hung up. */
  handled: 0,
  /** The caller hung up before being answered, or on hold (see the preceding `callAbandoned`). */
  abandoned: 1,
  /** Reached the answering service (terminal). */
  answeringService: 2,
  /** Reached voicemail (terminal). */
  voicemail: 3,
  /** The workflow hung up (no more steps, or a hang-up step). */
  hungUp: 4,
  /** A direct or internal call nobody answered (missed or rejected) and no next step. */
  unanswered: 5,
  /** Still in the system when a steady-state run stopped. */
  inProgressAtEnd: 6
} as const
export type EndOutcome = (typeof EndOutcome)[keyof typeof EndOutcome]
export const EndOutcomeNames = [
  "handled",
  "abandoned",
  "answering-service",
  "voicemail",
  "hung-up",
  "unanswered",
  "in-progress-at-end"
] as const

/**
 * Receives every step of a simulation. Methods are called in simulated-time order; within one instant, in the
 * order the engine processes them.
 */
export interface Observer {
  /** A call entered the system. `source` is the traffic index (−1 for scripted calls); `redialOf` the original call or −1. */
  callArrived(
    t: number,
    call: number,
    kind: CallKind,
    tenant: number,
    known: boolean,
    source: number,
    redialOf: number
  ): void
  /** The call was routed to a workflow step (its first step, or the next one after a rollover). */
  callRouted(t: number, call: number, step: StepKind, target: number): void
  /** The call joined a queue's tail (or its place by priority). */
  callQueued(t: number, call: number, queue: number): void
  /** The call left a queue for the next workflow step. */
  callRolledOver(t: number, call: number, queue: number, reason: RolloverReason): void
  /** An offer started ringing at an agent. `queue` is −1 for direct and internal calls. */
  offerStarted(t: number, call: number, agent: number, queue: number): void
  /** The agent accepted the offer; talking starts. */
  offerAccepted(t: number, call: number, agent: number, queue: number): void
  /** The agent rejected the offer (R14). */
  offerRejected(t: number, call: number, agent: number, queue: number): void
  /** The offer rang out (R9). */
  offerMissed(t: number, call: number, agent: number, queue: number): void
  /** The offer stopped ringing for another reason (R12: no status change). */
  offerCancelled(t: number, call: number, agent: number, queue: number, reason: CancelReason): void
  /** An outbound call placed by the agent connected. */
  outboundStarted(t: number, call: number, agent: number): void
  /**
   * The agent put their active call on hold: to accept another (Hold & Accept, R13; `duration` −1) or a customer
   * hold of `duration` ms halfway through the talk (`holdTime`).
   */
  callHeld(t: number, call: number, agent: number, reason: HoldReason, duration: number): void
  /** The held call became active again. */
  callResumed(t: number, call: number, agent: number): void
  /** The caller hung up before the call was answered or while on hold (R15); the call's end follows. */
  callAbandoned(t: number, call: number, queue: number, stage: AbandonStage): void
  /** The call left the system. `agent` is the agent who handled it last, or −1. */
  callEnded(t: number, call: number, agent: number, outcome: EndOutcome): void
  /** An abandoned caller will call again at `at`. */
  redialScheduled(t: number, call: number, at: number): void
  /** Wrap-up after a queue call started (R6); it ends at `t + duration`. */
  wrapUpStarted(t: number, agent: number, call: number, queue: number, duration: number): void
  /** Wrap-up ended; the agent may be offered queue calls again. */
  wrapUpEnded(t: number, agent: number): void
  /** The agent's status changed. `reason` indexes the model's reason names (−1 when none). */
  agentStatusChanged(t: number, agent: number, status: AgentStatus, cause: StatusCause, reason: number): void
  /** A shift end or break start was deferred until the agent's call ends (overtime). */
  agentOvertimeStarted(t: number, agent: number): void
  /** The simulation stopped (all calls left, or the steady-state horizon passed). */
  simulationEnded(t: number): void
}

/** An observer that ignores everything; extend it to implement only some hooks. */
export interface NullObserver extends Observer {}
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the hooks are added to the prototype from the table
export class NullObserver {}
const ignore = (): void => {}
for (const hook of HOOKS) {
  Object.defineProperty(NullObserver.prototype, hook.name, { value: ignore, writable: true, configurable: true })
}
