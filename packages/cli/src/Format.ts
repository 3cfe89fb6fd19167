/**
 * Number formats for the console: percentages, seconds, counts and confidence intervals.
 */

/** `0.8123` → `81.2%`; `—` for a missing value. */
export const percent = (value: number | undefined | null, digits = 1): string =>
  value === undefined || value === null || !Number.isFinite(value) ? "—" : `${(value * 100).toFixed(digits)}%`

/** Seconds with one decimal: `12.3s`; `∞` for an unbounded value; `—` when missing. */
export const seconds = (value: number | undefined | null, digits = 1): string => {
  if (value === undefined || value === null || Number.isNaN(value)) return "—"
  if (!Number.isFinite(value)) return "∞"
  return `${value.toFixed(digits)}s`
}

/** A count or mean count: whole numbers as is, others with one decimal. */
export const count = (value: number | undefined | null): string => {
  if (value === undefined || value === null || !Number.isFinite(value)) return "—"
  return Number.isInteger(value) ? String(value) : value.toFixed(1)
}

/** A plain number with `digits` decimals (`—` when missing, `∞` when unbounded). */
export const fixed = (value: number | undefined | null, digits: number): string => {
  if (value === undefined || value === null || Number.isNaN(value)) return "—"
  if (!Number.isFinite(value)) return "∞"
  return value.toFixed(digits)
}

/**
 * A confidence interval's half-width, `±1.2` in the unit of `format`'s output; empty when there is no interval
 * (one replication) so the table does not suggest a precision it lacks.
 */
export const plusMinus = (
  ci: readonly [number, number] | ReadonlyArray<number> | undefined | null,
  format: (value: number) => string
): string => {
  if (ci === undefined || ci === null || ci.length < 2) return ""
  const lo = ci[0]
  const hi = ci[1]
  if (lo === undefined || hi === undefined || !Number.isFinite(lo) || !Number.isFinite(hi)) return ""
  return `±${format((hi - lo) / 2)}`
}
