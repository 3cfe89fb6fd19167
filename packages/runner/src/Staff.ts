/**
 * `staff`: the agents each staffed queue needs in each interval of the day, from the analytic requirement refined
 * by simulation (StaffSearch.ts), then optionally the cheapest roster of shift templates that covers it (HiGHS),
 * verified by simulating that roster with its real breaks. Plain data out; the CLI renders it.
 */
import { type CoverTemplate, coverShifts, type ShiftCover, ShiftCoverError, type StaffingResult } from "@ccsim/analytic"
import type { Model } from "@ccsim/engine"
import type { Scenario, ShiftTemplate } from "@ccsim/scenario"
import type { Effect as EffectType } from "effect"
import { Effect } from "effect"
import { Executor, type Job } from "./Executor.ts"
import { metricsOnly } from "./Replication.ts"
import type { RunFailed, UnrunnableScenario } from "./RunnerError.ts"
import { erlangRequirement, type IntervalDemand, queueDemands, staffedQueues } from "./StaffDemand.ts"
import { evaluateInterval, type IntervalEvaluation } from "./StaffEvaluate.ts"
import { type DayGrid, type RosterEntry, rosterScenario, type StaffBase, staffBase } from "./StaffScenario.ts"
import { type StaffIteration, type StaffSearchRequest, searchStaffing } from "./StaffSearch.ts"
import {
  checkTargetQueues,
  queueServiceLevelTargets,
  StaffInvalid,
  type StaffTarget,
  targetsFromThresholds
} from "./StaffTargets.ts"
import { variantOf } from "./Variant.ts"

/** Shift templates to cover the requirement with. */
export interface StaffShifts {
  readonly file: string
  readonly templates: ReadonlyArray<ShiftTemplate>
  /** Template group → staffed queue, beyond groups named like a queue. */
  readonly groups: Readonly<Record<string, string>>
}

/** A staffing request. */
export interface StaffRequest {
  /** With any `--seed` applied. */
  readonly scenario: Scenario
  readonly subject: string
  /** From `--target`; none: the scenario's thresholds, else each queue's service-level target. */
  readonly targets: ReadonlyArray<StaffTarget>
  /** Staff only these queues (`--queue`); the others keep the scenario's agents. Default: every entry queue. */
  readonly queues?: ReadonlyArray<string> | undefined
  readonly confidence: number
  readonly replications: number
  readonly shrinkage: number
  readonly maxOccupancy: number | undefined
  readonly maxIterations: number
  readonly shifts: StaffShifts | undefined
  readonly track?: StaffSearchRequest["track"]
}

/** Where the targets came from. */
export type TargetSource = "flags" | "thresholds" | "queue service levels"

/** One queue's interval in the answer. */
export interface StaffRow {
  /** ms after midnight. */
  readonly start: number
  readonly queue: string
  readonly demand: IntervalDemand
  readonly erlang: StaffingResult
  /** Agents on the phones the simulation requires. */
  readonly agents: number
  /** After shrinkage: ⌈agents / (1 − shrinkage)⌉. */
  readonly scheduled: number
  readonly lowerBound: number
  /**
   * The target that fails first with one agent fewer; `carry-over to HH:MM` when this interval still meets its
   * targets with one fewer but a later interval (its backlog) does not; `lower bound` at the bound; `none` when one
   * fewer also meets everything (only after a cycle or without convergence).
   */
  readonly binding: string
  /** Every target not met with confidence at one agent fewer. */
  readonly failingWithOneFewer: ReadonlyArray<string>
  /** Every binding target was only uncertain at one fewer (inside its CI): the minimum may be one agent lower. */
  readonly withinCi: boolean
  readonly evaluation: IntervalEvaluation
  readonly oneFewer: IntervalEvaluation | undefined
  /** With shifts: the roster's time-weighted agents on duty, and the verification run. */
  readonly coverage: number | undefined
  readonly verification: IntervalEvaluation | undefined
}

/** The roster and its verification. */
export interface StaffRoster {
  readonly file: string
  readonly counts: ReadonlyArray<{
    readonly queue: string
    readonly template: string
    readonly count: number
    readonly cost: number
  }>
  readonly totalCost: number
  /** Rows (queue, interval start) whose targets the roster misses in the verification run. */
  readonly missed: ReadonlyArray<{
    readonly queue: string
    readonly start: number
    readonly targets: ReadonlyArray<string>
  }>
}

/** The answer. */
export interface StaffResult {
  readonly scenario: string
  readonly seed: number
  readonly replications: number
  readonly confidence: number
  readonly shrinkage: number
  readonly maxOccupancy: number | undefined
  readonly counting: "dedicated group per queue"
  readonly grid: DayGrid
  readonly targets: ReadonlyArray<StaffTarget>
  readonly targetSource: TargetSource
  /** Thresholds of the scenario that are not staffing targets (other metrics or scopes). */
  readonly ignoredThresholds: number
  readonly queues: ReadonlyArray<{
    readonly id: string
    readonly group: string
    readonly behaviourFrom: string | undefined
    readonly thresholdSeconds: number
    readonly serviceLevelDefinition: string
    readonly model: "erlang-a" | "erlang-c"
  }>
  readonly dropped: ReadonlyArray<string>
  readonly keptWithoutQueues: ReadonlyArray<string>
  readonly rows: ReadonlyArray<StaffRow>
  readonly iterations: ReadonlyArray<StaffIteration>
  readonly converged: boolean
  /** Intervals held after going back up (the cycle check). */
  readonly held: number
  readonly replicationsRun: number
  readonly roster: StaffRoster | undefined
}

/** `HH:MM`. */
const clock = (ms: number): string =>
  `${String(Math.floor(ms / 3_600_000)).padStart(2, "0")}:${String(Math.floor(ms / 60_000) % 60).padStart(2, "0")}`

const ceilCount = (x: number): number => Math.ceil(x - 1e-9 * Math.max(1, Math.abs(x)))

/** The targets to use and where they came from. */
const chooseTargets = (
  request: StaffRequest,
  queues: ReadonlyArray<string>
): { targets: Array<StaffTarget>; source: TargetSource; ignored: number } => {
  const fromThresholds = targetsFromThresholds(request.scenario)
  if (request.targets.length > 0)
    return { targets: [...request.targets], source: "flags", ignored: request.scenario.expect.thresholds.length }
  // Thresholds on queues left unstaffed (`--queue`) do not apply.
  const applicable = fromThresholds.targets.filter((t) => t.queue === undefined || queues.includes(t.queue))
  if (applicable.length > 0) {
    const ignored = fromThresholds.ignored + fromThresholds.targets.length - applicable.length
    return { targets: applicable, source: "thresholds", ignored }
  }
  return {
    targets: queueServiceLevelTargets(request.scenario, queues),
    source: "queue service levels",
    ignored: fromThresholds.ignored
  }
}

/** Finds the staffing (and roster) for a day. */
export const staffDay = (
  request: StaffRequest
): EffectType.Effect<StaffResult, StaffInvalid | RunFailed | UnrunnableScenario, Executor> =>
  Effect.gen(function* () {
    const executor = yield* Executor
    const { scenario } = request
    const model: Model = yield* executor.compile(variantOf(scenario), request.subject)
    const entered = staffedQueues(model)
    for (const id of request.queues ?? []) {
      if (!entered.some((q) => model.queues[q]!.id === id)) {
        return yield* new StaffInvalid({
          subject: "--queue",
          expected: `a queue that traffic enters (${entered.map((q) => model.queues[q]!.id).join(", ")})`,
          found: JSON.stringify(id)
        })
      }
    }
    const queueIndexes =
      request.queues === undefined || request.queues.length === 0
        ? entered
        : entered.filter((q) => request.queues!.includes(model.queues[q]!.id))
    const demands = queueDemands(model, queueIndexes)
    const totalVolume = demands.reduce((s, d) => s + d.intervals.reduce((a, i) => a + i.volume, 0), 0)
    if (demands.length === 0 || totalVolume === 0) {
      return yield* new StaffInvalid({
        subject: request.subject,
        expected: "queue traffic to staff (a workflow starting with a queue, and traffic dialling it)",
        found: demands.length === 0 ? "no queue that traffic enters" : "no queue calls in any interval"
      })
    }
    const queueIds = demands.map((d) => d.queue)
    const { targets, source, ignored } = chooseTargets(request, queueIds)
    const badQueue = checkTargetQueues(targets, scenario, queueIds)
    if (badQueue._tag === "Failure") return yield* badQueue.failure
    if (targets.length === 0) {
      return yield* new StaffInvalid({
        subject: request.subject,
        expected: "a staffing target (--target, a threshold, or a queue's serviceLevel.target)",
        found: "none"
      })
    }

    // The shift file is checked against the queues before the search, not after it.
    const byQueue =
      request.shifts === undefined
        ? undefined
        : templatesByQueue(
            request.shifts,
            queueIds,
            scenario.queues.map((q) => q.id)
          )
    if (byQueue instanceof StaffInvalid) return yield* byQueue

    const grid: DayGrid = { open: model.open, intervalMs: model.intervalMs, intervals: model.intervalCount }
    const intervalSeconds = model.intervalMs / 1000
    const erlang = yield* Effect.try({
      try: () =>
        demands.map((d) =>
          d.intervals.map((interval) =>
            erlangRequirement(d, interval, intervalSeconds, targets, {
              maxOccupancy: request.maxOccupancy,
              shrinkage: request.shrinkage
            })
          )
        ),
      catch: (error) =>
        new StaffInvalid({
          subject: "--target",
          expected: "targets that some number of agents can meet",
          found: error instanceof Error ? error.message : String(error)
        })
    })
    const lowerBounds = demands.map((d) =>
      d.intervals.map((i) =>
        request.maxOccupancy === undefined
          ? 0
          : ceilCount(((i.volume / intervalSeconds) * i.ahtSeconds) / request.maxOccupancy)
      )
    )
    const initial = erlang.map((row) => row.map((r) => r.agents))
    const upperBounds = initial.map((row, q) => row.map((n, t) => Math.max(lowerBounds[q]![t]!, 3 * n + 20)))
    const base = staffBase(scenario, queueIds)
    const search = yield* searchStaffing({
      base,
      grid,
      queueIndexes,
      targets,
      confidence: request.confidence,
      replications: request.replications,
      seed: scenario.seed,
      initial,
      lowerBounds,
      upperBounds,
      maxIterations: request.maxIterations,
      track: request.track
    })

    const scheduled = search.staffing.map((row) => row.map((n) => ceilCount(n / (1 - request.shrinkage))))
    const roster =
      request.shifts === undefined
        ? undefined
        : yield* coverAndVerify(request, request.shifts, byQueue!, base, grid, queueIndexes, scheduled, targets)

    const rows: Array<StaffRow> = demands.flatMap((d, q) =>
      d.intervals.map((demand, t): StaffRow => {
        const agents = search.staffing[q]![t]!
        const lowerBound = lowerBounds[q]![t]!
        const fewer = search.oneFewer[q]![t]
        const notMet = fewer?.statuses.filter((s) => s.status !== "met") ?? []
        const failed = notMet.find((s) => s.status === "failed")
        const spill = fewer === undefined || notMet.length > 0 ? undefined : search.spillOf[q]![t]
        const binding =
          agents <= lowerBound || fewer === undefined
            ? "lower bound"
            : ((failed ?? notMet[0])?.target.label ??
              (spill !== undefined
                ? `carry-over to ${clock(grid.open + spill * grid.intervalMs)}`
                : search.held[q]![t]!
                  ? "held (failed at one fewer earlier)"
                  : "none"))
        return {
          start: grid.open + t * grid.intervalMs,
          queue: d.queue,
          demand,
          erlang: erlang[q]![t]!,
          agents,
          scheduled: scheduled[q]![t]!,
          lowerBound,
          binding,
          failingWithOneFewer: notMet.map((s) => s.target.label),
          withinCi: notMet.length > 0 && failed === undefined,
          evaluation: search.evaluations[q]![t]!,
          oneFewer: fewer,
          coverage: roster?.coverage[q]?.[t],
          verification: roster?.verification[q]?.[t]
        }
      })
    )
    return {
      scenario: scenario.name,
      seed: scenario.seed,
      replications: request.replications,
      confidence: request.confidence,
      shrinkage: request.shrinkage,
      maxOccupancy: request.maxOccupancy,
      counting: "dedicated group per queue",
      grid,
      targets,
      targetSource: source,
      ignoredThresholds: ignored,
      queues: demands.map((d, q) => ({
        id: d.queue,
        group: base.groups[q]!,
        behaviourFrom: base.behaviourFrom[q],
        thresholdSeconds: d.thresholdSeconds,
        serviceLevelDefinition: d.serviceLevelDefinition,
        model: erlang[q]!.find((r) => r.offeredLoad > 0)?.model ?? "erlang-c"
      })),
      dropped: base.dropped,
      keptWithoutQueues: base.keptWithoutQueues,
      rows,
      iterations: search.iterations,
      converged: search.converged,
      held: search.held.flat().filter(Boolean).length,
      replicationsRun: search.replicationsRun + (roster === undefined ? 0 : request.replications),
      roster: roster?.roster
    }
  })

/** The templates of each staffed queue: a template's group names the queue, or maps to it; no group: the only queue. */
const templatesByQueue = (
  shifts: StaffShifts,
  queues: ReadonlyArray<string>,
  allQueues: ReadonlyArray<string>
): Array<Array<ShiftTemplate>> | StaffInvalid => {
  const out = queues.map((): Array<ShiftTemplate> => [])
  for (const [k, t] of shifts.templates.entries()) {
    const group = t.group
    const queue = group === undefined ? (queues.length === 1 ? queues[0] : undefined) : (shifts.groups[group] ?? group)
    const q = queue === undefined ? -1 : queues.indexOf(queue)
    // Templates of a queue left unstaffed (`--queue`) are not used.
    if (q < 0 && queue !== undefined && allQueues.includes(queue)) continue
    if (q < 0) {
      return new StaffInvalid({
        subject: shifts.file,
        expected: `templates[${k}].group to name a staffed queue (${queues.join(", ")}) or be mapped with --group ${group ?? "GROUP"}=QUEUE`,
        found: group === undefined ? "no group" : JSON.stringify(group)
      })
    }
    out[q]!.push(t)
  }
  return out
}

const coverAndVerify = (
  request: StaffRequest,
  shifts: StaffShifts,
  byQueue: ReadonlyArray<ReadonlyArray<ShiftTemplate>>,
  base: StaffBase,
  grid: DayGrid,
  queueIndexes: ReadonlyArray<number>,
  scheduled: ReadonlyArray<ReadonlyArray<number>>,
  targets: ReadonlyArray<StaffTarget>
) =>
  Effect.gen(function* () {
    const covers: Array<ShiftCover> = []
    for (const [q, templates] of byQueue.entries()) {
      const queue = base.queues[q]!
      const cover = yield* coverShifts({
        dayStart: grid.open,
        intervalLength: grid.intervalMs,
        required: scheduled[q]!,
        templates: templates.map(
          (t): CoverTemplate => ({
            id: t.id,
            start: t.start,
            length: t.length,
            breaks: t.breaks.map((b) => ({ start: b.start, duration: b.duration })),
            cost: t.cost,
            min: t.min,
            ...(t.max === undefined ? {} : { max: t.max })
          })
        )
      }).pipe(
        Effect.catchIf(
          (e): e is ShiftCoverError => e instanceof ShiftCoverError,
          (e) =>
            Effect.fail(
              new StaffInvalid({
                subject: `${shifts.file} (queue ${queue})`,
                expected: "shift templates that can cover the required agents",
                found: templates.length === 0 ? `no template for this queue; ${e.message}` : e.message
              })
            )
        )
      )
      covers.push(cover)
    }
    const entries: Array<RosterEntry> = byQueue.flatMap((templates, q) =>
      templates.map((template) => ({
        queue: q,
        template,
        count: covers[q]!.counts.find((c) => c.id === template.id)?.count ?? 0
      }))
    )
    const variant = variantOf(rosterScenario(base, entries))
    const executor = yield* Executor
    const options = metricsOnly(request.scenario.seed)
    const jobs = Array.from(
      { length: request.replications },
      (_, replication): Job => ({ variant, replication, options })
    )
    const run = (advance: EffectType.Effect<void> | undefined) =>
      executor.run(jobs, { onDone: advance === undefined ? undefined : () => advance })
    const outputs =
      request.track === undefined ? yield* run(undefined) : yield* request.track("roster check", jobs.length, run)
    const results = outputs.map((o) => o.result)
    const coverage = covers.map((c) => c.intervals.map((i) => i.coverage))
    const verification = coverage.map((levels, q) =>
      levels.map((agents, t) =>
        evaluateInterval({
          results,
          queueIndex: queueIndexes[q]!,
          queue: base.queues[q]!,
          interval: t,
          intervalMs: grid.intervalMs,
          agents,
          targets,
          confidence: request.confidence
        })
      )
    )
    const missed = verification.flatMap((levels, q) =>
      levels.flatMap((e, t) =>
        e.met
          ? []
          : [
              {
                queue: base.queues[q]!,
                start: grid.open + t * grid.intervalMs,
                targets: e.statuses.filter((s) => s.status !== "met").map((s) => s.target.label)
              }
            ]
      )
    )
    const counts = covers.flatMap((c, q) =>
      c.counts.map((x) => ({ queue: base.queues[q]!, template: x.id, count: x.count, cost: x.cost }))
    )
    const roster: StaffRoster = {
      file: shifts.file,
      counts,
      totalCost: covers.reduce((s, c) => s + c.totalCost, 0),
      missed
    }
    return { roster, coverage, verification }
  })
