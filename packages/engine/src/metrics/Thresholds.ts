/**
 * Thresholds (k6-style gates from `expect.thresholds`) evaluated against a summary. Without `confidence` the
 * point estimate is compared (rates: the ratio Σ numerator / Σ denominator); with it, the whole two-sided confidence interval at that level must satisfy the
 * condition (`service-level >= 0.8` with 0.95: the lower bound of the 95 % interval must be ≥ 0.8).
 */

import type { Comparison, Threshold, ThresholdMetric } from "@ccsim/scenario"
import type { Model } from "../Model.ts"
import { type Estimate, halfWidthAt, pointEstimate, type RateEstimate } from "./Estimate.ts"
import type { ThresholdRowSchema } from "./ResultsSchema.ts"
import type { AgentMetrics, CallMetrics, IntervalMetrics, Summary } from "./Summary.ts"

/** One evaluated threshold (ResultsSchema.ts). */
export type ThresholdRow = typeof ThresholdRowSchema.Type

/** Summary keys of call-scope metrics named by thresholds (compare reads every scope by them too). */
export const CALL_KEYS: Partial<Record<ThresholdMetric, keyof CallMetrics>> = {
  offered: "offered",
  answered: "answered",
  abandoned: "abandoned",
  "short-abandoned": "shortAbandoned",
  "rolled-over": "rolledOver",
  "service-level": "serviceLevel",
  "abandon-rate": "abandonRate",
  "answer-rate": "answerRate",
  asa: "asa",
  "mean-wait": "meanWait",
  "max-wait": "maxWait",
  "wait-p50": "waitP50",
  "wait-p80": "waitP80",
  "wait-p90": "waitP90",
  "wait-p95": "waitP95",
  "wait-p99": "waitP99",
  holds: "holds",
  "answering-service": "answeringService",
  voicemail: "voicemail"
}

/** Summary keys of agent metrics named by thresholds. */
export const AGENT_KEYS: Partial<Record<ThresholdMetric, keyof AgentMetrics>> = {
  occupancy: "occupancy",
  utilisation: "utilisation",
  misses: "misses",
  rejects: "rejects",
  holds: "holds"
}

type AnyEstimate = Estimate | RateEstimate

/** The parts of a summary thresholds can read (a partial summary of the total is enough for `total`). */
export type SummaryView = Pick<Summary, "total" | "allAgents" | "violations"> &
  Partial<Omit<Summary, "total" | "allAgents" | "violations">>

/** Normalises `8:00` to `08:00`. */
const clockLabel = (text: string): string => {
  const [h, m] = text.split(":")
  return `${(h ?? "").padStart(2, "0")}:${m ?? ""}`
}

/**
 * The estimate of `metric` in `scope` (`total`, `queue:<id>`, `tenant:<id>`, `agent:<id or group>`,
 * `interval:<HH:MM>`), or undefined when the scope has no such metric.
 */
export const metricEstimate = (
  summary: SummaryView,
  scope: string,
  metric: ThresholdMetric
): AnyEstimate | undefined => {
  const colon = scope.indexOf(":")
  const kind = colon < 0 ? scope : scope.slice(0, colon)
  const id = colon < 0 ? "" : scope.slice(colon + 1)
  const call = CALL_KEYS[metric]
  const agent = AGENT_KEYS[metric]
  switch (kind) {
    case "total":
      if (metric === "violations") return summary.violations ?? undefined
      if (call !== undefined) return summary.total.metrics[call]
      return agent !== undefined ? summary.allAgents.metrics[agent] : undefined
    case "queue":
    case "tenant": {
      const list = kind === "queue" ? summary.queues : summary.tenants
      const found = list?.find((s) => s.id === id)
      return found !== undefined && call !== undefined ? found.metrics[call] : undefined
    }
    case "agent": {
      const found = summary.agents?.find((a) => a.id === id) ?? summary.groups?.find((g) => g.id === id)
      return found !== undefined && agent !== undefined ? found.metrics[agent] : undefined
    }
    case "interval": {
      const found = summary.intervals?.find((i) => i.label === clockLabel(id))
      if (found === undefined) return undefined
      if (call !== undefined) return found.metrics[call]
      if (metric === "occupancy" || metric === "utilisation") return found.metrics[metric as keyof IntervalMetrics]
      return undefined
    }
    default:
      return undefined
  }
}

const holds = (x: number, op: Comparison, value: number): boolean => {
  switch (op) {
    case "<":
      return x < value
    case "<=":
      return x <= value
    case ">":
      return x > value
    case ">=":
      return x >= value
    case "==":
      return x === value
    case "!=":
      return x !== value
  }
}

/** The whole interval [lo, hi] satisfies `op value`. */
const intervalHolds = (lo: number, hi: number, op: Comparison, value: number): boolean => {
  switch (op) {
    case "<":
    case "<=":
      return holds(hi, op, value)
    case ">":
    case ">=":
      return holds(lo, op, value)
    case "==":
      return lo === value && hi === value
    case "!=":
      return value < lo || value > hi
  }
}

const scopeExists = (model: Model, scope: string): boolean => {
  const colon = scope.indexOf(":")
  if (colon < 0) return scope === "total"
  const kind = scope.slice(0, colon)
  const id = scope.slice(colon + 1)
  switch (kind) {
    case "queue":
      return model.queues.some((q) => q.id === id)
    case "tenant":
      return model.tenants.some((t) => t.id === id)
    case "agent":
      return model.agents.some((a) => a.id === id || a.group === id)
    case "interval": {
      const [h, m] = id.split(":").map(Number)
      // An interval starting at that time: inside the day and on an interval boundary.
      const start = ((h ?? 0) * 60 + (m ?? 0)) * 60_000
      return (
        start >= model.open &&
        start < model.open + model.intervalCount * model.intervalMs &&
        (start - model.open) % model.intervalMs === 0
      )
    }
    default:
      return false
  }
}

/** Evaluates thresholds against a summary; one row per threshold, in order. */
export const evaluateThresholds = (
  summary: Summary,
  thresholds: ReadonlyArray<Threshold>,
  model: Model
): Array<ThresholdRow> =>
  thresholds.map((th) => {
    const base = { strict: th.strict, scope: th.scope, metric: th.metric, op: th.op, value: th.value }
    const confidence = th.confidence ?? null
    const fail = (message: string, observed: number | null = null, ci: readonly [number, number] | null = null) => ({
      ok: false,
      ...base,
      observed,
      ci,
      confidence,
      message
    })
    if (!scopeExists(model, th.scope)) return fail(`unknown scope ${th.scope}`)
    const e = metricEstimate(summary, th.scope, th.metric)
    if (e === undefined) return fail(`${th.metric} is not measured for ${th.scope}`)
    const observed = pointEstimate(e)
    if (observed === null) return fail(`no data for ${th.metric} in ${th.scope}`)
    if (confidence === null) return { ok: holds(observed, th.op, th.value), ...base, observed, ci: e.ci, confidence }
    const h = halfWidthAt(e, confidence)
    if (!Number.isFinite(h)) {
      return fail(`a ${confidence} confidence interval needs at least 2 replications with data`, observed)
    }
    const ci: readonly [number, number] = [observed - h, observed + h]
    return { ok: intervalHolds(ci[0], ci[1], th.op, th.value), ...base, observed, ci, confidence }
  })
