/**
 * The random streams of one replication, one per purpose, each seeded by (seed, replication, purpose text).
 * Purposes are named by ids, so adding a source, agent or queue leaves the others' numbers unchanged.
 */
import type { Stream } from "../kernel/Random.ts"
import * as random from "../kernel/Random.ts"
import type { Model } from "../Model.ts"

// Module-local copies of the imports: V8 folds a module's own constants into the machine code but reads an
// imported binding at every use (engine README, "Imports in hot modules").
const { makeStream } = random

export class Streams {
  readonly arrivals: ReadonlyArray<Stream>
  readonly handle: ReadonlyArray<Stream>
  /** Customer hold times, only for sources that have one (a purpose of its own: every other draw is unchanged). */
  readonly hold: ReadonlyArray<Stream | undefined>
  readonly patience: ReadonlyArray<Stream>
  readonly known: ReadonlyArray<Stream>
  readonly redial: ReadonlyArray<Stream>
  readonly pick: ReadonlyArray<Stream>
  readonly behaviour: ReadonlyArray<Stream>
  readonly recover: ReadonlyArray<Stream>
  readonly outbound: ReadonlyArray<Stream>
  readonly internal: ReadonlyArray<Stream>
  readonly wrap: ReadonlyArray<Stream>
  readonly routing: Stream
  readonly scripted: Stream

  constructor(model: Model, seed: number, replication: number) {
    const stream = (purpose: string) => makeStream(seed, replication, purpose)
    this.arrivals = model.sources.map((x) => stream(`arrivals:${x.id}`))
    this.handle = model.sources.map((x) => stream(`handle-time:${x.id}`))
    this.hold = model.sources.map((x) => (x.holdTime !== undefined ? stream(`hold:${x.id}`) : undefined))
    this.patience = model.sources.map((x) => stream(`patience:${x.id}`))
    this.known = model.sources.map((x) => stream(`known:${x.id}`))
    this.redial = model.sources.map((x) => stream(`redial:${x.id}`))
    this.pick = model.sources.map((x) => stream(`pick:${x.id}`))
    this.behaviour = model.agents.map((x) => stream(`behaviour:${x.id}`))
    this.recover = model.agents.map((x) => stream(`recovery:${x.id}`))
    this.outbound = model.agents.map((x) => stream(`outbound:${x.id}`))
    this.internal = model.agents.map((x) => stream(`internal:${x.id}`))
    this.wrap = model.queues.map((x) => stream(`wrap-up:${x.id}`))
    this.routing = stream("routing")
    this.scripted = stream("scripted")
  }
}
