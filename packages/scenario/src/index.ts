/**
 * @ccsim/scenario — the scenario file format: Schemas, loading, checks and the JSON Schema.
 */
export * from "./Agents.ts"
export { checkScenario } from "./Check.ts"
export * from "./Common.ts"
export * from "./Distribution.ts"
export * from "./Duration.ts"
export * from "./Expectations.ts"
export { type IntervalCsvOptions, type IntervalRow, intervalVolumes, readIntervalCsv } from "./IntervalCsv.ts"
export { SCENARIO_SCHEMA_ID, scenarioJsonSchema } from "./JsonSchema.ts"
export * from "./Limits.ts"
export {
  type CsvText,
  completeScenario,
  csvReferences,
  type DecodedScenario,
  decodeScenarioText,
  formatOfFile,
  loadScenarioFile,
  loadScenarioText,
  MAX_CSV_BYTES,
  MAX_SCENARIO_BYTES,
  MAX_SCENARIO_LINES,
  parseScenarioText,
  type ScenarioTextOptions
} from "./Load.ts"
export { type DocumentPath, formatPath, type PathSegment, type ScenarioIssue } from "./Problem.ts"
export * from "./Routing.ts"
export * from "./Scenario.ts"
export { formatProblem, formatScenarioError, ScenarioError, ScenarioProblem } from "./ScenarioError.ts"
export * from "./Script.ts"
export * from "./Settings.ts"
export {
  loadShiftTemplatesFile,
  parseShiftTemplatesText,
  type ShiftBreak,
  type ShiftTemplate,
  ShiftTemplateBreak,
  ShiftTemplateEntry,
  ShiftTemplatesDocument,
  type ShiftTemplatesTextOptions
} from "./ShiftTemplates.ts"
export type { SourceFormat } from "./SourceDocument.ts"
export { closestMatch, didYouMean, listOf } from "./Suggest.ts"
export * from "./Traffic.ts"
