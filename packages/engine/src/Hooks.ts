/**
 * The observer hooks, declared once. Each entry is one method of {@link Observer}: its name, its parameters after
 * `t` (in order, with the same names) and which of them are booleans. A hook's code is its index here; its trace
 * event is its name in kebab case. Recording and replay (`kernel/HookBuffer.ts`), the null observer and fan-out
 * (`FanOut.ts`) are built from this table, so a new hook is added here, in the `Observer` interface (its types
 * and documentation) and in the observers that care; `test/Hooks.test.ts` checks that the three agree.
 */
import type { Observer } from "./Observer.ts"

export interface Hook {
  readonly name: keyof Observer
  /** Parameters after the time `t`. */
  readonly params: ReadonlyArray<string>
  /** Names of the boolean parameters (recorded as 1/0). */
  readonly booleans?: ReadonlyArray<string>
}

export const HOOKS = [
  {
    name: "callArrived",
    params: ["call", "kind", "tenant", "known", "source", "redialOf"],
    booleans: ["known"]
  },
  { name: "callRouted", params: ["call", "step", "target"] },
  { name: "callQueued", params: ["call", "queue"] },
  { name: "callRolledOver", params: ["call", "queue", "reason"] },
  { name: "offerStarted", params: ["call", "agent", "queue"] },
  { name: "offerAccepted", params: ["call", "agent", "queue"] },
  { name: "offerRejected", params: ["call", "agent", "queue"] },
  { name: "offerMissed", params: ["call", "agent", "queue"] },
  { name: "offerCancelled", params: ["call", "agent", "queue", "reason"] },
  { name: "outboundStarted", params: ["call", "agent"] },
  { name: "callHeld", params: ["call", "agent", "reason", "duration"] },
  { name: "callResumed", params: ["call", "agent"] },
  { name: "callAbandoned", params: ["call", "queue", "stage"] },
  { name: "callEnded", params: ["call", "agent", "outcome"] },
  { name: "redialScheduled", params: ["call", "at"] },
  { name: "wrapUpStarted", params: ["agent", "call", "queue", "duration"] },
  { name: "wrapUpEnded", params: ["agent"] },
  { name: "agentStatusChanged", params: ["agent", "status", "cause", "reason"] },
  { name: "agentOvertimeStarted", params: ["agent"] },
  /** The last hook of a run: buffers flush before passing it on. */
  { name: "simulationEnded", params: [] }
] as const satisfies ReadonlyArray<Hook>

/** The most parameters after `t` any hook has. */
export const MAX_PARAMS = Math.max(...HOOKS.map((h) => h.params.length))

/** The trace event name of a hook: `callArrived` → `call-arrived`. */
export const eventName = (hook: Hook): string => hook.name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)

/** The table and the interface name the same hooks, each with as many parameters (checked at compile time). */
type Listed = (typeof HOOKS)[number]
type Arity<N extends keyof Observer> = Parameters<Observer[N]>["length"]
type Agrees = [keyof Observer] extends [Listed["name"]]
  ? { [H in Listed as H["name"]]: [Arity<H["name"]>] extends [[0, ...H["params"]]["length"]] ? true : false }
  : { missingFromTable: Exclude<keyof Observer, Listed["name"]> }
type Check<T extends Record<keyof Observer, true>> = T
export type HooksAgreeWithObserver = Check<Agrees>

/**
 * Builds a class with one method per hook from JavaScript source: the constructor stores its `fields` (and runs
 * `init`), `body(hook, code)` gives each hook method's lines (its parameters are `t` and the hook's parameter
 * names), `members` any other methods. Used where a generic
 * `target[name](...)` would make one megamorphic call site of every hook; generated, each hook has its own site
 * as in a hand-written class. Evaluated once, at module load.
 */
export const hookClass = <C>(
  name: string,
  fields: ReadonlyArray<string>,
  body: (hook: Hook, code: number) => ReadonlyArray<string>,
  { init = [], members = [] }: { init?: ReadonlyArray<string>; members?: ReadonlyArray<string> } = {}
): C => {
  const indent = (lines: ReadonlyArray<string>) => lines.map((line) => `    ${line}\n`).join("")
  const methods = HOOKS.map(
    (hook, code) => `  ${hook.name}(${["t", ...hook.params].join(", ")}) {\n${indent(body(hook, code))}  }\n`
  )
  const source = `return class ${name} {
  constructor(${fields.join(", ")}) {
${indent([...fields.map((f) => `this.${f} = ${f}`), ...init])}  }
${members.join("")}${methods.join("")}}
//# sourceURL=ccsim/engine/${name}.generated.js`
  return new Function(source)()
}
