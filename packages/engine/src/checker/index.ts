/**
 * The conformance checker: an observer that checks every step of a simulation against the routing rules.
 */
export { type CheckerOptions, ConformanceChecker } from "./Checker.ts"
export { formatViolation, type RuleId, type Violation } from "./Violation.ts"
