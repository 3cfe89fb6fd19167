/**
 * @ccsim/report
 */
export const packageName = "@ccsim/report"
