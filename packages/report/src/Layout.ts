/**
 * The report's view of a compiled model: names, opening hours, each queue's service-level settings and
 * members, and each agent's shifts, as plain JSON in seconds. The run stores it in its results so that
 * `ccsim report results.json` can redraw the report without the scenario.
 */

/** The parts of the engine's compiled `Model` the layout reads (times in ms). */
export interface ModelLike {
  readonly open: number
  readonly close: number
  readonly intervalMs: number
  readonly queues: ReadonlyArray<{
    readonly id: string
    readonly name: string
    readonly serviceLevelThreshold: number
    readonly serviceLevelTarget: number
    readonly members: ReadonlyArray<{ readonly agent: number }>
  }>
  readonly tenants: ReadonlyArray<{ readonly id: string; readonly name: string }>
  readonly agents: ReadonlyArray<{
    readonly id: string
    readonly name: string
    readonly group: string
    readonly shifts: ReadonlyArray<{
      readonly start: number
      readonly end: number
      readonly breaks: ReadonlyArray<{ readonly start: number; readonly end: number }>
    }>
  }>
}

/**
 * Names, hours, queue settings and shifts, in seconds after midnight.
 *
 * @category models
 */
export interface ReportLayout {
  readonly open: number
  readonly close: number
  readonly intervalSeconds: number
  readonly queues: ReadonlyArray<{
    readonly id: string
    readonly name: string
    readonly serviceLevelThreshold: number
    readonly serviceLevelTarget: number
    /** Member agent ids, in file order. */
    readonly members: ReadonlyArray<string>
  }>
  readonly tenants: ReadonlyArray<{ readonly id: string; readonly name: string }>
  readonly agents: ReadonlyArray<{
    readonly id: string
    readonly name: string
    readonly group: string
    readonly shifts: ReadonlyArray<{
      readonly start: number
      readonly end: number
      readonly breaks: ReadonlyArray<{ readonly start: number; readonly end: number }>
    }>
  }>
}

const s = (ms: number): number => ms / 1000

/**
 * The layout of a compiled model.
 *
 * @category constructors
 */
export const reportLayout = (model: ModelLike): ReportLayout => ({
  open: s(model.open),
  close: s(model.close),
  intervalSeconds: s(model.intervalMs),
  queues: model.queues.map((q) => ({
    id: q.id,
    name: q.name,
    serviceLevelThreshold: s(q.serviceLevelThreshold),
    serviceLevelTarget: q.serviceLevelTarget,
    members: q.members.map((m) => model.agents[m.agent]?.id ?? String(m.agent))
  })),
  tenants: model.tenants.map((t) => ({ id: t.id, name: t.name })),
  agents: model.agents.map((a) => ({
    id: a.id,
    name: a.name,
    group: a.group,
    shifts: a.shifts.map((sh) => ({
      start: s(sh.start),
      end: s(sh.end),
      breaks: sh.breaks.map((b) => ({ start: s(b.start), end: s(b.end) }))
    }))
  }))
})
