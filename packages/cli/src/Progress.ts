/**
 * A progress bar with ETA on stderr, for long work (replications, scenario files). Drawn only when stderr is a
 * terminal and `--quiet` is off, so CI logs and pipes never see it; stdout is never touched.
 */

import type { Scope } from "effect"
import { Clock, Context, Effect, Layer } from "effect"
import { escapeControl } from "./Style.ts"

/** One bar: call `advance` as work items complete. */
export interface ProgressBar {
  readonly advance: (n?: number) => Effect.Effect<void>
}

/** Formats seconds as `m:ss` or `h:mm:ss`. */
export const formatEta = (seconds: number): string => {
  const s = Math.max(0, Math.round(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const ss = String(s % 60).padStart(2, "0")
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`
}

/**
 * One line of progress: `label [██████░░░░] 12/40 30% ETA 0:14`. The ETA assumes the remaining items take as long
 * as the finished ones did on average; it is `--:--` until the first item finishes.
 */
export const renderProgress = (state: {
  readonly label: string
  readonly done: number
  readonly total: number
  readonly elapsedMs: number
  readonly barWidth?: number
}): string => {
  const { label, done, total, elapsedMs } = state
  const width = state.barWidth ?? 24
  const fraction = total > 0 ? Math.min(1, done / total) : 1
  const filled = Math.round(fraction * width)
  const bar = "█".repeat(filled) + "░".repeat(width - filled)
  const eta = done > 0 ? formatEta(((elapsedMs / done) * (total - done)) / 1000) : "--:--"
  return `${escapeControl(label, false)} [${bar}] ${done}/${total} ${Math.floor(fraction * 100)}% ETA ${eta}`
}

const REDRAW_MS = 100

/**
 * Progress reporting.
 *
 * @category services
 */
export class Progress extends Context.Service<
  Progress,
  {
    /** Starts a bar for `total` items; it is cleared when the scope closes. */
    readonly track: (label: string, total: number) => Effect.Effect<ProgressBar, never, Scope.Scope>
  }
>()("ccsim/cli/Progress") {
  /** Draws nothing (not a terminal, `--quiet`, tests). */
  static readonly layerNoop: Layer.Layer<Progress> = Layer.succeed(Progress)(
    Progress.of({ track: () => Effect.succeed({ advance: () => Effect.void }) })
  )

  /** Draws on `write` (stderr) with carriage returns, redrawing at most every 100 ms. */
  static readonly make = (write: (text: string) => void): Progress["Service"] =>
    Progress.of({
      track: (label, total) =>
        Effect.gen(function* () {
          const start = yield* Clock.currentTimeMillis
          let done = 0
          let lastDraw = Number.NEGATIVE_INFINITY
          const draw = (now: number) => {
            lastDraw = now
            write(`\r\u001b[K${renderProgress({ label, done, total, elapsedMs: now - start })}`)
          }
          draw(start)
          yield* Effect.addFinalizer(() => Effect.sync(() => write("\r\u001b[K")))
          return {
            advance: (n = 1) =>
              Effect.flatMap(Clock.currentTimeMillis, (now) =>
                Effect.sync(() => {
                  done += n
                  if (now - lastDraw >= REDRAW_MS || done >= total) draw(now)
                })
              )
          }
        })
    })

  /** A bar on stderr when `enabled` and stderr is a terminal; nothing otherwise. */
  static readonly layer = (options: { readonly enabled: boolean }): Layer.Layer<Progress> =>
    options.enabled && process.stderr.isTTY === true
      ? Layer.succeed(Progress)(Progress.make((text) => process.stderr.write(text)))
      : Progress.layerNoop
}
