/**
 * @ccsim/engine — the simulator: compile a scenario, run replications, observe every step.
 */

export { callIdOf, compile } from "./Compile.ts"
export * from "./checker/index.ts"
export { EngineError, type EngineErrorReason } from "./EngineError.ts"
export { fanOut } from "./FanOut.ts"
export { makeStream, Stream } from "./kernel/Random.ts"
export { compileSampler, poissonDeviate, type Sampler, sampleMs, sampleRaw } from "./kernel/Samplers.ts"
export { matchTrace, showEvent, type TraceMatch, type TraceMismatch } from "./MatchTrace.ts"
export * from "./Model.ts"
export * from "./metrics/index.ts"
export { NdjsonWriter } from "./Ndjson.ts"
export * from "./Observer.ts"
export {
  GUARD_AFTER_CLOSE_MS,
  MAX_EVENTS_PER_SIMULATED_SECOND,
  type RunOptions,
  type RunStats,
  replicationSteps,
  runReplication,
  runSteps,
  SLICE_EVENTS,
  type Steps
} from "./Simulation.ts"
export * from "./stats/index.ts"
export { type TraceEvent, TraceRecorder } from "./Trace.ts"

/** The package name. */
export const packageName = "@ccsim/engine"
