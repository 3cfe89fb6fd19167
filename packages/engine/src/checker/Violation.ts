/**
 * What the conformance checker reports: the event that broke a rule, the rule's id and why.
 */

/** Rule ids of DESIGN.md (R1–R15), or `I` for invariants that hold for any routing (times, call lifecycle). */
export type RuleId =
  | "R1"
  | "R2"
  | "R3"
  | "R4"
  | "R5"
  | "R6"
  | "R7"
  | "R8"
  | "R9"
  | "R10"
  | "R11"
  | "R12"
  | "R13"
  | "R14"
  | "R15"
  | "I"

/** One broken rule, named by the event where the checker saw it. */
export interface Violation {
  /** Simulated time of the event, ms after midnight. */
  readonly t: number
  /** The same time as `HH:MM:SS`. */
  readonly at: string
  /** The event (kebab-case hook name, as in the trace), or `end-of-instant` / `end-of-run` for deferred checks. */
  readonly event: string
  /** Call id, when the violation concerns a call. */
  readonly call?: string
  /** Agent id, when the violation concerns an agent. */
  readonly agent?: string
  readonly rule: RuleId
  readonly message: string
}

/** A violation as one readable line: `08:00:20 offer-started call c1 agent ann: R3 ...`. */
export const formatViolation = (v: Violation): string =>
  `${v.at} ${v.event}${v.call === undefined ? "" : ` call ${v.call}`}${v.agent === undefined ? "" : ` agent ${v.agent}`}: ${v.rule} ${v.message}`
