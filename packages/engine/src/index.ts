/**
 * @ccsim/engine
 */
export const packageName = "@ccsim/engine"
