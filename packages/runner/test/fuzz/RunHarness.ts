/**
 * The run fuzzer's harness: the loader fuzzer's mutants of the bundled scenarios that decode are compiled and run
 * as `ccsim run` would run replication 0 (traced to a temporary folder, sampled for the report), for a bounded
 * number of the engine's slices. The conformance checker is left out: on mutants with hundreds of traffic sources
 * it costs a hundred times the run, and the engine's own property tests check the rules. Every input must end in a finished or abandoned run, or in the
 * engine's tagged error with exit code 2 (a scenario the engine rejects, or a run whose clock stops); anything
 * else (a defect, a crash of the engine, a trace part or temporary file left behind) is a failure.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, extname, join } from "node:path"
import { compile, EngineError, type Model } from "@ccsim/engine"
import { loadScenarioFile } from "@ccsim/scenario"
import { NodeServices } from "@effect/platform-node"
import { Effect } from "effect"
import type { FuzzInput } from "../../../scenario/test/fuzz/Mutations.ts"
import { replicationOutputSteps, samplerFor } from "../../src/Replication.ts"

/** Slices of the engine run per input (each `SLICE_EVENTS` events): enough to pass opening, small enough for 1,000. */
export const SLICES_PER_INPUT = 3

const load = (file: string) =>
  Effect.runPromise(Effect.result(loadScenarioFile(file)).pipe(Effect.provide(NodeServices.layer)))

/** The exit code `ccsim run` gives an error the engine throws: 2 for the scenario's fault, else 3 (a bug). */
const exitCodeOf = (error: unknown): number =>
  error instanceof EngineError && (error.reason === "InvalidScenario" || error.reason === "NoProgress") ? 2 : 3

/** Why running `input` breaks the invariant, or `undefined` when it holds (inputs that do not decode hold). */
export const judgeRun = async (workspace: string, input: FuzzInput): Promise<string | undefined> => {
  const file = join(workspace, dirname(input.rel), `fuzz-run-input${extname(input.rel)}`)
  writeFileSync(file, input.bytes)
  let loaded: Awaited<ReturnType<typeof load>>
  try {
    loaded = await load(file)
  } catch (cause) {
    return `loader defect: ${String(cause).split("\n")[0]}`
  }
  if (loaded._tag === "Failure") return undefined
  const scenario = loaded.success
  let model: Model
  try {
    model = compile(scenario)
  } catch (error) {
    return exitCodeOf(error) === 2 ? undefined : `compile crashed: ${String(error).split("\n")[0]}`
  }
  const traces = mkdtempSync(join(tmpdir(), "ccsim-fuzz-run-"))
  try {
    const options = {
      seed: scenario.seed,
      check: false,
      tracePrefix: join(traces, ".trace.r"),
      keepTraceOf: [],
      sampleOf: [0]
    }
    const steps = replicationOutputSteps(model, 0, options, await samplerFor(model, 0, options))
    let finished = false
    try {
      for (let slice = 0; slice < SLICES_PER_INPUT && !finished; slice++) finished = steps.next().done === true
      if (!finished) steps.return(undefined as never)
    } catch (error) {
      if (exitCodeOf(error) !== 2) return `run crashed: ${String(error).split("\n")[0]}`
      finished = false
    }
    const left = readdirSync(traces)
    const expected = finished ? [".trace.r0.part"] : []
    if (JSON.stringify(left) !== JSON.stringify(expected)) return `files left: ${left.join(", ")}`
    return undefined
  } finally {
    rmSync(traces, { recursive: true, force: true })
  }
}
