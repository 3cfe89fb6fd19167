/**
 * Argument checks shared by the formulas. Bad input is a programming error here (the scenario
 * decoder validates user files), so it throws a RangeError naming the argument instead of returning NaN.
 */

/** Throws unless `value` is a finite number ≥ 0. */
export const requireNonNegative = (name: string, value: number): void => {
  if (!(value >= 0) || !Number.isFinite(value))
    throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`)
}

/** Throws unless `value` is a finite number > 0. */
export const requirePositive = (name: string, value: number): void => {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be a finite number > 0, got ${value}`)
}

/** Throws unless `value` is an integer ≥ `minimum`. */
export const requireInteger = (name: string, value: number, minimum: number): void => {
  if (!Number.isInteger(value) || value < minimum) {
    throw new RangeError(`${name} must be a whole number ≥ ${minimum}, got ${value}`)
  }
}

/** Throws unless `value` is a probability in [0, 1]. */
export const requireProbability = (name: string, value: number): void => {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be between 0 and 1, got ${value}`)
}

/** Clamps to [0, 1]; used where rounding can push a probability a few ulps outside. */
export const clamp01 = (value: number): number => Math.min(1, Math.max(0, value))

/**
 * ⌈x⌉ that ignores floating-point noise just above an integer, so 14 / 0.7 = 20.000000000000004
 * schedules 20 agents, not 21.
 */
export const ceilCount = (x: number): number => Math.ceil(x - 1e-9 * Math.max(1, Math.abs(x)))
