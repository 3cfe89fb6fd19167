/**
 * A hand-made Model for feeding the collector synthetic hook sequences (only the fields metrics read).
 */
import type { ServiceLevelDefinition } from "@ccsim/scenario"
import type { Model } from "../../src/Model.ts"

export const OPEN = 8 * 3_600_000
export const HALF_HOUR = 1_800_000

export interface FakeModelOptions {
  readonly queues?: ReadonlyArray<{
    readonly id: string
    readonly thresholdMs?: number
    readonly definition?: ServiceLevelDefinition
  }>
  readonly tenants?: ReadonlyArray<string>
  readonly agents?: ReadonlyArray<{
    readonly id: string
    readonly group?: string
    readonly shifts?: ReadonlyArray<{
      start: number
      end: number
      breaks?: ReadonlyArray<{ start: number; end: number }>
    }>
  }>
  readonly intervals?: number
  readonly intervalMs?: number
  readonly shortAbandonMs?: number
}

/** A model with the given queues, tenants and agents; the day opens at 08:00. */
export const fakeModel = (options: FakeModelOptions = {}): Model => {
  const intervalMs = options.intervalMs ?? HALF_HOUR
  const intervalCount = options.intervals ?? 2
  const close = OPEN + intervalCount * intervalMs
  const model = {
    open: OPEN,
    close,
    intervalMs,
    intervalCount,
    settings: { shortAbandonThreshold: options.shortAbandonMs ?? 5000 },
    queues: (options.queues ?? [{ id: "q0" }]).map((q, index) => ({
      index,
      id: q.id,
      name: q.id,
      serviceLevelThreshold: q.thresholdMs ?? 20_000,
      serviceLevelDefinition: q.definition ?? "answered-of-offered"
    })),
    tenants: (options.tenants ?? ["t0"]).map((id, index) => ({ index, id, name: id })),
    agents: (options.agents ?? [{ id: "a0" }, { id: "a1" }]).map((a, index) => ({
      index,
      id: a.id,
      group: a.group ?? "team",
      name: a.id,
      queues: [],
      directLine: undefined,
      shifts: (a.shifts ?? [{ start: OPEN, end: close }]).map((s) => ({ ...s, breaks: s.breaks ?? [] }))
    }))
  }
  return model as unknown as Model
}

/** A small deterministic PRNG (mulberry32) for synthetic hook sequences. */
export const prng = (seed: number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
