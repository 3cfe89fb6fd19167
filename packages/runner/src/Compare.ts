/**
 * A/B comparison with common random numbers: the base and the candidate run the same replication indices with
 * the same seed in ONE batch, so replication r of both sees the same callers (the engine draws every random
 * quantity from streams keyed by purpose and id). For every metric, scope and interval: both means, the paired
 * difference (candidate − base) with its 95 % t interval over replications, the half-width two independent runs
 * would have had (Welch), and a verdict; plus non-inferiority margins (`--max-worse`). compare.json's fields:
 * COMPARE.md.
 */
import type { Estimate, Model, RateEstimate, ReplicationResult, Summary } from "@ccsim/engine"
import {
  AGENT_KEYS,
  CALL_KEYS,
  METRIC_CATALOGUE,
  type MetricInfo,
  metricInfo,
  pointEstimate,
  SUMMARY_CONFIDENCE,
  studentTQuantile,
  summarize
} from "@ccsim/engine"
import type { Scenario, ThresholdMetric } from "@ccsim/scenario"
import { closestMatch, parseDurationText, ThresholdMetrics } from "@ccsim/scenario"
import { Effect, Runtime, Schema } from "effect"
import { Executor, type Job } from "./Executor.ts"
import { metricsOnly, type ReplicationOutput } from "./Replication.ts"
import { engineVersion } from "./RunDocument.ts"
import { expectedCalls, parallelThresholdMs } from "./Runner.ts"
import type { RunnerError } from "./RunnerError.ts"
import { variantOf } from "./Variant.ts"

/** compare.json's version; bumped when a field changes meaning. */
export const COMPARE_VERSION = 1

/**
 * The two scenarios cannot be compared (their queues or intervals differ), or a margin is not understood. Exit 2.
 *
 * @category errors
 */
export class CompareInputError extends Schema.TaggedError<CompareInputError>()("CompareInputError", {
  /** `--max-worse`, or the candidate file. */
  subject: Schema.String,
  reason: Schema.String
}) {
  override readonly [Runtime.errorExitCode] = 2
  override get message(): string {
    return `${this.subject}: ${this.reason}`
  }
}

// ── margins ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** A non-inferiority margin: the candidate may be worse than the base by at most `margin` (in the metric's unit). */
export interface Margin {
  readonly text: string
  readonly metric: ThresholdMetric
  /** `total`, `queue:<id>`, `tenant:<id>`, `call-type:<id>`, `agent:<group>`. */
  readonly scope: string
  readonly margin: number
}

/** Parses `METRIC[@SCOPE]=VALUE`: `service-level=0.01`, `asa=5s`, `asa@queue:service=10s`. */
export const parseMargin = (text: string): Margin | CompareInputError => {
  const bad = (reason: string) => new CompareInputError({ subject: `--max-worse ${text}`, reason })
  const eq = text.indexOf("=")
  if (eq <= 0) return bad("expected METRIC=MARGIN, like service-level=0.01 or asa=5s")
  const [name = "", scope = "total"] = text.slice(0, eq).trim().split("@")
  const valueText = text.slice(eq + 1).trim()
  if (!(ThresholdMetrics as ReadonlyArray<string>).includes(name)) {
    const close = closestMatch(name, ThresholdMetrics)
    return bad(
      `unknown metric ${JSON.stringify(name)}${close === undefined ? "" : ` (did you mean ${close}?)`}: expected one of ${ThresholdMetrics.join(", ")}`
    )
  }
  const info = metricInfo(name as ThresholdMetric)
  if (info.better === null) {
    return bad(`${name} has no better direction (neither more nor less is worse), so it cannot have a margin`)
  }
  const value =
    info.kind === "time"
      ? /^[\d.]+$/.test(valueText)
        ? Number(valueText)
        : (parseDurationText(valueText) ?? Number.NaN) / 1000
      : Number(valueText)
  if (valueText === "" || !Number.isFinite(value) || value < 0) {
    const expected =
      info.kind === "time"
        ? "a duration like 5s or a number of seconds"
        : info.kind === "rate"
          ? "a fraction like 0.01 (one percentage point)"
          : "a number of 0 or more"
    return bad(`expected ${expected}, found ${JSON.stringify(valueText)}`)
  }
  return { text, metric: name as ThresholdMetric, scope, margin: value }
}

// ── running both sides ──────────────────────────────────────────────────────────────────────────────────────────

/** A rough cost of one call (ms) for deciding whether threads are worth starting (as the Runner does). */
const NOMINAL_MS_PER_CALL = 0.02

/** What to compare. */
export interface CompareRequest {
  readonly base: Scenario
  readonly candidate: Scenario
  /** The files, for messages. */
  readonly baseSubject: string
  readonly candidateSubject: string
  /** Replications 0 … n − 1 of both, with the base's seed. */
  readonly replications: number
  readonly seed: number
  /** Called as each replication finishes (progress). */
  readonly onDone?: ((output: ReplicationOutput) => Effect.Effect<void>) | undefined
  /** Work estimated under this (ms) stays in this thread; default {@link parallelThresholdMs}(). */
  readonly parallelThresholdMs?: number | undefined
}

/** Both sides' results, in replication order, and their models. */
export interface CompareRun {
  readonly baseModel: Model
  readonly candidateModel: Model
  readonly base: ReadonlyArray<ReplicationResult>
  readonly candidate: ReadonlyArray<ReplicationResult>
}

const clock = (ms: number) => {
  const m = Math.floor(ms / 60_000)
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`
}

/** Why two models cannot be compared scope by scope and interval by interval, or undefined when they can. */
export const incomparability = (base: Model, candidate: Model): string | undefined => {
  const a = base.queues.map((q) => q.id)
  const b = candidate.queues.map((q) => q.id)
  if (a.join("\u0000") !== b.join("\u0000")) {
    const only = (x: ReadonlyArray<string>, y: ReadonlyArray<string>) => x.filter((id) => !y.includes(id))
    const missing = only(a, b)
    const extra = only(b, a)
    const what = [
      missing.length > 0
        ? `the base has queue${missing.length === 1 ? "" : "s"} ${missing.join(", ")} that the candidate lacks`
        : "",
      extra.length > 0
        ? `the candidate has queue${extra.length === 1 ? "" : "s"} ${extra.join(", ")} that the base lacks`
        : "",
      missing.length === 0 && extra.length === 0
        ? `the queues are in another order (${a.join(", ")} vs ${b.join(", ")})`
        : ""
    ].filter((s) => s !== "")
    return `the queues differ: ${what.join("; ")}`
  }
  const day = (m: Model) =>
    `${clock(m.open)}–${clock(m.open + m.intervalCount * m.intervalMs)} in ${m.intervalMs / 60_000}-minute intervals`
  if (
    base.open !== candidate.open ||
    base.intervalMs !== candidate.intervalMs ||
    base.intervalCount !== candidate.intervalCount
  ) {
    return `the intervals differ: ${day(base)} vs ${day(candidate)}`
  }
  return undefined
}

/**
 * Runs both sides with common random numbers in one batch on the {@link Executor}: replication r of each with the
 * same seed. Fails with {@link CompareInputError} before running when the scenarios cannot be compared.
 */
export const runComparison = (
  request: CompareRequest
): Effect.Effect<CompareRun, RunnerError | CompareInputError, Executor> =>
  Effect.gen(function* () {
    const executor = yield* Executor
    const base = variantOf({ ...request.base, seed: request.seed, replications: request.replications })
    const candidate = variantOf({ ...request.candidate, seed: request.seed, replications: request.replications })
    const baseModel = yield* executor.compile(base, request.baseSubject)
    const candidateModel = yield* executor.compile(candidate, request.candidateSubject)
    const why = incomparability(baseModel, candidateModel)
    if (why !== undefined) return yield* new CompareInputError({ subject: request.candidateSubject, reason: why })
    const options = metricsOnly(request.seed)
    const indices = Array.from({ length: request.replications }, (_, r) => r)
    const jobs: Array<Job> = [
      ...indices.map((replication): Job => ({ variant: base, replication, options })),
      ...indices.map((replication): Job => ({ variant: candidate, replication, options }))
    ]
    const work = (expectedCalls(baseModel) + expectedCalls(candidateModel)) * request.replications * NOMINAL_MS_PER_CALL
    const { onDone } = request
    const outputs = yield* executor.run(jobs, {
      onDone: onDone === undefined ? undefined : (output) => onDone(output),
      inProcess: work < (request.parallelThresholdMs ?? parallelThresholdMs())
    })
    return {
      baseModel,
      candidateModel,
      base: outputs.slice(0, request.replications).map((o) => o.result),
      candidate: outputs.slice(request.replications).map((o) => o.result)
    }
  })

// ── the statistics ──────────────────────────────────────────────────────────────────────────────────────────────

/** One side's estimate: mean over replications and the half-width of its 95 % interval. */
export interface SideEstimate {
  readonly n: number
  readonly mean: number | null
  readonly sd: number | null
  readonly halfWidth: number | null
}

/** The paired difference candidate − base over replications where both have a value. */
export interface Difference {
  readonly n: number
  readonly mean: number | null
  readonly sd: number | null
  readonly halfWidth: number | null
  readonly ci: readonly [number, number] | null
}

/** `better`/`worse` for metrics with a direction, `higher`/`lower` for the others, else no detectable difference. */
export type Verdict = "better" | "worse" | "higher" | "lower" | "no detectable difference"

/** One metric in one scope over one interval (or the whole day). */
export interface CompareRow {
  readonly scope: string
  readonly metric: ThresholdMetric
  /** `HH:MM` of the interval's start, or null for the whole day. */
  readonly interval: string | null
  readonly base: SideEstimate
  readonly candidate: SideEstimate
  readonly difference: Difference
  /** The half-width two independent runs would have given the difference (Welch), or null. */
  readonly independentHalfWidth: number | null
  /** Variance of the independent difference over that of the paired one: what common random numbers saved. */
  readonly varianceRatio: number | null
  readonly verdict: Verdict
}

/** A margin checked. */
export interface MarginResult {
  readonly text: string
  readonly metric: ThresholdMetric
  readonly scope: string
  readonly margin: number
  /** How much worse the candidate is (positive: worse), its mean and the upper end of its 95 % interval. */
  readonly worsening: number | null
  readonly upperBound: number | null
  readonly ok: boolean
  readonly message: string
}

/** compare.json (COMPARE.md). */
export interface CompareDocument {
  readonly compareVersion: typeof COMPARE_VERSION
  readonly engineVersion: string
  readonly base: { readonly file: string; readonly scenario: string }
  readonly candidate: { readonly file: string; readonly scenario: string; readonly overrides: ReadonlyArray<string> }
  readonly seed: number
  readonly replications: number
  readonly confidenceLevel: number
  readonly commonRandomNumbers: true
  readonly independentHalfWidth: "welch"
  readonly serviceLevelDefinition: Summary["serviceLevelDefinition"]
  readonly intervals: ReadonlyArray<{ readonly start: number; readonly label: string }>
  readonly metrics: ReadonlyArray<MetricInfo>
  readonly rows: ReadonlyArray<CompareRow>
  readonly margins: ReadonlyArray<MarginResult>
}

type AnyEstimate = Estimate | RateEstimate

/** A scope both sides measure. */
interface ScopeRef {
  readonly name: string
  readonly pick: (s: Summary, interval: number | null, metric: ThresholdMetric) => AnyEstimate | undefined
}

const callScope =
  (list: (s: Summary) => ReadonlyArray<Summary["total"]>, id: string) =>
  (s: Summary, interval: number | null, metric: ThresholdMetric): AnyEstimate | undefined => {
    const key = CALL_KEYS[metric]
    const scope = list(s).find((x) => x.id === id)
    if (key === undefined || scope === undefined) return undefined
    if (interval === null) return scope.metrics[key]
    return scope.intervals?.[interval]?.metrics[key]
  }

const totalScope = (s: Summary, interval: number | null, metric: ThresholdMetric): AnyEstimate | undefined => {
  const call = CALL_KEYS[metric]
  const agent = AGENT_KEYS[metric]
  if (interval !== null) {
    const metrics = s.intervals[interval]?.metrics
    if (metrics === undefined) return undefined
    if (call !== undefined) return metrics[call]
    return metric === "occupancy" || metric === "utilisation" ? metrics[metric] : undefined
  }
  if (metric === "violations") return s.violations ?? undefined
  if (call !== undefined) return s.total.metrics[call]
  return agent !== undefined ? s.allAgents.metrics[agent] : undefined
}

const groupScope =
  (id: string) =>
  (s: Summary, interval: number | null, metric: ThresholdMetric): AnyEstimate | undefined => {
    const key = AGENT_KEYS[metric]
    const group = s.groups.find((g) => g.id === id)
    return interval === null && key !== undefined && group !== undefined ? group.metrics[key] : undefined
  }

/** Scopes both summaries have: the total, queues, tenants and call types (with intervals), agent groups. */
const scopesOf = (a: Summary, b: Summary): Array<ScopeRef> => {
  const shared = (list: (s: Summary) => ReadonlyArray<{ readonly id: string }>) =>
    list(a)
      .map((x) => x.id)
      .filter((id) => list(b).some((y) => y.id === id))
  return [
    { name: "total", pick: totalScope },
    ...shared((s) => s.queues).map((id) => ({ name: `queue:${id}`, pick: callScope((s) => s.queues, id) })),
    ...shared((s) => s.tenants).map((id) => ({ name: `tenant:${id}`, pick: callScope((s) => s.tenants, id) })),
    ...shared((s) => s.callTypes).map((id) => ({ name: `call-type:${id}`, pick: callScope((s) => s.callTypes, id) })),
    ...shared((s) => s.groups).map((id) => ({ name: `agent:${id}`, pick: groupScope(id) }))
  ]
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null)

/** The spread of one replication's value: a mean's sd, or a ratio's delta-method standard error × √n. */
const sdOf = (e: AnyEstimate): number | null =>
  "ratio" in e ? (e.standardError === null ? null : e.standardError * Math.sqrt(e.n)) : e.sd

const side = (e: AnyEstimate | undefined): SideEstimate =>
  e === undefined
    ? { n: 0, mean: null, sd: null, halfWidth: null }
    : { n: e.n, mean: pointEstimate(e), sd: sdOf(e), halfWidth: e.halfWidth }

const tQuantile = (df: number): number => studentTQuantile((1 + SUMMARY_CONFIDENCE) / 2, df)

/** The paired difference of per-replication values (NaN where a replication has none). */
export const pairedDifference = (base: ReadonlyArray<number>, candidate: ReadonlyArray<number>): Difference => {
  const d: Array<number> = []
  for (let r = 0; r < Math.min(base.length, candidate.length); r++) {
    const x = candidate[r]! - base[r]!
    if (Number.isFinite(x)) d.push(x)
  }
  const n = d.length
  if (n === 0) return { n, mean: null, sd: null, halfWidth: null, ci: null }
  const mean = d.reduce((s, x) => s + x, 0) / n
  if (n < 2) return { n, mean, sd: null, halfWidth: null, ci: null }
  const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1))
  const h = (tQuantile(n - 1) * sd) / Math.sqrt(n)
  return { n, mean, sd, halfWidth: finite(h), ci: Number.isFinite(h) ? [mean - h, mean + h] : null }
}

/**
 * The 95 % half-width of the difference of two independent means (Welch: unequal variances, Welch–Satterthwaite
 * degrees of freedom): what the comparison would have had without common random numbers.
 */
export const welchHalfWidth = (a: SideEstimate, b: SideEstimate): number | null => {
  if (a.sd === null || b.sd === null || a.n < 2 || b.n < 2) return null
  const va = (a.sd * a.sd) / a.n
  const vb = (b.sd * b.sd) / b.n
  const se2 = va + vb
  if (se2 === 0) return 0
  const df = (se2 * se2) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1))
  return finite(tQuantile(df) * Math.sqrt(se2))
}

const verdictOf = (info: MetricInfo, d: Difference): Verdict => {
  if (d.ci === null) return "no detectable difference"
  const direction = d.ci[0] > 0 ? "higher" : d.ci[1] < 0 ? "lower" : undefined
  if (direction === undefined) return "no detectable difference"
  if (info.better === null) return direction
  return direction === info.better ? "better" : "worse"
}

/** Rows of every metric, scope and interval both sides measure. */
export const compareRows = (run: CompareRun): Array<CompareRow> => {
  const a = summarize(run.base)
  const b = summarize(run.candidate)
  // One summary per replication: its estimates are that replication's values, computed exactly as the totals are.
  const perA = run.base.map((r) => summarize([r]))
  const perB = run.candidate.map((r) => summarize([r]))
  const valueIn = (e: AnyEstimate | undefined) => (e === undefined ? Number.NaN : (pointEstimate(e) ?? Number.NaN))
  const intervals: Array<number | null> = [null, ...a.intervals.map((_, i) => i)]
  const rows: Array<CompareRow> = []
  for (const scope of scopesOf(a, b)) {
    for (const info of METRIC_CATALOGUE) {
      for (const interval of intervals) {
        const ea = scope.pick(a, interval, info.name)
        const eb = scope.pick(b, interval, info.name)
        if (ea === undefined || eb === undefined) continue
        const base = side(ea)
        const candidate = side(eb)
        const difference = pairedDifference(
          perA.map((s) => valueIn(scope.pick(s, interval, info.name))),
          perB.map((s) => valueIn(scope.pick(s, interval, info.name)))
        )
        const independentHalfWidth = welchHalfWidth(base, candidate)
        const ratio =
          independentHalfWidth === null || difference.halfWidth === null || difference.halfWidth === 0
            ? null
            : (independentHalfWidth / difference.halfWidth) ** 2
        rows.push({
          scope: scope.name,
          metric: info.name,
          interval: interval === null ? null : (a.intervals[interval]?.label ?? null),
          base,
          candidate,
          difference,
          independentHalfWidth,
          varianceRatio: ratio === null ? null : finite(ratio),
          verdict: verdictOf(info, difference)
        })
      }
    }
  }
  return rows
}

/** Checks margins against the whole-day rows; an unknown scope or metric there is a {@link CompareInputError}. */
export const checkMargins = (
  rows: ReadonlyArray<CompareRow>,
  margins: ReadonlyArray<Margin>
): Array<MarginResult> | CompareInputError => {
  const out: Array<MarginResult> = []
  for (const m of margins) {
    const row = rows.find((r) => r.scope === m.scope && r.metric === m.metric && r.interval === null)
    if (row === undefined) {
      const scopes = [...new Set(rows.filter((r) => r.metric === m.metric).map((r) => r.scope))]
      const close = closestMatch(m.scope, scopes)
      return new CompareInputError({
        subject: `--max-worse ${m.text}`,
        reason: `${m.metric} is not measured for scope ${m.scope}${close === undefined ? "" : ` (did you mean ${close}?)`}: expected one of ${scopes.join(", ")}`
      })
    }
    const sign = metricInfo(m.metric).better === "higher" ? -1 : 1
    const d = row.difference
    const worsening = d.mean === null ? null : sign * d.mean
    const upper = d.ci === null ? null : Math.max(sign * d.ci[0], sign * d.ci[1])
    const ok = upper !== null && upper <= m.margin
    out.push({
      text: m.text,
      metric: m.metric,
      scope: m.scope,
      margin: m.margin,
      worsening,
      upperBound: upper,
      ok,
      message:
        upper === null
          ? "no confidence interval (at least 2 replications with data are needed)"
          : ok
            ? "the candidate is at most this much worse (95% upper bound within the margin)"
            : "the candidate may be worse than the margin allows (95% upper bound beyond it)"
    })
  }
  return out
}

/** The whole comparison as compare.json. */
export const compareDocument = (input: {
  readonly run: CompareRun
  readonly baseFile: string
  readonly candidateFile: string
  readonly overrides: ReadonlyArray<string>
  readonly seed: number
  readonly rows: ReadonlyArray<CompareRow>
  readonly margins: ReadonlyArray<MarginResult>
}): CompareDocument => {
  const { run } = input
  const first = run.base[0]
  return {
    compareVersion: COMPARE_VERSION,
    engineVersion,
    base: { file: input.baseFile, scenario: run.baseModel.scenario.name },
    candidate: { file: input.candidateFile, scenario: run.candidateModel.scenario.name, overrides: input.overrides },
    seed: input.seed,
    replications: run.base.length,
    confidenceLevel: SUMMARY_CONFIDENCE,
    commonRandomNumbers: true,
    independentHalfWidth: "welch",
    serviceLevelDefinition: first === undefined ? "answered-of-offered" : first.serviceLevelDefinition,
    intervals: (first?.intervals ?? []).map((level) => ({ start: level.start, label: clock(level.start) })),
    metrics: METRIC_CATALOGUE,
    rows: input.rows,
    margins: input.margins
  }
}

/** compare.json's text: the header indented, one row per line (thousands of rows stay readable and diffable). */
export const compareJson = (document: CompareDocument): string => {
  const { rows, ...head } = document
  const top = JSON.stringify({ ...head, rows: [] }, null, 2)
  const body = rows.map((r) => `    ${JSON.stringify(r)}`).join(",\n")
  return `${top.replace(/"rows": \[\]/, rows.length === 0 ? '"rows": []' : `"rows": [\n${body}\n  ]`)}\n`
}

/** The columns of compare.csv. */
export const COMPARE_CSV_COLUMNS = [
  "scope",
  "metric",
  "interval",
  "base_mean",
  "base_half_width",
  "candidate_mean",
  "candidate_half_width",
  "difference",
  "difference_low",
  "difference_high",
  "independent_half_width",
  "variance_ratio",
  "verdict"
] as const

const cell = (x: number | null | undefined): string => (x === null || x === undefined ? "" : String(x))

/** compare.csv: one line per row of compare.json. */
export const compareCsv = (document: CompareDocument): string =>
  [
    COMPARE_CSV_COLUMNS.join(","),
    ...document.rows.map((r) =>
      [
        r.scope,
        r.metric,
        r.interval ?? "",
        cell(r.base.mean),
        cell(r.base.halfWidth),
        cell(r.candidate.mean),
        cell(r.candidate.halfWidth),
        cell(r.difference.mean),
        cell(r.difference.ci?.[0]),
        cell(r.difference.ci?.[1]),
        cell(r.independentHalfWidth),
        cell(r.varianceRatio),
        r.verdict
      ].join(",")
    ),
    ""
  ].join("\n")
