export const packageName = "@ccsim/cli"
