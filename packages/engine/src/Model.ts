/**
 * The compiled model: a decoded Scenario with ids turned into indices and distributions into sampler specs.
 * Built once per scenario by `compile` (Compile.ts) and shared, read-only, by the simulation and all observers.
 */
import type { Distribution, Scenario, ServiceLevelDefinition, Settings, Strategy } from "@ccsim/scenario"
import type { Sampler } from "./kernel/Samplers.ts"
import type { AgentStatus, CallKind, StepKind } from "./Observer.ts"
import type { Rules } from "./sim/Rules.ts"

/** A workflow step or overflow target: its kind and the queue or agent index it names (−1 for none). */
export interface StepModel {
  readonly kind: StepKind
  readonly target: number
}

/** Scripted answers of a virtual agent: 0 answer, 1 miss, 2 reject. */
export const ResponseCode = { answer: 0, miss: 1, reject: 2 } as const

/** How a virtual agent behaves, with samplers compiled. */
export interface BehaviourModel {
  readonly answerDelay: Sampler
  readonly missProbability: number
  readonly rejectProbability: number
  readonly directMissProbability: number
  readonly directRejectProbability: number
  readonly directRingTimeout: number
  readonly availableAgainAfter: Sampler
  readonly handleTimeMultiplier: number
  /** Scripted responses (see {@link ResponseCode}) to successive offers. */
  readonly responses: ReadonlyArray<number>
}

/** How a traffic source's calls arrive: a constant rate, or volumes per interval (Poisson count, uniform times). */
export type ArrivalPlan =
  | { readonly kind: "rate"; readonly ratePerHour: number }
  | {
      readonly kind: "intervals"
      /** Interval starts, ms after midnight, ascending. */
      readonly starts: ReadonlyArray<number>
      readonly length: number
      readonly volumes: ReadonlyArray<number>
      /** Average handle time per interval in ms, or NaN to use the source's handle time as is. */
      readonly aht: ReadonlyArray<number>
      /** After-call work per interval in ms (the CSV's `acw_s`): the wrap-up of calls arriving then; NaN: the queue's. */
      readonly acw: ReadonlyArray<number>
    }

/** A traffic source, compiled. */
export interface SourceModel {
  readonly index: number
  readonly id: string
  readonly kind: CallKind
  /** Queue traffic: the tenant owning the tracking number (−1 if none) and the workflow it enters. */
  readonly tenant: number
  readonly workflow: number
  /**
   * Queue traffic whose workflow starts, in business hours or after, at a direct line: only these calls' kind (R1)
   * is decided at arrival.
   */
  readonly mayStartDirect: boolean
  /** Direct traffic: the agent dialled. */
  readonly agent: number
  /** Internal traffic: calling and called agents (every agent when the file names none). */
  readonly from: ReadonlyArray<number>
  readonly to: ReadonlyArray<number>
  readonly priority: number
  readonly knownShare: number
  readonly handleTime: Sampler
  /** Customer hold inside the call (queue and direct traffic), or none. */
  readonly holdTime: Sampler | undefined
  readonly patience: Sampler | undefined
  readonly redial: { readonly probability: number; readonly delay: Sampler; readonly maxAttempts: number } | undefined
  readonly arrivals: ArrivalPlan
}

/** A scripted call with its time resolved to ms after midnight. */
export interface ScriptedCallModel {
  readonly id: string
  readonly at: number
  readonly kind: CallKind
  readonly tenant: number
  readonly workflow: number
  /** Direct: the agent dialled; internal: the called agent; outbound: the agent placing it. */
  readonly agent: number
  /** Internal: the calling agent (−1 otherwise). */
  readonly from: number
  readonly talk: number
  /** Customer hold in ms halfway through the talk (0: none). */
  readonly hold: number
  /** Patience in ms, or `Infinity`. */
  readonly patience: number
  readonly known: boolean
  readonly priority: number
}

/** A scripted agent action with its time resolved. */
export interface ScriptedActionModel {
  readonly at: number
  readonly agent: number
  readonly action: "available" | "unavailable" | "sign-in" | "sign-out"
  /** Index into `Model.reasons`, or −1. */
  readonly reason: number
}

/** A queue's routing parameters, with times in milliseconds. */
export interface QueueModel {
  readonly index: number
  readonly id: string
  readonly name: string
  readonly ringTimeout: number
  readonly wrapUp: Distribution
  readonly strategy: Strategy
  /** Maximum wait before rollover, or `Infinity`. */
  readonly maxWait: number
  readonly unavailableOnMiss:
    | {
        readonly countNoAnswer: boolean
        readonly countReject: boolean
        readonly threshold: number
        readonly consecutive: boolean
        readonly separateCounts: boolean
        /** Index into `Model.reasons`. */
        readonly reason: number
      }
    | undefined
  /** Maximum number of waiting calls, or `Infinity`. */
  readonly maxLength: number
  readonly priority: number
  readonly serviceLevelThreshold: number
  readonly serviceLevelTarget: number
  readonly serviceLevelDefinition: ServiceLevelDefinition
  readonly tierWait: number
  readonly retryDelay: number
  readonly rolloverWhenNoAgents: boolean
  /** Member agent indices with their tier and priority, in file order. */
  readonly members: ReadonlyArray<{ readonly agent: number; readonly tier: number; readonly priority: number }>
  /** Where calls go when the queue is full; the workflow's next step when undefined. */
  readonly overflow: StepModel | undefined
  readonly wrapUpSampler: Sampler
}

/** One agent (groups are expanded: `team-1`, `team-2`, ...). */
export interface AgentModel {
  readonly index: number
  readonly id: string
  /** The group id (the agent entry's id in the file), for per-group metrics. */
  readonly group: string
  readonly name: string
  /** Queue indices this agent belongs to, with tier and priority. */
  readonly queues: ReadonlyArray<{ readonly queue: number; readonly tier: number; readonly priority: number }>
  readonly directLine: string | undefined
  /** Where a direct call the agent does not take goes (voicemail, answering service, another direct line); undefined: it ends unanswered. */
  readonly directLineUnanswered: StepModel | undefined
  /** Signed-in periods in ms after midnight, sorted, with breaks. Whole day when the file gives none. */
  readonly shifts: ReadonlyArray<{
    readonly start: number
    readonly end: number
    readonly breaks: ReadonlyArray<{ readonly start: number; readonly end: number }>
  }>
  /** No shifts in the file: signed in at opening and never signed out by a schedule. */
  readonly wholeDay: boolean
  /** Status at sign-in (available or unavailable). */
  readonly initialStatus: AgentStatus
  readonly behaviour: BehaviourModel
  readonly outbound:
    | { readonly ratePerHour: number; readonly duration: Sampler; readonly status: AgentStatus }
    | undefined
  readonly internalCalls:
    | { readonly ratePerHour: number; readonly duration: Sampler; readonly to: ReadonlyArray<number> }
    | undefined
}

/** A compiled scenario. */
export interface Model {
  readonly scenario: Scenario
  readonly settings: Settings
  /** The settings and queue strategies decoded into the codes the rules compare. */
  readonly rules: Rules
  /** Opening and closing, ms after midnight; arrivals stop at `close`. */
  readonly open: number
  readonly close: number
  /**
   * Steady state: where arrivals stop and every call still in the system ends (ms after midnight) — opening plus
   * `run.duration`, else `close`. Terminating: `close`.
   */
  readonly horizon: number
  /**
   * Reporting interval length in ms and the number of intervals from `open` to `close`; a steady state of
   * `run.duration` has one interval of that length.
   */
  readonly intervalMs: number
  readonly intervalCount: number
  readonly queues: ReadonlyArray<QueueModel>
  readonly agents: ReadonlyArray<AgentModel>
  readonly tenants: ReadonlyArray<{ readonly index: number; readonly id: string; readonly name: string }>
  readonly workflows: ReadonlyArray<{
    readonly index: number
    readonly id: string
    readonly steps: ReadonlyArray<StepModel>
    /** Business hours (ms after midnight) and the steps taken outside them. */
    readonly businessHours:
      | { readonly open: number; readonly close: number; readonly afterHours: ReadonlyArray<StepModel> }
      | undefined
  }>
  /** Traffic sources in file order. */
  readonly sources: ReadonlyArray<SourceModel>
  /** Unavailable reason names; status events refer to them by index. */
  readonly reasons: ReadonlyArray<string>
  readonly mode: "terminating" | "steady-state"
  /** Multiplies every source's volume. */
  readonly loadMultiplier: number
  /** Extra talk time of unknown callers (R2). */
  readonly unknownSearchTime: Sampler
  /** Scripted calls in file order; call numbers 0..n−1 are theirs, generated calls follow. */
  readonly scriptedCalls: ReadonlyArray<ScriptedCallModel>
  readonly scriptedActions: ReadonlyArray<ScriptedActionModel>
}
