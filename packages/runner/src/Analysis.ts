/**
 * From replication outputs to what the commands report: the summary with confidence intervals, the thresholds
 * evaluated against it, and the conformance violations. The statistics are `@ccsim/engine`'s; this only
 * gathers them.
 */
import type { Model, ReplicationResult, Summary, ThresholdRow, Violation } from "@ccsim/engine"
import { evaluateThresholds, summarize } from "@ccsim/engine"
import type { Scenario } from "@ccsim/scenario"
import type { RunOutcome } from "./Runner.ts"

/** Violations shown in the console and kept in results. */
export const MAX_VIOLATIONS_SHOWN = 20

/** A violation with the replication it happened in. */
export interface ReplicationViolation {
  readonly replication: number
  readonly violation: Violation
}

/** Everything a run reports. */
export interface Analysis {
  readonly model: Model
  /** One result per replication, in replication order. */
  readonly results: ReadonlyArray<ReplicationResult>
  readonly summary: Summary
  readonly thresholds: ReadonlyArray<ThresholdRow>
  /** Whether the conformance checker ran. */
  readonly checked: boolean
  readonly violationCount: number
  /** The first violations, in replication order. */
  readonly violations: ReadonlyArray<ReplicationViolation>
}

/** Summarises the outputs (in replication order) and evaluates the scenario's thresholds. */
export const analyze = (scenario: Scenario, outcome: RunOutcome, checked: boolean): Analysis => {
  const results = outcome.outputs.map((o) => o.result)
  const summary = summarize(results)
  const violations = outcome.outputs.flatMap((o) =>
    o.violations.map((violation) => ({ replication: o.replication, violation }))
  )
  return {
    model: outcome.model,
    results,
    summary,
    thresholds: evaluateThresholds(summary, scenario.expect.thresholds, outcome.model),
    checked,
    violationCount: outcome.outputs.reduce((n, o) => n + o.violationCount, 0),
    violations: violations.slice(0, MAX_VIOLATIONS_SHOWN)
  }
}
