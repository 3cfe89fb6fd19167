import { describe, expect, it } from "vitest"
import { hashText, makeStream, type Stream, streamSeed } from "../../src/kernel/Random.ts"

describe("Random streams", () => {
  it("are a pure function of (seed, replication, purpose)", () => {
    const a = makeStream(42, 3, "arrivals:sales")
    const b = makeStream(42, 3, "arrivals:sales")
    const xs = Array.from({ length: 100 }, () => a.nextU32())
    expect(Array.from({ length: 100 }, () => b.nextU32())).toEqual(xs)
  })

  it("differ by seed, replication and purpose", () => {
    const first = (s: Stream) => [s.nextU32(), s.nextU32(), s.nextU32()]
    const base = first(makeStream(42, 0, "arrivals:sales"))
    expect(first(makeStream(43, 0, "arrivals:sales"))).not.toEqual(base)
    expect(first(makeStream(42, 1, "arrivals:sales"))).not.toEqual(base)
    expect(first(makeStream(42, 0, "arrivals:service"))).not.toEqual(base)
    expect(first(makeStream(2 ** 32 + 42, 0, "arrivals:sales"))).not.toEqual(base)
    expect(streamSeed(1, 0, hashText("x"))).not.toBe(streamSeed(1, 0, hashText("y")))
  })

  it("give uniforms in [0, 1) with mean 1/2 and variance 1/12", () => {
    const s = makeStream(1, 0, "uniform")
    const n = 200_000
    let sum = 0
    let sq = 0
    let min = 1
    let max = 0
    for (let i = 0; i < n; i++) {
      const u = s.next()
      sum += u
      sq += u * u
      min = Math.min(min, u)
      max = Math.max(max, u)
    }
    const mean = sum / n
    const variance = sq / n - mean * mean
    // 4 standard errors
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n))
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(4 * Math.sqrt(1 / 180 / n))
    expect(min).toBeGreaterThanOrEqual(0)
    expect(max).toBeLessThan(1)
    const open = makeStream(1, 0, "open")
    for (let i = 0; i < 1000; i++) expect(open.nextOpen()).toBeGreaterThan(0)
  })

  it("integers in [0, n) are uniform", () => {
    const s = makeStream(9, 0, "ints")
    const counts = [0, 0, 0, 0, 0]
    const n = 50_000
    for (let i = 0; i < n; i++) counts[s.nextInt(5)]!++
    // chi-square with 4 degrees of freedom; 99.9 % critical value 18.47
    const chi = counts.reduce((x, c) => x + (c - n / 5) ** 2 / (n / 5), 0)
    expect(chi).toBeLessThan(18.47)
  })

  it("normal deviates have mean 0 and variance 1", () => {
    const s = makeStream(5, 0, "normal")
    const n = 100_000
    let sum = 0
    let sq = 0
    for (let i = 0; i < n; i++) {
      const z = s.nextNormal()
      sum += z
      sq += z * z
    }
    expect(Math.abs(sum / n)).toBeLessThan(4 / Math.sqrt(n))
    expect(Math.abs(sq / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n))
  })
})
