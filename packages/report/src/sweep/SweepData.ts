/**
 * What the sweep page draws: the parts of sweep.json it reads (the runner's `SweepDocument` satisfies it), so
 * the report stays a leaf package. Rates are fractions, times seconds; `null` where a point has no value.
 */

/** A mean and its 95 % interval. */
export interface SweepEstimateView {
  readonly mean: number | null
  readonly lo: number | null
  readonly hi: number | null
}

/** One point of the sweep. */
export interface SweepPointView {
  readonly value: string
  /** The value as a number (x axis); null for values such as `30s`, which are drawn evenly spaced. */
  readonly x: number | null
  readonly total: {
    readonly serviceLevel: SweepEstimateView
    readonly asa: SweepEstimateView
    readonly abandonRate: SweepEstimateView
    readonly occupancy: SweepEstimateView
  }
  readonly queues: ReadonlyArray<{
    readonly id: string
    readonly serviceLevel: SweepEstimateView
    readonly asa: SweepEstimateView
    readonly abandonRate: SweepEstimateView
  }>
  readonly groups: ReadonlyArray<{ readonly id: string; readonly occupancy: SweepEstimateView }>
  readonly holds: boolean
}

/** A threshold of the scenario. */
export interface SweepThresholdView {
  readonly metric: string
  readonly scope: string
  readonly op: string
  readonly value: number
  readonly confidence: number | null
  readonly strict: boolean
}

/** The sweep page's data. */
export interface SweepReportData {
  readonly scenario: string
  readonly description: string | null
  readonly seed: number
  readonly replicationsPerPoint: number
  readonly engineVersion: string
  readonly serviceLevelDefinition: string
  readonly dimension: { readonly kind: "load" | "agents" | "set"; readonly path: string }
  readonly method: "grid" | "bisection"
  readonly tolerance: number | null
  readonly thresholds: ReadonlyArray<SweepThresholdView>
  readonly points: ReadonlyArray<SweepPointView>
  readonly breakingPoint: {
    readonly status: "found" | "holds-throughout" | "fails-at-start" | "no-thresholds"
    readonly value: string | null
    readonly failsAt: string | null
    readonly failing: ReadonlyArray<string>
  }
}
