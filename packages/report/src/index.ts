/**
 * @ccsim/report: the run's report as one self-contained HTML file (D3 charts, the viewer built by Vite and
 * inlined, the data embedded safely), and the view model it draws.
 *
 * - `toReportData(results)`: the results document of a run → the view model (`ReportData`).
 * - `renderReport(data)`: the view model → report.html (a string).
 * - `reportLayout(model)` and `ReplicationSampler`: what a run stores in its results for the report (names,
 *   hours and shifts; one replication's agent timeline and paths).
 */
export {
  type ComparePageData,
  type CompareRowView,
  type CompareSideView,
  renderComparePage
} from "./compare/ComparePage.ts"
export { InvalidReportData, ViewerNotBuilt } from "./Errors.ts"
export { embedJson, escapeHtml } from "./Escape.ts"
export { rebin, toReportData } from "./FromResults.ts"
export { type RenderOptions, renderReport, renderReportEffect } from "./Html.ts"
export { type ModelLike, type ReportLayout, reportLayout } from "./Layout.ts"
export type {
  AgentTimeline,
  AgentView,
  Envelope,
  Estimate,
  IntervalView,
  Kpi,
  Marker,
  PathView,
  ReportData,
  RuleCount,
  ScopeView,
  ThresholdRow,
  TimeGrid,
  TimelineState,
  TimelineView,
  ViolationView,
  WaitBin,
  WaitsView
} from "./ReportData.ts"
export { reportDataVersion, shareDigits, shareOf, TimelineStates } from "./ReportData.ts"
export {
  type ReplicationSample,
  ReplicationSampler,
  type SamplerModel,
  type SamplerOptions,
  type StaffingSample
} from "./Sampler.ts"
export {
  decodeReportSource,
  ReplicationSampleSchema,
  type ReportExtras,
  ReportExtrasSchema,
  ReportLayoutSchema,
  type ReportSource,
  ReportViolationSchema
} from "./Source.ts"
export {
  renderStaffPage,
  requirementChart,
  type StaffPageData,
  type StaffPageEstimate,
  type StaffPageQueue,
  type StaffPageRow,
  serviceLevelChart
} from "./staff/StaffPage.ts"
export type {
  SweepEstimateView,
  SweepPointView,
  SweepReportData,
  SweepThresholdView
} from "./sweep/SweepData.ts"
export { breakingPointText, renderSweepReport } from "./sweep/SweepPage.ts"
export { viewerPath } from "./Viewer.ts"
