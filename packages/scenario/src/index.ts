/**
 * @ccsim/scenario — the scenario file format: Schemas, loading, checks and the JSON Schema.
 */
export * from "./Agents.ts"
export * from "./Common.ts"
export * from "./Distribution.ts"
export * from "./Duration.ts"
export * from "./Expectations.ts"
export * from "./Routing.ts"
export * from "./Scenario.ts"
export * from "./Script.ts"
export * from "./Settings.ts"
export * from "./Traffic.ts"
