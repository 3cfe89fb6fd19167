/**
 * Statistics helpers: Student t, mean/variance, confidence intervals, ratio estimators, MSER-5, the wait histogram.
 */
export * from "./ConfidenceInterval.ts"
export * from "./Histogram.ts"
export * from "./Moments.ts"
export * from "./Mser.ts"
export { normalQuantile } from "./Normal.ts"
export * from "./Ratio.ts"
export { incompleteBeta, studentTCdf, studentTDensity, studentTQuantile } from "./StudentT.ts"
