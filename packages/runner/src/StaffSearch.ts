/**
 * The staffing search: an iterative staffing algorithm in the spirit of Feldman, Mandelbaum, Massey & Whitt
 * ("Staffing of time-varying queues to achieve time-stable performance", Management Science 54(2), 2008), adapted
 * from their delay-probability rule to service targets judged with confidence.
 *
 * The whole day is simulated with the current staffing n(q, t) (agents of queue q's dedicated group in interval
 * t), R replications with common random numbers (the same seed and replication indices every time), so calls
 * carried from one interval into the next count. Each iteration:
 *
 * 1. **Up.** Every (q, t) whose interval does not meet every target with the requested confidence gets one agent
 *    more (up to a cap).
 * 2. **Down.** The intervals of one probe class (t ≡ k mod m, m = 3: classes rotate with the iteration k) are
 *    simulated with one agent fewer each, all at once — members of a class are m intervals apart, so one reduction
 *    hardly reaches another through the backlog. Where the interval still meets every target with confidence
 *    at n − 1, and so do the intervals after it up to the next reduced one (which its backlog reaches first), and
 *    n is above its lower bound, n drops by one. The probe ran with every other interval as it is, so the drops
 *    together never take the staffing below what was tested.
 *
 * Both variants run as one batch on the worker pool; a staffing already simulated is not simulated again.
 *
 * **Stopping rule.** Stop when m consecutive iterations change nothing: then the staffing was the same through a
 * probe of every class, so every interval meets every target at n and fails or is uncertain at n − 1 (or is at
 * its lower bound): a fixed point. Cycle check: an interval that has to go back up after a drop (the estimates at
 * n − 1 straddle the target, so common random numbers alone do not settle it) is held — never dropped again — so
 * no staffing can repeat forever; such intervals are reported. After `maxIterations` the search stops where it is
 * (the outcome says it did not converge).
 */
import type { Effect as EffectType } from "effect"
import { Effect } from "effect"
import { Executor, type Job } from "./Executor.ts"
import { metricsOnly } from "./Replication.ts"
import { expectedCalls, parallelThresholdMs } from "./Runner.ts"
import type { RunFailed, UnrunnableScenario } from "./RunnerError.ts"
import { evaluateInterval, type IntervalEvaluation } from "./StaffEvaluate.ts"
import { type DayGrid, type StaffBase, staffedScenario } from "./StaffScenario.ts"
import type { StaffTarget } from "./StaffTargets.ts"
import { variantOf } from "./Variant.ts"

/** Staffing per staffed queue and interval. */
export type Staffing = ReadonlyArray<ReadonlyArray<number>>

/** What to search. */
export interface StaffSearchRequest {
  readonly base: StaffBase
  readonly grid: DayGrid
  /** Per staffed queue, its index in the results' queue scopes. */
  readonly queueIndexes: ReadonlyArray<number>
  readonly targets: ReadonlyArray<StaffTarget>
  readonly confidence: number
  readonly replications: number
  readonly seed: number
  /** The starting staffing (the analytic requirement). */
  readonly initial: Staffing
  /** Fewest agents per (queue, interval): 0, or the occupancy cap's minimum. */
  readonly lowerBounds: Staffing
  /** Most agents per (queue, interval) the search may put in. */
  readonly upperBounds: Staffing
  readonly maxIterations: number
  /** Probe classes m (default 3). */
  readonly spacing?: number | undefined
  /** Wraps each batch (progress): `advance` once per finished replication. */
  readonly track?:
    | (<A, E>(
        label: string,
        total: number,
        body: (advance: EffectType.Effect<void>) => EffectType.Effect<A, E>
      ) => EffectType.Effect<A, E>)
    | undefined
}

/** One iteration, for the record. */
export interface StaffIteration {
  readonly iteration: number
  /** Σ n over queues and intervals before the iteration's changes. */
  readonly agentIntervals: number
  readonly failing: number
  readonly up: number
  readonly down: number
  readonly probeClass: number
  readonly replicationsRun: number
}

/** Where the search ended. */
export interface StaffSearchOutcome {
  readonly staffing: Staffing
  /** At the final staffing, per queue and interval. */
  readonly evaluations: ReadonlyArray<ReadonlyArray<IntervalEvaluation>>
  /** At one agent fewer in that interval (its probe class reduced together); undefined at the lower bound. */
  readonly oneFewer: ReadonlyArray<ReadonlyArray<IntervalEvaluation | undefined>>
  /** Where one agent fewer at t still meets at t: the first later interval it makes fail (carry-over), if any. */
  readonly spillOf: ReadonlyArray<ReadonlyArray<number | undefined>>
  readonly iterations: ReadonlyArray<StaffIteration>
  readonly converged: boolean
  /** Intervals that went back up after a drop and were then held (not dropped again). */
  readonly held: ReadonlyArray<ReadonlyArray<boolean>>
  /** Day simulations run (replications of every variant). */
  readonly replicationsRun: number
}

const keyOf = (staffing: Staffing): string => JSON.stringify(staffing)

/** Σ of all entries. */
export const agentIntervals = (staffing: Staffing): number =>
  staffing.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0)

/** Runs the search on the {@link Executor}. */
export const searchStaffing = (
  request: StaffSearchRequest
): EffectType.Effect<StaffSearchOutcome, RunFailed | UnrunnableScenario, Executor> =>
  Effect.gen(function* () {
    const executor = yield* Executor
    const { base, grid, replications, lowerBounds, upperBounds } = request
    const m = Math.max(1, request.spacing ?? 3)
    const threshold = parallelThresholdMs()
    const evaluated = new Map<string, Array<Array<IntervalEvaluation>>>()
    let replicationsRun = 0

    const evaluate = (
      staffing: Staffing,
      results: ReadonlyArray<Parameters<typeof evaluateInterval>[0]["results"][number]>
    ) =>
      staffing.map((levels, q) =>
        levels.map((agents, t) =>
          evaluateInterval({
            results,
            queueIndex: request.queueIndexes[q]!,
            queue: base.queues[q]!,
            interval: t,
            intervalMs: grid.intervalMs,
            agents,
            targets: request.targets,
            confidence: request.confidence
          })
        )
      )

    /** Simulates every staffing not yet evaluated, in one batch; returns their evaluations in order. */
    const simulate = (label: string, staffings: ReadonlyArray<Staffing>) =>
      Effect.gen(function* () {
        const missing = [
          ...new Map(staffings.filter((s) => !evaluated.has(keyOf(s))).map((s) => [keyOf(s), s])).values()
        ]
        if (missing.length > 0) {
          const variants = missing.map((s) => variantOf(staffedScenario(base, s, grid)))
          const model = yield* executor.compile(variants[0]!, base.scenario.name)
          const options = metricsOnly(request.seed)
          const jobs = variants.flatMap((variant) =>
            Array.from({ length: replications }, (_, replication): Job => ({ variant, replication, options }))
          )
          const inProcess = expectedCalls(model) * 0.02 * jobs.length < threshold
          const run = (advance: EffectType.Effect<void> | undefined) =>
            executor.run(jobs, { inProcess, onDone: advance === undefined ? undefined : () => advance })
          const outputs =
            request.track === undefined ? yield* run(undefined) : yield* request.track(label, jobs.length, run)
          replicationsRun += jobs.length
          missing.forEach((s, v) => {
            const results = outputs.slice(v * replications, (v + 1) * replications).map((o) => o.result)
            evaluated.set(keyOf(s), evaluate(s, results))
          })
        }
        return staffings.map((s) => evaluated.get(keyOf(s))!)
      })

    /** The staffing with one agent fewer in the intervals of class j (where above the lower bound). */
    const probeOf = (staffing: Staffing, j: number): Staffing | undefined => {
      let reduced = false
      const probe = staffing.map((levels, q) =>
        levels.map((n, t) => {
          if (t % m !== j || n <= lowerBounds[q]![t]!) return n
          reduced = true
          return n - 1
        })
      )
      return reduced ? probe : undefined
    }

    /**
     * One agent fewer at t is kept when, in the probe, t and the intervals after it up to the next reduced one all
     * still meet their targets: the reduction's backlog reaches those first.
     */
    const dropHolds = (probed: ReadonlyArray<ReadonlyArray<IntervalEvaluation>>, q: number, t: number): boolean => {
      for (let u = t; u < Math.min(grid.intervals, t + m); u++) if (!probed[q]![u]!.met) return false
      return true
    }

    let staffing: Staffing = request.initial.map((levels, q) =>
      levels.map((n, t) => Math.min(upperBounds[q]![t]!, Math.max(lowerBounds[q]![t]!, n)))
    )
    // An interval that went back up after a drop is held: it is not dropped again (no cycles).
    const dropped = staffing.map((levels) => levels.map(() => false))
    const held = staffing.map((levels) => levels.map(() => false))
    const lastProbe: Array<{ key: string; evaluations: Array<Array<IntervalEvaluation>> | undefined } | undefined> =
      Array.from({ length: m }, () => undefined)
    const iterations: Array<StaffIteration> = []
    let quiet = 0
    let converged = false

    for (let k = 0; k < request.maxIterations; k++) {
      const j = k % m
      const probe = probeOf(staffing, j)
      const before = replicationsRun
      const [current, probed] = yield* simulate(
        `staffing iteration ${k + 1}`,
        probe === undefined ? [staffing] : [staffing, probe]
      )
      lastProbe[j] = { key: keyOf(staffing), evaluations: probe === undefined ? undefined : probed }
      let up = 0
      let down = 0
      let failing = 0
      const next = staffing.map((levels, q) =>
        levels.map((n, t) => {
          if (!current![q]![t]!.met) {
            failing++
            if (n < upperBounds[q]![t]!) {
              up++
              if (dropped[q]![t]!) held[q]![t] = true
              return n + 1
            }
            return n
          }
          if (
            !held[q]![t]! &&
            probe !== undefined &&
            t % m === j &&
            n > lowerBounds[q]![t]! &&
            dropHolds(probed!, q, t)
          ) {
            down++
            dropped[q]![t] = true
            return n - 1
          }
          return n
        })
      )
      iterations.push({
        iteration: k + 1,
        agentIntervals: agentIntervals(staffing),
        failing,
        up,
        down,
        probeClass: j,
        replicationsRun: replicationsRun - before
      })
      if (up + down === 0) {
        quiet++
        if (quiet >= m) {
          converged = true
          break
        }
        continue
      }
      quiet = 0
      staffing = next
    }

    // Every class's probe against the final staffing (run now where the search stopped before probing it).
    const finalKey = keyOf(staffing)
    const stale = Array.from({ length: m }, (_, j) => j).filter((j) => lastProbe[j]?.key !== finalKey)
    const probes = stale.flatMap((j) => {
      const p = probeOf(staffing, j)
      return p === undefined ? [] : [{ j, p }]
    })
    const [current, ...probed] = yield* simulate("final check", [staffing, ...probes.map((x) => x.p)])
    for (const j of stale) lastProbe[j] = { key: finalKey, evaluations: undefined }
    probes.forEach(({ j }, i) => {
      lastProbe[j] = { key: finalKey, evaluations: probed[i] }
    })
    // The first later interval (before the next reduced one) that fails in the probe: a reduction's carry-over.
    const spillOf = staffing.map((levels, q) =>
      levels.map((_, t) => {
        const probed = lastProbe[t % m]?.evaluations
        if (probed === undefined) return undefined
        for (let u = t + 1; u < Math.min(grid.intervals, t + m); u++) if (!probed[q]![u]!.met) return u
        return undefined
      })
    )
    const oneFewer = staffing.map((levels, q) =>
      levels.map((n, t) => (n <= lowerBounds[q]![t]! ? undefined : lastProbe[t % m]?.evaluations?.[q]?.[t]))
    )
    return {
      staffing,
      evaluations: current!,
      oneFewer,
      spillOf,
      iterations,
      converged,
      held,
      replicationsRun
    }
  })
