/**
 * The bench's scenarios, built in code so their sizes are explicit.
 */
import { Scenario } from "@ccsim/scenario"
import { Schema } from "effect"

/** M/M/50+M at 45 Erlangs: AHT 180 s, patience exponential 120 s, 0.25 calls/s. */
export const ERLANG_A = { agents: 50, ratePerSecond: 0.25, ahtSeconds: 180, patienceSeconds: 120, thresholdSeconds: 20 }

/**
 * The Erlang A case as a scenario file's content: steady state, full rules, 24 hourly reporting intervals.
 * `calls` arrivals take longer than the day: run it with the engine's steady-state horizon
 * ({@link erlangAHorizon}); after the day, time goes into the last interval. The fixed window keeps the
 * results' size fixed, so the memory case measures what grows with the calls, not with the report.
 */
export const erlangAInput = (timeScale = 1) => ({
  name: "bench-erlang-a",
  seed: 7,
  time: { open: "00:00", duration: "24h", intervalMinutes: 60 },
  run: { mode: "steady-state", warmup: "30m" },
  customerDirectory: { knownShare: 1 },
  queues: [
    {
      id: "q",
      ringTimeout: "20s",
      serviceLevel: { threshold: `${Math.round((ERLANG_A.thresholdSeconds * 1000) / timeScale)}ms` }
    }
  ],
  workflows: [{ id: "w", trackingNumbers: ["555-0100"], steps: [{ to: "queue", queue: "q" }] }],
  agents: [{ id: "a", count: ERLANG_A.agents, queues: [{ queue: "q" }], behaviour: { answerDelay: 0 } }],
  traffic: [
    {
      type: "queue",
      trackingNumber: "555-0100",
      arrivals: { ratePerHour: ERLANG_A.ratePerSecond * 3600 * timeScale },
      handleTime: { type: "exponential", mean: `${Math.round((ERLANG_A.ahtSeconds * 1000) / timeScale)}ms` },
      patience: { type: "exponential", mean: `${Math.round((ERLANG_A.patienceSeconds * 1000) / timeScale)}ms` }
    }
  ]
})

/**
 * The same queue with every time divided by a factor, so that `calls` arrivals fit the 24-h day `ccsim run`
 * accepts (it runs a file to its closing time): the same M/M/50+M at 45 Erlangs, the same work per call.
 */
export const erlangAInputForDay = (calls: number) => erlangAInput(calls / 86_400 / ERLANG_A.ratePerSecond)

/** Steady-state horizon (ms after midnight) at which `calls` calls have arrived on average. */
export const erlangAHorizon = (calls: number) => Math.round((calls / ERLANG_A.ratePerSecond) * 1000)

/** The Erlang A case decoded; run it with the horizon {@link erlangAHorizon} of the calls wanted. */
export const erlangA = () => Schema.decodeUnknownSync(Scenario)(erlangAInput())

/**
 * A large center: 10,000 agents in 200 queues (each agent in 1–3 queues with tiers), 2,000,000 calls over a
 * day with two overlapping shifts, breaks, misses with unavailable-on-miss, and rollovers to a neighbour queue.
 */
export const largeCenter = () => {
  const queues = 200
  const groups = 1000
  const perGroup = 10
  const callsPerDay = 2_000_000
  const ratePerHour = callsPerDay / 24 / queues
  const queueList = Array.from({ length: queues }, (_, q) => ({
    id: `q${q}`,
    ringTimeout: "15s",
    maxWait: "2m",
    wrapUp: { type: "exponential", mean: "20s" },
    tierWait: "20s",
    unavailableOnMiss: { threshold: 2, consecutive: true }
  }))
  const tenants = Array.from({ length: 10 }, (_, t) => ({
    id: `t${t}`,
    trackingNumbers: Array.from({ length: queues / 10 }, (_, i) => `555-${String(t * 100 + i).padStart(4, "0")}`)
  }))
  const number = (q: number) => `555-${String(Math.floor(q / 20) * 100 + (q % 20)).padStart(4, "0")}`
  const workflows = Array.from({ length: queues }, (_, q) => ({
    id: `w${q}`,
    trackingNumbers: [number(q)],
    steps: [{ to: "queue", queue: `q${q}` }, { to: "queue", queue: `q${(q + 1) % queues}` }, { to: "voicemail" }]
  }))
  const agents = Array.from({ length: groups }, (_, g) => {
    const memberships = [{ queue: `q${g % queues}`, tier: 1 }]
    if (g % 3 !== 0) memberships.push({ queue: `q${(g + 7) % queues}`, tier: 2 })
    if (g % 3 === 2) memberships.push({ queue: `q${(g + 13) % queues}`, tier: 3 })
    const early = g % 2 === 0
    return {
      id: `g${g}`,
      count: perGroup,
      queues: memberships,
      shifts: [
        early
          ? {
              start: "00:00",
              end: "13:00",
              breaks: [
                { start: "04:00", duration: "15m" },
                { start: "08:30", duration: "30m" }
              ]
            }
          : {
              start: "11:00",
              end: "24:00",
              breaks: [
                { start: "15:00", duration: "15m" },
                { start: "19:30", duration: "30m" }
              ]
            }
      ],
      behaviour: {
        answerDelay: { type: "uniform", min: "1s", max: "6s" },
        missProbability: 0.02,
        rejectProbability: 0.01,
        availableAgainAfter: "1m"
      }
    }
  })
  const traffic = Array.from({ length: queues }, (_, q) => ({
    type: "queue",
    trackingNumber: number(q),
    arrivals: { ratePerHour },
    // 2m30s talk + ~3.5 s answer delay + 20 s wrap-up ≈ 4,000 Erlangs on ~5,000 agents signed in at a time:
    // busy (~80 % occupancy) but not overloaded, like a real center's day.
    handleTime: { type: "exponential", mean: "2m30s" },
    patience: { type: "exponential", mean: "4m" }
  }))
  return Schema.decodeUnknownSync(Scenario)({
    name: "bench-large-center",
    seed: 11,
    time: { open: "00:00", close: "24:00", intervalMinutes: 30 },
    queues: queueList,
    tenants,
    workflows,
    agents,
    traffic
  })
}
