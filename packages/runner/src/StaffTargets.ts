/**
 * The targets a staffing search must meet: `[SCOPE:]METRIC OP VALUE` from `--target`, or the scenario's thresholds.
 *
 * - METRIC: `service-level` (≥, a fraction or a percentage: `0.8`, `80%`), `abandon-rate` (≤, a fraction) or `asa`
 *   (≤, a duration: `30s`, `1m`, or seconds).
 * - SCOPE: `queue:<id>` (that queue only) or `total` / nothing (every staffed queue). Staffing is counted per queue
 *   (a dedicated group per queue), so a total target is enforced in each queue: a rate that holds in every queue
 *   holds for their pooled total too (a weighted mean of ratios that all meet a bound meets it).
 */
import { parseDurationText, type Scenario } from "@ccsim/scenario"
import { Result, Runtime, Schema } from "effect"

/** The metrics a staffing target can name. */
export const StaffMetrics = ["service-level", "abandon-rate", "asa"] as const
export type StaffMetric = (typeof StaffMetrics)[number]

/** One target; `queue` undefined means every staffed queue. */
export interface StaffTarget {
  readonly metric: StaffMetric
  readonly op: ">=" | "<="
  /** A fraction for rates, seconds for the ASA. */
  readonly value: number
  readonly queue: string | undefined
  /** As the user reads it: `queue:billing service-level >= 0.8`. */
  readonly label: string
}

/**
 * A staffing request that cannot be run: a bad target, queue, flag or shift file. Exit 2, one line.
 *
 * @category errors
 */
export class StaffInvalid extends Schema.TaggedError<StaffInvalid>()("StaffInvalid", {
  /** The flag or file, e.g. `--target` or `shifts.csv`. */
  subject: Schema.String,
  expected: Schema.String,
  found: Schema.String
}) {
  override readonly [Runtime.errorExitCode] = 2
  override get message(): string {
    return `${this.subject}: expected ${this.expected}, found ${this.found}`
  }
}

const DIRECTION: { readonly [M in StaffMetric]: ">=" | "<=" } = {
  "service-level": ">=",
  "abandon-rate": "<=",
  asa: "<="
}

/** The label of a target, as the console and the files print it. */
export const targetLabel = (t: Omit<StaffTarget, "label">): string => {
  const value = t.metric === "asa" ? `${t.value}s` : String(t.value)
  return `${t.queue === undefined ? "" : `queue:${t.queue} `}${t.metric} ${t.op} ${value}`
}

const make = (t: Omit<StaffTarget, "label">): StaffTarget => ({ ...t, label: targetLabel(t) })

/** Checks a target's value: impossible or meaningless bounds are refused. */
const checkValue = (metric: StaffMetric, value: number, subject: string, text: string): StaffInvalid | undefined => {
  const bad = (expected: string) => new StaffInvalid({ subject, expected, found: JSON.stringify(text) })
  if (!Number.isFinite(value)) return bad("a finite target value")
  if (metric === "service-level" && !(value > 0 && value < 1))
    return bad("a service level above 0 and below 1 (1.0 cannot be met with certainty)")
  if (metric === "abandon-rate" && !(value > 0 && value < 1))
    return bad("an abandon rate above 0 and below 1 (0 cannot be met while callers have patience)")
  if (metric === "asa" && !(value > 0)) return bad("an ASA above 0s")
  return undefined
}

const TARGET = /^\s*(?:(total|queue:([^:\s]+)):)?\s*([a-z-]+)\s*(>=|<=|>|<|==|=)\s*(\S+)\s*$/

/** Parses one `--target` value, e.g. `service-level>=0.8`, `queue:billing:asa<=30s`, `abandon-rate<=5%`. */
export const parseTarget = (text: string, subject = "--target"): Result.Result<StaffTarget, StaffInvalid> => {
  const match = TARGET.exec(text)
  const syntax = "a target like service-level>=0.8, abandon-rate<=0.05, asa<=30s or queue:ID:service-level>=0.8"
  if (match === null) return Result.fail(new StaffInvalid({ subject, expected: syntax, found: JSON.stringify(text) }))
  const [, , queue, metricText = "", op = "", valueText = ""] = match
  if (!(StaffMetrics as ReadonlyArray<string>).includes(metricText)) {
    return Result.fail(
      new StaffInvalid({
        subject,
        expected: `a metric of ${StaffMetrics.join(", ")}`,
        found: JSON.stringify(metricText)
      })
    )
  }
  const metric = metricText as StaffMetric
  const direction = DIRECTION[metric]
  if (op !== direction && op !== direction[0]) {
    return Result.fail(
      new StaffInvalid({ subject, expected: `${metric} ${direction} a value`, found: JSON.stringify(text) })
    )
  }
  const value = parseValue(metric, valueText)
  if (value === undefined) {
    const expected = metric === "asa" ? "a duration like 30s, 1m or a number of seconds" : "a fraction like 0.8 or 80%"
    return Result.fail(new StaffInvalid({ subject, expected, found: JSON.stringify(valueText) }))
  }
  const invalid = checkValue(metric, value, subject, text)
  if (invalid !== undefined) return Result.fail(invalid)
  return Result.succeed(make({ metric, op: direction, value, queue }))
}

const NUMBER = /^[0-9]+(\.[0-9]+)?$|^\.[0-9]+$/

const parseValue = (metric: StaffMetric, text: string): number | undefined => {
  if (metric === "asa") {
    if (NUMBER.test(text)) return Number(text)
    const ms = parseDurationText(text)
    return ms === undefined ? undefined : ms / 1000
  }
  if (text.endsWith("%") && NUMBER.test(text.slice(0, -1))) return Number(text.slice(0, -1)) / 100
  return NUMBER.test(text) ? Number(text) : undefined
}

/** The scenario's thresholds that are staffing targets, and how many others were left out. */
export const targetsFromThresholds = (
  scenario: Scenario
): { readonly targets: Array<StaffTarget>; readonly ignored: number } => {
  const targets: Array<StaffTarget> = []
  let ignored = 0
  for (const t of scenario.expect.thresholds) {
    const metric = (StaffMetrics as ReadonlyArray<string>).includes(t.metric) ? (t.metric as StaffMetric) : undefined
    const scope =
      t.scope === "total"
        ? { queue: undefined }
        : t.scope.startsWith("queue:")
          ? { queue: t.scope.slice(6) }
          : undefined
    const direction = metric === undefined ? undefined : DIRECTION[metric]
    const usable =
      metric !== undefined &&
      scope !== undefined &&
      (t.op === direction || t.op === direction?.[0]) &&
      checkValue(metric, t.value, "", "") === undefined
    if (!usable) {
      ignored++
      continue
    }
    targets.push(make({ metric, op: DIRECTION[metric], value: t.value, queue: scope.queue }))
  }
  return { targets, ignored }
}

/** Each staffed queue's own service-level target (the fallback when neither flags nor thresholds give targets). */
export const queueServiceLevelTargets = (scenario: Scenario, queues: ReadonlyArray<string>): Array<StaffTarget> =>
  queues.flatMap((id) => {
    const target = scenario.queues.find((q) => q.id === id)?.serviceLevel.target
    return target === undefined || !(target > 0 && target < 1)
      ? []
      : [make({ metric: "service-level", op: ">=", value: target, queue: id })]
  })

/** Refuses targets naming a queue that is unknown or not staffed. */
export const checkTargetQueues = (
  targets: ReadonlyArray<StaffTarget>,
  scenario: Scenario,
  staffed: ReadonlyArray<string>
): Result.Result<void, StaffInvalid> => {
  for (const t of targets) {
    if (t.queue === undefined || staffed.includes(t.queue)) continue
    const known = scenario.queues.some((q) => q.id === t.queue)
    return Result.fail(
      new StaffInvalid({
        subject: "--target",
        expected: `a staffed queue (${staffed.join(", ")})${known ? "; queues reached only by rollover keep their agents" : ""}`,
        found: `queue:${t.queue}${known ? " (no traffic enters it directly)" : " (no such queue)"}`
      })
    )
  }
  return Result.succeed(undefined)
}

/** The targets that apply to `queue`. */
export const targetsOf = (targets: ReadonlyArray<StaffTarget>, queue: string): Array<StaffTarget> =>
  targets.filter((t) => t.queue === undefined || t.queue === queue)
