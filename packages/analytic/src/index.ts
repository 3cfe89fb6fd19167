/**
 * @ccsim/analytic
 */
export const packageName = "@ccsim/analytic"
