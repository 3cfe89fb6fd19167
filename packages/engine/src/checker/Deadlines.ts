/**
 * A min-heap of timed checks ("this offer must have ended by t"), so the checker looks only at the deadlines
 * that passed when simulated time advances, never at every call or agent.
 */

/** What a deadline is about; the checker decides at expiry whether it still applies. */
export interface Deadline {
  readonly t: number
  readonly kind: "ring" | "rollover" | "wrap-up" | "customer-hold"
  /** The offer, call visit or wrap-up it belongs to (compared by identity at expiry). */
  readonly subject: object
}

/** Binary min-heap by time, then by insertion order. */
export class Deadlines {
  private readonly items: Array<Deadline> = []
  private readonly seqs: Array<number> = []
  private seq = 0

  get size(): number {
    return this.items.length
  }

  push(deadline: Deadline): void {
    this.items.push(deadline)
    this.seqs.push(this.seq++)
    let i = this.items.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.less(i, parent)) break
      this.swap(i, parent)
      i = parent
    }
  }

  /** Removes and returns the earliest deadline strictly before `t`, if any. */
  popBefore(t: number): Deadline | undefined {
    const top = this.items[0]
    if (top === undefined || top.t >= t) return undefined
    const lastItem = this.items.pop()!
    const lastSeq = this.seqs.pop()!
    if (this.items.length > 0) {
      this.items[0] = lastItem
      this.seqs[0] = lastSeq
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < this.items.length && this.less(l, m)) m = l
        if (r < this.items.length && this.less(r, m)) m = r
        if (m === i) break
        this.swap(i, m)
        i = m
      }
    }
    return top
  }

  private less(a: number, b: number): boolean {
    const ta = this.items[a]!.t
    const tb = this.items[b]!.t
    return ta < tb || (ta === tb && this.seqs[a]! < this.seqs[b]!)
  }

  private swap(a: number, b: number): void {
    const item = this.items[a]!
    this.items[a] = this.items[b]!
    this.items[b] = item
    const seq = this.seqs[a]!
    this.seqs[a] = this.seqs[b]!
    this.seqs[b] = seq
  }
}
