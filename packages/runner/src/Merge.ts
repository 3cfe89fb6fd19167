/**
 * Merging partial results (Shard.ts) into what one machine would have run. Parts are decoded (a part of another
 * version, kind or a damaged one is refused naming the file and the field), checked to belong together (same
 * kind, engine version, scenario, seed and checking) and to cover replications 0 … planned − 1 exactly once, then
 * merged by their kind. Replication r's result does not depend on where it ran, so the merge of a run's parts in
 * replication order is the unsharded run, byte for byte.
 */
import { compile, type ReplicationResult, schemaProblem, summarizeTotal } from "@ccsim/engine"
import { Scenario } from "@ccsim/scenario"
import { Effect, Exit, Runtime, Schema } from "effect"
import { analyze } from "./Analysis.ts"
import { precisionOf, replicationPlan, sufficientReplications } from "./Precision.ts"
import type { ReplicationOutput } from "./Replication.ts"
import { type RunDocument, runDocument } from "./RunDocument.ts"
import type { RunOutcome } from "./Runner.ts"
import {
  PARTIAL_VERSION,
  PartialHeaderSchema,
  type RunPartial,
  RunPartialSchema,
  type ShardSpec,
  scenarioHashOf
} from "./Shard.ts"

/**
 * Parts that cannot be merged: damaged, of another version, of different runs, overlapping or incomplete. Exit 2;
 * the message is one line naming the parts.
 *
 * @category errors
 */
export class MergeRefused extends Schema.TaggedError<MergeRefused>()("MergeRefused", {
  message: Schema.String
}) {
  override readonly [Runtime.errorExitCode] = 2
}

/** The header every kind of part shares. */
export type PartialHeader = typeof PartialHeaderSchema.Type

/** A decoded part and the file it came from. */
export interface Part<P extends PartialHeader = PartialHeader> {
  readonly file: string
  readonly partial: P
}

/** The kinds of part `merge` knows, with their schemas (sweep and staffing partials add theirs here). */
const KINDS = { run: RunPartialSchema } as const

/** A decoded part of any known kind. */
export type AnyPartial = RunPartial

const refuse = (message: string) => new MergeRefused({ message })

const problemLine = (file: string, exit: Exit.Exit<unknown, Schema.SchemaError>, input: unknown): string => {
  const problem = schemaProblem(exit, input)
  const found = problem.found === undefined ? "" : `, found ${problem.found}`
  return `${file}: ${problem.path === "" ? "" : `${problem.path}: `}expected ${problem.expected}${found}`
}

/** Decodes the parsed JSON of part `file`. */
export const decodePart = (file: string, input: unknown): Effect.Effect<Part<AnyPartial>, MergeRefused> =>
  Effect.gen(function* () {
    const isObject = typeof input === "object" && input !== null && !Array.isArray(input)
    if (!isObject || (input as { format?: unknown }).format !== "ccsim-partial") {
      return yield* refuse(`${file}: expected a partial results file (written by ccsim run --partial)`)
    }
    const version = (input as { partialVersion?: unknown }).partialVersion
    if (version !== PARTIAL_VERSION) {
      return yield* refuse(
        `${file}: partialVersion: expected partial version ${PARTIAL_VERSION} (written by this ccsim), found ${JSON.stringify(version)}`
      )
    }
    const header = Schema.decodeUnknownExit(PartialHeaderSchema)(input)
    if (Exit.isFailure(header)) return yield* refuse(problemLine(file, header, input))
    const kind = header.value.kind
    if (!(kind in KINDS)) {
      return yield* refuse(
        `${file}: kind: expected a part of ${Object.keys(KINDS).join(", ")}, found ${JSON.stringify(kind)}`
      )
    }
    const decoded = Schema.decodeUnknownExit(KINDS[kind as keyof typeof KINDS])(input)
    if (Exit.isFailure(decoded)) return yield* refuse(problemLine(file, decoded, input))
    // Checked, the part is used as written: decoding rebuilds objects in the schema's key order, and raw results
    // must come out of the merge with the engine's key order, byte for byte.
    const partial = input as AnyPartial
    const held = partial.outputs.map((o) => o.replication)
    if (JSON.stringify(held) !== JSON.stringify(partial.replications)) {
      return yield* refuse(
        `${file}: outputs: expected the replications the part lists (${partial.replications.join(", ")}), found ${held.join(", ")}`
      )
    }
    return { file, partial }
  })

/** Replications as short text: `0–3, 7, 9`. */
export const formatReplications = (indices: ReadonlyArray<number>): string => {
  const out: Array<string> = []
  for (let i = 0; i < indices.length; ) {
    let j = i
    while (j + 1 < indices.length && indices[j + 1] === indices[j]! + 1) j++
    out.push(j === i ? `${indices[i]}` : `${indices[i]}–${indices[j]}`)
    i = j + 1
  }
  return out.join(", ")
}

/** What the parts cover. */
export interface Coverage {
  /** Replications planned: 0 … planned − 1 (the largest plan among the parts). */
  readonly planned: number
  /** Planned replications no part holds. */
  readonly missing: ReadonlyArray<number>
}

const FIELDS: ReadonlyArray<readonly [string, (h: PartialHeader) => unknown]> = [
  ["kinds", (h) => h.kind],
  ["engine versions", (h) => h.engineVersion],
  ["scenarios", (h) => h.scenarioHash],
  ["seeds", (h) => h.seed],
  ["conformance checking (--check)", (h) => h.check]
]

/**
 * Checks that `parts` belong to one run (kind, engine version, scenario, seed, checking) and hold each planned
 * replication at most once, and at least once unless `allowMissing`.
 */
export const checkParts = (
  parts: ReadonlyArray<Part>,
  options: { readonly allowMissing: boolean }
): Effect.Effect<Coverage, MergeRefused> =>
  Effect.gen(function* () {
    if (parts.length === 0) return yield* refuse("expected at least one partial results file")
    for (const [what, field] of FIELDS) {
      const groups = new Map<string, Array<string>>()
      for (const part of parts) {
        const key = JSON.stringify(field(part.partial))
        groups.set(key, [...(groups.get(key) ?? []), part.file])
      }
      if (groups.size > 1) {
        const listed = [...groups].map(([value, files]) => `${files.join(", ")} (${shortValue(value)})`)
        return yield* refuse(`parts of different ${what} cannot be merged: ${listed.join(" vs ")}`)
      }
    }
    const holder = new Map<number, Part>()
    for (const part of parts) {
      for (const r of part.partial.replications) {
        const other = holder.get(r)
        if (other !== undefined) {
          return yield* refuse(
            other === part
              ? `${part.file}: replication ${r} is listed twice`
              : other.file === part.file
                ? `${part.file} is given twice`
                : `replication ${r} is in both ${other.file} and ${part.file}: a part given twice, or parts of overlapping shards`
          )
        }
        holder.set(r, part)
      }
    }
    const planned = Math.max(...parts.map((p) => p.partial.planned))
    const missing = Array.from({ length: planned }, (_, r) => r).filter((r) => !holder.has(r))
    const beyond = [...holder.keys()].filter((r) => r >= planned)
    if (beyond.length > 0) {
      return yield* refuse(`${holder.get(beyond[0]!)?.file}: replication ${beyond[0]} is beyond the ${planned} planned`)
    }
    if (missing.length > 0 && !options.allowMissing) {
      return yield* refuse(
        `replications ${formatReplications(missing)} of 0–${planned - 1} are in none of ${parts.map((p) => p.file).join(", ")}: add their parts, or merge anyway with --allow-missing`
      )
    }
    return { planned, missing }
  })

const shortValue = (json: string): string => {
  const text = json.startsWith('"') ? (JSON.parse(json) as string) : json
  return /^[0-9a-f]{64}$/.test(text) ? `scenario ${text.slice(0, 12)}…` : text
}

/** More replications wanted by a precision target, and how to add them. */
export interface MoreReplications {
  /** Replications held now (0 … held − 1). */
  readonly held: number
  /** The estimated total needed (at most the scenario's `run.maxReplications`). */
  readonly total: number
  /** The largest relative half-width of the chosen metrics now, and the target. */
  readonly relativeHalfWidth: number | null
  readonly target: number
}

/** A merged run: the scenario and an outcome as `Runner.run` would have returned it. */
export interface MergedRun {
  readonly scenario: Scenario
  readonly scenarioFile: string
  readonly check: boolean
  readonly outcome: RunOutcome
  readonly coverage: Coverage
  /** Shards of the parts (for the command that adds replications). */
  readonly shard: ShardSpec
  /** With a precision target not reached yet within `run.maxReplications`: what to add. */
  readonly more: MoreReplications | undefined
}

/**
 * The replications a precision target needs, estimated from `held` replications: a half-width shrinks as
 * 1/√n, so n ≈ held × (now / target)², at least one more and at most `maximum`.
 */
export const estimateTotal = (held: number, relativeHalfWidth: number | null, target: number, maximum: number) => {
  const wanted = relativeHalfWidth === null ? held * 2 : Math.ceil(held * (relativeHalfWidth / target) ** 2)
  return Math.min(maximum, Math.max(held + 1, wanted))
}

/** Merges checked parts of `ccsim run`: the scenario from the parts, outputs in replication order. */
export const mergeRunParts = (
  parts: ReadonlyArray<Part<RunPartial>>,
  coverage: Coverage
): Effect.Effect<MergedRun, MergeRefused> =>
  Effect.gen(function* () {
    const first = parts[0]!
    const decoded = Schema.decodeUnknownExit(Scenario)(first.partial.scenario)
    if (Exit.isFailure(decoded)) return yield* refuse(problemLine(first.file, decoded, first.partial.scenario))
    const scenario: Scenario = { ...decoded.value, replications: coverage.planned }
    if (scenarioHashOf(scenario) !== first.partial.scenarioHash) {
      return yield* refuse(`${first.file}: scenario: expected the scenario whose hash the part records, found another`)
    }
    const model = yield* Effect.try({
      try: () => compile(scenario),
      catch: (error) =>
        refuse(`${first.file}: scenario: expected a scenario the engine can run, found ${String(error)}`)
    })
    const outputs: Array<ReplicationOutput> = parts
      .flatMap((part) =>
        part.partial.outputs.map(
          (o): ReplicationOutput => ({
            replication: o.replication,
            // Checked against the schema (read-only arrays); the engine's type says mutable but merging never mutates.
            result: o.result as unknown as ReplicationResult,
            truncated: o.truncated,
            violationCount: o.violationCount,
            violations: o.violations,
            trace: undefined,
            sample: o.replication === part.partial.sample?.replication ? part.partial.sample : undefined
          })
        )
      )
      .sort((a, b) => a.replication - b.replication)

    // A precision target: keep the fewest replications that meet it, as the unsharded run does.
    const plan = replicationPlan(scenario)
    let precisionReached: boolean | undefined
    let more: MoreReplications | undefined
    if (plan.target !== undefined && coverage.missing.length === 0) {
      const enough = sufficientReplications(
        outputs.map((o) => o.result),
        plan.target
      )
      if (enough !== undefined) {
        outputs.length = enough
        precisionReached = true
      } else {
        precisionReached = false
        if (outputs.length >= plan.maximum) outputs.length = plan.maximum
        else {
          const precision = precisionOf(summarizeTotal(outputs.map((o) => o.result)), plan.target)
          const widths = Object.values(precision.relativeHalfWidths)
          const worst = widths.includes(null) ? null : Math.max(...(widths as Array<number>))
          more = {
            held: outputs.length,
            total: estimateTotal(outputs.length, worst, plan.target, plan.maximum),
            relativeHalfWidth: worst,
            target: plan.target
          }
        }
      }
    }
    const sample = outputs.find((o) => o.sample !== undefined)?.sample
    return {
      scenario,
      scenarioFile: first.partial.scenarioFile,
      check: first.partial.check,
      outcome: { model, outputs, sample, precisionReached },
      coverage,
      shard: first.partial.shard,
      more
    }
  })

/** Decodes, checks and merges parts (parsed JSON by file). Only `run` parts exist so far. */
export const mergeParts = (
  inputs: ReadonlyArray<{ readonly file: string; readonly json: unknown }>,
  options: { readonly allowMissing: boolean }
): Effect.Effect<MergedRun, MergeRefused> =>
  Effect.gen(function* () {
    const parts = yield* Effect.forEach(inputs, (input) => decodePart(input.file, input.json))
    const coverage = yield* checkParts(parts, options)
    // Order by first replication, so the merge does not depend on the order the parts were given in.
    const ordered = [...parts].sort(
      (a, b) => (a.partial.replications[0] ?? Infinity) - (b.partial.replications[0] ?? Infinity)
    )
    return yield* mergeRunParts(ordered, coverage)
  })

/** results.json of a merged run, and its analysis; an incomplete merge (`--allow-missing`) says so in a field. */
export const mergedResults = (merged: MergedRun, options: { readonly raw: boolean }) => {
  const { coverage } = merged
  const analysis = analyze(merged.scenario, merged.outcome, merged.check)
  const base = runDocument({ analysis, sample: merged.outcome.sample, raw: options.raw })
  const missingNote =
    coverage.missing.length === 0
      ? undefined
      : `merged with --allow-missing: replications ${formatReplications(coverage.missing)} of 0–${coverage.planned - 1} are missing`
  // Only an incomplete merge adds a field: a complete one is byte for byte the unsharded run's results.
  const document: RunDocument & { readonly incomplete?: unknown } =
    missingNote === undefined
      ? base
      : { ...base, incomplete: { missingReplications: coverage.missing, note: missingNote } }
  return { analysis, document, missingNote }
}

/** The command that adds the replications `more` asks for, for shard `K` of `n` (`K` left for the caller). */
export const addReplicationsCommand = (merged: MergedRun, more: MoreReplications, out: string): string =>
  [
    "ccsim run",
    quoteArg(merged.scenarioFile),
    `--seed ${merged.scenario.seed}`,
    `--replications ${more.total}`,
    `--from-replication ${more.held}`,
    `--shard K/${merged.shard.count}`,
    "--partial",
    ...(merged.check ? ["--check"] : []),
    `--out ${quoteArg(out)}`
  ].join(" ")

const quoteArg = (text: string): string => (/^[\w./:@%+=-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`)
