/**
 * How deeply a YAML or JSON text nests, measured before it is parsed: parsers, the decoder and the checks all
 * recurse, so input nested thousands deep would overflow the stack somewhere inside them. A scenario nests about
 * 8 deep; {@link MAX_NESTING} leaves ample room. The scan is a guard, not a parser: brackets inside quoted text and
 * comments are skipped, block nesting is read from indentation and `- ` markers.
 */

/** Deepest nesting accepted, in flow brackets and in block levels (each counted apart). */
export const MAX_NESTING = 64

/** Where the text first nests deeper than `limit`, or `undefined`. */
export const tooDeep = (text: string, limit = MAX_NESTING): { readonly offset: number } | undefined => {
  let flow = 0
  const indents: Array<number> = []
  let lineStart = true
  let quote = ""
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quote !== "") {
      if (c === "\\" && quote === '"') i++
      else if (c === quote) quote = ""
      continue
    }
    if (lineStart) {
      lineStart = false
      if (flow === 0) {
        // Block nesting: indentation levels still open, plus one per `- ` marker on this line.
        let j = i
        while (text[j] === " ") j++
        const next = text[j]
        if (next !== "\n" && next !== "#" && next !== undefined) {
          while (indents.length > 0 && indents[indents.length - 1]! >= j - i) indents.pop()
          indents.push(j - i)
          let dashes = 0
          while (text[j] === "-" && (text[j + 1] === " " || text[j + 1] === "\t")) {
            dashes++
            j += 2
            while (text[j] === " ") j++
          }
          // The first marker opens the list this indentation already counts; each further one nests a list more.
          if (indents.length + Math.max(0, dashes - 1) > limit) return { offset: j }
        }
      }
    }
    if (c === "\n") {
      lineStart = true
      continue
    }
    const previous = i === 0 ? "\n" : text[i - 1]!
    if (c === "#" && (previous === " " || previous === "\t" || previous === "\n")) {
      const end = text.indexOf("\n", i)
      if (end < 0) break
      i = end - 1
      continue
    }
    if ((c === '"' || c === "'") && " \t\n[{,:".includes(previous)) quote = c
    else if (c === "[" || c === "{") {
      flow++
      if (flow > limit) return { offset: i }
    } else if ((c === "]" || c === "}") && flow > 0) flow--
  }
  return undefined
}
