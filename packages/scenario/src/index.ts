/**
 * @ccsim/scenario
 */
export const packageName = "@ccsim/scenario"
