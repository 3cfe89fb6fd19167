/**
 * The whole mutable state of one replication, in typed arrays indexed by call slot, agent, queue or source.
 * Call slots are recycled; each call also has a unique call number (what observers see). Nothing here knows
 * the rules; the rule files (Calls, Queues, Offers, Agents) read and write it.
 */
import { Calendar } from "../kernel/Calendar.ts"
import { makeStream, type Stream } from "../kernel/Random.ts"
import type { Model } from "../Model.ts"
import { CallKind, type Observer } from "../Observer.ts"
import { EvPriority } from "./Events.ts"
import { MemberSet } from "./MemberSet.ts"
import { ScheduleList } from "./Schedules.ts"

const growI32 = (a: Int32Array, n: number, fill = 0): Int32Array<ArrayBuffer> => {
  const b = new Int32Array(n)
  if (fill !== 0) b.fill(fill)
  b.set(a)
  return b
}
const growF64 = (a: Float64Array, n: number): Float64Array<ArrayBuffer> => {
  const b = new Float64Array(n)
  b.set(a)
  return b
}
const growU8 = (a: Uint8Array, n: number): Uint8Array<ArrayBuffer> => {
  const b = new Uint8Array(n)
  b.set(a)
  return b
}

/** Strategy codes, so the hot path compares integers. */
export const Strategy = {
  longestIdle: 0,
  roundRobin: 1,
  fewestCalls: 2,
  leastTalkTime: 3,
  random: 4,
  ringAll: 5,
  linear: 6
} as const

const strategyCode = (s: string): number =>
  s === "round-robin"
    ? Strategy.roundRobin
    : s === "fewest-calls"
      ? Strategy.fewestCalls
      : s === "least-talk-time"
        ? Strategy.leastTalkTime
        : s === "random"
          ? Strategy.random
          : s === "ring-all"
            ? Strategy.ringAll
            : s === "linear"
              ? Strategy.linear
              : Strategy.longestIdle

/** `settings.reofferSameAgent` codes. */
export const Reoffer = { afterOthers: 0, never: 1, immediately: 2 } as const
/** `settings.idleSince` codes. */
export const IdleSince = { lastQueueCallEnd: 0, lastCallEnd: 1, becameAvailable: 2 } as const

export class SimState {
  readonly model: Model
  readonly obs: Observer
  readonly cal = new Calendar(4096)
  now = 0
  readonly seed: number
  readonly replication: number

  // settings, as numbers
  readonly holdAndAccept: boolean
  readonly finishRing: boolean
  readonly reoffer: number
  readonly idleSince: number
  readonly resetOnStatus: boolean
  /** Bit per CallKind of non-queue calls that block queue offers. */
  readonly blockMask: number
  readonly steady: boolean
  /** Arrivals (and agent-placed calls) happen before this time. */
  readonly arrivalsEnd: number
  arrivalsOpen = true

  // counters
  nextCallNo: number
  liveCalls = 0
  activeWraps = 0
  pendingScripted = 0
  events = 0
  routeDepth = 0

  // ---- calls (by slot) ----
  cap = 0
  freeTop = 0
  freeSlots = new Int32Array(0)
  cNo = new Int32Array(0)
  cState = new Uint8Array(0)
  cKind = new Uint8Array(0)
  /** How the call is connected to its agent (CallKind: a workflow-routed queue call on a direct line is direct). */
  cLine = new Uint8Array(0)
  cSource = new Int32Array(0)
  cTenant = new Int32Array(0)
  cKnown = new Uint8Array(0)
  cAttempt = new Int32Array(0)
  cWorkflow = new Int32Array(0)
  cStepList = new Uint8Array(0)
  cStep = new Int32Array(0)
  cPriority = new Int32Array(0)
  cArrive = new Float64Array(0)
  cPatience = new Float64Array(0)
  /** Talk time left (ms). */
  cTalk = new Float64Array(0)
  cTalkStart = new Float64Array(0)
  cTalkScaled = new Uint8Array(0)
  cQueue = new Int32Array(0)
  cInQueue = new Uint8Array(0)
  cEnter = new Float64Array(0)
  cAgent = new Int32Array(0)
  /** The agent a single (non ring-all) offer is ringing at. */
  cOfferAgent = new Int32Array(0)
  cRinging = new Int32Array(0)
  cRollPending = new Uint8Array(0)
  /** When the call's last offer failed (miss or reject): ring-cycle retry delays count from it. */
  cLastFail = new Float64Array(0)
  cPrev = new Int32Array(0)
  cNext = new Int32Array(0)
  cHeldNext = new Int32Array(0)
  cTried = new Int32Array(0)
  cPatEv = new Int32Array(0)
  /** Calendar sequence reserved at arrival for the (lazily scheduled) patience event. */
  cPatSeq = new Float64Array(0)
  cWaitEv = new Int32Array(0)
  /** Queue timers not yet in the calendar (bit 1: maximum wait, bit 2: first tier) and their reserved sequences. */
  cTimers = new Uint8Array(0)
  cWaitSeq = new Float64Array(0)
  cTierSeq = new Float64Array(0)
  cTalkEv = new Int32Array(0)
  cRetryEv = new Int32Array(0)
  cTierEv = new Int32Array(0)

  // ---- tried-agent lists (pool) ----
  tCap = 0
  tFree = -1
  tNext = new Int32Array(0)
  tAgent = new Int32Array(0)
  tTime = new Float64Array(0)

  // ---- agents ----
  readonly aStatus: Uint8Array
  readonly aReason: Int32Array
  readonly aCause: Uint8Array
  readonly aActive: Int32Array
  readonly aHeldTop: Int32Array
  readonly aQueueCall: Int32Array
  readonly aQOfferQueue: Int32Array
  readonly aQOfferEv: Int32Array
  readonly aQOfferResp: Uint8Array
  readonly aQOfferStart: Float64Array
  readonly aDOffer: Int32Array
  readonly aDOfferEv: Int32Array
  readonly aDOfferResp: Uint8Array
  readonly aDOfferStart: Float64Array
  readonly aWrap: Uint8Array
  readonly aWrapEv: Int32Array
  readonly aIdleSince: Float64Array
  readonly aAnswered: Int32Array
  readonly aTalk: Float64Array
  readonly aMiss: Int32Array
  readonly aReject: Int32Array
  readonly aShared: Int32Array
  readonly aOffers: Int32Array
  readonly aPending: Uint8Array
  readonly aPendingCause: Uint8Array
  readonly aRecoverEv: Int32Array
  readonly aInBreak: Uint8Array
  readonly aSavedStatus: Uint8Array
  readonly aSavedReason: Int32Array
  readonly aOutEv: Int32Array
  readonly aIntEv: Int32Array
  readonly aOutRestore: Uint8Array
  readonly aEligible: Uint8Array
  /** Memberships sorted by (membership priority desc, queue priority desc, file order): [start, end) per agent. */
  readonly amStart: Int32Array
  readonly amQueue: Int32Array
  readonly amPos: Int32Array
  readonly amMemberPriority: Int32Array
  readonly amQueuePriority: Int32Array

  // ---- queues ----
  readonly qHead: Int32Array
  readonly qTail: Int32Array
  readonly qCount: Int32Array
  readonly qSignedIn: Int32Array
  readonly qRR: Int32Array
  readonly qStrategy: Uint8Array
  readonly qMaxTier: Int32Array
  readonly sets: ReadonlyArray<MemberSet>

  // ---- arrival buffers (interval plans) ----
  readonly srcInterval: Int32Array
  readonly srcBuf: Array<Float64Array>
  readonly srcBufPos: Int32Array
  readonly srcBufLen: Int32Array
  /** For rate plans: the next arrival time as an unrounded float. */
  readonly srcNext: Float64Array

  // ---- streams ----
  readonly sArrivals: ReadonlyArray<Stream>
  readonly sHandle: ReadonlyArray<Stream>
  readonly sPatience: ReadonlyArray<Stream>
  readonly sKnown: ReadonlyArray<Stream>
  readonly sRedial: ReadonlyArray<Stream>
  readonly sPick: ReadonlyArray<Stream>
  readonly sBehaviour: ReadonlyArray<Stream>
  readonly sRecover: ReadonlyArray<Stream>
  readonly sOutbound: ReadonlyArray<Stream>
  readonly sInternal: ReadonlyArray<Stream>
  readonly sWrap: ReadonlyArray<Stream>
  readonly sRouting: Stream
  readonly sScripted: Stream

  /** Scratch stack of agent indices; users restore `sp` to where they found it. */
  stack = new Int32Array(64)
  sp = 0
  /** Set by chooseMember: an eligible member was skipped because it already failed this call. */
  sawTried = false
  /** Set by chooseMember: a skipped member failed a zero-length offer of this call at this very ms. */
  sawSameMs = false
  /** The agents' shifts and breaks, fed to the calendar one at a time (set by the simulation's set-up). */
  schedules = new ScheduleList(0)
  /** Set when the run must stop (horizon or guard). */
  finished = false

  truncated = false
  inProgressAtEnd = 0

  constructor(model: Model, seed: number, replication: number, observer: Observer, horizon: number) {
    this.model = model
    this.obs = observer
    this.seed = seed
    this.replication = replication
    const s = model.settings
    this.holdAndAccept = s.holdAndAccept
    this.finishRing = s.offerFinishesRingBeforeRollover
    this.reoffer =
      s.reofferSameAgent === "never"
        ? Reoffer.never
        : s.reofferSameAgent === "immediately"
          ? Reoffer.immediately
          : Reoffer.afterOthers
    this.idleSince =
      s.idleSince === "last-call-end"
        ? IdleSince.lastCallEnd
        : s.idleSince === "became-available"
          ? IdleSince.becameAvailable
          : IdleSince.lastQueueCallEnd
    this.resetOnStatus = s.resetMissCountOnStatusChange
    let mask = 0
    for (const k of s.nonQueueCallsBlockQueueOffers) {
      mask |= 1 << (k === "direct" ? CallKind.direct : k === "internal" ? CallKind.internal : CallKind.outbound)
    }
    this.blockMask = mask
    this.steady = model.mode === "steady-state"
    this.arrivalsEnd = this.steady ? horizon : model.close
    this.nextCallNo = model.scriptedCalls.length

    this.growCalls(256)
    this.growTried(64)

    const A = model.agents.length
    const i32 = (fill = 0) => {
      const x = new Int32Array(A)
      if (fill !== 0) x.fill(fill)
      return x
    }
    this.aStatus = new Uint8Array(A).fill(2)
    this.aReason = i32(-1)
    this.aCause = new Uint8Array(A)
    this.aActive = i32(-1)
    this.aHeldTop = i32(-1)
    this.aQueueCall = i32(-1)
    this.aQOfferQueue = i32(-1)
    this.aQOfferEv = i32(-1)
    this.aQOfferResp = new Uint8Array(A)
    this.aQOfferStart = new Float64Array(A)
    this.aDOffer = i32(-1)
    this.aDOfferEv = i32(-1)
    this.aDOfferResp = new Uint8Array(A)
    this.aDOfferStart = new Float64Array(A)
    this.aWrap = new Uint8Array(A)
    this.aWrapEv = i32(-1)
    this.aIdleSince = new Float64Array(A).fill(Number.NEGATIVE_INFINITY)
    this.aAnswered = i32()
    this.aTalk = new Float64Array(A)
    this.aMiss = i32()
    this.aReject = i32()
    this.aShared = i32()
    this.aOffers = i32()
    this.aPending = new Uint8Array(A)
    this.aPendingCause = new Uint8Array(A)
    this.aRecoverEv = i32(-1)
    this.aInBreak = new Uint8Array(A)
    this.aSavedStatus = new Uint8Array(A)
    this.aSavedReason = i32(-1)
    this.aOutEv = i32(-1)
    this.aIntEv = i32(-1)
    this.aOutRestore = new Uint8Array(A)
    this.aEligible = new Uint8Array(A)

    // Memberships, with each member's position in its queue's member list.
    const posInQueue = model.queues.map((q) => {
      const m = new Map<number, number>()
      q.members.forEach((x, i) => {
        if (!m.has(x.agent)) m.set(x.agent, i)
      })
      return m
    })
    const total = model.agents.reduce((n, a) => n + a.queues.length, 0)
    this.amStart = new Int32Array(A + 1)
    this.amQueue = new Int32Array(total)
    this.amPos = new Int32Array(total)
    this.amMemberPriority = new Int32Array(total)
    this.amQueuePriority = new Int32Array(total)
    let k = 0
    model.agents.forEach((a, i) => {
      this.amStart[i] = k
      const sorted = a.queues
        .map((m, order) => ({ ...m, order }))
        .filter((m, idx, all) => all.findIndex((x) => x.queue === m.queue) === idx)
        .sort(
          (x, y) =>
            y.priority - x.priority ||
            model.queues[y.queue]!.priority - model.queues[x.queue]!.priority ||
            x.order - y.order
        )
      for (const m of sorted) {
        this.amQueue[k] = m.queue
        this.amPos[k] = posInQueue[m.queue]!.get(i)!
        this.amMemberPriority[k] = m.priority
        this.amQueuePriority[k] = model.queues[m.queue]!.priority
        k++
      }
    })
    this.amStart[A] = k

    const Q = model.queues.length
    this.qHead = new Int32Array(Q).fill(-1)
    this.qTail = new Int32Array(Q).fill(-1)
    this.qCount = new Int32Array(Q)
    this.qSignedIn = new Int32Array(Q)
    this.qRR = new Int32Array(Q).fill(-1)
    this.qStrategy = Uint8Array.from(model.queues.map((q) => strategyCode(q.strategy)))
    this.qMaxTier = Int32Array.from(model.queues.map((q) => q.members.reduce((t, m) => Math.max(t, m.tier), 1)))
    this.sets = model.queues.map(
      (q) =>
        new MemberSet(
          q.members.map((m) => m.agent),
          q.members.map((m) => m.tier)
        )
    )

    const S = model.sources.length
    this.srcInterval = new Int32Array(S)
    this.srcBuf = model.sources.map(() => new Float64Array(16))
    this.srcBufPos = new Int32Array(S)
    this.srcBufLen = new Int32Array(S)
    this.srcNext = new Float64Array(S)

    const stream = (purpose: string) => makeStream(seed, replication, purpose)
    this.sArrivals = model.sources.map((x) => stream(`arrivals:${x.id}`))
    this.sHandle = model.sources.map((x) => stream(`handle-time:${x.id}`))
    this.sPatience = model.sources.map((x) => stream(`patience:${x.id}`))
    this.sKnown = model.sources.map((x) => stream(`known:${x.id}`))
    this.sRedial = model.sources.map((x) => stream(`redial:${x.id}`))
    this.sPick = model.sources.map((x) => stream(`pick:${x.id}`))
    this.sBehaviour = model.agents.map((x) => stream(`behaviour:${x.id}`))
    this.sRecover = model.agents.map((x) => stream(`recovery:${x.id}`))
    this.sOutbound = model.agents.map((x) => stream(`outbound:${x.id}`))
    this.sInternal = model.agents.map((x) => stream(`internal:${x.id}`))
    this.sWrap = model.queues.map((x) => stream(`wrap-up:${x.id}`))
    this.sRouting = stream("routing")
    this.sScripted = stream("scripted")
  }

  /** Doubles the call pool. */
  growCalls(n: number): void {
    const old = this.cap
    this.cNo = growI32(this.cNo, n)
    this.cState = growU8(this.cState, n)
    this.cKind = growU8(this.cKind, n)
    this.cLine = growU8(this.cLine, n)
    this.cSource = growI32(this.cSource, n)
    this.cTenant = growI32(this.cTenant, n)
    this.cKnown = growU8(this.cKnown, n)
    this.cAttempt = growI32(this.cAttempt, n)
    this.cWorkflow = growI32(this.cWorkflow, n)
    this.cStepList = growU8(this.cStepList, n)
    this.cStep = growI32(this.cStep, n)
    this.cPriority = growI32(this.cPriority, n)
    this.cArrive = growF64(this.cArrive, n)
    this.cPatience = growF64(this.cPatience, n)
    this.cTalk = growF64(this.cTalk, n)
    this.cTalkStart = growF64(this.cTalkStart, n)
    this.cTalkScaled = growU8(this.cTalkScaled, n)
    this.cQueue = growI32(this.cQueue, n)
    this.cInQueue = growU8(this.cInQueue, n)
    this.cEnter = growF64(this.cEnter, n)
    this.cAgent = growI32(this.cAgent, n)
    this.cOfferAgent = growI32(this.cOfferAgent, n)
    this.cRinging = growI32(this.cRinging, n)
    this.cRollPending = growU8(this.cRollPending, n)
    this.cLastFail = growF64(this.cLastFail, n)
    this.cPrev = growI32(this.cPrev, n)
    this.cNext = growI32(this.cNext, n)
    this.cHeldNext = growI32(this.cHeldNext, n)
    this.cTried = growI32(this.cTried, n)
    this.cPatEv = growI32(this.cPatEv, n)
    this.cPatSeq = growF64(this.cPatSeq, n)
    this.cWaitEv = growI32(this.cWaitEv, n)
    this.cTimers = growU8(this.cTimers, n)
    this.cWaitSeq = growF64(this.cWaitSeq, n)
    this.cTierSeq = growF64(this.cTierSeq, n)
    this.cTalkEv = growI32(this.cTalkEv, n)
    this.cRetryEv = growI32(this.cRetryEv, n)
    this.cTierEv = growI32(this.cTierEv, n)
    const free = new Int32Array(n)
    free.set(this.freeSlots.subarray(0, this.freeTop))
    // New slots are handed out lowest first.
    for (let s = n - 1; s >= old; s--) free[this.freeTop++] = s
    this.freeSlots = free
    this.cap = n
  }

  /** Takes a free call slot and resets it. */
  allocCall(callNo: number, kind: number): number {
    if (this.freeTop === 0) this.growCalls(this.cap * 2)
    const c = this.freeSlots[--this.freeTop]!
    this.cNo[c] = callNo
    this.cState[c] = 1
    this.cKind[c] = kind
    this.cLine[c] = kind
    this.cSource[c] = -1
    this.cTenant[c] = -1
    this.cKnown[c] = 1
    this.cAttempt[c] = 0
    this.cWorkflow[c] = -1
    this.cStepList[c] = 0
    this.cStep[c] = 0
    this.cPriority[c] = 0
    this.cArrive[c] = this.now
    this.cPatience[c] = Number.POSITIVE_INFINITY
    this.cTalk[c] = 0
    this.cTalkStart[c] = 0
    this.cTalkScaled[c] = 0
    this.cQueue[c] = -1
    this.cInQueue[c] = 0
    this.cEnter[c] = 0
    this.cAgent[c] = -1
    this.cOfferAgent[c] = -1
    this.cRinging[c] = 0
    this.cRollPending[c] = 0
    this.cLastFail[c] = 0
    this.cPrev[c] = -1
    this.cNext[c] = -1
    this.cHeldNext[c] = -1
    this.cTried[c] = -1
    this.cPatEv[c] = -1
    this.cWaitEv[c] = -1
    this.cTimers[c] = 0
    this.cTalkEv[c] = -1
    this.cRetryEv[c] = -1
    this.cTierEv[c] = -1
    this.liveCalls++
    return c
  }

  /** Returns a call slot to the pool. */
  freeCall(c: number): void {
    this.cState[c] = 0
    this.clearTried(c)
    this.freeSlots[this.freeTop++] = c
    this.liveCalls--
  }

  growTried(n: number): void {
    const old = this.tCap
    this.tNext = growI32(this.tNext, n)
    this.tAgent = growI32(this.tAgent, n)
    this.tTime = growF64(this.tTime, n)
    for (let i = n - 1; i >= old; i--) {
      this.tNext[i] = this.tFree
      this.tFree = i
    }
    this.tCap = n
  }

  /** Records that `agent` failed an offer of call `c` that started at `offerStart`. */
  addTried(c: number, agent: number, offerStart: number): void {
    for (let n = this.cTried[c]!; n >= 0; n = this.tNext[n]!) {
      if (this.tAgent[n] === agent) {
        this.tTime[n] = offerStart
        return
      }
    }
    if (this.tFree < 0) this.growTried(this.tCap * 2)
    const n = this.tFree
    this.tFree = this.tNext[n]!
    this.tAgent[n] = agent
    this.tTime[n] = offerStart
    this.tNext[n] = this.cTried[c]!
    this.cTried[c] = n
  }

  /** When the last failed offer of `c` to `agent` in this cycle started, or −1 when none failed. */
  triedAt(c: number, agent: number): number {
    for (let n = this.cTried[c]!; n >= 0; n = this.tNext[n]!) if (this.tAgent[n] === agent) return this.tTime[n]!
    return -1
  }

  clearTried(c: number): void {
    let n = this.cTried[c]!
    while (n >= 0) {
      const next = this.tNext[n]!
      this.tNext[n] = this.tFree
      this.tFree = n
      n = next
    }
    this.cTried[c] = -1
  }

  /** Schedules an event; its priority class comes from its kind (see Events.ts). */
  at(t: number, kind: number, a: number, b = 0, c = 0): number {
    return this.cal.schedule(t, kind, EvPriority[kind]!, a, b, c)
  }

  /** Pushes an agent on the scratch stack (agents to refresh once a call's transition is done). */
  push(a: number): void {
    if (this.sp === this.stack.length) {
      const s = new Int32Array(this.stack.length * 2)
      s.set(this.stack)
      this.stack = s
    }
    this.stack[this.sp++] = a
  }

  cancel(handle: number): void {
    if (handle >= 0) this.cal.cancel(handle)
  }
}
