/**
 * Shards of a run and the partial results file each one writes. Shard k of n runs the replications whose index
 * is ≡ k − 1 (mod n), among `from` … `planned − 1` (`from` is 0 unless replications are being added to earlier
 * parts). A partial carries what `merge` needs to write exactly what one machine would have: the scenario itself
 * (encoded, with the hash of its content), the seed, the engine version, and per replication the raw result
 * (integer sums that merge exactly), its violations and the report's sample when the shard holds replication 0.
 *
 * Every partial has a `kind`; `run` is the one defined here, and sweep or staffing partials add theirs beside it
 * (Merge.ts checks the header that all kinds share before handing the parts to their kind's merge).
 */
import { createHash } from "node:crypto"
import { AGENT_COUNTERS, CALL_COUNTERS, RESULTS_VERSION, ViolationSchema } from "@ccsim/engine"
import { ReplicationSampleSchema } from "@ccsim/report"
import { Scenario, ServiceLevelDefinitions } from "@ccsim/scenario"
import { Schema } from "effect"
import type { ReplicationOutput } from "./Replication.ts"
import { engineVersion } from "./RunDocument.ts"
import type { RunOutcome } from "./Runner.ts"

/** The version of the partial results format; bumped on any incompatible change. */
export const PARTIAL_VERSION = 1 as const

/** Which share of the replications one machine runs: `index` (1-based) of `count`, from replication `from`. */
export interface ShardSpec {
  readonly index: number
  readonly count: number
  readonly from: number
}

/** The replications of a shard when `planned` are planned: indices ≡ index − 1 (mod count) in from … planned − 1. */
export const shardReplications = (planned: number, shard: ShardSpec): Array<number> => {
  const out: Array<number> = []
  for (let r = shard.from; r < planned; r++) if (r % shard.count === shard.index - 1) out.push(r)
  return out
}

/** The file name of a shard's partial: `part-<k>-of-<n>.json` (`-from-<f>` when adding replications). */
export const partialFileName = (shard: ShardSpec): string =>
  `part-${shard.index}-of-${shard.count}${shard.from === 0 ? "" : `-from-${shard.from}`}.json`

/**
 * The hash that says two parts ran the same scenario: the scenario's content without its seed and replication
 * count (the seed is compared on its own; the count only says how many replications were planned).
 */
export const scenarioHashOf = (scenario: Scenario): string =>
  createHash("sha256")
    .update(canonicalJson({ ...scenario, seed: 0, replications: 1 }))
    .digest("hex")

/** JSON with object keys sorted, so the hash does not depend on the order a scenario's fields were built in. */
const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`
  }
  return JSON.stringify(value) ?? "null"
}

const Counts = (keys: ReadonlyArray<string>) =>
  Schema.Struct(Object.fromEntries(keys.map((key) => [key, Schema.Number])) as Record<string, typeof Schema.Number>)

const SparseHistogramSchema = Schema.Array(Schema.Tuple([Schema.Number, Schema.Number]))

const CallScopeResultSchema = Schema.Struct({
  id: Schema.String,
  serviceLevelDefinition: Schema.Literals(ServiceLevelDefinitions),
  serviceLevelThresholdMs: Schema.NullOr(Schema.Number),
  counts: Counts(CALL_COUNTERS),
  waitHistogram: SparseHistogramSchema,
  abandonHistogram: SparseHistogramSchema,
  intervals: Schema.Array(Counts(CALL_COUNTERS))
})

const AgentResultSchema = Schema.Struct({
  id: Schema.String,
  group: Schema.String,
  agents: Schema.Number,
  counts: Counts(AGENT_COUNTERS)
})

/** One replication's raw result (`ReplicationResult` of the engine), checked field by field. */
export const ReplicationResultSchema = Schema.Struct({
  resultsVersion: Schema.Literal(RESULTS_VERSION),
  replications: Schema.Array(Schema.Number),
  serviceLevelDefinition: Schema.Literals(ServiceLevelDefinitions),
  warmupMs: Schema.Number,
  measuredMs: Schema.Number,
  violations: Schema.NullOr(Schema.Number),
  total: CallScopeResultSchema,
  queues: Schema.Array(CallScopeResultSchema),
  tenants: Schema.Array(CallScopeResultSchema),
  callTypes: Schema.Array(CallScopeResultSchema),
  agents: Schema.Array(AgentResultSchema),
  groups: Schema.Array(AgentResultSchema),
  intervals: Schema.Array(
    Schema.Struct({
      start: Schema.Number,
      durationMs: Schema.Number,
      scheduledMs: Schema.Number,
      signedInMs: Schema.Number,
      idleMs: Schema.Number,
      busyMs: Schema.Number,
      workMs: Schema.Number,
      waitHistogram: SparseHistogramSchema
    })
  )
})

/** What every kind of partial carries: enough to tell whether parts belong together and what they cover. */
export const PartialHeaderFields = {
  format: Schema.Literal("ccsim-partial"),
  partialVersion: Schema.Literal(PARTIAL_VERSION),
  kind: Schema.String,
  engineVersion: Schema.String,
  /** {@link scenarioHashOf} the scenario. */
  scenarioHash: Schema.String,
  /** The scenario file as given on the command line (for the commands `merge` suggests). */
  scenarioFile: Schema.String,
  seed: Schema.Number,
  /** Whether the conformance checker ran (parts checked and unchecked do not merge). */
  check: Schema.Boolean,
  shard: Schema.Struct({ index: Schema.Number, count: Schema.Number, from: Schema.Number }),
  /** Replications planned for the whole run (this part holds its share of from … planned − 1). */
  planned: Schema.Number,
  /** The replication indices this part holds, ascending. */
  replications: Schema.Array(Schema.Number)
}

/** The header alone (decoded first, so a part of an unknown kind or version is named as such). */
export const PartialHeaderSchema = Schema.Struct(PartialHeaderFields)

/** A partial of `ccsim run`. */
export const RunPartialSchema = Schema.Struct({
  ...PartialHeaderFields,
  kind: Schema.Literal("run"),
  /** The scenario, encoded (as a scenario file would hold it), seed and replication count included. */
  scenario: Schema.Unknown,
  outputs: Schema.Array(
    Schema.Struct({
      replication: Schema.Number,
      result: ReplicationResultSchema,
      truncated: Schema.Boolean,
      violationCount: Schema.Number,
      violations: Schema.Array(ViolationSchema)
    })
  ),
  /** The report's sampled replication (0), when this part holds it. */
  sample: Schema.NullOr(ReplicationSampleSchema)
})

/** A decoded run partial. */
export type RunPartial = typeof RunPartialSchema.Type

/** The partial of a shard's run. */
export const runPartial = (input: {
  readonly scenario: Scenario
  readonly scenarioFile: string
  readonly check: boolean
  readonly shard: ShardSpec
  readonly planned: number
  readonly outcome: RunOutcome
}): RunPartial => {
  const { outcome } = input
  return {
    format: "ccsim-partial",
    partialVersion: PARTIAL_VERSION,
    kind: "run",
    engineVersion,
    scenarioHash: scenarioHashOf(input.scenario),
    scenarioFile: input.scenarioFile,
    seed: input.scenario.seed,
    check: input.check,
    shard: input.shard,
    planned: input.planned,
    replications: outcome.outputs.map((o) => o.replication),
    scenario: Schema.encodeSync(Scenario)(input.scenario),
    outputs: outcome.outputs.map((o: ReplicationOutput) => ({
      replication: o.replication,
      result: o.result,
      truncated: o.truncated,
      violationCount: o.violationCount,
      violations: o.violations
    })),
    sample: outcome.sample ?? null
  }
}
