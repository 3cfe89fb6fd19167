/**
 * Seeded random streams: xoshiro128** (32-bit, fast, period 2^128 − 1), one independent stream per purpose.
 *
 * A stream's seed is a hash of (scenario seed, replication, purpose text such as `"arrivals:sales"`), so adding a
 * traffic source or an agent does not shift the numbers another part of the scenario draws (common random numbers).
 */

const TWO_POW_32 = 4294967296

/** MurmurHash3's 32-bit finaliser: spreads every input bit over the output. */
export const mix32 = (h: number): number => {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** FNV-1a of a text, finalised with {@link mix32}. Used once per stream at set-up, never per event. */
export const hashText = (text: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return mix32(h)
}

/**
 * A xoshiro128** generator. Mutable; one per purpose per replication. `spare` caches the second normal deviate of
 * the polar method so a stream stays a pure function of its seed.
 */
export class Stream {
  s0 = 0
  s1 = 0
  s2 = 0
  s3 = 0
  /** Cached standard normal deviate, or NaN. */
  spare = Number.NaN

  constructor(seed32: number) {
    // splitmix32 fills the state from one 32-bit seed; the state is never all zero.
    let x = seed32 >>> 0
    const next = () => {
      x = (x + 0x9e3779b9) | 0
      let z = x
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad)
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97)
      return (z ^ (z >>> 15)) | 0
    }
    this.s0 = next()
    this.s1 = next()
    this.s2 = next()
    this.s3 = next()
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1
  }

  /** The next 32 random bits as an unsigned integer. */
  nextU32(): number {
    const s1 = this.s1
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9)
    const t = s1 << 9
    this.s2 ^= this.s0
    this.s3 ^= this.s1
    this.s1 ^= this.s2
    this.s0 ^= this.s3
    this.s2 ^= t
    this.s3 = rotl(this.s3, 11)
    return r >>> 0
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextU32() / TWO_POW_32
  }

  /** Uniform in (0, 1]: safe for `Math.log`. */
  nextOpen(): number {
    return (this.nextU32() + 1) / TWO_POW_32
  }

  /** Uniform integer in [0, n). */
  nextInt(n: number): number {
    return Math.floor(this.next() * n)
  }

  /** Standard normal deviate (Marsaglia's polar method). */
  nextNormal(): number {
    const cached = this.spare
    if (!Number.isNaN(cached)) {
      this.spare = Number.NaN
      return cached
    }
    let u = 0
    let v = 0
    let s = 0
    do {
      u = 2 * this.next() - 1
      v = 2 * this.next() - 1
      s = u * u + v * v
    } while (s >= 1 || s === 0)
    const f = Math.sqrt((-2 * Math.log(s)) / s)
    this.spare = v * f
    return u * f
  }
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k))

/** The 32-bit seed of the stream for (seed, replication, purpose hash). */
export const streamSeed = (seed: number, replication: number, purposeHash: number): number => {
  const lo = seed >>> 0
  const hi = Math.floor(seed / TWO_POW_32) >>> 0
  let h = mix32(purposeHash ^ 0x9e3779b9)
  h = mix32(h ^ lo)
  h = mix32((h + Math.imul(hi, 0x27d4eb2f)) | 0)
  h = mix32(h ^ Math.imul(replication + 1, 0x165667b1))
  return h
}

/**
 * The independent stream of a purpose in one replication. Purposes name the part of the model and the entity,
 * e.g. `"arrivals:sales"`, `"patience:sales"`, `"behaviour:alice"`, `"wrap-up:billing"`, `"routing"`.
 */
export const makeStream = (seed: number, replication: number, purpose: string): Stream =>
  new Stream(streamSeed(seed, replication, hashText(purpose)))
