/**
 * Random scenarios for property tests, valid by construction: 1–12 agents, 1–4 queues with random policies,
 * workflows with rollover chains and business hours, shifts and breaks, constant or per-interval arrivals, traffic of all three types with patience, redials and customer holds,
 * outbound and internal activity, random behaviour, scripted calls and actions, and random settings.
 * Days are short (1–2 hours) and volumes low, so a case runs in milliseconds.
 *
 * The arbitrary yields the scenario as written in a file (durations in seconds, clock times as text); decode it
 * with `Schema.decodeUnknownSync(Scenario)`.
 */
import fc from "fast-check"

const OPEN = 8 * 3600

/** `HH:MM:SS` of seconds after midnight. */
const clock = (s: number): string => {
  const pad = (n: number) => String(n).padStart(2, "0")
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`
}

const strategies = ["longest-idle", "round-robin", "fewest-calls", "least-talk-time", "random", "ring-all", "linear"]
const terminals = [{ to: "voicemail" }, { to: "answering-service" }, { to: "hang-up" }]

/** A duration distribution in seconds: constant, uniform, exponential or empirical. */
const duration = (min: number, max: number) =>
  fc.oneof(
    fc.integer({ min, max }),
    fc
      .integer({ min, max })
      .chain((a) => fc.integer({ min: a, max }).map((b) => ({ type: "uniform", min: a, max: b }))),
    fc.integer({ min: Math.max(1, min), max: Math.max(1, max) }).map((mean) => ({ type: "exponential", mean })),
    fc.array(fc.integer({ min, max }), { minLength: 1, maxLength: 3 }).map((values) => ({ type: "empirical", values }))
  )

/** A positive-mean distribution (handle times, patience). */
const positiveDuration = (min: number, max: number) =>
  fc.oneof(
    fc.integer({ min, max }).map((mean) => ({ type: "exponential", mean })),
    fc.integer({ min, max }),
    fc.integer({ min, max }).chain((a) => fc.integer({ min: a, max }).map((b) => ({ type: "uniform", min: a, max: b })))
  )

const missPolicy = fc.record({
  outcomes: fc.subarray(["no-answer", "reject"], { minLength: 1 }),
  threshold: fc.integer({ min: 1, max: 3 }),
  consecutive: fc.boolean(),
  separateCounts: fc.boolean()
})

const queue = (id: string) =>
  fc
    .record({
      ringTimeout: fc.integer({ min: 5, max: 40 }),
      wrapUp: duration(0, 60),
      strategy: fc.constantFrom(...strategies),
      maxWait: fc.option(fc.integer({ min: 20, max: 600 }), { nil: undefined }),
      unavailableOnMiss: fc.option(missPolicy, { nil: undefined }),
      maxLength: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
      overflow: fc.option(fc.constantFrom(...terminals), { nil: undefined }),
      priority: fc.integer({ min: 0, max: 2 }),
      tierWait: fc.oneof(fc.constant(0), fc.integer({ min: 10, max: 60 })),
      retryDelay: fc.oneof(fc.constant(0), fc.integer({ min: 5, max: 30 })),
      rolloverWhenNoAgents: fc.boolean()
    })
    .map((q) => {
      const { overflow, ...rest } = q
      // An overflow target needs a maximum length.
      return {
        id,
        ...dropUndefined(rest),
        ...(q.maxLength !== undefined && overflow !== undefined ? { overflow } : {})
      }
    })

const behaviour = fc
  .record({
    answerDelay: duration(0, 30),
    miss: fc.integer({ min: 0, max: 40 }),
    reject: fc.integer({ min: 0, max: 40 }),
    directMiss: fc.integer({ min: 0, max: 50 }),
    directReject: fc.integer({ min: 0, max: 50 }),
    directRingTimeout: fc.integer({ min: 5, max: 40 }),
    availableAgainAfter: duration(5, 300),
    handleTimeMultiplier: fc.constantFrom(0.5, 1, 1.5),
    responses: fc.array(fc.constantFrom("answer", "miss", "reject"), { maxLength: 4 })
  })
  .map((b) => ({
    answerDelay: b.answerDelay,
    missProbability: b.miss / 100,
    rejectProbability: b.reject / 100,
    directMissProbability: b.directMiss / 100,
    directRejectProbability: b.directReject / 100,
    directRingTimeout: b.directRingTimeout,
    availableAgainAfter: b.availableAgainAfter,
    handleTimeMultiplier: b.handleTimeMultiplier,
    responses: b.responses
  }))

/** No shifts (whole day), or one shift inside the day with up to two breaks. */
const shifts = (day: number) =>
  fc.option(
    fc
      .record({
        start: fc.integer({ min: 0, max: day - 600 }),
        length: fc.integer({ min: 600, max: day + 1800 }),
        breaks: fc.array(
          fc.record({ at: fc.integer({ min: 1, max: 1000 }), length: fc.integer({ min: 30, max: 900 }) }),
          {
            maxLength: 2
          }
        )
      })
      .map(({ start, length, breaks }) => {
        const end = Math.min(start + length, day + 1800)
        const placed: Array<{ start: string; duration: number }> = []
        let cursor = start
        for (const b of breaks) {
          const bStart = cursor + b.at
          const bEnd = bStart + b.length
          if (bEnd >= end) break
          placed.push({ start: clock(OPEN + bStart), duration: b.length })
          cursor = bEnd
        }
        return [{ start: clock(OPEN + start), end: clock(OPEN + end), breaks: placed }]
      }),
    { nil: undefined }
  )

const agent = (index: number, queueIds: ReadonlyArray<string>, day: number) =>
  fc
    .record({
      count: fc.constantFrom(1, 1, 1, 2),
      memberships: fc.subarray([...queueIds]).chain((qs) =>
        fc.tuple(
          ...qs.map((q) =>
            fc.record({
              queue: fc.constant(q),
              tier: fc.integer({ min: 1, max: 3 }),
              priority: fc.integer({ min: 0, max: 2 })
            })
          )
        )
      ),
      shifts: shifts(day),
      initialStatus: fc.constantFrom("available", "available", "unavailable"),
      behaviour,
      outbound: fc.option(
        fc.record({
          ratePerHour: fc.integer({ min: 0, max: 6 }),
          duration: positiveDuration(10, 300),
          status: fc.constantFrom("available", "unavailable")
        }),
        { nil: undefined }
      ),
      internalCalls: fc.option(
        fc.record({ ratePerHour: fc.integer({ min: 0, max: 4 }), duration: positiveDuration(10, 300) }),
        { nil: undefined }
      )
    })
    .map((a) => {
      const id = `a${index + 1}`
      return {
        id,
        count: a.count,
        queues: a.memberships,
        ...(a.count === 1 ? { directLine: `+1 555 ${String(2000 + index)}` } : {}),
        ...(a.shifts === undefined ? {} : { shifts: a.shifts }),
        initialStatus: a.initialStatus,
        behaviour: a.behaviour,
        ...(a.outbound === undefined ? {} : { outbound: a.outbound }),
        ...(a.internalCalls === undefined ? {} : { internalCalls: a.internalCalls })
      }
    })

const settings = fc.record({
  nonQueueCallsBlockQueueOffers: fc.subarray(["direct", "internal", "outbound"]),
  offerFinishesRingBeforeRollover: fc.boolean(),
  reofferSameAgent: fc.constantFrom("after-others", "never", "immediately"),
  idleSince: fc.constantFrom("last-queue-call-end", "last-call-end", "became-available"),
  holdAndAccept: fc.boolean(),
  resetMissCountOnStatusChange: fc.boolean()
})

/** A random scenario (file form). */
export const scenarioArbitrary = fc
  .record({
    hours: fc.constantFrom(1, 2),
    queueCount: fc.integer({ min: 1, max: 4 }),
    agentCount: fc.integer({ min: 1, max: 6 }),
    workflowCount: fc.integer({ min: 1, max: 3 }),
    steady: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    seed: fc.integer({ min: 0, max: 1_000_000 })
  })
  .chain(({ hours, queueCount, agentCount, workflowCount, steady, seed }) => {
    const day = hours * 3600
    const queueIds = Array.from({ length: queueCount }, (_, i) => `q${i + 1}`)
    const numbers = Array.from({ length: workflowCount }, (_, i) => `+1 555 ${String(1000 + i)}`)
    return fc
      .record({
        queues: fc.tuple(...queueIds.map(queue)),
        agents: fc.tuple(...Array.from({ length: agentCount }, (_, i) => agent(i, queueIds, day))),
        settings,
        workflows: fc.tuple(
          ...numbers.map(() =>
            fc.record({
              chain: fc.shuffledSubarray(queueIds, { minLength: 1, maxLength: Math.min(3, queueCount) }),
              last: fc.option(fc.oneof(fc.constantFrom(...terminals), fc.constant("direct-line")), { nil: undefined }),
              hours: fc.option(
                fc.record({
                  open: fc.integer({ min: 0, max: day / 2 }),
                  length: fc.integer({ min: 600, max: day }),
                  afterHours: fc.constantFrom(...terminals)
                }),
                { nil: undefined }
              )
            })
          )
        ),
        queueTraffic: fc.tuple(
          ...numbers.map(() =>
            fc.record({
              rate: fc.integer({ min: 2, max: 40 }),
              perInterval: fc.option(
                fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: hours * 2 }),
                {
                  nil: undefined
                }
              ),
              handleTime: positiveDuration(20, 300),
              holdTime: fc.option(positiveDuration(5, 120), { nil: undefined }),
              patience: fc.option(positiveDuration(10, 300), { nil: undefined }),
              redial: fc.option(
                fc.record({
                  probability: fc.constantFrom(0.3, 1),
                  delay: positiveDuration(30, 600),
                  maxAttempts: fc.integer({ min: 0, max: 2 })
                }),
                { nil: undefined }
              ),
              priority: fc.integer({ min: 0, max: 2 }),
              knownShare: fc.constantFrom(0, 0.5, 1)
            })
          )
        ),
        directRate: fc.integer({ min: 0, max: 6 }),
        internalRate: fc.integer({ min: 0, max: 4 }),
        scriptCalls: fc.array(
          fc.record({
            type: fc.constantFrom("queue", "direct", "internal", "outbound"),
            at: fc.integer({ min: 0, max: day - 1 }),
            talk: fc.integer({ min: 5, max: 300 }),
            patience: fc.option(fc.integer({ min: 5, max: 200 }), { nil: undefined }),
            hold: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
            pick: fc.nat(),
            pick2: fc.nat()
          }),
          { maxLength: 3 }
        ),
        actions: fc.array(
          fc.record({
            at: fc.integer({ min: 0, max: day - 1 }),
            pick: fc.nat(),
            action: fc.constantFrom("available", "unavailable", "sign-in", "sign-out")
          }),
          { maxLength: 3 }
        )
      })
      .map((r) => {
        // Agents with a direct line (single agents), by id.
        const singles = r.agents.filter((a) => a.count === 1).map((a) => a.id)
        const workflows = r.workflows.map((w, i) => {
          const steps: Array<Record<string, string>> = w.chain.map((q) => ({ to: "queue", queue: q }))
          if (w.last === "direct-line") {
            if (singles.length > 0) steps.push({ to: "direct-line", agent: singles[i % singles.length]! })
          } else if (w.last !== undefined) steps.push(w.last)
          const hours =
            w.hours === undefined
              ? {}
              : {
                  businessHours: {
                    open: clock(OPEN + w.hours.open),
                    close: clock(OPEN + Math.min(day, w.hours.open + w.hours.length)),
                    afterHours: [w.hours.afterHours]
                  }
                }
          return { id: `w${i + 1}`, trackingNumbers: [numbers[i]!], steps, ...hours }
        })
        const traffic: Array<Record<string, unknown>> = r.queueTraffic.map((t, i) => ({
          type: "queue",
          trackingNumber: numbers[i]!,
          arrivals: t.perInterval === undefined ? { ratePerHour: t.rate } : { perInterval: t.perInterval },
          handleTime: t.handleTime,
          ...(t.holdTime === undefined ? {} : { holdTime: t.holdTime }),
          ...(t.patience === undefined ? {} : { patience: t.patience }),
          ...(t.redial === undefined ? {} : { redial: t.redial }),
          priority: t.priority,
          knownShare: t.knownShare
        }))
        if (singles.length > 0 && r.directRate > 0) {
          traffic.push({
            type: "direct",
            agent: singles[0]!,
            arrivals: { ratePerHour: r.directRate },
            handleTime: { type: "exponential", mean: 90 },
            holdTime: { type: "uniform", min: 10, max: 60 },
            patience: { type: "exponential", mean: 60 }
          })
        }
        if (r.agents.length > 1 && r.internalRate > 0) {
          traffic.push({ type: "internal", arrivals: { ratePerHour: r.internalRate }, handleTime: 60 })
        }
        const agentIds = r.agents.flatMap((a) =>
          a.count === 1 ? [a.id] : Array.from({ length: a.count }, (_, k) => `${a.id}-${k + 1}`)
        )
        const calls = r.scriptCalls.flatMap((c, i): Array<Record<string, unknown>> => {
          const common = { id: `s${i + 1}`, at: clock(OPEN + c.at), talk: c.talk }
          const patience = c.patience === undefined ? {} : { patience: c.patience }
          const hold = c.hold === undefined ? {} : { hold: c.hold }
          switch (c.type) {
            case "queue":
              return [
                { ...common, ...patience, ...hold, type: "queue", trackingNumber: numbers[c.pick % numbers.length]! }
              ]
            case "direct":
              return singles.length === 0
                ? []
                : [{ ...common, ...patience, ...hold, type: "direct", agent: singles[c.pick % singles.length]! }]
            case "internal": {
              if (agentIds.length < 2) return []
              const from = agentIds[c.pick % agentIds.length]!
              const others = agentIds.filter((a) => a !== from)
              return [{ ...common, ...patience, type: "internal", from, to: others[c.pick2 % others.length]! }]
            }
            default:
              return [{ ...common, type: "outbound", agent: agentIds[c.pick % agentIds.length]! }]
          }
        })
        const actions = r.actions.map((x) => ({
          at: clock(OPEN + x.at),
          agent: agentIds[x.pick % agentIds.length]!,
          action: x.action
        }))
        return {
          name: "random",
          seed,
          time: { open: clock(OPEN), close: clock(OPEN + day) },
          ...(steady ? { run: { mode: "steady-state", warmup: 600 } } : {}),
          settings: r.settings,
          tenants: [{ id: "t1", trackingNumbers: numbers }],
          customerDirectory: { knownShare: 0.7, unknownCallerSearchTime: { type: "exponential", mean: 30 } },
          queues: r.queues,
          workflows,
          agents: r.agents,
          traffic,
          script: { calls, actions }
        }
      })
  })

function dropUndefined<A extends Record<string, unknown>>(record: A): A {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as A
}
