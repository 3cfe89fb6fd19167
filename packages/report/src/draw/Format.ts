/**
 * Number and time formats shared by every chart, so a value reads the same in a card, an axis and a tooltip.
 */

const pad = (n: number): string => (n < 10 ? `0${n}` : `${n}`)

/** A time of day from seconds after midnight: `08:30`, or `08:30:15` when it has seconds. Days wrap at 24 h. */
export const clock = (seconds: number): string => {
  const s = Math.round(seconds)
  const day = Math.floor(s / 86_400)
  const r = s - day * 86_400
  const h = Math.floor(r / 3600)
  const m = Math.floor((r % 3600) / 60)
  const sec = r % 60
  const base = sec === 0 ? `${pad(h)}:${pad(m)}` : `${pad(h)}:${pad(m)}:${pad(sec)}`
  return day > 0 ? `${base} (+${day}d)` : base
}

/** A duration in seconds: `12.3 s`, `4 min 05 s`, `1 h 02 min`. */
export const duration = (seconds: number): string => {
  if (!Number.isFinite(seconds)) return "–"
  const neg = seconds < 0 ? "−" : ""
  const a = Math.abs(seconds)
  if (a < 60) return `${neg}${a < 10 ? a.toFixed(1) : a.toFixed(0)} s`
  if (a < 3600) {
    const m = Math.floor(a / 60)
    return `${neg}${m} min ${pad(Math.round(a - m * 60) % 60)} s`
  }
  const h = Math.floor(a / 3600)
  return `${neg}${h} h ${pad(Math.round((a - h * 3600) / 60) % 60)} min`
}

/** A compact duration for axis ticks: `30s`, `1m30s`, `2m`, `1h05m`. */
export const shortDuration = (seconds: number): string => {
  const s = Math.round(seconds)
  if (s < 60) return `${s}s`
  if (s < 3600) {
    const m = Math.floor(s / 60)
    return s % 60 === 0 ? `${m}m` : `${m}m${pad(s % 60)}s`
  }
  const h = Math.floor(s / 3600)
  const m = Math.round((s - h * 3600) / 60)
  return m === 0 ? `${h}h` : `${h}h${pad(m)}m`
}

/** A fraction as a percentage: `82.4 %`. */
export const percent = (fraction: number): string =>
  Number.isFinite(fraction) ? `${(fraction * 100).toFixed(1)} %` : "–"

/** A count or mean count: integers plainly, other values with one decimal. */
export const count = (value: number): string => {
  if (!Number.isFinite(value)) return "–"
  return Number.isInteger(value) ? value.toLocaleString("en-US") : value.toFixed(1)
}

/** The kinds of value a KPI or a tooltip shows. */
export type ValueKind = "percent" | "seconds" | "count"

/** Formats a value of a kind. */
export const formatValue = (kind: ValueKind, value: number): string =>
  kind === "percent" ? percent(value) : kind === "seconds" ? duration(value) : count(value)

/** A 95 % interval: `[78.1 %, 84.0 %]`. */
export const interval = (kind: ValueKind, lo: number, hi: number): string =>
  `[${formatValue(kind, lo)}, ${formatValue(kind, hi)}]`
