/**
 * `sweep`: one scenario run at every value of one dimension (load, an agent entry's count, any override), the
 * KPIs and thresholds of each point, and the breaking point — the last value, in the direction of growing
 * stress, at which every strict threshold still holds with its confidence (`evaluateThresholds`, as `ccsim run`).
 *
 * Common random numbers: every point runs replications 0 … R−1 with the scenario's seed, so the points differ
 * only by the swept value. A grid submits every point × replication as ONE batch to the {@link Executor} (one
 * worker pool); `findBreak` bisects instead (Bisection.ts), one batch per probe, on the same pool.
 */
import type { Model, RateEstimate, ThresholdRow } from "@ccsim/engine"
import type { Scenario, ScenarioError, ServiceLevelDefinition, Threshold } from "@ccsim/scenario"
import { Effect, Result } from "effect"
import { analyze } from "./Analysis.ts"
import { bisect } from "./Bisection.ts"
import { Executor, type Job } from "./Executor.ts"
import { applyOverrides, parseOverride } from "./Overrides.ts"
import { metricsOnly, type ReplicationOutput } from "./Replication.ts"
import { expectedCalls, parallelThresholdMs } from "./Runner.ts"
import type { RunnerError } from "./RunnerError.ts"
import { gridValues, InvalidSweep, type SweepDimension, stressGrowsWithValue } from "./SweepDimension.ts"
import { variantOf } from "./Variant.ts"

/** A rate's mean over replications and its 95 % confidence interval (null where undefined). */
export interface SweepEstimate {
  readonly mean: number | null
  readonly lo: number | null
  readonly hi: number | null
}

/** The KPIs of a call scope (all queues, or one queue). */
export interface SweepCallKpis {
  readonly serviceLevel: SweepEstimate
  readonly asa: SweepEstimate
  readonly abandonRate: SweepEstimate
}

/** One point of the sweep. */
export interface SweepPoint {
  /** The value as set (`1.2`, `9`, `30s`). */
  readonly value: string
  /** The value as a number, for the x axis (null for values such as `30s`). */
  readonly x: number | null
  readonly replications: number
  readonly total: SweepCallKpis & { readonly occupancy: SweepEstimate }
  readonly queues: ReadonlyArray<SweepCallKpis & { readonly id: string }>
  /** Occupancy per agent entry (group). */
  readonly groups: ReadonlyArray<{ readonly id: string; readonly occupancy: SweepEstimate }>
  /** The scenario's thresholds evaluated at this point, in order. */
  readonly thresholds: ReadonlyArray<ThresholdRow>
  /** Every strict threshold holds. */
  readonly holds: boolean
  /** Replications cut off a day after closing (a terminating day that could not empty). */
  readonly truncated: number
}

/** Where the thresholds stop holding. */
export interface BreakingPoint {
  /**
   * `found`: `value` holds and `failsAt` (the next value towards more stress) does not; `holds-throughout`: no
   * value fails (`value` is the most stressed); `fails-at-start`: even the least stressed fails; `no-thresholds`:
   * the scenario has no strict threshold.
   */
  readonly status: "found" | "holds-throughout" | "fails-at-start" | "no-thresholds"
  /** The last value at which every strict threshold holds. */
  readonly value: string | null
  /** The first value (towards more stress) at which one fails. */
  readonly failsAt: string | null
  /** The strict thresholds failing at `failsAt`, as `metric op value (scope)`. */
  readonly failing: ReadonlyArray<string>
}

/** A finished sweep: plain data (sweep.json is built from it). */
export interface SweepOutcome {
  readonly scenario: Scenario
  readonly dimension: SweepDimension
  readonly method: "grid" | "bisection"
  /** Bisection: the width the breaking point is located to (load: `tolerance`; agents: 1). */
  readonly tolerance: number | null
  readonly replications: number
  readonly serviceLevelDefinition: ServiceLevelDefinition
  readonly thresholds: ReadonlyArray<Threshold>
  /** In order of value (set values: as listed). */
  readonly points: ReadonlyArray<SweepPoint>
  readonly breakingPoint: BreakingPoint
}

/** What to sweep. */
export interface SweepRequest {
  /** The scenario with any `--seed` applied. */
  readonly scenario: Scenario
  /** The scenario file, for messages. */
  readonly subject: string
  readonly dimension: SweepDimension
  /** Replications per point (a fixed count: the precision loop does not run). */
  readonly replications: number
  /** Bisect for the breaking point to this tolerance (load; agents use whole numbers) instead of a grid. */
  readonly findBreak?: { readonly tolerance: number } | undefined
  /** Work expected under this (ms) stays in this thread (default: `parallelThresholdMs()`). */
  readonly parallelThresholdMs?: number | undefined
  /** Called as each replication finishes (progress). */
  readonly onDone?: (() => Effect.Effect<void>) | undefined
}

/**
 * Replications a sweep is expected to run, for progress bars: `points × replications` on a grid; a bisection
 * runs the two ends and about log2(range / tolerance) probes (fewer when the ends do not straddle a break).
 */
export const plannedReplications = (request: SweepRequest): number => {
  const { dimension, findBreak, replications } = request
  if (findBreak === undefined || dimension.kind === "set") return gridValues(dimension).length * replications
  const tolerance = dimension.kind === "load" ? findBreak.tolerance : 1
  const probes = Math.max(0, Math.ceil(Math.log2(Math.max(1, (dimension.to - dimension.from) / tolerance))))
  return (2 + probes) * replications
}

/** The same rough cost per call as the Runner uses to decide whether threads are worth starting. */
const NOMINAL_MS_PER_CALL = 0.02

const flagOf = (dimension: SweepDimension): string => `--${dimension.kind}`

/** A rate's ratio estimate (Σ numerator / Σ denominator over replications) with its 95 % interval. */
const estimateOf = (e: RateEstimate) => ({
  mean: e.ratio,
  lo: e.ci?.[0] ?? null,
  hi: e.ci?.[1] ?? null
})

/** How a threshold reads in messages: `service-level >= 0.8 (total)`. */
export const thresholdLabel = (t: Pick<Threshold, "metric" | "op" | "value" | "scope">): string =>
  `${t.metric} ${t.op} ${t.value} (${t.scope})`

/** The scenario at one value of the dimension: the `--set` override, decoded and checked like a file. */
const scenarioAt = (request: SweepRequest, value: string): Effect.Effect<Scenario, InvalidSweep> =>
  Effect.suspend(() => {
    const { dimension } = request
    // The flag names the subject already: the override's own "--set PATH=VALUE: " prefix would repeat it.
    const prefix = `--set ${dimension.path}=${value}: `
    const fail = (error: ScenarioError) => {
      const line = error.format().split("\n")[0] ?? ""
      const reason = line.startsWith(prefix) ? `${dimension.path}=${value}: ${line.slice(prefix.length)}` : line
      return Effect.fail(new InvalidSweep({ subject: flagOf(dimension), reason }))
    }
    const override = parseOverride(`${dimension.path}=${value}`)
    if (Result.isFailure(override)) return fail(override.failure)
    const applied = applyOverrides(request.scenario, [override.success])
    if (Result.isFailure(applied)) return fail(applied.failure)
    return Effect.succeed({ ...applied.success, replications: request.replications })
  })

const pointOf = (
  value: string,
  scenario: Scenario,
  outcome: Parameters<typeof analyze>[1]
): SweepPoint & { readonly serviceLevelDefinition: ServiceLevelDefinition } => {
  const { summary, thresholds } = analyze(scenario, outcome, false)
  const callKpis = (m: (typeof summary.total)["metrics"]) => ({
    serviceLevel: estimateOf(m.serviceLevel),
    asa: estimateOf(m.asa),
    abandonRate: estimateOf(m.abandonRate)
  })
  const x = Number(value)
  return {
    value,
    x: value.trim() !== "" && Number.isFinite(x) ? x : null,
    replications: outcome.outputs.length,
    total: { ...callKpis(summary.total.metrics), occupancy: estimateOf(summary.allAgents.metrics.occupancy) },
    queues: summary.queues.map((q) => ({ id: q.id, ...callKpis(q.metrics) })),
    groups: summary.groups.map((g) => ({ id: g.id, occupancy: estimateOf(g.metrics.occupancy) })),
    thresholds,
    holds: thresholds.every((t) => t.ok || !t.strict),
    truncated: outcome.outputs.filter((o) => o.truncated).length,
    serviceLevelDefinition: summary.serviceLevelDefinition
  }
}

/** The breaking point of evaluated points, read in the direction of growing stress. */
export const breakingPointOf = (
  points: ReadonlyArray<SweepPoint>,
  dimension: SweepDimension,
  hasStrictThresholds: boolean
): BreakingPoint => {
  if (!hasStrictThresholds) return { status: "no-thresholds", value: null, failsAt: null, failing: [] }
  const ordered = stressGrowsWithValue(dimension) ? [...points] : [...points].reverse()
  const k = ordered.findIndex((p) => !p.holds)
  if (k < 0) return { status: "holds-throughout", value: ordered.at(-1)?.value ?? null, failsAt: null, failing: [] }
  const failing = ordered[k]!.thresholds.filter((t) => t.strict && !t.ok).map(thresholdLabel)
  return k === 0
    ? { status: "fails-at-start", value: null, failsAt: ordered[0]!.value, failing }
    : { status: "found", value: ordered[k - 1]!.value, failsAt: ordered[k]!.value, failing }
}

const range = (n: number): Array<number> => Array.from({ length: n }, (_, i) => i)

/**
 * Runs a sweep: a grid in one batch, or a bisection for the breaking point.
 *
 * @category constructors
 */
export const runSweep = Effect.fnUntraced(function* (request: SweepRequest) {
  const executor = yield* Executor
  const { dimension, replications } = request
  const seed = request.scenario.seed
  const threshold = request.parallelThresholdMs ?? parallelThresholdMs()
  const hasStrict = request.scenario.expect.thresholds.some((t) => t.strict)
  let definition: ServiceLevelDefinition | undefined

  /** Runs the points at `values` as one batch (same seed, replications 0 … R−1: common random numbers). */
  const evaluate = (values: ReadonlyArray<string>): Effect.Effect<Array<SweepPoint>, InvalidSweep | RunnerError> =>
    Effect.gen(function* () {
      const scenarios: Array<Scenario> = []
      for (const value of values) scenarios.push(yield* scenarioAt(request, value))
      const variants = scenarios.map(variantOf)
      const models: Array<Model> = []
      for (const variant of variants) models.push(yield* executor.compile(variant, request.subject))
      const jobs = variants.flatMap((variant) =>
        range(replications).map((replication): Job => ({ variant, replication, options: metricsOnly(seed) }))
      )
      const expectedMs = models.reduce((ms, model) => ms + expectedCalls(model) * NOMINAL_MS_PER_CALL, 0)
      const onDone = request.onDone
      const outputs: Array<ReplicationOutput> = yield* executor.run(jobs, {
        onDone: onDone === undefined ? undefined : () => onDone(),
        inProcess: expectedMs * replications < threshold
      })
      return values.map((value, i) => {
        const { serviceLevelDefinition, ...point } = pointOf(value, scenarios[i]!, {
          model: models[i]!,
          outputs: outputs.slice(i * replications, (i + 1) * replications),
          sample: undefined,
          precisionReached: undefined
        })
        definition ??= serviceLevelDefinition
        return point
      })
    })

  let points: Array<SweepPoint>
  let breakingPoint: BreakingPoint
  let tolerance: number | null = null
  if (request.findBreak === undefined) {
    points = yield* evaluate(gridValues(dimension))
    breakingPoint = breakingPointOf(points, dimension, hasStrict)
  } else {
    if (dimension.kind === "set") {
      return yield* new InvalidSweep({ subject: "--find-break", reason: "expected --load or --agents, found --set" })
    }
    if (!hasStrict) {
      return yield* new InvalidSweep({
        subject: "--find-break",
        reason: `expected strict thresholds in expect.thresholds of ${request.subject}, found none: there is nothing to break`
      })
    }
    tolerance = dimension.kind === "load" ? request.findBreak.tolerance : 1
    const found = yield* bisect({
      easy: dimension.kind === "load" ? dimension.from : dimension.to,
      hard: dimension.kind === "load" ? dimension.to : dimension.from,
      tolerance,
      integer: dimension.kind === "agents",
      evaluate: (xs) => evaluate(xs.map(String))
    })
    points = [...found.points].sort((a, b) => (a.x ?? 0) - (b.x ?? 0))
    breakingPoint = breakingPointOf(points, dimension, hasStrict)
  }
  return {
    scenario: request.scenario,
    dimension,
    method: request.findBreak === undefined ? "grid" : "bisection",
    tolerance,
    replications,
    serviceLevelDefinition: definition ?? "answered-of-offered",
    thresholds: request.scenario.expect.thresholds,
    points,
    breakingPoint
  } satisfies SweepOutcome as SweepOutcome
})
