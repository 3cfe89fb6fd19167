/**
 * The mutable state of one replication: the clock and calendar, the observer, the decoded rules, and one table
 * per entity (calls, agents, queues, sources) that owns its typed arrays. Nothing here knows the rules.
 */
import { Calendar } from "../kernel/Calendar.ts"
import type { Model } from "../Model.ts"
import type { Observer } from "../Observer.ts"
import { AgentTable } from "./AgentTable.ts"
import { CallTable } from "./CallTable.ts"
import * as events from "./Events.ts"
import { QueueTable } from "./QueueTable.ts"
import type { Rules } from "./Rules.ts"
import { ScheduleList } from "./Schedules.ts"
import { SourceTable } from "./SourceTable.ts"
import { Streams } from "./Streams.ts"
import { WorkList } from "./WorkList.ts"

// A module-local copy: V8 folds a module's own constants into the machine code but reads an imported binding at
// every use (engine README, "Imports in hot modules").
const { EvPriority } = events

export class SimState {
  readonly model: Model
  readonly obs: Observer
  readonly cal = new Calendar(4096)
  now = 0
  readonly seed: number
  readonly replication: number

  /** The settings, decoded at compile time. */
  readonly rules: Rules
  readonly steady: boolean
  /** Arrivals (and agent-placed calls) happen before this time. */
  readonly arrivalsEnd: number
  arrivalsOpen = true

  readonly call = new CallTable(256, 64)
  readonly agent: AgentTable
  readonly queue: QueueTable
  readonly source: SourceTable
  readonly rng: Streams
  /** What the rules left for the matching pass at the end of the event. */
  readonly work = new WorkList()

  // counters
  nextCallNo: number
  activeWraps = 0
  pendingScripted = 0
  events = 0
  routeDepth = 0

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
    this.rules = model.rules
    this.steady = model.mode === "steady-state"
    this.arrivalsEnd = this.steady ? horizon : model.close
    this.nextCallNo = model.scriptedCalls.length
    this.agent = new AgentTable(model)
    this.queue = new QueueTable(model)
    this.source = new SourceTable(model)
    this.rng = new Streams(model, seed, replication)
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
