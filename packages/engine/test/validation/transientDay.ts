/**
 * The small time-varying day of the coverage test (Transient.test.ts): two hours in eight 15-minute intervals,
 * 8 agents all day, starting empty; 24 calls per interval for the first hour, then 40; exponential talk (mean
 * 180 s) and patience (mean 240 s); SL threshold 20 s; agents answer at once, no wrap-up, no maximum wait, no
 * redials; a terminating run. The exact per-interval values come from `transientQueue` in @ccsim/analytic.
 */
import { type TransientResult, transientQueue } from "@ccsim/analytic"
import type { Model } from "../../src/Model.ts"
import { modelOf, queueScenarioInput } from "../metrics/scenarios.ts"

export const INTERVAL_SECONDS = 900
export const VOLUMES: ReadonlyArray<number> = [24, 24, 24, 24, 40, 40, 40, 40]
export const AGENTS = 8
export const AHT_SECONDS = 180
export const PATIENCE_SECONDS = 240
export const THRESHOLD_SECONDS = 20

/** The day as a compiled model (seed `seed`). */
export const transientDayModel = (seed: number): Model =>
  modelOf(
    queueScenarioInput({
      agents: AGENTS,
      ratePerHour: 0,
      ahtSeconds: AHT_SECONDS,
      patienceSeconds: PATIENCE_SECONDS,
      thresholdSeconds: THRESHOLD_SECONDS,
      mode: "terminating",
      duration: "2h",
      intervalMinutes: 15,
      seed,
      extra: {
        traffic: [
          {
            type: "queue",
            trackingNumber: "+1 555 0100",
            arrivals: { perInterval: VOLUMES },
            handleTime: { type: "exponential", mean: `${AHT_SECONDS}s` },
            patience: { type: "exponential", mean: `${PATIENCE_SECONDS}s` }
          }
        ]
      }
    })
  )

/** The exact values for the callers arriving in each interval (seconds). */
export const transientDayExact = (): TransientResult =>
  transientQueue({
    intervals: VOLUMES.map((v) => ({ length: INTERVAL_SECONDS, arrivalRate: v / INTERVAL_SECONDS, agents: AGENTS })),
    aht: AHT_SECONDS,
    patience: PATIENCE_SECONDS,
    threshold: THRESHOLD_SECONDS
  })
