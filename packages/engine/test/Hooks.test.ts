import { readFileSync } from "node:fs"
import { join } from "node:path"
import ts from "typescript"
import { describe, expect, it } from "vitest"
import { eventName, HOOKS, hookClass } from "../src/Hooks.ts"
import { compile, fanOut, NullObserver, type Observer, TraceRecorder } from "../src/index.ts"
import { HookBuffer } from "../src/kernel/HookBuffer.ts"
import { everyKindOnce } from "./helpers.ts"

/** The `Observer` interface as written in Observer.ts: each method's name, parameters and boolean parameters. */
const declared = (() => {
  const path = join(import.meta.dirname, "../src/Observer.ts")
  const file = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest)
  const observer = file.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === "Observer"
  )
  const members: ReadonlyArray<ts.TypeElement> = observer?.members ?? []
  return members
    .filter((m): m is ts.MethodSignature => ts.isMethodSignature(m))
    .map((m) => {
      const params = m.parameters.map((p) => ({
        name: p.name.getText(file),
        boolean: p.type?.kind === ts.SyntaxKind.BooleanKeyword
      }))
      return {
        name: m.name.getText(file),
        first: params[0]?.name,
        params: params.slice(1).map((p) => p.name),
        booleans: params.filter((p) => p.boolean).map((p) => p.name)
      }
    })
})()

/** An observer that writes down every call it receives. */
type Log = Array<[string, ...Array<number | boolean>]>
const Logger = hookClass<new (log: Log) => Observer>("Logger", ["log"], (hook) => [
  `this.log.push([${JSON.stringify(hook.name)}, ${["t", ...hook.params].join(", ")}])`
])

/** Calls every hook of `o` once, in table order, with arguments distinct per hook and position. */
const callEveryHook = (o: Observer): Log =>
  HOOKS.map((hook, code) => {
    const args = [1000 * code + 7, ...hook.params.map((p, i) => (p === "known" ? code % 2 === 0 : 10 * code + i))]
    ;(o[hook.name] as (...a: Array<number | boolean>) => void)(...args)
    return [hook.name, ...args]
  })

describe("the hook table", () => {
  it("lists the Observer interface's methods in order, with their parameter names and booleans", () => {
    expect(declared.length).toBeGreaterThan(0)
    expect(declared).toEqual(
      HOOKS.map((hook) => ({
        name: hook.name,
        first: "t",
        params: [...hook.params],
        booleans: "booleans" in hook ? [...hook.booleans] : []
      }))
    )
  })

  it("names the trace's events", () => {
    const model = compile(everyKindOnce())
    const trace = new TraceRecorder(model)
    // Index 0 exists for every kind in this model, and 0 is a valid code.
    for (const hook of HOOKS) {
      const args = hook.params.map((p) => (p === "known" ? true : 0))
      ;(trace[hook.name] as (...a: Array<number | boolean>) => void)(28_800_000, ...args)
    }
    expect(trace.events.map((e) => e.event)).toEqual(HOOKS.map(eventName))
    HOOKS.forEach((hook, i) => {
      const fields = Object.keys(trace.events[i]!).filter((f) => f !== "t" && f !== "at" && f !== "event")
      // Beyond its hook's parameters, an offer carries the tenant its call arrived with (R2).
      const derived = hook.name === "offerStarted" ? ["tenant"] : []
      expect(fields).toEqual([...hook.params.map((p) => (p === "at" ? "redialAt" : p)), ...derived])
    })
  })

  it("gives the null observer every hook", () => {
    const o = new NullObserver()
    for (const hook of HOOKS) expect(typeof o[hook.name]).toBe("function")
    expect(Object.getOwnPropertyNames(NullObserver.prototype).sort()).toEqual(
      ["constructor", ...HOOKS.map((h) => h.name)].sort()
    )
  })
})

describe("HookBuffer", () => {
  it("replays every hook with its arguments, in order, at simulationEnded", () => {
    const log: Log = []
    const expected = callEveryHook(new HookBuffer(new Logger(log)))
    expect(log).toEqual(expected)
  })

  it("replays in batches and keeps the order across them", () => {
    const log: Log = []
    const buffer = new HookBuffer(new Logger(log))
    const expected: Log = []
    for (let i = 0; i < 1500; i++) {
      buffer.callQueued(i, i + 1, i + 2)
      expected.push(["callQueued", i, i + 1, i + 2])
    }
    expect(log.length).toBeGreaterThan(0) // a full batch was replayed before the end
    expect(log.length).toBeLessThan(1500)
    buffer.flush()
    expect(log).toEqual(expected)
  })
})

describe("fanOut", () => {
  for (const n of [1, 2, 3, 5]) {
    it(`forwards every hook to each of ${n} observers, in order`, () => {
      const log: Log = []
      const observers = Array.from({ length: n }, () => new Logger(log))
      const expected = callEveryHook(fanOut(observers))
      expect(log).toEqual(expected.flatMap((entry) => Array.from({ length: n }, () => entry)))
    })
  }
})
