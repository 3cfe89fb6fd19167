/**
 * Exact transient solution of a time-varying M/M/c+M queue: a day of intervals, each with its own
 * Poisson arrival rate and number of agents, exponential handle times and exponential patience, one
 * FCFS line, callers abandoning only while they wait. It gives, for the callers ARRIVING in each
 * interval, the probabilities and mean waits a simulation's per-interval ratio estimators converge to,
 * so it is the oracle for their coverage. See the package README ("Transient oracle") for the method.
 *
 * Agents follow the engine's shift rule: a capacity increase at a boundary serves waiting callers at
 * once; a decrease takes agents away only as they finish their calls (no call is cut). After the last
 * interval no one arrives and `agentsAfter` agents work until the line is empty.
 */

import type { ServiceLevels } from "./ErlangA.ts"
import { gaussWeights, kronrodNodes, kronrodWeights } from "./GaussKronrod.ts"
import { requireInteger, requireNonNegative, requirePositive } from "./Input.ts"
import type { ServiceLevelDefinition } from "./ServiceLevel.ts"
import { serviceLevelOf } from "./ServiceLevel.ts"
import type { Rates } from "./TaggedCaller.ts"
import { settledValues, TaggedSpace, taggedAddAgents, taggedStep, valuesAddAgents, valuesStep } from "./TaggedCaller.ts"
import type { UniformisedStep } from "./Uniformisation.ts"
import { advance, UniformisationBuffers } from "./Uniformisation.ts"

/** One interval of the day: constant arrival rate and agents on the phones. */
export interface TransientInterval {
  /** Duration, in the time unit of every other input. */
  readonly length: number
  /** Poisson arrival rate λ during the interval. */
  readonly arrivalRate: number
  /** Agents on the phones (a whole number ≥ 0). */
  readonly agents: number
}

/** A day for the transient oracle; all times in one unit, rates per that unit. */
export interface TransientInput {
  readonly intervals: ReadonlyArray<TransientInterval>
  /** Mean handle time 1/μ. */
  readonly aht: number
  /** Mean patience 1/θ; Infinity means nobody abandons (then `agentsAfter` must be > 0). */
  readonly patience: number
  /** Service-level threshold T. */
  readonly threshold: number
  /** Agents after the last interval, while the line drains (default: the last interval's). */
  readonly agentsAfter?: number
  /** P(n calls in system) at time 0, n = 0, 1, … (default: empty). Callers beyond the agents wait. */
  readonly initial?: ReadonlyArray<number>
  /** Largest probability allowed to leave the truncated state space (default 1e-12). */
  readonly lostMassTolerance?: number
  /** Panels per interval double until every `quadratureError` is below this (default 1e-8; at most 64 panels). */
  readonly quadratureTolerance?: number
}

/** Expected outcomes of the callers arriving in one interval (probabilities are per offered call). */
export interface TransientIntervalResult {
  readonly start: number
  readonly end: number
  readonly agents: number
  readonly arrivalRate: number
  /** Expected number of arrivals, λ·length. */
  readonly offered: number
  /** P(W > 0): the caller finds no free agent. */
  readonly pWait: number
  readonly pAnswered: number
  readonly pAbandon: number
  /** P(answered and waited ≤ T). */
  readonly answeredWithin: number
  /** P(abandoned and waited ≤ T). */
  readonly abandonedWithin: number
  /** Service levels at T, each a ratio of expectations (what Σ numerator / Σ denominator estimates). */
  readonly serviceLevels: ServiceLevels
  /** ASA = E[W·1{answered}] / P(answered): answered-weighted, like Σ wait / Σ answered; 0 with no answers. */
  readonly asa: number
  /** Mean wait of every arrival, abandoners included. */
  readonly meanWait: number
  /** Time-average number of busy agents during the interval (all calls, whenever they arrived). */
  readonly meanBusy: number
  /** Time-average number waiting during the interval. */
  readonly meanQueue: number
  /** |Kronrod − Gauss| over the interval's probabilities and (divided by AHT) waits: a bound on the quadrature error. */
  readonly quadratureError: number
}

/** The oracle's answer with its accuracy checks. */
export interface TransientResult {
  readonly intervals: ReadonlyArray<TransientIntervalResult>
  /** The largest number waiting the state space holds. */
  readonly queueLimit: number
  /** Probability that left the truncated state space over the day (checked ≤ the tolerance). */
  readonly lostMass: number
}

/**
 * States (busy b, waiting q). A line exists only when every agent is busy, so q > 0 needs b ≥ c(t)
 * ≥ cMin; the index space is {(b, 0): b ≤ cMax} ∪ {(b, q): cMin ≤ b ≤ cMax, 1 ≤ q ≤ Q}, plus a sink
 * for arrivals that would exceed Q (the truncation's lost mass).
 */
class Space {
  readonly cMin: number
  readonly cMax: number
  readonly queueLimit: number
  readonly width: number
  readonly size: number
  readonly sink: number
  constructor(cMin: number, cMax: number, queueLimit: number) {
    this.cMin = cMin
    this.cMax = cMax
    this.queueLimit = queueLimit
    this.width = cMax - cMin + 1
    this.sink = cMax + 1 + queueLimit * this.width
    this.size = this.sink + 1
  }
  index(busy: number, queued: number): number {
    return queued === 0 ? busy : this.cMax + 1 + (queued - 1) * this.width + (busy - this.cMin)
  }
}

/** The day's chain during an interval with arrival rate λ and c agents. */
const queueStep = (space: Space, rates: Rates, lambda: number, agents: number, uniform: number): UniformisedStep => {
  const { cMin, cMax, queueLimit, sink, width } = space
  const { mu, theta } = rates
  return (src, dst) => {
    dst.fill(0)
    dst[sink] = src[sink]!
    for (let q = 0; q <= queueLimit; q++) {
      // Index arithmetic inline (this loop is hot): (b, 0) is b, (b, q) is row + b.
      const row = q === 0 ? 0 : cMax + 1 + (q - 1) * width - cMin
      const below = q === 1 ? -1 : row - width
      for (let b = q === 0 ? 0 : cMin; b <= cMax; b++) {
        const i = row + b
        const m = src[i]!
        if (m === 0) continue
        const scale = m / uniform
        let out = 0
        if (lambda > 0) {
          const target =
            q === 0 && b < agents ? i + 1 : q === 0 ? cMax + 1 - cMin + b : q < queueLimit ? i + width : sink
          dst[target]! += lambda * scale
          out += lambda
        }
        if (b > 0) {
          // The head of the line takes the freed agent unless the agent is above today's capacity.
          const target = q === 0 || b > agents ? i - 1 : below < 0 ? b : below + b
          dst[target]! += b * mu * scale
          out += b * mu
        }
        if (q > 0 && theta > 0) {
          dst[below < 0 ? b : below + b]! += q * theta * scale
          out += q * theta
        }
        dst[i]! += m - out * scale
      }
    }
  }
}

/** New agents at a boundary take waiting calls at once; fewer agents change nothing until calls end. */
const addAgents = (space: Space, p: Float64Array, agents: number): void => {
  for (let q = 1; q <= space.queueLimit; q++) {
    for (let b = space.cMin; b < agents; b++) {
      const i = space.index(b, q)
      const m = p[i]!
      if (m === 0) continue
      const moved = Math.min(q, agents - b)
      p[i] = 0
      p[space.index(b + moved, q - moved)]! += m
    }
  }
}

/** What happens to a caller arriving at one instant, given the distribution it finds. */
interface ArrivalOutcome {
  readonly immediate: number
  readonly answered: number
  readonly answeredWithin: number
  readonly abandoned: number
  readonly abandonedWithin: number
  /** E[W·1{answered}]. */
  readonly answeredWait: number
  /** E[W]. */
  readonly wait: number
}

/** The day as capacity changes: boundary times and the agents from each one on. */
interface Day {
  readonly starts: ReadonlyArray<number>
  readonly end: number
  readonly agents: ReadonlyArray<number>
  readonly agentsAfter: number
}

const agentsAt = (day: Day, k: number): number => (k < day.agents.length ? day.agents[k]! : day.agentsAfter)

/** Sums over one interval's arrival instants: Kronrod and Gauss, per outcome. */
class Sums {
  readonly kronrod = new Float64Array(8)
  readonly gauss = new Float64Array(8)
  add(o: ArrivalOutcome, kronrodWeight: number, gaussWeight: number): void {
    const values = [o.immediate, o.answered, o.answeredWithin, o.abandoned, o.abandonedWithin, o.answeredWait, o.wait]
    for (let i = 0; i < values.length; i++) {
      this.kronrod[i]! += kronrodWeight * values[i]!
      this.gauss[i]! += gaussWeight * values[i]!
    }
  }
}

/**
 * Quadrature panels of an interval, `split` equal ones per stretch. Capacity changes at τ make
 * P(answered within T) kink at arrival time τ − T, so stretches end there.
 */
const panelsOf = (
  start: number,
  end: number,
  day: Day,
  threshold: number,
  split: number
): Array<readonly [number, number]> => {
  const cuts = [start, end]
  for (let k = 1; k <= day.starts.length; k++) {
    const tau = k < day.starts.length ? day.starts[k]! : day.end
    if (agentsAt(day, k) === agentsAt(day, k - 1)) continue
    const kink = tau - threshold
    if (kink > start && kink < end) cuts.push(kink)
  }
  cuts.sort((a, b) => a - b)
  const panels: Array<readonly [number, number]> = []
  for (let c = 0; c + 1 < cuts.length; c++) {
    const width = (cuts[c + 1]! - cuts[c]!) / split
    for (let i = 0; i < split; i++) {
      panels.push([cuts[c]! + i * width, i + 1 === split ? cuts[c + 1]! : cuts[c]! + (i + 1) * width])
    }
  }
  return panels
}

/** The end of segment k of the day (Infinity after the last interval). */
const segmentEnd = (day: Day, k: number): number =>
  k + 1 < day.starts.length ? day.starts[k + 1]! : k < day.starts.length ? day.end : Number.POSITIVE_INFINITY

/**
 * Values of the tagged caller's eventual outcome just before the end of each interval, by one backward
 * pass from the settled values after the day.
 */
const valuesAtEnds = (tagged: TaggedSpace, rates: Rates, day: Day, buffers: UniformisationBuffers) => {
  const uniform = tagged.uniformRate(rates)
  const v = settledValues(tagged, rates, day.agentsAfter)
  const ends: Array<Float64Array> = []
  for (let k = day.starts.length - 1; k >= 0; k--) {
    if (agentsAt(day, k + 1) > agentsAt(day, k)) valuesAddAgents(tagged, v, agentsAt(day, k + 1))
    ends[k] = Float64Array.from(v)
    const step = valuesStep(tagged, rates, agentsAt(day, k), uniform)
    advance(v, segmentEnd(day, k) - day.starts[k]!, uniform, step, buffers)
  }
  return ends
}

/** The tagged caller's answered and abandoned mass by `deadline`, from `u` at `time` in segment k. */
const byDeadline = (
  tagged: TaggedSpace,
  rates: Rates,
  day: Day,
  k: number,
  time: number,
  deadline: number,
  u: Float64Array,
  buffers: UniformisationBuffers
) => {
  const uniform = tagged.uniformRate(rates)
  let now = time
  for (let segment = k; ; segment++) {
    const agents = agentsAt(day, segment)
    const until = Math.min(deadline, segmentEnd(day, segment))
    advance(u, until - now, uniform, taggedStep(tagged, rates, agents, uniform), buffers)
    now = until
    if (now >= deadline) break
    const next = agentsAt(day, segment + 1)
    if (next > agents) taggedAddAgents(tagged, u, next)
  }
  return { answered: u[tagged.answered]!, abandoned: u[tagged.abandoned]! }
}

/**
 * The outcome of a caller arriving at `time` in interval k who finds the normalised distribution `p`,
 * with the tagged values `values` at that instant.
 */
const arrivalOutcome = (
  space: Space,
  tagged: TaggedSpace,
  rates: Rates,
  day: Day,
  threshold: number,
  k: number,
  time: number,
  p: Float64Array,
  values: Float64Array,
  buffers: UniformisationBuffers
): ArrivalOutcome => {
  const u = new Float64Array(tagged.size)
  const agentsNow = agentsAt(day, k)
  let immediate = 0
  let answeredLater = 0
  let answeredWait = 0
  let wait = 0
  for (let q = 0; q <= space.queueLimit; q++) {
    for (let b = q === 0 ? 0 : space.cMin; b <= space.cMax; b++) {
      const m = p[space.index(b, q)]!
      if (q === 0 && b < agentsNow) {
        immediate += m
        continue
      }
      const i = tagged.index(b, q)
      u[i] = m
      answeredLater += m * values[i]!
      answeredWait += m * values[tagged.size + i]!
      wait += m * values[2 * tagged.size + i]!
    }
  }
  const within = byDeadline(tagged, rates, day, k, time, time + threshold, u, buffers)
  return {
    immediate,
    answered: immediate + answeredLater,
    answeredWithin: immediate + within.answered,
    // The caller's own patience runs at θ while it waits, so P(abandon) = θ·E[W].
    abandoned: rates.theta * wait,
    abandonedWithin: within.abandoned,
    answeredWait,
    wait
  }
}

/** Runs the day's chain once at a given queue limit; with `follow` false, only the lost mass is wanted. */
const sweep = (
  input: TransientInput,
  day: Day,
  rates: Rates,
  queueLimit: number,
  follow: boolean,
  quadratureTolerance: number
): { readonly lostMass: number; readonly intervals: Array<TransientIntervalResult> } => {
  const cMin = Math.min(...day.agents, day.agentsAfter)
  const cMax = Math.max(...day.agents, day.agentsAfter)
  const space = new Space(cMin, cMax, queueLimit)
  const tagged = new TaggedSpace(cMin, cMax, queueLimit)
  const buffers = new UniformisationBuffers(space.size)
  const taggedBuffers = new UniformisationBuffers(tagged.size)
  const valueBuffers = new UniformisationBuffers(3 * tagged.size)
  const endValues = follow ? valuesAtEnds(tagged, rates, day, valueBuffers) : []
  const p = new Float64Array(space.size)
  const firstAgents = day.agents[0]!
  for (const [n, mass] of (input.initial ?? [1]).entries()) {
    const q = Math.max(0, n - firstAgents)
    p[q > queueLimit ? space.sink : space.index(Math.min(n, firstAgents), q)]! += mass
  }
  const results: Array<TransientIntervalResult> = []
  input.intervals.forEach((interval, k) => {
    const start = day.starts[k]!
    const end = segmentEnd(day, k)
    const agents = interval.agents
    const uniform = interval.arrivalRate + cMax * rates.mu + queueLimit * rates.theta
    const step = queueStep(space, rates, interval.arrivalRate, agents, uniform)
    const taggedUniform = tagged.uniformRate(rates)
    const back = valuesStep(tagged, rates, agents, taggedUniform)
    const atStart = Float64Array.from(p)
    // Panels per stretch double until Gauss and Kronrod agree to the tolerance (or 64 panels).
    for (let split = 1; ; split *= 2) {
      const integral = new Float64Array(space.size)
      const sums = new Sums()
      let now = start
      if (follow && interval.arrivalRate > 0) {
        const nodes: Array<{ readonly t: number; readonly kronrod: number; readonly gauss: number }> = []
        for (const [a, b] of panelsOf(start, end, day, input.threshold, split)) {
          const half = (b - a) / 2
          kronrodNodes.forEach((x, i) => {
            nodes.push({ t: a + half * (1 + x), kronrod: half * kronrodWeights[i]!, gauss: half * gaussWeights[i]! })
          })
        }
        // The tagged values at each node, backward from the interval's end.
        const values: Array<Float64Array> = []
        const v = Float64Array.from(endValues[k]!)
        let later = end
        for (let n = nodes.length - 1; n >= 0; n--) {
          advance(v, later - nodes[n]!.t, taggedUniform, back, valueBuffers)
          later = nodes[n]!.t
          values[n] = Float64Array.from(v)
        }
        nodes.forEach((node, n) => {
          advance(p, node.t - now, uniform, step, buffers, integral)
          now = node.t
          const seen = normalised(p, space.sink)
          const outcome = arrivalOutcome(
            space,
            tagged,
            rates,
            day,
            input.threshold,
            k,
            node.t,
            seen,
            values[n]!,
            taggedBuffers
          )
          sums.add(outcome, node.kronrod, node.gauss)
        })
      }
      advance(p, end - now, uniform, step, buffers, integral)
      if (!follow) break
      const result = summarise(interval, start, end, space, integral, sums, rates)
      if (result.quadratureError <= quadratureTolerance || split >= 64) {
        results.push(result)
        break
      }
      p.set(atStart)
    }
    const nextAgents = agentsAt(day, k + 1)
    if (nextAgents > agents) addAgents(space, p, nextAgents)
  })
  return { lostMass: p[space.sink]!, intervals: results }
}

const normalised = (p: Float64Array, sink: number): Float64Array => {
  const seen = Float64Array.from(p)
  seen[sink] = 0
  let total = 0
  for (const m of seen) total += m
  for (let i = 0; i < seen.length; i++) seen[i]! /= total
  return seen
}

const summarise = (
  interval: TransientInterval,
  start: number,
  end: number,
  space: Space,
  integral: Float64Array,
  sums: Sums,
  rates: Rates
): TransientIntervalResult => {
  const length = end - start
  let busy = 0
  let queued = 0
  for (let q = 0; q <= space.queueLimit; q++) {
    for (let b = q === 0 ? 0 : space.cMin; b <= space.cMax; b++) {
      const m = integral[space.index(b, q)]!
      busy += b * m
      queued += q * m
    }
  }
  const base = {
    start,
    end,
    agents: interval.agents,
    arrivalRate: interval.arrivalRate,
    offered: interval.arrivalRate * length,
    meanBusy: busy / length,
    meanQueue: queued / length
  }
  if (!(interval.arrivalRate > 0)) {
    const none = Number.NaN
    const serviceLevels = {
      "answered-of-offered": none,
      "answered-of-offered-minus-short-abandons": none,
      "answered-of-answered": none,
      "answered-and-short-abandons-of-offered": none
    }
    return {
      ...base,
      pWait: none,
      pAnswered: none,
      pAbandon: none,
      answeredWithin: none,
      abandonedWithin: none,
      serviceLevels,
      asa: none,
      meanWait: none,
      quadratureError: 0
    }
  }
  const k = Array.from(sums.kronrod, (v) => v / length)
  const g = Array.from(sums.gauss, (v) => v / length)
  const [immediate, answered, answeredWithin, abandoned, abandonedWithin, answeredWait, wait] = k as [
    number,
    number,
    number,
    number,
    number,
    number,
    number
  ]
  const mu = rates.mu
  let quadratureError = 0
  for (let i = 0; i < 7; i++) {
    const scale = i >= 5 ? mu : 1
    quadratureError = Math.max(quadratureError, Math.abs(k[i]! - g[i]!) * scale)
  }
  const counts = { offered: 1, answered, answeredWithin, abandonedWithin }
  const level = (d: ServiceLevelDefinition) => serviceLevelOf(d, counts) ?? 0
  return {
    ...base,
    pWait: 1 - immediate,
    pAnswered: answered,
    pAbandon: abandoned,
    answeredWithin,
    abandonedWithin,
    serviceLevels: {
      "answered-of-offered": level("answered-of-offered"),
      "answered-of-offered-minus-short-abandons": level("answered-of-offered-minus-short-abandons"),
      "answered-of-answered": level("answered-of-answered"),
      "answered-and-short-abandons-of-offered": level("answered-and-short-abandons-of-offered")
    },
    asa: answered > 0 ? answeredWait / answered : 0,
    meanWait: wait,
    quadratureError
  }
}

/**
 * Solves the day exactly: the forward equations by uniformisation on a state space whose queue limit
 * grows by half until less than `lostMassTolerance` of probability ever leaves it, then, for arrival instants
 * at Gauss–Kronrod nodes of each interval, the tagged caller's chain from the distribution it finds.
 * Throws a RangeError for invalid input or when the state space would exceed a million states.
 */
export const transientQueue = (input: TransientInput): TransientResult => {
  const { intervals, aht, patience, threshold } = input
  if (intervals.length === 0) throw new RangeError("intervals must not be empty")
  requirePositive("aht", aht)
  if (!(patience > 0)) throw new RangeError(`patience must be > 0, got ${patience}`)
  requireNonNegative("threshold", threshold)
  intervals.forEach((interval, k) => {
    requirePositive(`intervals[${k}].length`, interval.length)
    requireNonNegative(`intervals[${k}].arrivalRate`, interval.arrivalRate)
    requireInteger(`intervals[${k}].agents`, interval.agents, 0)
  })
  const agentsAfter = input.agentsAfter ?? intervals.at(-1)!.agents
  requireInteger("agentsAfter", agentsAfter, 0)
  if (patience === Number.POSITIVE_INFINITY && agentsAfter === 0) {
    throw new RangeError("with infinite patience agentsAfter must be > 0, or callers wait for ever")
  }
  const initial = input.initial ?? [1]
  for (const [n, mass] of initial.entries()) requireNonNegative(`initial[${n}]`, mass)
  const tolerance = input.lostMassTolerance ?? 1e-12
  const starts: Array<number> = []
  let end = 0
  for (const interval of intervals) {
    starts.push(end)
    end += interval.length
  }
  const day: Day = { starts, end, agents: intervals.map((i) => i.agents), agentsAfter }
  const rates: Rates = { mu: 1 / aht, theta: patience === Number.POSITIVE_INFINITY ? 0 : 1 / patience }
  const cSpan = Math.max(...day.agents, agentsAfter) - Math.min(...day.agents, agentsAfter) + 1
  let queueLimit = Math.max(16, initial.length)
  for (;;) {
    if (queueLimit * cSpan > 1_000_000) throw new RangeError("the day needs more than a million states")
    if (sweep(input, day, rates, queueLimit, false, 0).lostMass <= tolerance) break
    queueLimit = Math.ceil(queueLimit * 1.5)
  }
  const { lostMass, intervals: results } = sweep(input, day, rates, queueLimit, true, input.quadratureTolerance ?? 1e-8)
  return { intervals: results, queueLimit, lostMass }
}
