/**
 * @ccsim/analytic: closed-form queueing results for contact centers (Erlang B, C and A, the exact
 * M/M/N+M birth–death chain, staffing search, shift covering). Used to seed staffing and to validate the engine.
 */
export * from "./BirthDeath.ts"
export * from "./Calculator.ts"
export * from "./ErlangA.ts"
export * from "./ErlangB.ts"
export * from "./ErlangC.ts"
export * from "./IncompleteGamma.ts"
export * from "./ServiceLevel.ts"
export * from "./ShiftCover.ts"
export * from "./Staffing.ts"
export * from "./Transient.ts"
