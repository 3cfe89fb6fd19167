/**
 * Differences of the digamma function, ψ(c + n) − ψ(c) = Σ_{i<n} 1/(c + i), for when n is too large
 * to sum term by term (Erlang A's tagged-customer sum in heavy overload with very long patience).
 */

const ASYMPTOTIC_MIN = 10

// ψ(z) ≈ ln z − 1/(2z) − Σ B₂ₖ/(2k·z²ᵏ); this is the Σ part, for z ≥ 10 (error < 1e-17).
const asymptoticTail = (z: number): number => {
  const r2 = 1 / (z * z)
  return (
    r2 *
    (1 / 12 + r2 * (-1 / 120 + r2 * (1 / 252 + r2 * (-1 / 240 + r2 * (1 / 132 + r2 * (-691 / 32760 + r2 * (1 / 12)))))))
  )
}

/** ψ(c + n) − ψ(c) for c > 0, n ≥ 0 (n need not be whole), accurate to about 1e-15 relative. */
export const digammaDifference = (c: number, n: number): number => {
  if (!(c > 0) || !(n >= 0)) throw new RangeError(`digammaDifference needs c > 0 and n ≥ 0, got ${c}, ${n}`)
  if (n === 0) return 0
  // Shift both arguments up to the asymptotic range; each step adds 1/(c+i) − 1/(c+n+i) > 0.
  let shifted = 0
  while (c < ASYMPTOTIC_MIN) {
    shifted += 1 / c - 1 / (c + n)
    c += 1
  }
  // ln((c+n)/c) − [1/(2(c+n)) − 1/(2c)] − [tail(c+n) − tail(c)], each difference formed without cancellation.
  const logPart = Math.log1p(n / c)
  const halfPart = n / (2 * c * (c + n))
  return shifted + logPart + halfPart - (asymptoticTail(c + n) - asymptoticTail(c))
}
