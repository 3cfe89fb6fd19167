/**
 * Strategies and settings decoded once, when the model is compiled, into the integer codes the rules compare.
 * Every table is a `Record` over the scenario's literal type, so a new strategy or setting value that is not
 * decoded here is a type error, never a silent default.
 */
import type { Settings, Strategy as StrategyName } from "@ccsim/scenario"
import * as observer from "../Observer.ts"

// Module-local copies of the imports: V8 folds a module's own constants into the machine code but reads an
// imported binding at every use (engine README, "Imports in hot modules").
const { CallKind } = observer
type CallKind = observer.CallKind

/** Queue strategy codes. */
export const Strategy = {
  longestIdle: 0,
  roundRobin: 1,
  fewestCalls: 2,
  leastTalkTime: 3,
  random: 4,
  ringAll: 5,
  linear: 6
} as const
export type StrategyCode = (typeof Strategy)[keyof typeof Strategy]

export const strategyCodes: Readonly<Record<StrategyName, StrategyCode>> = {
  "longest-idle": Strategy.longestIdle,
  "round-robin": Strategy.roundRobin,
  "fewest-calls": Strategy.fewestCalls,
  "least-talk-time": Strategy.leastTalkTime,
  random: Strategy.random,
  "ring-all": Strategy.ringAll,
  linear: Strategy.linear
}

/** `settings.reofferSameAgent` codes. */
export const Reoffer = { afterOthers: 0, never: 1, immediately: 2 } as const
export type ReofferCode = (typeof Reoffer)[keyof typeof Reoffer]

const reofferCodes: Readonly<Record<Settings["reofferSameAgent"], ReofferCode>> = {
  "after-others": Reoffer.afterOthers,
  never: Reoffer.never,
  immediately: Reoffer.immediately
}

/** `settings.idleSince` codes. */
export const IdleSince = { lastQueueCallEnd: 0, lastCallEnd: 1, becameAvailable: 2 } as const
export type IdleSinceCode = (typeof IdleSince)[keyof typeof IdleSince]

const idleSinceCodes: Readonly<Record<Settings["idleSince"], IdleSinceCode>> = {
  "last-queue-call-end": IdleSince.lastQueueCallEnd,
  "last-call-end": IdleSince.lastCallEnd,
  "became-available": IdleSince.becameAvailable
}

const blockingKinds: Readonly<Record<Settings["nonQueueCallsBlockQueueOffers"][number], CallKind>> = {
  direct: CallKind.direct,
  internal: CallKind.internal,
  outbound: CallKind.outbound
}

/** The settings as the rules read them. */
export interface Rules {
  readonly holdAndAccept: boolean
  readonly finishRing: boolean
  readonly reoffer: ReofferCode
  readonly idleSince: IdleSinceCode
  readonly resetOnStatus: boolean
  /** Bit per CallKind of non-queue calls that block queue offers. */
  readonly blockMask: number
  /** Each queue's strategy code (index = queue). */
  readonly strategies: ReadonlyArray<StrategyCode>
}

export const decodeRules = (settings: Settings, strategies: ReadonlyArray<StrategyName>): Rules => {
  let blockMask = 0
  for (const k of settings.nonQueueCallsBlockQueueOffers) blockMask |= 1 << blockingKinds[k]
  return {
    holdAndAccept: settings.holdAndAccept,
    finishRing: settings.offerFinishesRingBeforeRollover,
    reoffer: reofferCodes[settings.reofferSameAgent],
    idleSince: idleSinceCodes[settings.idleSince],
    resetOnStatus: settings.resetMissCountOnStatusChange,
    blockMask,
    strategies: strategies.map((s) => strategyCodes[s])
  }
}
