/**
 * `@ccsim/engine/replication`: what running one replication needs — compiling, the event loop, the metrics
 * collector, the checker and the trace recorder — and nothing that needs the scenario schemas or the results
 * contract (effect/Schema). Worker threads import this instead of the package index, which halves their
 * start-up (`packages/runner/src/ReplicationWorker.ts`). Everything here is also exported by the index.
 */
export { compile } from "./Compile.ts"
export { ConformanceChecker } from "./checker/Checker.ts"
export { EngineError } from "./EngineError.ts"
export { fanOut } from "./FanOut.ts"
export { measureSteps } from "./metrics/Measure.ts"
export { runSteps } from "./Simulation.ts"
export { TraceRecorder } from "./Trace.ts"
