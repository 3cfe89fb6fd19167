/**
 * The compiled model: a decoded Scenario with ids turned into indices and distributions into sampler specs.
 * Built once per scenario by `compile` (Compile.ts) and shared, read-only, by the simulation and all observers.
 */
import type { Distribution, Scenario, ServiceLevelDefinition, Settings, Strategy } from "@ccsim/scenario"
import type { CallKind } from "./Observer.ts"

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
  /** Signed-in periods in ms after midnight, sorted, with breaks. Whole day when the file gives none. */
  readonly shifts: ReadonlyArray<{
    readonly start: number
    readonly end: number
    readonly breaks: ReadonlyArray<{ readonly start: number; readonly end: number }>
  }>
}

/** A compiled scenario. */
export interface Model {
  readonly scenario: Scenario
  readonly settings: Settings
  /** Opening and closing, ms after midnight; arrivals stop at `close`. */
  readonly open: number
  readonly close: number
  /** Reporting interval length in ms and the number of intervals from `open` to `close`. */
  readonly intervalMs: number
  readonly intervalCount: number
  readonly queues: ReadonlyArray<QueueModel>
  readonly agents: ReadonlyArray<AgentModel>
  readonly tenants: ReadonlyArray<{ readonly index: number; readonly id: string; readonly name: string }>
  readonly workflows: ReadonlyArray<{ readonly index: number; readonly id: string }>
  /** Traffic sources in file order. */
  readonly sources: ReadonlyArray<{ readonly index: number; readonly id: string; readonly kind: CallKind }>
  /** Unavailable reason names; status events refer to them by index. */
  readonly reasons: ReadonlyArray<string>
}
