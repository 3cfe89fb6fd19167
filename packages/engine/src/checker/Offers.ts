/**
 * Checks on offers: who may be offered a queue call (R3, R5, R6, R8, R11), re-offers and place in line (R9),
 * direct offers (R4), and how offers end (R9, R11 counts).
 */
import type { QueueModel } from "../Model.ts"
import { AgentStatus, AgentStatusNames, CallKind, StepKind } from "../Observer.ts"
import { type CheckerCore, kindName, remove, secs, tierOpen } from "./Core.ts"
import type { AgentShadow, CallShadow, OfferShadow, QueueVisit } from "./Shadow.ts"
export const checkQueueOffer = (k: CheckerCore, t: number, c: CallShadow, a: AgentShadow, queue: number): void => {
  const call = c.index
  const agent = a.index
  const q = k.model.queues[queue]!
  // A workflow call is offered through its queues whatever its kind (R1: a direct-line-first call that the
  // direct line did not take goes on to the workflow's next steps).
  if (c.kind !== CallKind.queue && c.routedStep < 0)
    k.report("I", `a ${kindName(c.kind)} call offered through queue ${q.id}`, call, agent)
  const visit = c.visit
  if (visit === undefined || visit.queue !== queue) {
    k.report(
      "I",
      `offered through ${q.id}, but the call ${visit === undefined ? "is in no queue" : `waits in ${k.queueId(visit.queue)}`}`,
      call,
      agent
    )
    return
  }
  const tier = k.memberTier[queue]!.get(agent)
  if (tier === undefined) k.report("R3", `offered a call of ${q.id}, a queue the agent does not belong to`, call, agent)
  else if (!tierOpen(q, tier, visit, t))
    k.report(
      "R3",
      `offered at tier ${tier} after ${secs(t - visit.entry)}; that tier opens after ${secs((tier - 1) * q.tierWait)}`,
      call,
      agent
    )
  if (a.status !== AgentStatus.available)
    k.report("R3", `a queue call offered to an agent whose status is ${AgentStatusNames[a.status]}`, call, agent)
  const engaged = k.queueEngagement(a)
  if (engaged !== undefined) k.report("R5", `a second queue call offered while ${engaged}`, call, agent)
  if (a.wrapUp !== undefined || (a.wrapUpDue !== undefined && a.wrapUpDue.t === t && !a.wrapUpDue.optional))
    k.report("R6", "a queue call offered during wrap-up", call, agent)
  const blocking = k.blockingCall(a)
  if (blocking !== undefined)
    k.report(
      "R8",
      `a queue call offered during a ${blocking} call, which blocks queue offers (settings.nonQueueCallsBlockQueueOffers)`,
      call,
      agent
    )
  if (a.pendingSwitch !== undefined)
    k.report("R11", "a queue call offered before the miss policy's switch to Unavailable", call, agent)
  if (a.leaving(t))
    k.report("I", "a queue call offered after the agent's shift end or break start (in overtime)", call, agent)
  if (t > visit.deadline)
    k.report("R10", `offered after ${secs(t - visit.entry)}, past the maximum wait of ${secs(q.maxWait)}`, call, agent)
  if (c.ringing.length > 0 && q.strategy !== "ring-all")
    k.report("R9", `offered to a second agent while it still rings at ${k.agentList(c.ringing)}`, call, agent)
  checkReoffer(k, t, c, visit, q, agent)
  checkPlaceInLine(k, t, c, visit, q, agent)
}

/** R9: a call missed or rejected by an agent goes to the others first (`settings.reofferSameAgent`). */
export const checkReoffer = (
  k: CheckerCore,
  t: number,
  c: CallShadow,
  visit: QueueVisit,
  q: QueueModel,
  agent: number
): void => {
  const policy = k.model.settings.reofferSameAgent
  if (policy === "never") {
    if (visit.triedEver.has(agent))
      k.report(
        "R9",
        "re-offered to an agent who already missed or rejected it (reofferSameAgent: never)",
        c.index,
        agent
      )
    return
  }
  if (policy === "immediately" || !visit.tried.has(agent)) return
  // Retry pauses (and the engine's guard against zero-length offers) restart cycles on timers of their own, which
  // this checker does not model: an agent who failed such a call is never owed it again (see reofferAllowed).
  if (q.retryDelay > 0 || visit.sawZeroLength) return
  const untried = k.untriedEligible(t, visit, q)
  if (untried >= 0)
    k.report(
      "R9",
      `re-offered to an agent who missed or rejected it before ${k.agentId(untried)} was tried`,
      c.index,
      agent
    )
  visit.tried.clear()
}

/**
 * R9 "keeping its place in line": an agent gets the first call of the queue they may take, by caller priority
 * (higher first), then by the time it joined the queue.
 */
export const checkPlaceInLine = (
  k: CheckerCore,
  t: number,
  c: CallShadow,
  visit: QueueVisit,
  q: QueueModel,
  agent: number
): void => {
  const tier = k.memberTier[q.index]!.get(agent)
  if (tier === undefined) return
  for (const other of k.waiting[q.index]!) {
    if (other === c || other.ringing.length > 0) continue
    const ov = other.visit!
    const ahead = other.priority > c.priority || (other.priority === c.priority && ov.entry < visit.entry)
    if (!ahead || t > ov.deadline || ov.extended) continue
    if (tierOpen(q, tier, ov, t) && k.reofferAllowed(t, ov, q, agent)) {
      k.report(
        "R9",
        `offered while call ${k.callId(other.index)}, ahead of it in line, waits in ${q.id}`,
        c.index,
        agent
      )
      return
    }
  }
}

export const checkDirectOffer = (k: CheckerCore, c: CallShadow, a: AgentShadow): void => {
  if (
    (c.kind === CallKind.queue || c.routedStep >= 0) &&
    (c.routedStep !== StepKind.directLine || c.routedTarget !== a.index)
  )
    k.report(
      "I",
      `a ${kindName(c.kind)} call offered outside a queue without being routed to this direct line`,
      c.index,
      a.index
    )
  if (c.kind === CallKind.outbound) k.report("I", "an outbound call was offered", c.index, a.index)
  if (a.status === AgentStatus.signedOut)
    k.report("R4", `a ${kindName(c.kind)} call offered to a signed-out agent`, c.index, a.index)
}

/** Finds and ends the ringing offer of `call` at `agent`; reports when there is none or it ended too late. */
export const endOffer = (
  k: CheckerCore,
  t: number,
  call: number,
  agent: number,
  queue: number,
  how: string
): OfferShadow | undefined => {
  const c = k.live(call, agent)
  if (c === undefined) return undefined
  const a = k.agents[agent]!
  const offer = c.ringing.find((o) => o.agent === agent)
  if (offer === undefined) {
    k.report("I", `an offer ${how} that was not ringing`, call, agent)
    return undefined
  }
  if (offer.queue !== queue)
    k.report(
      "I",
      `the offer ${how} names queue ${k.queueId(queue)}, it rang for ${k.queueId(offer.queue)}`,
      call,
      agent
    )
  if (how !== "missed" && t > offer.deadline)
    k.report(
      queue >= 0 ? "R9" : "I",
      `an offer ${how} after ${secs(t - offer.start)} of ringing, past the ring timeout of ${secs(offer.deadline - offer.start)}`,
      call,
      agent
    )
  offer.ended = true
  remove(c.ringing, offer)
  remove(a.offers, offer)
  k.dirtyCalls.add(c)
  k.dirtyAgents.add(a)
  return offer
}

/** A missed or rejected offer: R9 bookkeeping and the R11 counts. */
export const failed = (k: CheckerCore, t: number, offer: OfferShadow, outcome: "no-answer" | "reject"): void => {
  const c = offer.call
  const a = k.agents[offer.agent]!
  if (offer.queue < 0) {
    a.lastUnanswered = "direct"
    return
  }
  a.lastUnanswered = outcome
  const visit = c.visit
  if (visit !== undefined) {
    visit.tried.set(offer.agent, t)
    visit.triedEver.add(offer.agent)
    visit.lastFailAt = t
    visit.lastFailReject = outcome === "reject"
    if (offer.start === t) visit.sawZeroLength = true
  }
  const policy = k.model.queues[offer.queue]!.unavailableOnMiss
  if (policy !== undefined && a.missCounts.record(policy, outcome) && a.status === AgentStatus.available)
    a.pendingSwitch = { queue: offer.queue, t }
  afterOfferEnded(t, c)
}

/** After the maximum wait, a call whose last offer stopped ringing rolls over at once (R10). */
export const afterOfferEnded = (t: number, c: CallShadow): void => {
  const visit = c.visit
  if (visit?.extended && c.ringing.length === 0) visit.mustRollOverAt = t
}
