#!/usr/bin/env node
/**
 * The `ccsim` executable: run the command line with Node services; the exit code is the one `main` decided
 * (interrupts exit 130 after finalizers ran).
 */
import { NodeRuntime, NodeServices } from "@effect/platform-node"
import { Effect, Exit, Runtime } from "effect"
import { main } from "./Main.ts"
import { userDirectory } from "./UserDirectory.ts"

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
