#!/usr/bin/env node
/**
 * The `ccsim` executable: run the command line with Node services; the exit code is the one `main` decided
 * (interrupts exit 130 after finalizers ran).
 *
 * Node's compile cache is switched on before anything else loads: it keeps the compiled code (and the TypeScript
 * with its types stripped) between runs, which halves the start-up of every command. The modules come after it,
 * hence the dynamic imports. Module paths, not `@effect/platform-node`'s index: the index also loads HTTP, Redis,
 * WebSocket and cluster support, which `ccsim` never uses.
 */
import { enableCompileCache } from "node:module"

enableCompileCache()
const [{ Effect, Exit, Runtime }, NodeRuntime, NodeServices, { main }, { userDirectory }] = await Promise.all([
  import("effect"),
  import("@effect/platform-node/NodeRuntime"),
  import("@effect/platform-node/NodeServices"),
  import("./Main.ts"),
  import("./UserDirectory.ts")
])

// Relative paths are the user's: under npx / npm exec, npm runs us from the package folder and says where they stand.
const here = userDirectory(process.env, process.cwd())
if (here !== process.cwd()) process.chdir(here)

main(process.argv.slice(2)).pipe(
  Effect.provide(NodeServices.layer),
  NodeRuntime.runMain({
    disableErrorReporting: true,
    teardown: (exit, onExit) =>
      Exit.isSuccess(exit) ? onExit(exit.value as number) : Runtime.defaultTeardown(exit, onExit)
  })
)
