/**
 * Whole runs: determinism, common random numbers, run modes and their ends, arrivals (constant rate, per
 * interval, load multiplier, interval AHT), agreement with Erlang C, and invariants of random scenarios.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runs } from "../../../test-support/PropertyRuns.ts"
import {
  compile,
  EngineError,
  fanOut,
  MAX_EVENTS_PER_SIMULATED_SECOND,
  NullObserver,
  replicationSteps,
  runReplication,
  SLICE_EVENTS,
  type TraceEvent,
  TraceRecorder
} from "../src/index.ts"
import { oneQueue, qcall, run, scenario } from "./helpers.ts"

const busyDay = oneQueue(
  { wrapUp: { type: "exponential", mean: "20s" }, maxWait: "3m", unavailableOnMiss: { threshold: 2 } },
  [
    {
      id: "team",
      count: 4,
      behaviour: {
        missProbability: 0.1,
        rejectProbability: 0.05,
        answerDelay: { type: "uniform", min: "1s", max: "6s" }
      }
    }
  ],
  {
    traffic: [
      {
        id: "web",
        type: "queue",
        trackingNumber: "555-0100",
        arrivals: { ratePerHour: 80 },
        handleTime: { type: "lognormal", mean: "3m", sd: "2m" },
        patience: { type: "exponential", mean: "2m" },
        knownShare: 0.6,
        redial: { probability: 0.3, delay: "5m" }
      },
      { id: "dl", type: "direct", agent: "team-1", arrivals: { ratePerHour: 6 }, handleTime: "2m", patience: "40s" }
    ]
  }
)

const bytes = (input: Record<string, unknown>, seed: number) => JSON.stringify(run(input, { seed }).events)

describe("determinism", () => {
  it("same scenario and seed give identical trace bytes; another seed or replication differs", () => {
    const a = bytes(busyDay, 11)
    expect(bytes(busyDay, 11)).toBe(a)
    expect(bytes(busyDay, 12)).not.toBe(a)
    const model = compile(scenario(busyDay))
    const r0 = new TraceRecorder(model)
    const r1 = new TraceRecorder(model)
    runReplication(model, { seed: 11, replication: 0, observer: r0 })
    runReplication(model, { seed: 11, replication: 1, observer: r1 })
    expect(JSON.stringify(r0.events)).toBe(a)
    expect(JSON.stringify(r1.events)).not.toBe(a)
  })

  it("common random numbers: adding an agent does not change the callers (arrival times, talk, patience draws)", () => {
    const callers = (count: number) =>
      run({ ...busyDay, agents: [{ id: "team", count, queues: [{ queue: "sales" }] }] }, { seed: 3 })
        .events.filter((e) => e.event === "call-arrived" && e.redialOf === undefined && e.source === "web")
        .map((e) => `${e.t}:${e.known}`)
    const four = callers(4)
    expect(four.length).toBeGreaterThan(50)
    expect(callers(5)).toEqual(four)
  })

  it("a fan-out of recorders sees exactly what a single recorder sees", () => {
    const model = compile(scenario(busyDay))
    const single = new TraceRecorder(model)
    runReplication(model, { seed: 4, observer: single })
    const a = new TraceRecorder(model)
    const b = new TraceRecorder(model)
    runReplication(model, { seed: 4, observer: fanOut([a, new NullObserver(), b]) })
    expect(a.events).toEqual(single.events)
    expect(b.events).toEqual(single.events)
  })

  it("a run driven slice by slice is the run itself; an abandoned one stops where it is", () => {
    const busier = {
      ...busyDay,
      traffic: [{ ...(busyDay.traffic as Array<object>)[0], arrivals: { ratePerHour: 30_000 } }]
    }
    const model = compile(scenario(busier))
    const whole = new TraceRecorder(model)
    const stats = runReplication(model, { seed: 5, observer: whole })
    expect(stats.events).toBeGreaterThan(2 * SLICE_EVENTS)
    const sliced = new TraceRecorder(model)
    const steps = replicationSteps(model, { seed: 5, observer: sliced })
    let slices = 1
    let step = steps.next()
    for (; !step.done; step = steps.next()) slices++
    expect(slices).toBe(Math.ceil(stats.events / SLICE_EVENTS))
    expect(step.value).toEqual(stats)
    expect(sliced.events).toEqual(whole.events)

    const abandoned = new TraceRecorder(model)
    const again = replicationSteps(model, { seed: 5, observer: abandoned })
    again.next()
    expect(again.return(undefined as never).done).toBe(true)
    expect(abandoned.events.some((e) => e.event === "simulation-ended")).toBe(false)
  })
})

describe("run modes", () => {
  it("terminating: arrivals stop at closing; the run goes on until every call and wrap-up has ended", () => {
    const r = run(
      oneQueue({ wrapUp: "30s" }, [{ id: "alice" }], {
        time: { open: "08:00", close: "08:10" },
        script: { calls: [qcall("08:09:00", "5m"), qcall("08:09:30", "5m")] }
      })
    )
    expect(r.lines("call-ended", "wrap-up-ended", "simulation-ended")).toEqual([
      "08:14:02 call-ended call=s1 agent=alice outcome=handled",
      "08:14:32 wrap-up-ended agent=alice",
      "08:19:34 call-ended call=s2 agent=alice outcome=handled",
      "08:20:04 wrap-up-ended agent=alice",
      "08:20:04 simulation-ended"
    ])
    expect(r.stats).toMatchObject({ endTime: 30_004_000, calls: 2, inProgressAtEnd: 0, truncated: false })
  })

  it("terminating: generated arrivals all fall before closing", () => {
    const r = run(busyDay, { seed: 9 })
    const arrivals = r.events.filter((e) => e.event === "call-arrived")
    expect(arrivals.every((e) => e.t >= r.model.open && e.t < r.model.close)).toBe(true)
    expect(r.stats.endTime).toBeGreaterThanOrEqual(r.model.close)
  })

  it("steady state: arrivals continue to the horizon, where calls still in the system end in-progress-at-end", () => {
    const r = run(
      oneQueue({}, [{ id: "alice" }], {
        run: { mode: "steady-state" },
        script: { calls: [qcall("+5s", "1m"), qcall("+59m30s", "1m"), qcall("+59m40s", "1m")] }
      })
    )
    expect(r.lines("call-ended", "simulation-ended")).toEqual([
      "08:01:07 call-ended call=s1 agent=alice outcome=handled",
      "09:00:00 call-ended call=s2 agent=alice outcome=in-progress-at-end",
      "09:00:00 call-ended call=s3 outcome=in-progress-at-end",
      "09:00:00 simulation-ended"
    ])
    expect(r.stats).toMatchObject({ inProgressAtEnd: 2, truncated: false })
    const longer = run({ ...busyDay, run: { mode: "steady-state" } }, { seed: 2, horizon: 11 * 3_600_000 })
    const last = longer.events.filter((e) => e.event === "call-arrived").at(-1)!
    expect(last.t).toBeGreaterThan(10 * 3_600_000)
    expect(longer.stats.endTime).toBe(11 * 3_600_000)
  })

  it("a run that can never empty stops 24 h after closing, and says so", () => {
    const r = run(
      oneQueue({}, [{ id: "alice", initialStatus: "unavailable" }], { script: { calls: [qcall("+5s", "1m")] } })
    )
    expect(r.lines("call-ended", "simulation-ended")).toEqual([
      "33:00:00 call-ended call=s1 outcome=in-progress-at-end",
      "33:00:00 simulation-ended"
    ])
    expect(r.stats).toMatchObject({ truncated: true, inProgressAtEnd: 1 })
  })

  it("a run whose clock stops moving (offers that time out at once) stops with an error instead of spinning", () => {
    // The loader refuses such a ring timeout; the engine's own guard is for whatever else could loop.
    const decoded = scenario(
      oneQueue({ ringTimeout: "1s" }, [{ id: "team", count: 2 }], { script: { calls: [qcall("+5s", "1m")] } })
    )
    const model = compile({ ...decoded, queues: decoded.queues.map((q) => ({ ...q, ringTimeout: 0.0001 })) })
    let error: unknown
    try {
      runReplication(model)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(EngineError)
    expect(error).toMatchObject({ reason: "NoProgress" })
    const message = (error as EngineError).message
    expect(message).toMatch(/^replication 0 made no progress: (\d+) events between 08:00:05\.\d{3} and 08:00:05\.\d{3}/)
    expect(Number(/: (\d+) events/.exec(message)![1])).toBeGreaterThanOrEqual(MAX_EVENTS_PER_SIMULATED_SECOND)
  })
})

const countArrivals = (events: ReadonlyArray<TraceEvent>, from: number, to: number) =>
  events.filter((e) => e.event === "call-arrived" && e.t >= from && e.t < to).length

describe("arrivals", () => {
  const h = 3_600_000
  const open = 8 * h

  it("constant rate: Poisson count with mean rate × hours × load multiplier", () => {
    const input = (mult: number) =>
      oneQueue({}, [{ id: "a", count: 20 }], {
        run: { loadMultiplier: mult },
        traffic: [{ type: "queue", trackingNumber: "555-0100", arrivals: { ratePerHour: 100 }, handleTime: "10s" }]
      })
    const reps = 40
    for (const mult of [1, 1.5]) {
      let total = 0
      for (let rep = 0; rep < reps; rep++) total += run(input(mult), { replication: rep }).stats.calls
      const mean = 100 * mult
      // the mean of 40 Poisson counts: standard error √(mean/40); 4.5 of them
      expect(Math.abs(total / reps - mean)).toBeLessThan(4.5 * Math.sqrt(mean / reps))
    }
  })

  it("per-interval volumes: each interval's calls fall inside it, a short peak is not skipped", () => {
    const volumes = [2, 2, 30, 2]
    const input = oneQueue({}, [{ id: "a", count: 40 }], {
      time: { open: "08:00", close: "09:00", intervalMinutes: 15 },
      traffic: [{ type: "queue", trackingNumber: "555-0100", arrivals: { perInterval: volumes }, handleTime: "10s" }]
    })
    const reps = 40
    const sums = [0, 0, 0, 0]
    for (let rep = 0; rep < reps; rep++) {
      const r = run(input, { replication: rep })
      volumes.forEach((_, k) => {
        sums[k]! += countArrivals(r.events, open + k * 900_000, open + (k + 1) * 900_000)
      })
      expect(countArrivals(r.events, 0, open) + countArrivals(r.events, open + h, 48 * h)).toBe(0)
    }
    volumes.forEach((v, k) => {
      expect(Math.abs(sums[k]! / reps - v)).toBeLessThan(4.5 * Math.sqrt(v / reps))
    })
  })

  it("interval AHT from a CSV scales the source's handle time", () => {
    const r = run(
      oneQueue({}, [{ id: "a", count: 60 }], {
        time: { open: "08:00", close: "08:30", intervalMinutes: 15 },
        traffic: [
          {
            type: "queue",
            trackingNumber: "555-0100",
            arrivals: {
              csv: "forecast.csv",
              intervals: [
                { start: open, offered: 200, ahtMs: 60_000 },
                { start: open + 900_000, offered: 200, ahtMs: 240_000 }
              ]
            },
            handleTime: { type: "exponential", mean: "2m" },
            knownShare: 1
          }
        ]
      }),
      { seed: 5 }
    )
    const accepted = new Map(r.events.filter((e) => e.event === "offer-accepted").map((e) => [e.call, e.t]))
    const arrived = new Map(r.events.filter((e) => e.event === "call-arrived").map((e) => [e.call, e.t]))
    const talks = [[], []] as [Array<number>, Array<number>]
    for (const e of r.events) {
      if (e.event !== "call-ended" || e.outcome !== "handled") continue
      const k = arrived.get(e.call)! < open + 900_000 ? 0 : 1
      talks[k].push(e.t - accepted.get(e.call)!)
    }
    const mean = (xs: ReadonlyArray<number>) => xs.reduce((s, x) => s + x, 0) / xs.length
    // exponential: sd = mean; 4.5 standard errors
    expect(Math.abs(mean(talks[0]) - 60_000)).toBeLessThan((4.5 * 60_000) / Math.sqrt(talks[0].length))
    expect(Math.abs(mean(talks[1]) - 240_000)).toBeLessThan((4.5 * 240_000) / Math.sqrt(talks[1].length))
  })
})

/** Erlang C probability of waiting for offered load a (erlangs) on c agents. */
const erlangC = (c: number, a: number): number => {
  let b = 1
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b)
  return b / (1 - (a / c) * (1 - b))
}

describe("agreement with queueing theory", () => {
  it("M/M/c: mean wait matches Erlang C", () => {
    // λ = 100/h, mean talk 6 min → a = 10 erlangs, c = 12
    const input = oneQueue({}, [{ id: "a", count: 12, behaviour: { answerDelay: 0 } }], {
      run: { mode: "steady-state" },
      time: { open: "00:00", close: "24:00" },
      traffic: [
        {
          type: "queue",
          trackingNumber: "555-0100",
          arrivals: { ratePerHour: 100 },
          handleTime: { type: "exponential", mean: "6m" },
          knownShare: 1
        }
      ]
    })
    const model = compile(scenario(input))
    const means: Array<number> = []
    for (let rep = 0; rep < 8; rep++) {
      const arrived = new Map<number, number>()
      let sum = 0
      let n = 0
      const obs = new (class extends NullObserver {
        override callArrived(t: number, call: number) {
          arrived.set(call, t)
        }
        override offerStarted(t: number, call: number) {
          // skip a 2 h warm-up
          const a = arrived.get(call)!
          if (a >= 2 * 3_600_000) {
            sum += t - a
            n++
          }
          arrived.delete(call)
        }
      })()
      runReplication(model, { replication: rep, observer: obs })
      means.push(sum / n)
    }
    const mu = 1 / 360_000
    const expected = erlangC(12, 10) / (12 * mu - 100 / 3_600_000)
    const avg = means.reduce((s, x) => s + x, 0) / means.length
    const sd = Math.sqrt(means.reduce((s, x) => s + (x - avg) ** 2, 0) / (means.length - 1))
    // t(7, 0.999) ≈ 5.41: a 99.8 % confidence interval of the replication means
    expect(Math.abs(avg - expected)).toBeLessThan((5.41 * sd) / Math.sqrt(means.length))
  })
})

describe("invariants of random scenarios", () => {
  const arbScenario = fc.record({
    agents: fc.integer({ min: 1, max: 4 }),
    queues: fc.integer({ min: 1, max: 2 }),
    rate: fc.integer({ min: 5, max: 120 }),
    strategy: fc.constantFrom(
      "longest-idle",
      "round-robin",
      "fewest-calls",
      "least-talk-time",
      "random",
      "ring-all",
      "linear"
    ),
    miss: fc.double({ min: 0, max: 0.5, noNaN: true }),
    reject: fc.double({ min: 0, max: 0.3, noNaN: true }),
    maxWait: fc.option(fc.integer({ min: 10, max: 300 }), { nil: undefined }),
    patience: fc.option(fc.integer({ min: 5, max: 300 }), { nil: undefined }),
    wrapUp: fc.integer({ min: 0, max: 60 }),
    policy: fc.boolean(),
    direct: fc.integer({ min: 0, max: 20 }),
    reoffer: fc.constantFrom("after-others", "never", "immediately"),
    finishRing: fc.boolean(),
    holdAndAccept: fc.boolean(),
    shiftEnd: fc.integer({ min: 20, max: 59 }),
    seed: fc.integer({ min: 0, max: 1_000_000 })
  })

  it("every call arrives once and ends once, events are in time order, at most one active call per agent", () => {
    fc.assert(
      fc.property(arbScenario, (p) => {
        const queues = Array.from({ length: p.queues }, (_, i) => ({
          id: `q${i + 1}`,
          strategy: p.strategy,
          wrapUp: p.wrapUp,
          ringTimeout: "15s",
          ...(p.maxWait !== undefined ? { maxWait: p.maxWait } : {}),
          ...(p.policy ? { unavailableOnMiss: { threshold: 2 } } : {})
        }))
        const input = {
          time: { open: "08:00", close: "09:00" },
          settings: {
            reofferSameAgent: p.reoffer,
            offerFinishesRingBeforeRollover: p.finishRing,
            holdAndAccept: p.holdAndAccept
          },
          tenants: [{ id: "acme", trackingNumbers: ["555-0100"] }],
          queues,
          workflows: [
            {
              id: "w",
              trackingNumbers: ["555-0100"],
              steps: [...queues.map((q) => ({ to: "queue", queue: q.id })), { to: "voicemail" }]
            }
          ],
          agents: Array.from({ length: p.agents }, (_, i) => ({
            id: `a${i + 1}`,
            queues: queues.filter((_, k) => (i + k) % 2 === 0 || p.queues === 1).map((q) => ({ queue: q.id })),
            shifts: [
              {
                start: "08:00",
                end: `08:${String(p.shiftEnd).padStart(2, "0")}`,
                breaks: [{ start: "08:10", duration: "3m" }]
              }
            ],
            behaviour: { missProbability: p.miss, rejectProbability: p.reject, availableAgainAfter: "30s" }
          })),
          traffic: [
            {
              type: "queue",
              trackingNumber: "555-0100",
              arrivals: { ratePerHour: p.rate },
              handleTime: { type: "exponential", mean: "2m" },
              ...(p.patience !== undefined ? { patience: { type: "exponential", mean: p.patience } } : {}),
              redial: { probability: 0.3, delay: "2m" }
            },
            ...(p.direct > 0
              ? [
                  {
                    type: "direct",
                    agent: "a1",
                    arrivals: { ratePerHour: p.direct },
                    handleTime: "1m",
                    patience: "30s"
                  }
                ]
              : [])
          ]
        }
        const r = run(input, { seed: p.seed })
        const arrived = new Set<string>()
        const ended = new Set<string>()
        const active = new Map<string, string>()
        let last = Number.NEGATIVE_INFINITY
        for (const e of r.events) {
          expect(e.t).toBeGreaterThanOrEqual(last)
          last = e.t
          const call = String(e.call)
          if (e.event === "call-arrived") {
            expect(arrived.has(call)).toBe(false)
            arrived.add(call)
          } else if (e.event === "call-ended") {
            expect(arrived.has(call) && !ended.has(call)).toBe(true)
            ended.add(call)
            if (active.get(String(e.agent)) === call) active.delete(String(e.agent))
          } else if (e.event === "offer-accepted" || e.event === "call-resumed" || e.event === "outbound-started") {
            expect(active.has(String(e.agent))).toBe(false)
            active.set(String(e.agent), call)
          } else if (e.event === "call-held") {
            expect(active.get(String(e.agent))).toBe(call)
            active.delete(String(e.agent))
          }
        }
        expect(ended.size).toBe(arrived.size)
        expect(r.events.at(-1)!.event).toBe("simulation-ended")
        expect(r.stats.calls).toBe(arrived.size)
      }),
      { numRuns: runs(120) }
    )
  })
})
