/**
 * The bench's yardstick: a minimal M/M/c+M simulation written only for speed (binary heap in typed arrays,
 * xoshiro128**, no rules, only the counters SL/ASA/abandonment need). ccsim's speed is reported as a ratio of
 * this loop's, measured in the same process. Its results are checked against Erlang A so it stays honest.
 */

export interface BaselineParams {
  readonly agents: number
  readonly arrivalRatePerSecond: number
  readonly meanHandleSeconds: number
  readonly meanPatienceSeconds: number
  readonly thresholdSeconds: number
  readonly calls: number
  readonly seed: number
}

export interface BaselineResult {
  readonly calls: number
  readonly answered: number
  readonly abandoned: number
  readonly answeredWithinThreshold: number
  readonly delayed: number
  readonly totalAnsweredWait: number
  readonly busyTime: number
  readonly endTime: number
  readonly events: number
}

const ARRIVAL = 0
const DEPARTURE = 1
const ABANDON = 2

export const runBaseline = (p: BaselineParams): BaselineResult => {
  // xoshiro128** state, seeded by splitmix32.
  let s0 = 0
  let s1 = 0
  let s2 = 0
  let s3 = 0
  let sm = p.seed >>> 0
  const splitmix = () => {
    sm = (sm + 0x9e3779b9) | 0
    let z = sm
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
  s0 = splitmix()
  s1 = splitmix()
  s2 = splitmix()
  s3 = splitmix()
  const next = () => {
    const result = Math.imul(((Math.imul(s1, 5) << 7) | (Math.imul(s1, 5) >>> 25)) >>> 0, 9) >>> 0
    const t = s1 << 9
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = (s3 << 11) | (s3 >>> 21)
    return (result + 0.5) / 4294967296
  }
  const exp = (mean: number) => -mean * Math.log(next())

  // Heap of events: time, kind, call id.
  let capacity = 1024
  let times = new Float64Array(capacity)
  let kinds = new Uint8Array(capacity)
  let ids = new Int32Array(capacity)
  let size = 0
  const push = (time: number, kind: number, id: number) => {
    if (size === capacity) {
      capacity *= 2
      const t2 = new Float64Array(capacity)
      t2.set(times)
      times = t2
      const k2 = new Uint8Array(capacity)
      k2.set(kinds)
      kinds = k2
      const i2 = new Int32Array(capacity)
      i2.set(ids)
      ids = i2
    }
    let i = size++
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (times[parent]! <= time) break
      times[i] = times[parent]!
      kinds[i] = kinds[parent]!
      ids[i] = ids[parent]!
      i = parent
    }
    times[i] = time
    kinds[i] = kind
    ids[i] = id
  }
  let topTime = 0
  let topKind = 0
  let topId = 0
  const pop = () => {
    topTime = times[0]!
    topKind = kinds[0]!
    topId = ids[0]!
    const last = --size
    const lt = times[last]!
    const lk = kinds[last]!
    const li = ids[last]!
    let i = 0
    for (;;) {
      let child = 2 * i + 1
      if (child >= last) break
      if (child + 1 < last && times[child + 1]! < times[child]!) child++
      if (times[child]! >= lt) break
      times[i] = times[child]!
      kinds[i] = kinds[child]!
      ids[i] = ids[child]!
      i = child
    }
    times[i] = lt
    kinds[i] = lk
    ids[i] = li
  }

  // Waiting calls: FIFO ring of ids; arrival times and a waiting flag per id slot.
  const RING = 1 << 20
  const MASK = RING - 1
  const queue = new Int32Array(RING)
  const arrivalAt = new Float64Array(RING)
  const waiting = new Uint8Array(RING)
  let head = 0
  let tail = 0
  let queued = 0

  let free = p.agents
  let arrivals = 0
  let answered = 0
  let abandoned = 0
  let within = 0
  let delayed = 0
  let totalWait = 0
  let busy = 0
  let events = 0
  let now = 0
  const meanGap = 1 / p.arrivalRatePerSecond

  const serve = (wait: number) => {
    answered++
    totalWait += wait
    if (wait <= p.thresholdSeconds) within++
    const service = exp(p.meanHandleSeconds)
    busy += service
    free--
    push(now + service, DEPARTURE, 0)
  }

  push(exp(meanGap), ARRIVAL, 0)
  while (size > 0) {
    pop()
    now = topTime
    events++
    if (topKind === ARRIVAL) {
      const id = arrivals++
      if (arrivals < p.calls) push(now + exp(meanGap), ARRIVAL, 0)
      if (free > 0 && queued === 0) {
        serve(0)
      } else {
        delayed++
        const slot = id & MASK
        queue[tail] = id
        tail = (tail + 1) & MASK
        arrivalAt[slot] = now
        waiting[slot] = 1
        queued++
        push(now + exp(p.meanPatienceSeconds), ABANDON, id)
      }
    } else if (topKind === DEPARTURE) {
      free++
      while (queued > 0 && free > 0) {
        const id = queue[head]!
        head = (head + 1) & MASK
        const slot = id & MASK
        if (waiting[slot] === 1) {
          waiting[slot] = 0
          queued--
          serve(now - arrivalAt[slot]!)
        }
      }
      // Drop ids of callers who already abandoned from the front of the ring.
    } else {
      const slot = topId & MASK
      if (waiting[slot] === 1) {
        waiting[slot] = 0
        queued--
        abandoned++
      }
    }
    // Skip abandoned ids at the head so `queued === 0` means the ring holds no live caller.
    while (head !== tail && waiting[queue[head]! & MASK] === 0) head = (head + 1) & MASK
  }
  return {
    calls: arrivals,
    answered,
    abandoned,
    answeredWithinThreshold: within,
    delayed,
    totalAnsweredWait: totalWait,
    busyTime: busy,
    endTime: now,
    events
  }
}
