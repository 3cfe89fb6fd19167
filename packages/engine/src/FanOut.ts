/**
 * Combines observers into one: each hook calls every observer in order, with no allocation per event. Two and
 * three observers (the usual: metrics, checker, trace) get classes of their own with one call site per observer,
 * so each site sees a single observer class and the calls stay direct. The classes are generated once from the
 * hook table (`Hooks.ts`), with the code a hand-written class would have.
 */
import { hookClass } from "./Hooks.ts"
import type { Observer } from "./Observer.ts"

const args = (params: ReadonlyArray<string>): string => ["t", ...params].join(", ")

/** Forwards every hook to the fields `o0` … `o{k−1}`, one call site each. */
const fixed = <C>(k: number): C => {
  const fields = Array.from({ length: k }, (_, i) => `o${i}`)
  return hookClass(`FanOut${k}`, fields, (hook) => fields.map((f) => `this.${f}.${hook.name}(${args(hook.params)})`))
}

const FanOut2 = fixed<new (a: Observer, b: Observer) => Observer>(2)
const FanOut3 = fixed<new (a: Observer, b: Observer, c: Observer) => Observer>(3)
/** Forwards every hook to each observer of the array `all`. */
const FanOutObserver = hookClass<new (all: ReadonlyArray<Observer>) => Observer>("FanOutObserver", ["all"], (hook) => [
  `for (const o of this.all) o.${hook.name}(${args(hook.params)})`
])

/** One observer that forwards every step to each of `observers`, in order. A single observer is returned as is. */
export const fanOut = (observers: ReadonlyArray<Observer>): Observer => {
  const [a, b, c] = observers
  if (observers.length === 1) return a!
  if (observers.length === 2) return new FanOut2(a!, b!)
  if (observers.length === 3) return new FanOut3(a!, b!, c!)
  return new FanOutObserver([...observers])
}
