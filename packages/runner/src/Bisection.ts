/**
 * Locating a breaking point by bisection: between an easy end where every strict threshold holds and a hard end
 * where one fails, probe the middle and keep the half that still straddles the break, until the ends are within
 * `tolerance`. Each probe is one point (all its replications in one batch); the probes share the seed and
 * replication indices (common random numbers), which keeps the verdict close to monotone in the value.
 *
 * Invariant: every probe that holds lies on the easy side of every probe that fails, so the probes read as a
 * grid give the same breaking point.
 */
import { Effect } from "effect"

/** What the bisection needs of a point. */
export interface Probe {
  readonly holds: boolean
}

/** A bisection's inputs. `easy` and `hard` may be in either order (agents: more is easier). */
export interface BisectionRequest<P extends Probe, Err> {
  readonly easy: number
  readonly hard: number
  /** Stop when |hard − easy| ≤ tolerance. */
  readonly tolerance: number
  /** Probe whole numbers only. */
  readonly integer: boolean
  /** Evaluates points at these values (one batch), in order. */
  readonly evaluate: (values: ReadonlyArray<number>) => Effect.Effect<ReadonlyArray<P>, Err>
}

/** Every probe evaluated, and the last easy / first hard value (the ends when one of them decides it). */
export interface BisectionResult<P> {
  readonly points: ReadonlyArray<P>
  readonly easy: number
  readonly hard: number
}

/** Runs a bisection; the ends are evaluated together first, and it stops there when they do not straddle. */
export const bisect = <P extends Probe, Err>(
  request: BisectionRequest<P, Err>
): Effect.Effect<BisectionResult<P>, Err> =>
  Effect.gen(function* () {
    let { easy, hard } = request
    const ends = yield* request.evaluate([easy, hard])
    const points: Array<P> = [...ends]
    if (!ends[0]!.holds || ends[1]!.holds) return { points, easy, hard }
    while (Math.abs(hard - easy) > request.tolerance) {
      // Ten decimals: 1.075, not 1.0750000000000002, in labels and files.
      const middle = request.integer ? Math.floor((easy + hard) / 2) : Number(((easy + hard) / 2).toFixed(10))
      if (middle === easy || middle === hard) break
      const [probe] = yield* request.evaluate([middle])
      points.push(probe!)
      if (probe!.holds) easy = middle
      else hard = middle
    }
    return { points, easy, hard }
  })
