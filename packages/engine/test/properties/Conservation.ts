/**
 * Counts calls in and out, independently of the checker: every arrived call ends exactly once, and the
 * outcomes add up to the arrivals.
 */
import { type CallKind, type EndOutcome, EndOutcomeNames, NullObserver } from "../../src/Observer.ts"

/** Tallies arrivals and ends; `problems` lists calls that ended twice, never arrived, or never ended. */
export class Conservation extends NullObserver {
  arrived = 0
  readonly outcomes: Record<string, number> = Object.fromEntries(EndOutcomeNames.map((n) => [n, 0]))
  readonly problems: Array<string> = []
  private readonly open = new Set<number>()
  private readonly seen = new Set<number>()

  override callArrived(_t: number, call: number, _kind: CallKind): void {
    if (this.seen.has(call)) this.problems.push(`call ${call} arrived twice`)
    this.seen.add(call)
    this.open.add(call)
    this.arrived++
  }

  override callEnded(_t: number, call: number, _agent: number, outcome: EndOutcome): void {
    if (!this.open.delete(call)) this.problems.push(`call ${call} ended without being in the system`)
    this.outcomes[EndOutcomeNames[outcome]]!++
  }

  /** Calls still open at the end of the run. */
  get unended(): ReadonlyArray<number> {
    return [...this.open]
  }

  /** The sum of all outcomes. */
  get ended(): number {
    return Object.values(this.outcomes).reduce((a, b) => a + b, 0)
  }
}
