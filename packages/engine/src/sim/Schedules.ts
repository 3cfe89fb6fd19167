/**
 * The agents' shifts and breaks as one list sorted by time, of which only the next event waits in the calendar.
 * A large center has tens of thousands of them; kept all in the calendar they would make every calendar
 * operation of the day slower. Each event keeps the calendar sequence it was given at set-up (in the file's
 * order), so simultaneous events run in exactly the order they would had they all been scheduled then.
 */
import type { Calendar } from "../kernel/Calendar.ts"
import type { Model } from "../Model.ts"
import * as events from "./Events.ts"

// Module-local copies of the imports: V8 folds a module's own constants into the machine code but reads an
// imported binding at every use (engine README, "Imports in hot modules").
const { Ev, EvPriority } = events

/** The schedule events of a replication, sorted by (time, sequence); `next` is the one waiting in the calendar. */
export class ScheduleList {
  readonly t: Float64Array
  readonly seq: Float64Array
  readonly kind: Int32Array
  readonly agent: Int32Array
  readonly shift: Int32Array
  readonly brk: Int32Array
  next = 0

  constructor(n: number) {
    this.t = new Float64Array(n)
    this.seq = new Float64Array(n)
    this.kind = new Int32Array(n)
    this.agent = new Int32Array(n)
    this.shift = new Int32Array(n)
    this.brk = new Int32Array(n)
  }
}

/** Builds the list (taking a calendar sequence for each event, in file order) and schedules its first event. */
export const planSchedules = (cal: Calendar, m: Model): ScheduleList => {
  const t: Array<number> = []
  const seq: Array<number> = []
  const kind: Array<number> = []
  const agent: Array<number> = []
  const shift: Array<number> = []
  const brk: Array<number> = []
  const add = (at: number, k: number, a: number, s: number, b: number) => {
    t.push(at)
    seq.push(cal.reserveSeq())
    kind.push(k)
    agent.push(a)
    shift.push(s)
    brk.push(b)
  }
  m.agents.forEach((x, a) => {
    // No shifts in the file: signed in at opening, working until the run ends.
    if (x.wholeDay) add(m.open, Ev.shiftStart, a, -1, 0)
    else {
      x.shifts.forEach((s, i) => {
        add(s.start, Ev.shiftStart, a, i, 0)
        s.breaks.forEach((b, k) => {
          add(b.start, Ev.breakStart, a, i, k)
          add(b.end, Ev.breakEnd, a, i, k)
        })
        add(s.end, Ev.shiftEnd, a, i, 0)
      })
    }
  })
  const order = t.map((_, i) => i).sort((x, y) => t[x]! - t[y]! || seq[x]! - seq[y]!)
  const list = new ScheduleList(order.length)
  order.forEach((i, j) => {
    list.t[j] = t[i]!
    list.seq[j] = seq[i]!
    list.kind[j] = kind[i]!
    list.agent[j] = agent[i]!
    list.shift[j] = shift[i]!
    list.brk[j] = brk[i]!
  })
  scheduleNext(cal, list)
  return list
}

/** Puts the list's next event in the calendar (after the previous one fired). */
export const scheduleNext = (cal: Calendar, list: ScheduleList): void => {
  const j = list.next
  if (j >= list.t.length) return
  list.next = j + 1
  const kind = list.kind[j]!
  cal.scheduleWithSeq(list.t[j]!, kind, EvPriority[kind]!, list.seq[j]!, list.agent[j]!, list.shift[j]!, list.brk[j]!)
}
