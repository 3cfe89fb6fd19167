/**
 * The members of one queue who are eligible for a queue offer right now, kept two ways: an indexed min-heap by
 * (strategy key, member order) for O(1) "best agent" and a dense list for scans (random, ring-all, round robin,
 * and the rare case where the best agent is excluded for a particular call). Members are positions in the
 * queue's member list (file order), so ties break by member order.
 */
export class MemberSet {
  readonly agentOf: Int32Array
  readonly tierOf: Int32Array
  readonly key: Float64Array
  readonly heap: Int32Array
  readonly hpos: Int32Array
  readonly dense: Int32Array
  readonly dpos: Int32Array
  size = 0

  constructor(agents: ReadonlyArray<number>, tiers: ReadonlyArray<number>) {
    const n = agents.length
    this.agentOf = Int32Array.from(agents)
    this.tierOf = Int32Array.from(tiers)
    this.key = new Float64Array(n)
    this.heap = new Int32Array(n)
    this.hpos = new Int32Array(n).fill(-1)
    this.dense = new Int32Array(n)
    this.dpos = new Int32Array(n).fill(-1)
  }

  has(m: number): boolean {
    return this.hpos[m]! >= 0
  }

  /** True when member x comes before member y. */
  before(x: number, y: number): boolean {
    const kx = this.key[x]!
    const ky = this.key[y]!
    return kx < ky || (kx === ky && x < y)
  }

  private up(i: number): void {
    const heap = this.heap
    const m = heap[i]!
    while (i > 0) {
      const p = (i - 1) >> 1
      const pm = heap[p]!
      if (!this.before(m, pm)) break
      heap[i] = pm
      this.hpos[pm] = i
      i = p
    }
    heap[i] = m
    this.hpos[m] = i
  }

  private down(i: number): void {
    const heap = this.heap
    const n = this.size
    const m = heap[i]!
    for (;;) {
      const l = 2 * i + 1
      if (l >= n) break
      let c = l
      if (l + 1 < n && this.before(heap[l + 1]!, heap[l]!)) c = l + 1
      const cm = heap[c]!
      if (!this.before(cm, m)) break
      heap[i] = cm
      this.hpos[cm] = i
      i = c
    }
    heap[i] = m
    this.hpos[m] = i
  }

  add(m: number, key: number): void {
    if (this.hpos[m]! >= 0) {
      this.update(m, key)
      return
    }
    this.key[m] = key
    const i = this.size++
    this.heap[i] = m
    this.dense[i] = m
    this.dpos[m] = i
    this.up(i)
  }

  remove(m: number): void {
    const i = this.hpos[m]!
    if (i < 0) return
    this.hpos[m] = -1
    const last = --this.size
    if (i !== last) {
      const lm = this.heap[last]!
      this.heap[i] = lm
      this.hpos[lm] = i
      this.up(i)
      this.down(this.hpos[lm]!)
    }
    const d = this.dpos[m]!
    this.dpos[m] = -1
    if (d !== last) {
      const lm = this.dense[last]!
      this.dense[d] = lm
      this.dpos[lm] = d
    }
  }

  update(m: number, key: number): void {
    const i = this.hpos[m]!
    if (i < 0) return
    this.key[m] = key
    this.up(i)
    this.down(this.hpos[m]!)
  }

  /** The best member, or −1 when empty. */
  top(): number {
    return this.size > 0 ? this.heap[0]! : -1
  }
}
