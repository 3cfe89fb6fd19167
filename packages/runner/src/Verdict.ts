/**
 * Verdicts: a scenario's expectations as pass/fail rows — each threshold, the expected trace, and "no rule
 * violations" — plain data that the console, JUnit and the results document render.
 */
import type { ThresholdRow } from "@ccsim/engine"
import { formatViolation, matchTrace, metricInfo } from "@ccsim/engine"
import type { Scenario, ThresholdMetric } from "@ccsim/scenario"
import type { Analysis } from "./Analysis.ts"
import { analyze } from "./Analysis.ts"
import type { RunOutcome } from "./Runner.ts"

/** One expectation's outcome, ready to print. */
export interface Expectation {
  readonly kind: "threshold" | "trace" | "rules"
  readonly ok: boolean
  /** A failing non-strict threshold is a warning: printed, never failing the run. */
  readonly strict: boolean
  /** `total`, `queue:service`, `trace`, `rules`. */
  readonly scope: string
  /** `service-level >= 0.8`. */
  readonly condition: string
  /** `0.853 [0.832, 0.874]`. */
  readonly observed: string
  /** Further lines shown under a failure (and in JUnit). */
  readonly details: ReadonlyArray<string>
}

/** A scenario's verdict. */
export interface ScenarioVerdict {
  readonly scenario: Scenario
  readonly analysis: Analysis
  readonly expectations: ReadonlyArray<Expectation>
}

/** A metric value in the unit thresholds are written in: counts as counts, rates as fractions, times in seconds. */
export const formatMetricValue = (metric: ThresholdMetric, value: number | null): string => {
  if (value === null || Number.isNaN(value)) return "—"
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "-∞"
  if (metricInfo(metric).kind === "count") return Number.isInteger(value) ? String(value) : value.toFixed(1)
  return value.toFixed(3)
}

/** A threshold row as an expectation. */
export const thresholdExpectation = (row: ThresholdRow): Expectation => {
  const confidence = row.confidence === null ? "" : ` (whole ${Math.round(row.confidence * 100)}% CI)`
  const ci =
    row.ci === null ? "" : ` [${formatMetricValue(row.metric, row.ci[0])}, ${formatMetricValue(row.metric, row.ci[1])}]`
  const details: Array<string> = []
  if (!row.ok) {
    if (row.message !== undefined) details.push(row.message)
    else if (row.confidence !== null && row.ci !== null)
      details.push(`the whole confidence interval must satisfy ${row.metric} ${row.op} ${row.value}`)
  }
  return {
    kind: "threshold",
    ok: row.ok,
    strict: row.strict,
    scope: row.scope,
    condition: `${row.metric} ${row.op} ${row.value}${confidence}`,
    observed: `${formatMetricValue(row.metric, row.observed)}${ci}`,
    details
  }
}

const MAX_DETAILS = 5

/** Every expectation of the scenario, checked against the run. */
export const checkExpectations = (scenario: Scenario, outcome: RunOutcome): ScenarioVerdict => {
  const analysis = analyze(scenario, outcome, scenario.expect.noViolations)
  const expectations: Array<Expectation> = analysis.thresholds.map(thresholdExpectation)

  const expected = scenario.expect.trace
  if (expected !== undefined) {
    const events = outcome.outputs[0]?.trace ?? []
    const match = matchTrace(expected, events, outcome.model)
    expectations.push({
      kind: "trace",
      ok: match.ok,
      strict: true,
      scope: "trace",
      condition: `${expected.match} ${expected.steps.length} step${expected.steps.length === 1 ? "" : "s"}`,
      observed: match.ok ? "matches" : (match.mismatches[0]?.message ?? "differs"),
      // The diff: the steps around the first difference, expected vs actual.
      details: match.ok ? [] : match.diff.split("\n").slice(1)
    })
  }

  if (scenario.expect.noViolations) {
    const n = analysis.violationCount
    const replications = outcome.outputs.length
    expectations.push({
      kind: "rules",
      ok: n === 0,
      strict: true,
      scope: "rules",
      condition: "no violations of R3–R15",
      observed: `${n} in ${replications} replication${replications === 1 ? "" : "s"}`,
      details: analysis.violations
        .slice(0, MAX_DETAILS)
        .map((v) => `replication ${v.replication}: ${formatViolation(v.violation)}`)
    })
  }
  return { scenario, analysis, expectations }
}
