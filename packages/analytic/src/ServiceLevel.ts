/**
 * Service-level definitions. With abandonment, "the service level" depends on how short abandons
 * are counted; the four common choices can differ by more than a percentage point, so every SL
 * figure in ccsim names its definition. The scenario format and the engine metrics reuse these names.
 */

/** The service-level definitions ccsim knows, in documentation order. */
export const ServiceLevelDefinitions = [
  "answered-of-offered",
  "answered-of-offered-minus-short-abandons",
  "answered-of-answered",
  "answered-and-short-abandons-of-offered"
] as const

/** A service-level definition name (see {@link ServiceLevelDefinitions}). */
export type ServiceLevelDefinition = (typeof ServiceLevelDefinitions)[number]

/** The definition used when none is chosen: answered within T over offered (the strictest common one). */
export const defaultServiceLevelDefinition: ServiceLevelDefinition = "answered-of-offered"

/** Each definition as a formula, for help texts and report footnotes. */
export const serviceLevelFormulas: { readonly [D in ServiceLevelDefinition]: string } = {
  "answered-of-offered": "answered within T / offered",
  "answered-of-offered-minus-short-abandons": "answered within T / (offered − abandoned within T)",
  "answered-of-answered": "answered within T / answered",
  "answered-and-short-abandons-of-offered": "(answered within T + abandoned within T) / offered"
}

/** True when `value` names a service-level definition. */
export const isServiceLevelDefinition = (value: unknown): value is ServiceLevelDefinition =>
  typeof value === "string" && (ServiceLevelDefinitions as ReadonlyArray<string>).includes(value)

/** The counts (or probabilities, with offered = 1) a service level is made of. */
export interface ServiceLevelCounts {
  readonly offered: number
  readonly answered: number
  readonly answeredWithin: number
  readonly abandonedWithin: number
}

/**
 * The service level under `definition`, from counts or probabilities.
 * Returns undefined when the denominator is 0 (no calls), which has no service level.
 */
export const serviceLevelOf = (definition: ServiceLevelDefinition, counts: ServiceLevelCounts): number | undefined => {
  const { offered, answered, answeredWithin, abandonedWithin } = counts
  const ratio = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : undefined)
  switch (definition) {
    case "answered-of-offered":
      return ratio(answeredWithin, offered)
    case "answered-of-offered-minus-short-abandons":
      return ratio(answeredWithin, offered - abandonedWithin)
    case "answered-of-answered":
      return ratio(answeredWithin, answered)
    case "answered-and-short-abandons-of-offered":
      return ratio(answeredWithin + abandonedWithin, offered)
  }
}
