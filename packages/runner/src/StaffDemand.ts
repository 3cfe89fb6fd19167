/**
 * What each staffed queue is offered, interval by interval, and the analytic requirement it implies: the starting
 * point of the staffing search, printed beside its result.
 *
 * A staffed queue is the first queue of a workflow that queue traffic enters; queues reached only by rollover keep
 * the agents the scenario gives them. Per interval and queue: the volume (Poisson arrivals of every source entering
 * it, × `run.loadMultiplier`), the handle time (talk, the unknown callers' search time, and the queue's wrap-up, all
 * as means, volume-weighted over sources) and the mean patience. Erlang A when every source has a patience, Erlang C
 * when none has; with a mix, Erlang A with the callers that have one (the others count as patient as the mean).
 * Redials, misses, rollovers and non-exponential times are what the simulation adds.
 */
import { requiredAgents, type StaffingResult } from "@ccsim/analytic"
import { CallKind, type Model, StepKind } from "@ccsim/engine"
import type { StaffTarget } from "./StaffTargets.ts"
import { targetsOf } from "./StaffTargets.ts"

/** One interval's traffic into one queue. */
export interface IntervalDemand {
  /** Calls offered in the interval (expected). */
  readonly volume: number
  /** Mean handle time in seconds, wrap-up and unknown callers' search included; 0 without calls. */
  readonly ahtSeconds: number
  /** Mean patience in seconds, or undefined (Erlang C). */
  readonly patienceSeconds: number | undefined
}

/** A staffed queue's day. */
export interface QueueDemand {
  readonly queue: string
  /** Index in the model's queues (and in the results' queue scopes). */
  readonly index: number
  readonly thresholdSeconds: number
  readonly serviceLevelDefinition: Model["queues"][number]["serviceLevelDefinition"]
  readonly intervals: ReadonlyArray<IntervalDemand>
}

/** The queues traffic enters first, in the scenario's queue order. */
export const staffedQueues = (model: Model): Array<number> => {
  const entered = new Set<number>()
  for (const source of model.sources) {
    if (source.kind !== CallKind.queue || source.workflow < 0) continue
    const first = model.workflows[source.workflow]?.steps[0]
    if (first !== undefined && first.kind === StepKind.queue && first.target >= 0) entered.add(first.target)
  }
  return model.queues.filter((q) => entered.has(q.index)).map((q) => q.index)
}

/** Expected arrivals of `source` in each interval of the day. */
const volumesOf = (model: Model, source: Model["sources"][number]): Array<{ volume: number; ahtMs: number }> => {
  const out = Array.from({ length: model.intervalCount }, () => ({ volume: 0, ahtMs: source.handleTime.mean }))
  const plan = source.arrivals
  if (plan.kind === "rate") {
    for (let i = 0; i < model.intervalCount; i++) {
      const from = model.open + i * model.intervalMs
      const to = Math.min(model.close, from + model.intervalMs)
      out[i]!.volume = (plan.ratePerHour * Math.max(0, to - from)) / 3_600_000
    }
  } else {
    plan.starts.forEach((start, k) => {
      const i = Math.floor((start - model.open) / model.intervalMs)
      const slot = out[i]
      if (slot === undefined) return
      slot.volume += plan.volumes[k]!
      const aht = plan.aht[k]!
      if (!Number.isNaN(aht)) slot.ahtMs = aht
    })
  }
  for (const slot of out) slot.volume *= model.loadMultiplier
  return out
}

/** Each staffed queue's offered traffic per interval. */
export const queueDemands = (model: Model, queues: ReadonlyArray<number>): Array<QueueDemand> =>
  queues.map((index) => {
    const queue = model.queues[index]!
    const sources = model.sources.filter(
      (s) =>
        s.kind === CallKind.queue &&
        s.workflow >= 0 &&
        model.workflows[s.workflow]?.steps[0]?.kind === StepKind.queue &&
        model.workflows[s.workflow]?.steps[0]?.target === index
    )
    const perSource = sources.map((s) => ({ source: s, volumes: volumesOf(model, s) }))
    const wrapMs = queue.wrapUpSampler.mean
    const intervals = Array.from({ length: model.intervalCount }, (_, i): IntervalDemand => {
      let volume = 0
      let work = 0
      let patienceVolume = 0
      let patience = 0
      for (const { source, volumes } of perSource) {
        const v = volumes[i]!.volume
        if (v === 0) continue
        const searchMs = (1 - source.knownShare) * model.unknownSearchTime.mean
        volume += v
        work += v * (volumes[i]!.ahtMs + searchMs + wrapMs)
        if (source.patience !== undefined) {
          patienceVolume += v
          patience += v * source.patience.mean
        }
      }
      return {
        volume,
        ahtSeconds: volume > 0 ? work / volume / 1000 : 0,
        patienceSeconds: patienceVolume > 0 ? patience / patienceVolume / 1000 : undefined
      }
    })
    return {
      queue: queue.id,
      index,
      thresholdSeconds: queue.serviceLevelThreshold / 1000,
      serviceLevelDefinition: queue.serviceLevelDefinition,
      intervals
    }
  })

/** Options shared with `ccsim erlang`. */
export interface RequirementOptions {
  readonly maxOccupancy: number | undefined
  readonly shrinkage: number
}

/** The analytic requirement of one interval of one queue (agents 0 without calls). */
export const erlangRequirement = (
  demand: QueueDemand,
  interval: IntervalDemand,
  intervalSeconds: number,
  targets: ReadonlyArray<StaffTarget>,
  options: RequirementOptions
): StaffingResult => {
  const own = targetsOf(targets, demand.queue)
  const best = (metric: StaffTarget["metric"], pick: (a: number, b: number) => number) =>
    own
      .filter((t) => t.metric === metric)
      .reduce<number | undefined>((m, t) => (m === undefined ? t.value : pick(m, t.value)), undefined)
  const serviceLevel = best("service-level", Math.max)
  const asa = best("asa", Math.min)
  const abandon = best("abandon-rate", Math.min)
  const aht = interval.ahtSeconds > 0 ? interval.ahtSeconds : 1
  return requiredAgents({
    arrivalRate: interval.volume / intervalSeconds,
    aht,
    threshold: demand.thresholdSeconds,
    serviceLevelTarget: serviceLevel ?? 0,
    ...(interval.patienceSeconds === undefined ? {} : { patience: interval.patienceSeconds }),
    serviceLevelDefinition: demand.serviceLevelDefinition,
    ...(asa === undefined ? {} : { asaTarget: asa }),
    ...(abandon === undefined ? {} : { abandonTarget: abandon }),
    ...(options.maxOccupancy === undefined ? {} : { maxOccupancy: options.maxOccupancy }),
    shrinkage: options.shrinkage
  })
}
