/**
 * fast-check run counts for where the tests run. In CI (the CI variable set, as CI services set it) every
 * property runs exactly the count written in its test; locally a fifth of it, for a fast edit-test loop.
 * CCSIM_PROPERTY_SCALE overrides both: 1 runs locally what CI runs, 5 searches deeper. Seeds stay fixed: with the
 * same seed a smaller count runs the first of the same inputs.
 */
const localScale = 0.2

const readScale = (env: NodeJS.ProcessEnv): number => {
  const text = env.CCSIM_PROPERTY_SCALE
  if (text === undefined || text === "") {
    const ci = env.CI
    return ci !== undefined && ci !== "" && ci !== "0" && ci !== "false" ? 1 : localScale
  }
  const scale = Number(text)
  if (!Number.isFinite(scale) || scale <= 0) {
    throw new Error(`CCSIM_PROPERTY_SCALE: expected a positive number like 0.2, 1 or 5, found "${text}"`)
  }
  return scale
}

/** The factor every property's run count is multiplied by. */
export const propertyScale: number = readScale(process.env)

/** `count` runs scaled by `propertyScale`, at least one. */
export const runs = (count: number): number => Math.max(1, Math.round(count * propertyScale))
