/**
 * What `toReportData` reads: the results document of a run (the engine's results contract,
 * `ResultsDocumentSchema`) plus the report's own `report` section (Layout.ts, Sampler.ts). A results file is
 * decoded with these schemas before anything is drawn, so a file of another version or a hand-edited one is
 * refused naming the field, never half-drawn. Times: ms after midnight, as in the engine, unless a name says
 * seconds.
 */
import {
  decodeResultsDocument,
  type ResultsDocument,
  type ResultsProblem,
  schemaProblem,
  ViolationSchema
} from "@ccsim/engine"
import { Exit, Schema } from "effect"
import type { ReportLayout } from "./Layout.ts"
import type { ReplicationSample } from "./Sampler.ts"

const Seconds = Schema.Number
const Span = Schema.Struct({ start: Seconds, end: Seconds })

/** A {@link ReportLayout} in results.json. */
export const ReportLayoutSchema = Schema.Struct({
  open: Seconds,
  close: Seconds,
  intervalSeconds: Seconds,
  queues: Schema.Array(
    Schema.Struct({
      id: Schema.String,
      name: Schema.String,
      serviceLevelThreshold: Seconds,
      serviceLevelTarget: Schema.Number,
      members: Schema.Array(Schema.String)
    })
  ),
  tenants: Schema.Array(Schema.Struct({ id: Schema.String, name: Schema.String })),
  agents: Schema.Array(
    Schema.Struct({
      id: Schema.String,
      name: Schema.String,
      group: Schema.String,
      shifts: Schema.Array(Schema.Struct({ ...Span.fields, breaks: Schema.Array(Span) }))
    })
  )
})

const TimeGridSchema = Schema.Struct({ start: Schema.Number, step: Schema.Number, columns: Schema.Number })
const EnvelopeSchema = Schema.Struct({ lo: Schema.Array(Schema.Number), hi: Schema.Array(Schema.Number) })

/** A {@link ReplicationSample} in results.json: one replication at the charts' resolution. */
export const ReplicationSampleSchema = Schema.Struct({
  replication: Schema.Number,
  end: Schema.Number,
  agentGrid: TimeGridSchema,
  agents: Schema.Array(
    Schema.Struct({ id: Schema.String, states: Schema.String, busy: Schema.String, signedIn: Schema.String })
  ),
  paths: Schema.Array(
    Schema.Struct({ key: Schema.String, grid: TimeGridSchema, queueLength: EnvelopeSchema, busy: EnvelopeSchema })
  ),
  staffing: Schema.Array(
    Schema.Struct({
      key: Schema.String,
      signedIn: Schema.Array(Schema.Number),
      busy: Schema.Array(Schema.Number),
      available: Schema.Array(Schema.Number)
    })
  )
})

/** A violation as the report stores it: with the replication it happened in, when known. */
export const ReportViolationSchema = Schema.Struct({
  replication: Schema.optionalKey(Schema.Number),
  ...ViolationSchema.fields
})

/**
 * What the report adds to the results document (results.json, field `report`): everything it draws that the
 * summary does not hold. All of it is deterministic, so results stay byte-identical for the same seed.
 */
export const ReportExtrasSchema = Schema.Struct({
  /** Names, queue settings and members, and shifts (from `reportLayout(model)`). */
  layout: Schema.optionalKey(Schema.NullOr(ReportLayoutSchema)),
  /** The state timeline and paths of one replication (from a `ReplicationSampler`). */
  sample: Schema.optionalKey(Schema.NullOr(ReplicationSampleSchema)),
  /** The checker's violations (all of them, or the first ones). */
  violations: Schema.optionalKey(Schema.NullOr(Schema.Array(ReportViolationSchema)))
})

/** @category models */
export type ReportExtras = typeof ReportExtrasSchema.Type

/**
 * The results document of a run, as `toReportData` reads it: the engine's document plus the report's section.
 *
 * @category models
 */
export type ReportSource = ResultsDocument & { readonly report?: ReportExtras | null | undefined }

// The stored shapes are the report's own types: a change to either side fails to compile here.
const layoutFits: ReportLayout = {} as typeof ReportLayoutSchema.Type
const sampleFits: ReplicationSample = {} as typeof ReplicationSampleSchema.Type
void layoutFits
void sampleFits

/**
 * Decodes a parsed results.json into a {@link ReportSource}, or names the first problem (another results
 * version, a missing or mistyped field).
 */
export const decodeReportSource = (
  input: unknown
):
  | { readonly _tag: "ok"; readonly source: ReportSource }
  | { readonly _tag: "problem"; readonly problem: ResultsProblem } => {
  const decoded = decodeResultsDocument(input)
  if (decoded._tag === "problem") return decoded
  const report = (input as { readonly report?: unknown }).report
  if (report === undefined || report === null) return { _tag: "ok", source: { ...decoded.document, report: null } }
  const extras = Schema.decodeUnknownExit(ReportExtrasSchema)(report)
  if (Exit.isSuccess(extras)) return { _tag: "ok", source: { ...decoded.document, report: extras.value } }
  return { _tag: "problem", problem: schemaProblem(extras, report, ["report"]) }
}
