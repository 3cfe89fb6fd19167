/**
 * Slots for the calls currently in the system. Call numbers only grow, and the calls in the system at any time
 * span a window of call numbers, so a call's slot is found through a direct-mapped table indexed by
 * `call & mask`; when two live calls would share an entry the table doubles. Memory follows the calls in the
 * system (and the span of their numbers), never the number of calls seen.
 */
export class CallSlots {
  private mask = 1023
  private table = new Int32Array(1024).fill(-1)
  private callOf = new Int32Array(64)
  private free = new Int32Array(64)
  private freeCount = 0
  /** Slots handed out so far (the high-water mark); slot arrays must hold this many. */
  capacity = 0
  /** Calls in the system. */
  size = 0

  /** The slot of a call in the system, or −1. */
  get(call: number): number {
    const s = this.table[call & this.mask]!
    return s >= 0 && this.callOf[s] === call ? s : -1
  }

  /** The call in slot s. */
  callIn(s: number): number {
    return this.callOf[s]!
  }

  /** Gives the call a slot (its existing one if it has one). */
  add(call: number): number {
    const existing = this.get(call)
    if (existing >= 0) return existing
    while (this.table[call & this.mask]! >= 0) this.rehash(this.mask * 2 + 1)
    let s: number
    if (this.freeCount > 0) s = this.free[--this.freeCount]!
    else {
      s = this.capacity++
      if (s >= this.callOf.length) {
        const next = new Int32Array(this.callOf.length * 2)
        next.set(this.callOf)
        this.callOf = next
      }
    }
    this.callOf[s] = call
    this.table[call & this.mask] = s
    this.size++
    return s
  }

  /** Frees the call's slot. */
  remove(call: number): void {
    const s = this.get(call)
    if (s < 0) return
    this.table[call & this.mask] = -1
    if (this.freeCount === this.free.length) {
      const grown = new Int32Array(this.free.length * 2)
      grown.set(this.free)
      this.free = grown
    }
    this.free[this.freeCount++] = s
    this.size--
  }

  /** The calls in the system, in call-number order. */
  calls(): Array<number> {
    const out: Array<number> = []
    for (const s of this.table) if (s >= 0) out.push(this.callOf[s]!)
    return out.sort((a, b) => a - b)
  }

  private rehash(mask: number): void {
    const old = this.table
    this.mask = mask
    this.table = new Int32Array(mask + 1).fill(-1)
    for (const s of old) if (s >= 0) this.table[this.callOf[s]! & mask] = s
  }
}
