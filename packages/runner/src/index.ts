/**
 * @ccsim/runner — experiments: one measured replication with its observers and trace sink, the precision loop,
 * in-process or worker-thread execution with byte-identical results, verdicts, and the results document.
 * `compare`, `sweep`, `staff` and `merge` are built from these.
 */
export { type Analysis, analyze, MAX_VIOLATIONS_SHOWN, type ReplicationViolation } from "./Analysis.ts"
export { isTempFile, type LineSink, openSink, SINK_CHUNK, tempPathFor, writeAtomicSync } from "./AtomicFile.ts"
export { type BatchOptions, Executor, type Job } from "./Executor.ts"
export {
  DEFAULT_PRECISION_METRICS,
  MIN_AUTO_REPLICATIONS,
  type Precision,
  precisionOf,
  type ReplicationPlan,
  replicationPlan,
  sufficientReplications
} from "./Precision.ts"
export {
  MAX_VIOLATIONS_KEPT,
  metricsOnly,
  type ReplicationOptions,
  type ReplicationOutput,
  runOneReplication,
  tracePartFile
} from "./Replication.ts"
export { engineVersion, intervalsCsvOf, type ReportSection, type RunDocument, runDocument } from "./RunDocument.ts"
export {
  expectedCalls,
  parallelThresholdMs,
  Runner,
  type RunOutcome,
  type RunRequest,
  withOverrides
} from "./Runner.ts"
export { RunFailed, type RunnerError, UnrunnableScenario } from "./RunnerError.ts"
export {
  type StaffRequest,
  type StaffResult,
  type StaffRoster,
  type StaffRow,
  type StaffShifts,
  staffDay,
  type TargetSource
} from "./Staff.ts"
export { type IntervalDemand, type QueueDemand, queueDemands, staffedQueues } from "./StaffDemand.ts"
export {
  clockOf,
  STAFFING_CSV_COLUMNS,
  STAFFING_VERSION,
  staffingCsv,
  staffingDocument,
  staffPageData
} from "./StaffDocument.ts"
export {
  type Estimate as StaffEstimate,
  evaluateInterval,
  type IntervalEvaluation,
  type TargetStatus
} from "./StaffEvaluate.ts"
export {
  type DayGrid,
  levelAgents,
  rosterScenario,
  type StaffBase,
  staffBase,
  staffedScenario
} from "./StaffScenario.ts"
export { agentIntervals, type StaffIteration, type StaffSearchOutcome, searchStaffing } from "./StaffSearch.ts"
export {
  parseTarget,
  StaffInvalid,
  StaffMetrics,
  type StaffTarget,
  targetsFromThresholds
} from "./StaffTargets.ts"
export { type Variant, variantOf } from "./Variant.ts"
export {
  checkExpectations,
  type Expectation,
  formatMetricValue,
  type ScenarioVerdict,
  thresholdExpectation
} from "./Verdict.ts"
