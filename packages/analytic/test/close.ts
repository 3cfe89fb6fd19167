import { expect } from "vitest"

/** |actual − expected| / |expected|, or |actual| when the expected value is 0. */
export const relativeError = (actual: number, expected: number): number =>
  expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected)

/** Asserts a relative error no larger than `tolerance`, naming both numbers on failure. */
export const expectRelative = (actual: number, expected: number, tolerance: number, label = ""): void => {
  expect(relativeError(actual, expected), `${label} ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance)
}

/** Asserts `value` is a finite number ≥ 0. */
export const expectFiniteNonNegative = (value: number, label = ""): void => {
  expect(Number.isFinite(value) && value >= 0, `${label} = ${value}`).toBe(true)
}

/** Asserts `value` is a probability. */
export const expectProbability = (value: number, label = ""): void => {
  expect(value >= 0 && value <= 1, `${label} = ${value}`).toBe(true)
}
