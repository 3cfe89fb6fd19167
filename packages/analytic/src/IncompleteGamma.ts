/**
 * Log-gamma and the incomplete gamma functions, computed in log space so that Erlang A and the
 * continuous Erlang B stay finite for hundreds of agents and for heavy overload.
 *
 * Notation: γ(a, x) lower, Γ(a, x) upper incomplete gamma; P = γ/Γ(a), Q = Γ(a, x)/Γ(a).
 * The "scaled" forms multiply by eˣ·x⁻ᵃ, which removes the huge factor xᵃe⁻ˣ that both
 * functions share; the Erlang formulas only ever need ratios, so they work on scaled values.
 */

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI)
// Below this, the series for γ and the continued fraction for Γ are both slower than needed and the
// Stirling remainder is not accurate enough; arguments are shifted up by the recurrence instead.
const STIRLING_MIN = 10
const EPS = 1e-17
const TINY = 1e-300

/** Remainder of Stirling's series: lnΓ(a) − [(a − ½)ln a − a + ½ln 2π], for a ≥ 10 (error < 1e-17). */
const stirlingRemainder = (a: number): number => {
  const r = 1 / a
  const r2 = r * r
  // Bernoulli coefficients B₂ₖ / (2k(2k − 1)), k = 1..8; at a = 10 the next term is below 2e-18.
  return (
    r *
    (1 / 12 +
      r2 *
        (-1 / 360 +
          r2 *
            (1 / 1260 +
              r2 * (-1 / 1680 + r2 * (1 / 1188 + r2 * (-691 / 360360 + r2 * (1 / 156 + r2 * (-3617 / 122400))))))))
  )
}

// Lanczos approximation (g = 7, n = 9), relative error below 1e-15 for x > 0. The engine's confidence intervals
// (Student t) use this function too, so its exact bits are part of every results.json: change it only knowingly.
const LANCZOS = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406, 12.507343278686905,
  -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7
] as const

const lanczos = (x: number): number => {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lanczos(1 - x)
  const z = x - 1
  let sum = LANCZOS[0]
  for (let i = 1; i < 9; i++) sum += LANCZOS[i]! / (z + i)
  const t = z + 7.5
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum)
}

/** ln Γ(x) for x > 0 (Lanczos; relative error below 1e-15). */
export const logGamma = (x: number): number => {
  if (!(x > 0)) throw new RangeError(`logGamma needs x > 0, got ${x}`)
  if (x === Number.POSITIVE_INFINITY) return x
  return lanczos(x)
}

/**
 * d − ln(1 + d) with full relative accuracy (it is ≈ d²/2, and a large a multiplies it):
 * a series for small |d|; `ratio` = 1 + d given separately so that 1 + d is never rounded when d is far from 0.
 */
const dMinusLog1p = (d: number, ratio: number): number => {
  if (Math.abs(d) < 0.1) {
    // Σ_{k≥2} (−d)ᵏ/k; 0.1¹⁷/17 < 1e-18.
    let term = d * d
    let sum = 0
    for (let k = 2; k <= 18; k++) {
      sum += term / k
      term *= -d
    }
    return sum
  }
  return d - (Math.abs(d) < 0.5 ? Math.log1p(d) : Math.log(ratio))
}

/**
 * ln(Γ(a)·eˣ·x⁻ᵃ) for a > 0, x > 0. For large a the three terms are each huge and nearly cancel, so
 * this uses Stirling's form a·(d − ln(1 + d)) − ½ln a + ½ln 2π + remainder, with d = (x − a)/a,
 * which keeps full relative accuracy where lnΓ(a) + x − a·ln x would lose it.
 */
const logGammaScale = (a: number, x: number): number => {
  if (a < STIRLING_MIN) return logGamma(a) + x - a * Math.log(x)
  return a * dMinusLog1p((x - a) / a, x / a) - 0.5 * Math.log(a) + HALF_LOG_TWO_PI + stirlingRemainder(a)
}

/** Σₙ xⁿ / (a(a+1)…(a+n)) = γ(a, x)·eˣ·x⁻ᵃ; converges fast for x < a + 1. */
const lowerSeries = (a: number, x: number): number => {
  let term = 1 / a
  let sum = term
  // Terms shrink geometrically once n > x − a; near x ≈ a they decay like exp(−n²/2a), so allow O(√a).
  const maxIterations = 1000 + Math.ceil(50 * Math.sqrt(a))
  for (let n = 1; n <= maxIterations; n++) {
    term *= x / (a + n)
    sum += term
    if (term < sum * EPS) return sum
  }
  throw new Error(`lower incomplete gamma series did not converge (a=${a}, x=${x})`)
}

/** Continued fraction (modified Lentz) for Γ(a, x)·eˣ·x⁻ᵃ; converges fast for x ≥ a + 1. */
const upperContinuedFraction = (a: number, x: number): number => {
  let b = x + 1 - a
  let c = 1 / TINY
  let d = 1 / b
  let h = d
  const maxIterations = 1000 + Math.ceil(50 * Math.sqrt(a))
  for (let i = 1; i <= maxIterations; i++) {
    const an = -i * (i - a)
    b += 2
    d = an * d + b
    if (Math.abs(d) < TINY) d = TINY
    c = b + an / c
    if (Math.abs(c) < TINY) c = TINY
    d = 1 / d
    const delta = d * c
    h *= delta
    if (Math.abs(delta - 1) < Number.EPSILON) return h
  }
  throw new Error(`upper incomplete gamma continued fraction did not converge (a=${a}, x=${x})`)
}

const checkArguments = (a: number, x: number): void => {
  if (!(a > 0) || !Number.isFinite(a)) throw new RangeError(`incomplete gamma needs finite a > 0, got ${a}`)
  if (!(x >= 0) || !Number.isFinite(x)) throw new RangeError(`incomplete gamma needs finite x ≥ 0, got ${x}`)
}

/** ln(γ(a, x)·eˣ·x⁻ᵃ), finite for every a > 0, x ≥ 0 (equals −ln a at x = 0). */
export const logScaledLowerGamma = (a: number, x: number): number => {
  checkArguments(a, x)
  if (x < a + 1) return Math.log(lowerSeries(a, x))
  // γ = Γ(a) − Γ(a, x): subtract the continued fraction from the scale, as a relative correction.
  const scale = logGammaScale(a, x)
  return scale + Math.log1p(-upperContinuedFraction(a, x) * Math.exp(-scale))
}

/** ln(Γ(a, x)·eˣ·x⁻ᵃ) for a > 0, x > 0. */
export const logScaledUpperGamma = (a: number, x: number): number => {
  checkArguments(a, x)
  if (x === 0) throw new RangeError("logScaledUpperGamma needs x > 0")
  if (x >= a + 1) return Math.log(upperContinuedFraction(a, x))
  const scale = logGammaScale(a, x)
  return scale + Math.log1p(-lowerSeries(a, x) * Math.exp(-scale))
}

/** ln(eᵈ − 1) for d > 0 without overflow; −Infinity for d ≤ 0 (an empty difference). */
const logExpm1 = (d: number): number => {
  if (!(d > 0)) return Number.NEGATIVE_INFINITY
  return d < 1 ? Math.log(Math.expm1(d)) : d + Math.log1p(-Math.exp(-d))
}

/**
 * ln([γ(a, x) − γ(a, x·e⁻ᵘ)]·eˣ·x⁻ᵃ) for u > 0: the scaled mass of tᵃ⁻¹e⁻ᵗ between x·e⁻ᵘ and x.
 * Erlang A's waiting-time probabilities are such differences; taking them from the lower or the
 * upper function, whichever is the smaller part, keeps tiny probabilities (heavy overload) accurate.
 * Returns −Infinity when the difference is 0 in double precision.
 */
export const logScaledLowerGammaDrop = (a: number, x: number, u: number): number => {
  checkArguments(a, x)
  if (!(u > 0)) throw new RangeError(`logScaledLowerGammaDrop needs u > 0, got ${u}`)
  const y = x * Math.exp(-u)
  // ln((y/x)ᵃ·e^(x−y)) converts a value scaled at y to the scale at x.
  const rescale = -a * u - x * Math.expm1(-u)
  if (x < a + 1 || y === 0) {
    const atX = logScaledLowerGamma(a, x)
    if (y === 0) return atX
    return atX + Math.log(Math.max(0, -Math.expm1(logScaledLowerGamma(a, y) + rescale - atX)))
  }
  // γ(a, x) − γ(a, y) = Γ(a, y) − Γ(a, x).
  const atX = logScaledUpperGamma(a, x)
  return atX + logExpm1(logScaledUpperGamma(a, y) + rescale - atX)
}

/** ln γ(a, x), the log of the lower incomplete gamma function (x > 0). */
export const logLowerGamma = (a: number, x: number): number => logScaledLowerGamma(a, x) - x + a * Math.log(x)

/** ln Γ(a, x), the log of the upper incomplete gamma function (x > 0). */
export const logUpperGamma = (a: number, x: number): number => logScaledUpperGamma(a, x) - x + a * Math.log(x)

/** Regularized lower incomplete gamma P(a, x) = γ(a, x)/Γ(a). */
export const regularizedGammaP = (a: number, x: number): number => {
  checkArguments(a, x)
  if (x === 0) return 0
  // Compute the smaller of P and Q directly so that neither loses digits to 1 − (the other).
  if (x < a + 1) return Math.exp(logScaledLowerGamma(a, x) - logGammaScale(a, x))
  return -Math.expm1(logScaledUpperGamma(a, x) - logGammaScale(a, x))
}

/** Regularized upper incomplete gamma Q(a, x) = Γ(a, x)/Γ(a) = 1 − P(a, x). */
export const regularizedGammaQ = (a: number, x: number): number => {
  checkArguments(a, x)
  if (x === 0) return 1
  if (x >= a + 1) return Math.exp(logScaledUpperGamma(a, x) - logGammaScale(a, x))
  return -Math.expm1(logScaledLowerGamma(a, x) - logGammaScale(a, x))
}
