/**
 * An observer that records every hook call as numbers in a typed array and replays the calls, in order, to its
 * target in batches (and at `simulationEnded`). The target sees exactly the same calls; only later. Why: the
 * rules and a rich observer (metrics, checker) interleaved event by event compete for the CPU's instruction
 * cache and branch predictors; in batches each runs warm, which makes a measured run markedly faster. Recording
 * is a few stores per hook and allocates nothing.
 *
 * The class is generated once from the hook table (`Hooks.ts`): a method per hook that stores its code and
 * arguments, and a replay loop with one call site per hook, as a hand-written class would have (a generic
 * `target[name](...)` would be one megamorphic site for every hook, which costs more than the batching saves).
 */
import type { Hook } from "../Hooks.ts"
import * as hooks from "../Hooks.ts"
import type { Observer } from "../Observer.ts"

// Module-local copies of the imports: V8 folds a module's own constants into the machine code but reads an
// imported binding at every use (engine README, "Imports in hot modules").
const { HOOKS, hookClass, MAX_PARAMS } = hooks

/** Numbers per recorded hook: its code, the time and up to `MAX_PARAMS` arguments. */
const STRIDE = 2 + MAX_PARAMS
/** Hooks per batch: large enough to amortise the switch between rules and observer, small enough for the cache. */
const BATCH = 512

const isLast = (hook: Hook): boolean => hook.name === "simulationEnded"
const isBoolean = (hook: Hook, name: string): boolean => hook.booleans?.includes(name) === true

/** Stores the hook's code, time and arguments. */
const record = (hook: Hook, code: number): ReadonlyArray<string> => {
  if (isLast(hook)) return ["this.flush()", `this.target.${hook.name}(t)`]
  const stores = hook.params.map((name, i) => `b[p + ${i + 2}] = ${isBoolean(hook, name) ? `${name} ? 1 : 0` : name}`)
  return [`const p = this.record(${code}, t)`, ...(stores.length > 0 ? ["const b = this.buf"] : []), ...stores]
}

/** The call replaying one recorded hook at position `p` of `b` to `o`. */
const replay = (hook: Hook): string => {
  const args = hook.params.map((name, i) => `b[p + ${i + 2}]${isBoolean(hook, name) ? " === 1" : ""}`)
  return `o.${hook.name}(${["b[p + 1]", ...args].join(", ")})`
}

const flush = `  flush() {
    const b = this.buf
    const o = this.target
    const n = this.n
    this.n = 0
    for (let p = 0; p < n; p += ${STRIDE}) {
      switch (b[p] | 0) {
${HOOKS.map((hook, code) => (isLast(hook) ? "" : `        case ${code}: ${replay(hook)}; break\n`)).join("")}      }
    }
  }
`

const recordAt = `  record(code, t) {
    if (this.n === ${STRIDE * BATCH}) this.flush()
    const p = this.n
    this.n = p + ${STRIDE}
    this.buf[p] = code
    this.buf[p + 1] = t
    return p
  }
`

export interface HookBuffer extends Observer {
  /** Replays the recorded hooks to the target and empties the buffer. */
  flush(): void
}

export const HookBuffer = hookClass<new (target: Observer) => HookBuffer>("HookBuffer", ["target"], record, {
  init: [`this.buf = new Float64Array(${STRIDE * BATCH})`, "this.n = 0"],
  members: [flush, recordAt]
})
