/**
 * @ccsim/cli: the `ccsim` command. Exported for tests and for embedding: `main(args)` runs a command line and
 * returns its exit code.
 */
export { cli, version } from "./Cli.ts"
export * from "./Error.ts"
export { main } from "./Main.ts"
