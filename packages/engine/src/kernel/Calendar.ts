/**
 * The event calendar: an indexed binary min-heap over preallocated typed arrays (no object per event).
 *
 * Events are ordered by time (integer ms), then by a priority class (lower first), then by insertion sequence, so
 * simultaneous events run in a documented, deterministic order. `schedule` returns a handle that `cancel` accepts
 * until the event fires; slots are recycled, so owners must forget a handle once its event fired or was cancelled.
 *
 * The heap keeps each entry's time and order next to it (`ht`, `ho`), so sifting reads contiguous memory; the
 * payload stays in the slot arrays.
 *
 * Events scheduled for the current instant (an answer with no delay, a re-offer at once) skip the heap: they wait
 * in a short "now lane", sorted by order, and `pop` takes the smaller of the lane's first event and the heap's
 * top. The order of events is exactly the heap's; the lane only saves sifting an entry to the root and back.
 */

const PRIORITY_SCALE = 2 ** 44
/** `pos` of a slot waiting in the now lane. */
const IN_LANE = -2

export class Calendar {
  /** heap position → time, order (priority × 2^44 + sequence) and slot */
  private ht: Float64Array
  private ho: Float64Array
  private heap: Int32Array
  /** slot → heap position, or −1 when free */
  private pos: Int32Array
  private kinds: Int32Array
  private pa: Int32Array
  private pb: Int32Array
  private pc: Int32Array
  private freeSlots: Int32Array
  private freeCount = 0
  private used = 0
  private seq = 0
  /** Entries in the heap. */
  private n = 0
  // The now lane: slots and orders of events at time `laneT`, sorted by order, in [laneHead, laneTail).
  private lane = new Int32Array(16)
  private laneO = new Float64Array(16)
  private laneHead = 0
  private laneTail = 0
  private laneT = 0

  /** The fields of the event last taken by {@link pop}. */
  t = 0
  kind = 0
  a = 0
  b = 0
  c = 0

  constructor(capacity = 1024) {
    this.ht = new Float64Array(capacity)
    this.ho = new Float64Array(capacity)
    this.heap = new Int32Array(capacity)
    this.pos = new Int32Array(capacity).fill(-1)
    this.kinds = new Int32Array(capacity)
    this.pa = new Int32Array(capacity)
    this.pb = new Int32Array(capacity)
    this.pc = new Int32Array(capacity)
    this.freeSlots = new Int32Array(capacity)
  }

  private grow(): void {
    const n = this.heap.length * 2
    const f64 = (old: Float64Array) => {
      const x = new Float64Array(n)
      x.set(old)
      return x
    }
    const i32 = (old: Int32Array, fill = 0) => {
      const x = new Int32Array(n)
      if (fill !== 0) x.fill(fill)
      x.set(old)
      return x
    }
    this.ht = f64(this.ht)
    this.ho = f64(this.ho)
    this.heap = i32(this.heap)
    this.pos = i32(this.pos, -1)
    this.kinds = i32(this.kinds)
    this.pa = i32(this.pa)
    this.pb = i32(this.pb)
    this.pc = i32(this.pc)
    this.freeSlots = i32(this.freeSlots)
  }

  /** Moves the entry (t, o, slot) up from position i to its place. */
  private up(i: number, t: number, o: number, slot: number): void {
    const { ht, ho, heap, pos } = this
    while (i > 0) {
      const p = (i - 1) >> 1
      const pt = ht[p]!
      if (pt < t || (pt === t && ho[p]! < o)) break
      ht[i] = pt
      ho[i] = ho[p]!
      const ps = heap[p]!
      heap[i] = ps
      pos[ps] = i
      i = p
    }
    ht[i] = t
    ho[i] = o
    heap[i] = slot
    pos[slot] = i
  }

  /** Moves the entry (t, o, slot) down from position i to its place. */
  private down(i: number, t: number, o: number, slot: number): void {
    const { ht, ho, heap, pos } = this
    const n = this.n
    for (;;) {
      let c = 2 * i + 1
      if (c >= n) break
      let ct = ht[c]!
      let co = ho[c]!
      const r = c + 1
      if (r < n) {
        const rt = ht[r]!
        if (rt < ct || (rt === ct && ho[r]! < co)) {
          c = r
          ct = rt
          co = ho[r]!
        }
      }
      if (t < ct || (t === ct && o < co)) break
      ht[i] = ct
      ho[i] = co
      const cs = heap[c]!
      heap[i] = cs
      pos[cs] = i
      i = c
    }
    ht[i] = t
    ho[i] = o
    heap[i] = slot
    pos[slot] = i
  }

  /** Number of pending events. */
  get size(): number {
    return this.n + this.laneTail - this.laneHead
  }

  /** Schedules an event of `kind` at `t` with priority class `priority` and three integer payloads. */
  schedule(t: number, kind: number, priority: number, a: number, b: number, c: number): number {
    return this.insert(t, kind, priority * PRIORITY_SCALE + this.seq++, a, b, c)
  }

  /** Takes the next insertion sequence number now, for an event that may be scheduled later in its place. */
  reserveSeq(): number {
    return this.seq++
  }

  /** Schedules an event ordered among simultaneous events of its class as if scheduled when `seq` was reserved. */
  scheduleWithSeq(t: number, kind: number, priority: number, seq: number, a: number, b: number, c: number): number {
    return this.insert(t, kind, priority * PRIORITY_SCALE + seq, a, b, c)
  }

  private insert(t: number, kind: number, o: number, a: number, b: number, c: number): number {
    let slot: number
    if (this.freeCount > 0) slot = this.freeSlots[--this.freeCount]!
    else {
      if (this.used === this.heap.length) this.grow()
      slot = this.used++
    }
    this.kinds[slot] = kind
    this.pa[slot] = a
    this.pb[slot] = b
    this.pc[slot] = c
    if (t === this.t && (this.laneHead === this.laneTail || t === this.laneT)) this.toLane(t, o, slot)
    else this.up(this.n++, t, o, slot)
    return slot
  }

  /** Puts an event of the current instant in the now lane, in order. */
  private toLane(t: number, o: number, slot: number): void {
    if (this.laneHead === this.laneTail) {
      this.laneHead = 0
      this.laneTail = 0
      this.laneT = t
    } else if (this.laneTail === this.lane.length) this.growLane()
    const lane = this.lane
    const laneO = this.laneO
    let i = this.laneTail++
    while (i > this.laneHead && laneO[i - 1]! > o) {
      lane[i] = lane[i - 1]!
      laneO[i] = laneO[i - 1]!
      i--
    }
    lane[i] = slot
    laneO[i] = o
    this.pos[slot] = IN_LANE
  }

  private growLane(): void {
    const live = this.laneTail - this.laneHead
    const size = live * 2 > this.lane.length ? this.lane.length * 2 : this.lane.length
    const lane = new Int32Array(size)
    const laneO = new Float64Array(size)
    lane.set(this.lane.subarray(this.laneHead, this.laneTail))
    laneO.set(this.laneO.subarray(this.laneHead, this.laneTail))
    this.lane = lane
    this.laneO = laneO
    this.laneHead = 0
    this.laneTail = live
  }

  /** Removes a pending event. */
  cancel(handle: number): void {
    const i = this.pos[handle]!
    if (i === IN_LANE) {
      this.cancelInLane(handle)
      return
    }
    if (i < 0) return
    this.pos[handle] = -1
    this.freeSlots[this.freeCount++] = handle
    const n = --this.n
    if (i === n) return
    const t = this.ht[n]!
    const o = this.ho[n]!
    const slot = this.heap[n]!
    // The last entry fills the hole: it moves up or down from there.
    const p = (i - 1) >> 1
    if (i > 0 && (t < this.ht[p]! || (t === this.ht[p]! && o < this.ho[p]!))) this.up(i, t, o, slot)
    else this.down(i, t, o, slot)
  }

  private cancelInLane(handle: number): void {
    this.pos[handle] = -1
    this.freeSlots[this.freeCount++] = handle
    const lane = this.lane
    const laneO = this.laneO
    let i = this.laneHead
    while (lane[i] !== handle) i++
    for (const end = --this.laneTail; i < end; i++) {
      lane[i] = lane[i + 1]!
      laneO[i] = laneO[i + 1]!
    }
  }

  /** Time of the next event, or `Infinity`. */
  peekTime(): number {
    const heapT = this.n > 0 ? this.ht[0]! : Number.POSITIVE_INFINITY
    return this.laneHead < this.laneTail && this.laneT < heapT ? this.laneT : heapT
  }

  /** Takes the next event into `t`, `kind`, `a`, `b`, `c`; false when the calendar is empty. */
  pop(): boolean {
    let slot: number
    if (
      this.laneHead < this.laneTail &&
      (this.n === 0 ||
        this.laneT < this.ht[0]! ||
        (this.laneT === this.ht[0]! && this.laneO[this.laneHead]! < this.ho[0]!))
    ) {
      slot = this.lane[this.laneHead++]!
      this.t = this.laneT
    } else {
      if (this.n === 0) return false
      slot = this.heap[0]!
      this.t = this.ht[0]!
      const n = --this.n
      if (n > 0) this.down(0, this.ht[n]!, this.ho[n]!, this.heap[n]!)
    }
    this.kind = this.kinds[slot]!
    this.a = this.pa[slot]!
    this.b = this.pb[slot]!
    this.c = this.pc[slot]!
    this.pos[slot] = -1
    this.freeSlots[this.freeCount++] = slot
    return true
  }
}
