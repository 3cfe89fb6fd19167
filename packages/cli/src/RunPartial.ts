/**
 * `ccsim run --shard k/n --partial`: run one share of a scenario's replications — those ≡ k − 1 (mod n) of the
 * planned count — and write the partial results file that `ccsim merge` reassembles. The planned count is the
 * scenario's `replications` (or `--replications`); with a precision target, its first count (`merge` says how
 * many more are needed). `--from-replication f` runs the share of f … count − 1, to add replications to parts.
 */
import * as path from "node:path"
import {
  formatReplications,
  partialFileName,
  Runner,
  replicationPlan,
  runPartial,
  type ShardSpec,
  shardReplications
} from "@ccsim/runner"
import type { Scenario } from "@ccsim/scenario"
import { Console, Effect } from "effect"
import { InputError } from "./Error.ts"
import { OutputWriter } from "./OutputWriter.ts"
import { Progress } from "./Progress.ts"
import { parseShard } from "./Shard.ts"

/** The shard flags of `ccsim run`. */
export interface ShardFlags {
  readonly shard: string | undefined
  readonly partial: boolean
  readonly fromReplication: number | undefined
  readonly trace: boolean
  readonly json: boolean
}

/**
 * The shard asked for, or undefined for a whole run; the flags that make no sense with a part are refused
 * (exit 2): a shard writes a part to merge, not results, and its trace would be a fraction of one.
 */
export const shardOf = (flags: ShardFlags): Effect.Effect<ShardSpec | undefined, InputError> =>
  Effect.gen(function* () {
    if (!flags.partial) {
      if (flags.shard !== undefined) {
        return yield* new InputError({
          subject: "--shard",
          expected: "--partial too (a shard writes a partial results file for ccsim merge)",
          found: `--shard ${flags.shard} alone`
        })
      }
      if (flags.fromReplication !== undefined) {
        return yield* new InputError({ subject: "--from-replication", expected: "--partial too", found: "it alone" })
      }
      return undefined
    }
    for (const [flag, set] of [
      ["--trace", flags.trace],
      ["--json", flags.json]
    ] as const) {
      if (set) return yield* new InputError({ subject: flag, expected: "no --partial with it", found: "both" })
    }
    const from = flags.fromReplication ?? 0
    if (!(Number.isInteger(from) && from >= 0)) {
      return yield* new InputError({ subject: "--from-replication", expected: "0 or more", found: String(from) })
    }
    if (flags.shard === undefined) return { index: 1, count: 1, from }
    const shard = parseShard(flags.shard)
    if (shard === undefined) {
      return yield* new InputError({ subject: "--shard", expected: "k/n with 1 ≤ k ≤ n", found: flags.shard })
    }
    return { ...shard, from }
  })

/** Runs shard `shard` of each scenario and writes its part to the scenario's output folder. */
export const runPartials = Effect.fnUntraced(function* (input: {
  readonly scenarios: ReadonlyArray<Scenario>
  readonly files: ReadonlyArray<string>
  readonly folders: ReadonlyArray<string>
  readonly shard: ShardSpec
  readonly check: boolean
  readonly quiet: boolean
}) {
  const runner = yield* Runner
  const progress = yield* Progress
  const writer = yield* OutputWriter
  for (const [i, scenario] of input.scenarios.entries()) {
    const file = input.files[i]!
    const folder = input.folders[i]!
    const planned = replicationPlan(scenario).initial
    if (input.shard.from >= planned) {
      return yield* new InputError({
        subject: "--from-replication",
        expected: `less than the ${planned} replications planned (raise --replications)`,
        found: String(input.shard.from)
      })
    }
    const replications = shardReplications(planned, input.shard)
    const outcome = yield* Effect.scoped(
      Effect.gen(function* () {
        const bar = yield* progress.track(scenario.name, replications.length)
        return yield* runner.run({
          scenario,
          subject: file,
          check: input.check,
          sample: true,
          replications,
          onDone: () => bar.advance(1)
        })
      })
    )
    const partial = runPartial({
      scenario,
      scenarioFile: file,
      check: input.check,
      shard: input.shard,
      planned,
      outcome
    })
    yield* writer.makeDirectory(folder)
    const target = path.join(folder, partialFileName(input.shard))
    yield* writer.writeFile(target, `${JSON.stringify(partial)}\n`)
    if (!input.quiet) {
      const held = replications.length === 0 ? "no replications" : `replications ${formatReplications(replications)}`
      yield* Console.log(
        `${scenario.name}: shard ${input.shard.index}/${input.shard.count} ran ${held} of ${planned}; wrote ${target}`
      )
    }
  }
})
