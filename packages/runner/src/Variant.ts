/**
 * A scenario variant: a decoded scenario with a key naming its content. Compare runs two variants, a sweep one per
 * point, a staffing search one per candidate staffing; the worker threads compile each variant once and find it
 * again by its key, so the same pool serves them all.
 */
import { createHash } from "node:crypto"
import type { Scenario } from "@ccsim/scenario"

/** A scenario and the hash of its content. */
export interface Variant {
  /** sha256 of the scenario's JSON: equal scenarios share a key (and a compiled model). */
  readonly key: string
  readonly scenario: Scenario
}

/** The variant of a scenario (hashing its content). */
export const variantOf = (scenario: Scenario): Variant => ({
  key: createHash("sha256").update(JSON.stringify(scenario)).digest("hex"),
  scenario
})
