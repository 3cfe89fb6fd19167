/**
 * Mutations of the bundled scenarios for the fuzzer: value-level (type swaps, extreme numbers, unknown keys, deep
 * nesting, aliases), text-level (duplicated lines, alias bombs, custom tags, CR line ends, tabs) and byte-level
 * (flips, truncation, UTF-16, Latin-1, BOM, NUL). Each input is small (a bundled scenario plus a few kilobytes),
 * so the loader's work per input is bounded by its own limits; no timers are involved.
 */
import fc from "fast-check"
import { parse, stringify } from "yaml"

/** A bundled scenario: its path below `scenarios/` and its text. */
export interface Seed {
  readonly rel: string
  readonly text: string
}

/** A mutated input: the bytes to write under the seed's name (its folder, so CSV paths still resolve). */
export interface FuzzInput {
  readonly rel: string
  readonly bytes: Uint8Array
  /** What was done, for the fixture's name and the failure report. */
  readonly steps: ReadonlyArray<string>
}

type Path = ReadonlyArray<string | number>

/** Every path of the document, shallow ones only (an earlier mutation may have nested it thousands deep). */
const paths = (value: unknown): Array<Path> => {
  const out: Array<Path> = []
  const stack: Array<readonly [unknown, Path]> = [[value, []]]
  while (stack.length > 0 && out.length < 20_000) {
    const [v, at] = stack.pop()!
    out.push(at)
    if (at.length >= 40) continue
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push([v[i], [...at, i]])
    } else if (v !== null && typeof v === "object")
      for (const [k, item] of Object.entries(v)) stack.push([item, [...at, k]])
  }
  return out.reverse()
}

const setAt = (root: unknown, path: Path, replace: (old: unknown) => unknown): unknown => {
  if (path.length === 0) return replace(root)
  const [head, ...rest] = path
  const parent = root as Record<string | number, unknown>
  parent[head!] = setAt(parent[head!], rest, replace)
  return root
}

const getAt = (root: unknown, path: Path): unknown =>
  path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], root)

const EXTREMES: ReadonlyArray<unknown> = [
  0,
  -0,
  -1,
  1e-300,
  0.0001,
  1e9,
  1e308,
  -1e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 53 + 1,
  0x7fffffff,
  "",
  "0s",
  "-5s",
  "1e400",
  "20 sec",
  "99999999999h",
  true,
  null,
  [],
  {},
  [1, 2, 3],
  { type: "erlang", k: 1e9, mean: "3m" },
  "\u001b[31mred\u001b[0m\r",
  "x".repeat(5000)
]

const nest = (value: unknown, depth: number, asList: boolean): unknown => {
  let out = value
  for (let i = 0; i < depth; i++) out = asList ? [out] : { n: out }
  return out
}

/** A value-level change of the parsed document at the `pick`-th path. */
type ValueOp = (doc: unknown, pick: number, extra: number) => { doc: unknown; step: string }

const VALUE_OPS: ReadonlyArray<ValueOp> = [
  (doc, pick, extra) => {
    const all = paths(doc)
    const path = all[pick % all.length]!
    const value = EXTREMES[extra % EXTREMES.length]
    return {
      doc: setAt(doc, path, () => value),
      step: `set ${path.join(".")} to ${JSON.stringify(value)?.slice(0, 20)}`
    }
  },
  (doc, pick, extra) => {
    const maps = paths(doc).filter((p) => {
      const v = getAt(doc, p)
      return v !== null && typeof v === "object" && !Array.isArray(v)
    })
    const path = maps[pick % maps.length] ?? []
    const key = ["ringTimout", "count", "__proto__", "constructor", "x".repeat(300), `k${extra}`][extra % 6]!
    return {
      doc: setAt(doc, path, (old) => ({ ...(old as object), [key]: EXTREMES[extra % EXTREMES.length] })),
      step: `add key ${key.slice(0, 12)} at ${path.join(".")}`
    }
  },
  (doc, pick, extra) => {
    const all = paths(doc)
    const path = all[pick % all.length]!
    const depth = [2, 10, 63, 65, 200, 3000][extra % 6]!
    return {
      doc: setAt(doc, path, (old) => nest(old, depth, extra % 2 === 0)),
      step: `nest ${path.join(".")} ${depth}`
    }
  },
  (doc, pick, extra) => {
    // The same object in two places: stringify writes an anchor and an alias.
    const all = paths(doc).filter((p) => {
      const v = getAt(doc, p)
      return v !== null && typeof v === "object"
    })
    if (all.length < 2) return { doc, step: "alias (nothing to alias)" }
    const from = all[pick % all.length]!
    const to = all[extra % all.length]!
    if (to.length === 0 || from.slice(0, to.length).join(".") === to.join("."))
      return { doc, step: "alias (same path)" }
    const shared = getAt(doc, from)
    return { doc: setAt(doc, to, () => shared), step: `alias ${to.join(".")} = ${from.join(".")}` }
  },
  (doc, pick) => {
    const all = paths(doc).filter((p) => Array.isArray(getAt(doc, p)))
    const path = all[pick % all.length]
    if (path === undefined) return { doc, step: "repeat (no list)" }
    return {
      doc: setAt(doc, path, (old) => Array.from({ length: 300 }, () => (old as Array<unknown>)[0] ?? 1)),
      step: `repeat ${path.join(".")} 300 times`
    }
  }
]

const BOMB = [
  "lol0: &l0 [x, x, x, x, x, x, x, x, x, x]",
  ...Array.from({ length: 8 }, (_, i) => `lol${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(", ")}]`)
].join("\n")

const TAGS = ["!foo ", "!!binary ", "!!js/function ", "!!set ", "!<tag:x> ", "!!timestamp ", "!!float ", "!!str "]

/** A text-level change: `pick` chooses where. */
type TextOp = (text: string, pick: number) => { text: string; step: string }

const lineAt = (text: string, pick: number) => {
  const lines = text.split("\n")
  return { lines, at: pick % lines.length }
}

const TEXT_OPS: ReadonlyArray<TextOp> = [
  (text, pick) => {
    const { lines, at } = lineAt(text, pick)
    lines.splice(at, 0, lines[at]!)
    return { text: lines.join("\n"), step: `duplicate line ${at + 1}` }
  },
  (text, pick) => ({ text: pick % 2 === 0 ? `${BOMB}\n${text}` : `${text}\n${BOMB}\n`, step: "alias bomb" }),
  (text, pick) => {
    const { lines, at } = lineAt(text, pick)
    const tag = TAGS[pick % TAGS.length]!
    lines[at] = lines[at]!.replace(/: (?=\S)/, `: ${tag}`)
    return { text: lines.join("\n"), step: `tag ${tag.trim()} on line ${at + 1}` }
  },
  (text) => ({ text: text.replaceAll("\n", "\r"), step: "CR line ends" }),
  (text, pick) => {
    const { lines, at } = lineAt(text, pick)
    lines[at] = lines[at]!.replace(/^ +/, "\t")
    return { text: lines.join("\n"), step: `tab on line ${at + 1}` }
  },
  (text, pick) => {
    const numbers = [...text.matchAll(/(?<=[:\s[,])-?\d+(?:\.\d+)?(?=[\s,\]}]|$)/g)]
    const found = numbers[pick % Math.max(1, numbers.length)]
    if (found === undefined) return { text, step: "number (none)" }
    const swap = ["1e400", "-0", "1e-300", "0x7fffffff", "9007199254740993", ".nan", "-.inf", "1e9", "0o777"][pick % 9]!
    return {
      text: text.slice(0, found.index) + swap + text.slice(found.index! + found[0].length),
      step: `number ${found[0]} -> ${swap}`
    }
  },
  (text, pick) => ({ text: `${text}\n<<: *nowhere${pick % 3}\n`, step: "merge of an unknown alias" }),
  (text, pick) => {
    const { lines, at } = lineAt(text, pick)
    lines.splice(at, 0, "---")
    return { text: lines.join("\n"), step: `second document at ${at + 1}` }
  }
]

/** A byte-level change, last: `pick` and `value` choose where and what. */
type ByteOp = (bytes: Uint8Array, text: string, pick: number, value: number) => { bytes: Uint8Array; step: string }

const latin1 = (text: string) => Uint8Array.from([...text].map((c) => (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 63)))
const utf16 = (text: string, bigEndian: boolean) => {
  const out = new Uint8Array(2 + text.length * 2)
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe])
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    out[2 + 2 * i] = bigEndian ? c >> 8 : c & 0xff
    out[3 + 2 * i] = bigEndian ? c & 0xff : c >> 8
  }
  return out
}

const BYTE_OPS: ReadonlyArray<ByteOp> = [
  (bytes, _, pick, value) => {
    const out = bytes.slice()
    if (out.length > 0) out[pick % out.length] = value & 0xff
    return { bytes: out, step: `byte ${pick % Math.max(1, out.length)} = ${value & 0xff}` }
  },
  (bytes, _, pick, value) => {
    const out = bytes.slice()
    for (let i = 0; i < 8 && out.length > 0; i++) {
      const at = (pick + i * value) % out.length
      out[at] = (out[at] ?? 0) ^ (1 << (i % 8))
    }
    return { bytes: out, step: `flip 8 bits from ${pick}` }
  },
  (bytes, _, pick) => ({
    bytes: bytes.slice(0, pick % (bytes.length + 1)),
    step: `truncate at ${pick % (bytes.length + 1)}`
  }),
  (_, text, pick) => ({ bytes: utf16(text, pick % 2 === 0), step: `UTF-16 ${pick % 2 === 0 ? "BE" : "LE"}` }),
  (_, text) => ({ bytes: latin1(`${text}\n# caf\u00e9 \u00fc\n`), step: "Latin-1" }),
  (bytes) => ({ bytes: Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]), step: "UTF-8 BOM" }),
  (bytes, _, pick) => {
    const out = Uint8Array.from(bytes)
    if (out.length > 0) out[pick % out.length] = 0
    return { bytes: out, step: `NUL at ${pick % Math.max(1, out.length)}` }
  }
]

const serialise = (doc: unknown, rel: string): string =>
  rel.endsWith(".json") ? (JSON.stringify(doc, null, 2) ?? "null") : stringify(doc, { aliasDuplicateObjects: true })

const applyValueOp = (text: string, rel: string, op: number, pick: number, extra: number) => {
  let doc: unknown
  try {
    doc = parse(text, { version: "1.2", schema: "core", maxAliasCount: 100, logLevel: "silent" })
  } catch {
    return { text, step: "value op skipped (does not parse)" }
  }
  const result = VALUE_OPS[op % VALUE_OPS.length]!(doc, pick, extra)
  try {
    return { text: serialise(result.doc, rel), step: result.step }
  } catch {
    return { text, step: `${result.step} (not serialisable)` }
  }
}

const step = fc.record({
  kind: fc.constantFrom("value", "value", "text", "text"),
  op: fc.nat(),
  pick: fc.nat(),
  extra: fc.nat()
})

/** Mutated inputs from the seeds: one to three value or text changes, then sometimes a byte-level change. */
export const fuzzInput = (seeds: ReadonlyArray<Seed>): fc.Arbitrary<FuzzInput> =>
  fc
    .record({
      seed: fc.nat({ max: seeds.length - 1 }),
      steps: fc.array(step, { minLength: 1, maxLength: 3 }),
      bytes: fc.option(fc.record({ op: fc.nat(), pick: fc.nat(), value: fc.nat() }), { freq: 2 })
    })
    .map(({ seed, steps, bytes }) => {
      const { rel, text: original } = seeds[seed]!
      let text = original
      const done: Array<string> = [rel]
      for (const s of steps) {
        const result =
          s.kind === "value"
            ? applyValueOp(text, rel, s.op, s.pick, s.extra)
            : TEXT_OPS[s.op % TEXT_OPS.length]!(text, s.pick)
        text = result.text
        done.push(result.step)
      }
      let out: Uint8Array = new TextEncoder().encode(text)
      if (bytes !== null) {
        const result = BYTE_OPS[bytes.op % BYTE_OPS.length]!(out, text, bytes.pick, bytes.value)
        out = result.bytes
        done.push(result.step)
      }
      return { rel, bytes: out, steps: done }
    })
