/**
 * Clock times of day as the scenario files write them, to and from milliseconds after midnight. Plain functions
 * with no imports: the engine's replication entry (and so every worker thread) uses them without loading the
 * scenario schemas.
 */

const CLOCK_PATTERN = /^([01]?\d|2[0-4]):([0-5]\d)(?::([0-5]\d))?$/

/** Parses `08:00`, `8:30`, `17:45:30`, `24:00` to milliseconds after midnight; `undefined` otherwise. */
export const parseClockTime = (text: string): number | undefined => {
  const match = CLOCK_PATTERN.exec(text.trim())
  if (match === null) return undefined
  const ms = (Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3] ?? 0)) * 1000
  return ms > 24 * 3_600_000 ? undefined : ms
}

/** Formats milliseconds after midnight as `HH:MM:SS` (with `.mmm` when not a whole second). */
export const formatClockTime = (ms: number): string => {
  const total = Math.floor(ms / 1000)
  const pad = (n: number) => String(n).padStart(2, "0")
  const base = `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`
  const frac = ms - total * 1000
  return frac === 0 ? base : `${base}.${String(frac).padStart(3, "0")}`
}
