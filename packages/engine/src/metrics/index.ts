/**
 * Metrics: the streaming collector (an Observer), raw per-replication results and their exact merge, the
 * summary with confidence intervals, one measured replication, thresholds, warm-up deletion and the results
 * document.
 */
export { type CollectorOptions, MetricsCollector } from "./Collector.ts"
export {
  AGENT_COUNTERS,
  type AgentCounterName,
  type AgentCounts,
  CALL_COUNTERS,
  type CallCounterName,
  type CallCounts
} from "./Counters.ts"
export { INTERVAL_CSV_COLUMNS, intervalsCsv } from "./Csv.ts"
export { makeResultsDocument, type ResultsDocument } from "./Document.ts"
export {
  type Estimate,
  halfWidthAt,
  type PercentileEstimate,
  pointEstimate,
  type RateEstimate,
  SUMMARY_CONFIDENCE
} from "./Estimate.ts"
export {
  type CheckingObserver,
  type Measured,
  type MeasureOptions,
  measureReplication,
  measureSteps
} from "./Measure.ts"
export {
  AGENT_COUNT_KEYS,
  AGENT_TIME_KEYS,
  CALL_COUNT_KEYS,
  CALL_RATE_KEYS,
  WAIT_PERCENTILE_KEYS
} from "./MetricSets.ts"
export {
  type AgentResult,
  type CallScopeResult,
  type IntervalLevels,
  mergeAll,
  mergeResults,
  RESULTS_VERSION,
  type ReplicationResult,
  ResultMergeError,
  scenarioServiceLevelDefinition
} from "./Result.ts"
export {
  AgentMetricsSchema,
  AgentSummarySchema,
  CallMetricsSchema,
  CallScopeSummarySchema,
  decodeResultsDocument,
  EstimateSchema,
  HistogramBinsSchema,
  IntervalMetricsSchema,
  IntervalSummarySchema,
  METRIC_CATALOGUE,
  type MetricInfo,
  type MetricKind,
  metricInfo,
  PercentileEstimateSchema,
  RateEstimateSchema,
  ResultsDocumentSchema,
  type ResultsProblem,
  ScopeIntervalSummarySchema,
  SummarySchema,
  schemaProblem,
  ThresholdRowSchema,
  ViolationSchema
} from "./ResultsSchema.ts"
export {
  type AgentMetrics,
  type AgentSummary,
  type CallMetrics,
  type CallScopeSummary,
  type HistogramBins,
  type IntervalMetrics,
  type IntervalSummary,
  intervalLabel,
  type ScopeIntervalSummary,
  SERVICE_LEVEL_KEYS,
  type Summary,
  SummaryError,
  summarize,
  summarizeTotal,
  WAIT_PERCENTILES
} from "./Summary.ts"
export {
  AGENT_KEYS,
  CALL_KEYS,
  evaluateThresholds,
  metricEstimate,
  type SummaryView,
  type ThresholdRow
} from "./Thresholds.ts"
export { resolveWarmUp, WaitSeries, type WarmUp, warmUpSteps } from "./WarmUp.ts"
