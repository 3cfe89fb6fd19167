/**
 * The 7-point Gauss / 15-point Kronrod pair (QUADPACK's qk15 constants): 15 evaluations give the
 * Kronrod value, exact for polynomials of degree 22, and the embedded Gauss value, exact to degree 13,
 * whose difference is a conservative error estimate.
 */

/** Kronrod nodes on [−1, 1], ascending; the Gauss nodes are the odd positions (1, 3, …, 13). */
export const kronrodNodes: ReadonlyArray<number> = (() => {
  const half = [
    0.9914553711208126, 0.9491079123427585, 0.8648644233597691, 0.7415311855993945, 0.5860872354676911,
    0.4058451513773972, 0.20778495500789848
  ]
  return [...half.map((x) => -x), 0, ...[...half].reverse()]
})()

/** Kronrod weights on [−1, 1], aligned with {@link kronrodNodes}. */
export const kronrodWeights: ReadonlyArray<number> = (() => {
  const half = [
    0.022935322010529224, 0.06309209262997856, 0.10479001032225019, 0.14065325971552592, 0.1690047266392679,
    0.19035057806478542, 0.20443294007529889
  ]
  return [...half, 0.20948214108472782, ...[...half].reverse()]
})()

/** Gauss weights on [−1, 1], aligned with {@link kronrodNodes} (0 where the node is Kronrod-only). */
export const gaussWeights: ReadonlyArray<number> = (() => {
  const half = [0.1294849661688697, 0.27970539148927664, 0.3818300505051189]
  const w = new Array<number>(15).fill(0)
  for (let i = 0; i < 3; i++) {
    w[1 + 2 * i] = half[i]!
    w[13 - 2 * i] = half[i]!
  }
  w[7] = 0.4179591836734694
  return w
})()
