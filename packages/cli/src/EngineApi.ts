/**
 * The engine names the CLI uses from its metrics and checker parts.
 *
 * TEMPORARY: `@ccsim/engine`'s index does not re-export the metrics (src/metrics) and the checker (src/checker)
 * yet, so they are reached by path here, in this one file. Once the index re-exports them, this file becomes
 * `export { … } from "@ccsim/engine"` (or goes away).
 */

export { ConformanceChecker } from "../../engine/src/checker/Checker.ts"
export type { Violation } from "../../engine/src/checker/Violation.ts"
export { formatViolation } from "../../engine/src/checker/Violation.ts"
export { intervalsCsv } from "../../engine/src/metrics/Csv.ts"
export type { ResultsDocument } from "../../engine/src/metrics/Document.ts"
export { makeResultsDocument } from "../../engine/src/metrics/Document.ts"
export type { Estimate, RateEstimate } from "../../engine/src/metrics/Estimate.ts"
export { measureReplication, sufficientReplications } from "../../engine/src/metrics/Replications.ts"
export type { ReplicationResult } from "../../engine/src/metrics/Result.ts"
export { RESULTS_VERSION } from "../../engine/src/metrics/Result.ts"
export type { Summary } from "../../engine/src/metrics/Summary.ts"
export { summarize } from "../../engine/src/metrics/Summary.ts"
export type { ThresholdRow } from "../../engine/src/metrics/Thresholds.ts"
export { evaluateThresholds } from "../../engine/src/metrics/Thresholds.ts"
