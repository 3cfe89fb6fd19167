/**
 * @ccsim/runner — experiments: one measured replication with its observers and trace sink, the precision loop,
 * in-process or worker-thread execution with byte-identical results, verdicts, and the results document.
 * `compare`, `sweep`, `staff` and `merge` are built from these.
 */
export { type Analysis, analyze, MAX_VIOLATIONS_SHOWN, type ReplicationViolation } from "./Analysis.ts"
export {
  isTempFile,
  type LineSink,
  openSink,
  SINK_CHUNK,
  tempPathFor,
  writeAllAtomic,
  writeAtomicSync
} from "./AtomicFile.ts"
export {
  COMPARE_CSV_COLUMNS,
  COMPARE_VERSION,
  type CompareDocument,
  CompareInputError,
  type CompareRequest,
  type CompareRow,
  type CompareRun,
  checkMargins,
  compareCsv,
  compareDocument,
  compareJson,
  compareRows,
  type Difference,
  incomparability,
  type Margin,
  type MarginResult,
  pairedDifference,
  parseMargin,
  runComparison,
  type SideEstimate,
  type Verdict,
  welchHalfWidth
} from "./Compare.ts"
export { type BatchOptions, Executor, type Job } from "./Executor.ts"
export {
  addReplicationsCommand,
  type Coverage,
  checkParts,
  decodePart,
  estimateTotal,
  formatReplications,
  type MergedRun,
  MergeRefused,
  type MoreReplications,
  mergedResults,
  mergeParts,
  mergeRunParts,
  type Part,
  type PartialHeader
} from "./Merge.ts"
export {
  applyOverrides,
  encodeScenario,
  type Override,
  type OverrideSegment,
  parseOverride,
  parseOverrides
} from "./Overrides.ts"
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
  PARTIAL_VERSION,
  PartialHeaderSchema,
  partialFileName,
  ReplicationResultSchema,
  type RunPartial,
  RunPartialSchema,
  runPartial,
  type ShardSpec,
  scenarioHashOf,
  shardReplications
} from "./Shard.ts"
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
export {
  type BreakingPoint,
  breakingPointOf,
  plannedReplications,
  runSweep,
  type SweepCallKpis,
  type SweepEstimate,
  type SweepOutcome,
  type SweepPoint,
  type SweepRequest,
  thresholdLabel
} from "./Sweep.ts"
export {
  gridValues,
  InvalidSweep,
  MAX_SWEEP_POINTS,
  parseAgents,
  parseLoad,
  parseSet,
  type SweepDimension
} from "./SweepDimension.ts"
export {
  SWEEP_CSV_COLUMNS,
  type SweepDocument,
  type SweepThreshold,
  sweepCsv,
  sweepDocument,
  sweepVersion
} from "./SweepDocument.ts"
export { type Variant, variantOf } from "./Variant.ts"
export {
  checkExpectations,
  type Expectation,
  formatMetricValue,
  type ScenarioVerdict,
  thresholdExpectation
} from "./Verdict.ts"
