/**
 * `toReportData`: the results document of a run → the report's view model. Rates and averages show the ratio
 * estimate (Σ numerator / Σ denominator over replications) with its 95 % interval; counts and wait percentiles
 * are means per replication. Waits are re-binned from the engine's log-linear histogram into equal bins for the charts.
 */

import { serviceLevelFormulas } from "@ccsim/analytic"
import type {
  AgentMetrics,
  CallMetrics,
  CallScopeSummary,
  Estimate as EngineEstimate,
  ThresholdRow as EngineThresholdRow,
  HistogramBins,
  RateEstimate
} from "@ccsim/engine"
import type { ReportLayout } from "./Layout.ts"
import type {
  AgentView,
  Estimate,
  IntervalView,
  Kpi,
  Marker,
  ReportData,
  RuleCount,
  ScopeView,
  ThresholdRow,
  TimelineView,
  WaitBin
} from "./ReportData.ts"
import { reportDataVersion } from "./ReportData.ts"
import type { ReplicationSample } from "./Sampler.ts"
import type { ReportSource } from "./Source.ts"

const zero: Estimate = { mean: 0, lo: 0, hi: 0 }

/** A count estimate; an undefined mean reads as 0 (nothing happened). */
const fromCount = (e: EngineEstimate | undefined): Estimate => {
  if (e === undefined || e.mean === null) return zero
  return { mean: e.mean, lo: e.ci?.[0] ?? e.mean, hi: e.ci?.[1] ?? e.mean }
}

/** A rate estimate, or null where no replication defined it. */
const fromRate = (r: RateEstimate | undefined, clamp = false): Estimate | null => {
  const mean = r?.ratio ?? null
  if (r === undefined || mean === null) return null
  const lo = r.ci?.[0] ?? mean
  const hi = r.ci?.[1] ?? mean
  return clamp ? { mean, lo: Math.max(0, lo), hi: Math.min(1, hi) } : { mean, lo: Math.max(0, lo), hi }
}

const fromLevel = (r: RateEstimate | undefined): Estimate => fromRate(r) ?? zero

const thresholdRow = (t: EngineThresholdRow): ThresholdRow => ({
  scope: t.scope,
  metric: t.metric,
  op: t.op,
  value: t.value,
  observed: t.observed ?? Number.NaN,
  ci: t.ci === null ? null : [t.ci[0], t.ci[1]],
  note: t.message ?? null,
  ok: t.ok,
  strict: t.strict
})

/** Bin widths the wait charts choose from, in seconds. */
const binWidths = [1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1800, 3600]

/**
 * Re-bins the engine's histograms (ms buckets, pooled over replications) into equal bins of whole seconds,
 * as mean counts per replication. The bins reach the 99.5th percentile of all waits; longer waits go into the
 * last bin, whose upper edge is then the longest wait. The width divides the service-level threshold when one
 * fits, so the threshold falls on a bin edge.
 */
export const rebin = (
  answered: HistogramBins,
  abandoned: HistogramBins,
  replications: number,
  threshold: number | null,
  maxBins = 40
): Array<WaitBin> => {
  const all = [...answered, ...abandoned]
  const total = all.reduce((s, [, , c]) => s + c, 0)
  if (total === 0) return []
  const sorted = [...all].sort((a, b) => a[0] - b[0])
  let acc = 0
  let reach = 0
  for (const [, to, c] of sorted) {
    acc += c
    reach = to / 1000
    if (acc >= 0.995 * total) break
  }
  const longest = Math.max(...all.map(([, to]) => to / 1000))
  const fits = (w: number) => Math.ceil(reach / w) <= maxBins
  const width =
    binWidths.find((w) => fits(w) && (threshold === null || threshold % w === 0)) ??
    binWidths.find(fits) ??
    Math.ceil(reach / maxBins)
  const count = Math.max(1, Math.ceil(reach / width))
  const bins = Array.from({ length: count }, (_, k) => ({
    lo: k * width,
    hi: (k + 1) * width,
    answered: 0,
    abandoned: 0
  }))
  const put = (list: HistogramBins, key: "answered" | "abandoned") => {
    for (const [from, to, c] of list) {
      const mid = (from + to) / 2000
      const k = Math.min(count - 1, Math.floor(mid / width))
      bins[k]![key] += c / Math.max(1, replications)
    }
  }
  put(answered, "answered")
  put(abandoned, "abandoned")
  const last = bins[count - 1]!
  if (longest > last.hi) last.hi = Math.ceil(longest)
  return bins
}

const percentiles = (m: CallMetrics): Array<{ p: number; seconds: number }> =>
  (
    [
      [50, m.waitP50],
      [80, m.waitP80],
      [90, m.waitP90],
      [95, m.waitP95],
      [99, m.waitP99]
    ] as const
  ).flatMap(([p, r]) => {
    const v = r?.mean ?? r?.pooled ?? null
    return v === null ? [] : [{ p, seconds: v }]
  })

const kpi = (value: Estimate | null, key: string, metric: string, rows: ReadonlyArray<ThresholdRow>): Kpi => ({
  value,
  thresholds: rows.filter((r) => r.scope === key && r.metric === metric)
})

/** Rule counts of a call scope, plus the agents' counts (all agents, or a queue's members summed). */
const ruleCounts = (m: CallMetrics, agents: ReadonlyArray<AgentMetrics>, membersNote: string): Array<RuleCount> => {
  const sum = (pick: (a: AgentMetrics) => EngineEstimate): Estimate => {
    let mean = 0
    for (const a of agents) mean += pick(a).mean ?? 0
    return agents.length === 1 ? fromCount(pick(agents[0]!)) : { mean, lo: mean, hi: mean }
  }
  const directOffers = (): Estimate => {
    const offers = sum((a) => a.offers)
    const queue = sum((a) => a.queueOffers)
    const mean = Math.max(0, offers.mean - queue.mean)
    return { mean, lo: mean, hi: mean }
  }
  return [
    { rule: "R3", name: `queue offers${membersNote}`, value: sum((a) => a.queueOffers) },
    { rule: "R4", name: `direct and internal offers${membersNote}`, value: directOffers() },
    { rule: "R9", name: `misses${membersNote}`, value: sum((a) => a.misses) },
    { rule: "R14", name: `rejects${membersNote}`, value: sum((a) => a.rejects) },
    { rule: "R11", name: `made Unavailable by misses${membersNote}`, value: sum((a) => a.missUnavailable) },
    { rule: "R10", name: "rollovers", value: fromCount(m.rolledOver) },
    { rule: "R10", name: "answering service", value: fromCount(m.answeringService) },
    { rule: "R10", name: "voicemail", value: fromCount(m.voicemail) },
    { rule: "R13", name: "holds", value: fromCount(m.holds) },
    { rule: "R6", name: "wrap-ups", value: fromCount(m.wrapUps) },
    { rule: "R15", name: "abandons", value: fromCount(m.abandoned) },
    { rule: "R15", name: "abandons on hold", value: fromCount(m.heldAbandons) },
    { rule: "R15", name: "redials", value: fromCount(m.redials) }
  ]
}

/** Markers: opening, closing, and the distinct shift and break boundaries (merged per instant and kind). */
const markersOf = (layout: ReportLayout | undefined, open: number, close: number): Array<Marker> => {
  const out: Array<Marker> = [
    { at: open, kind: "open", label: "open" },
    { at: close, kind: "close", label: "close" }
  ]
  if (layout === undefined) return out
  const groups = new Map<string, { at: number; kind: Marker["kind"]; agents: Array<string> }>()
  const add = (at: number, kind: Marker["kind"], agent: string) => {
    const key = `${at}|${kind}`
    const g = groups.get(key)
    if (g === undefined) groups.set(key, { at, kind, agents: [agent] })
    else g.agents.push(agent)
  }
  for (const a of layout.agents) {
    for (const s of a.shifts) {
      // A whole-day shift adds nothing to opening and closing.
      if (s.start !== open) add(s.start, "shift-start", a.id)
      if (s.end !== close) add(s.end, "shift-end", a.id)
      for (const b of s.breaks) {
        add(b.start, "break-start", a.id)
        add(b.end, "break-end", a.id)
      }
    }
  }
  const words = {
    "shift-start": "shift starts",
    "shift-end": "shift ends",
    "break-start": "break starts",
    "break-end": "break ends"
  }
  const list = [...groups.values()].sort((x, y) => x.at - y.at || x.kind.localeCompare(y.kind))
  for (const g of list) {
    if (g.kind === "open" || g.kind === "close") continue
    const who = g.agents.length <= 3 ? g.agents.join(", ") : `${g.agents.length} agents`
    out.push({ at: g.at, kind: g.kind, label: `${words[g.kind]} (${who})` })
  }
  return out
}

/** Time-weighted signed-in, busy and available members of a queue in one interval, from the sampled replication. */
const levelsFromSample = (
  sample: ReplicationSample,
  key: string,
  index: number
): { signedIn: number; busy: number; available: number } => {
  const s = sample.staffing.find((x) => x.key === key)
  return { signedIn: s?.signedIn[index] ?? 0, busy: s?.busy[index] ?? 0, available: s?.available[index] ?? 0 }
}

const point = (v: number): Estimate => ({ mean: v, lo: v, hi: v })

/** Options of `toReportData`. */
export interface ToReportDataOptions {
  /** When the run was made (ISO 8601), shown in the header; results hold no clock time. */
  readonly runDate?: string
}

/**
 * The report's view model of a run's results.
 *
 * @category constructors
 */
export const toReportData = (source: ReportSource, options: ToReportDataOptions = {}): ReportData => {
  const { summary } = source
  const layout = source.report?.layout ?? undefined
  const sample = source.report?.sample ?? undefined
  const replications = Math.max(1, summary.replications)
  const rows = (source.thresholds ?? []).map(thresholdRow)
  const totalIntervals = summary.intervals
  const intervalSeconds = source.scenario.intervalMs / 1000
  const open = source.scenario.open / 1000
  const close = source.scenario.close / 1000
  const end = Math.max(close, sample?.end ?? close)
  const agentIds = summary.agents.map((a) => a.id)
  const layoutAgents = new Map((layout?.agents ?? []).map((a) => [a.id, a]))
  const layoutQueues = new Map((layout?.queues ?? []).map((q) => [q.id, q]))
  const layoutTenants = new Map((layout?.tenants ?? []).map((t) => [t.id, t]))
  const agentMetrics = new Map(summary.agents.map((a) => [a.id, a.metrics]))
  const paths = new Map((sample?.paths ?? []).map((p) => [p.key, p]))
  const targets = [...new Set((layout?.queues ?? []).map((q) => q.serviceLevelTarget))]
  const sharedTarget = targets.length === 1 ? targets[0]! : null

  const intervalsOf = (
    scope: CallScopeSummary,
    staffing: (start: number, k: number) => { signedIn: Estimate; busy: Estimate; available: Estimate }
  ): Array<IntervalView> => {
    const list = scope.intervals ?? totalIntervals
    return list.map((i, k) => {
      const start = i.start / 1000
      const m = i.metrics
      return {
        start,
        end: start + intervalSeconds,
        offered: fromCount(m.offered),
        answered: fromCount(m.answered),
        abandoned: fromCount(m.abandoned),
        rolledOver: fromCount(m.rolledOver),
        serviceLevel: fromRate(m.serviceLevel, true),
        asa: fromRate(m.asa),
        queueLength: fromLevel(m.queueLength),
        ...staffing(start, k)
      }
    })
  }

  const totalStaffing = (_: number, k: number) => {
    const m = totalIntervals[k]?.metrics
    return {
      signedIn: fromLevel(m?.agentsSignedIn),
      busy: fromLevel(m?.agentsBusy),
      available: fromLevel(m?.agentsAvailable)
    }
  }

  const scopeView = (
    kind: ScopeView["kind"],
    scope: CallScopeSummary,
    key: string,
    label: string,
    members: ReadonlyArray<string>
  ): ScopeView => {
    const m = scope.metrics
    const memberSet = new Set(members)
    const isAll = members.length === agentIds.length
    const memberMetrics = summary.agents.filter((a) => memberSet.has(a.id)).map((a) => a.metrics)
    // A queue's staffing and occupancy are its members'; the total's and a tenant's are every agent's.
    const staffing =
      isAll || sample === undefined
        ? totalStaffing
        : (start: number) => {
            const l = levelsFromSample(sample, key, Math.round((start - open) / intervalSeconds))
            return { signedIn: point(l.signedIn), busy: point(l.busy), available: point(l.available) }
          }
    let occupancy: Estimate | null
    if (isAll) occupancy = fromRate(summary.allAgents.metrics.occupancy, true)
    else {
      const busy = memberMetrics.reduce((s, a) => s + (a.busyTime.mean ?? 0), 0)
      const signedIn = memberMetrics.reduce((s, a) => s + (a.signedInTime.mean ?? 0), 0)
      occupancy = signedIn > 0 ? point(busy / signedIn) : null
    }
    const threshold = scope.serviceLevelThresholdSeconds
    const queueTarget = kind === "queue" ? (layoutQueues.get(scope.id)?.serviceLevelTarget ?? null) : sharedTarget
    const path = paths.get(key)
    return {
      key,
      kind,
      id: scope.id,
      label,
      serviceLevelThreshold: threshold,
      serviceLevelTarget: queueTarget,
      kpis: {
        serviceLevel: kpi(fromRate(m.serviceLevel, true), key, "service-level", rows),
        asa: kpi(fromRate(m.asa), key, "asa", rows),
        abandonRate: kpi(fromRate(m.abandonRate, true), key, "abandon-rate", rows),
        occupancy:
          isAll || occupancy === null
            ? kpi(occupancy, key, "occupancy", rows)
            : { ...kpi(occupancy, key, "occupancy", rows), note: "members' busy / signed-in time, pooled" },
        offered: kpi(fromCount(m.offered), key, "offered", rows),
        answered: kpi(fromCount(m.answered), key, "answered", rows)
      },
      intervals: intervalsOf(scope, staffing),
      waits: {
        bins: rebin(scope.waitHistogram, scope.abandonHistogram, replications, threshold),
        percentiles: percentiles(m)
      },
      path: path === undefined ? null : { grid: path.grid, queueLength: path.queueLength, busy: path.busy },
      rules: ruleCounts(
        m,
        isAll && kind === "total" ? [summary.allAgents.metrics] : memberMetrics,
        isAll ? "" : " (members)"
      ),
      agents: members
    }
  }

  const scopes: Array<ScopeView> = [
    scopeView("total", summary.total, "total", "Total", agentIds),
    ...summary.queues.map((q) =>
      scopeView(
        "queue",
        q,
        `queue:${q.id}`,
        layoutQueues.get(q.id)?.name ?? q.id,
        layoutQueues.get(q.id)?.members.filter((id) => agentMetrics.has(id)) ?? agentIds
      )
    ),
    ...summary.tenants.map((t) =>
      scopeView("tenant", t, `tenant:${t.id}`, layoutTenants.get(t.id)?.name ?? t.id, agentIds)
    )
  ]

  const agents: Array<AgentView> = summary.agents.map((a) => ({
    id: a.id,
    name: layoutAgents.get(a.id)?.name ?? a.id,
    group: a.group,
    occupancy: fromRate(a.metrics.occupancy, true),
    answered: fromCount(a.metrics.answered),
    misses: fromCount(a.metrics.misses),
    rejects: fromCount(a.metrics.rejects),
    unavailableByMiss: fromCount(a.metrics.unavailableMissTime)
  }))

  const timeline: TimelineView | null =
    sample === undefined ? null : { replication: sample.replication, grid: sample.agentGrid, agents: sample.agents }

  const definition = summary.serviceLevelDefinition
  return {
    version: reportDataVersion,
    run: {
      scenario: source.scenario.name,
      description: source.scenario.description ?? null,
      seed: source.seed,
      replications: source.replications,
      engineVersion: source.engineVersion,
      runDate: options.runDate ?? null,
      mode: source.runMode ?? "terminating",
      serviceLevelDefinition: definition,
      serviceLevelFormula: serviceLevelFormulas[definition] ?? definition
    },
    time: { open, close, end, intervalSeconds },
    markers: markersOf(layout, open, close),
    scopes,
    agents,
    timeline,
    conformance: {
      checked: summary.violations !== null,
      total: Math.round((summary.violations?.mean ?? 0) * replications),
      violations: (source.report?.violations ?? []).map((v) => ({
        t: v.t / 1000,
        rule: v.rule,
        event: v.event,
        call: v.call ?? null,
        agent: v.agent ?? null,
        message: v.message
      }))
    },
    thresholds: rows
  }
}
