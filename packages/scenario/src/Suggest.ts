/**
 * "Did you mean …?" suggestions for misspelt keys, ids and names.
 */

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
export const editDistance = (a: string, b: string): number => {
  const rows = a.length + 1
  const cols = b.length + 1
  const d: Array<number> = new Array(rows * cols).fill(0)
  for (let i = 0; i < rows; i++) d[i * cols] = i
  for (let j = 0; j < cols; j++) d[j] = j
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1)
      }
      d[i * cols + j] = best
    }
  }
  return d[rows * cols - 1]!
}

/** Candidates compared at most, and the longest word compared: suggestions are a courtesy, not unbounded work. */
const MAX_CANDIDATES = 2000

/**
 * The candidate closest to `word`, if it is close enough to be a likely typo: at most 1 edit for short words,
 * 2 from 5 characters, 3 from 10. Case is ignored when comparing, so `ringtimeout` suggests `ringTimeout`.
 */
export const closestMatch = (word: string, candidates: Iterable<string>): string | undefined => {
  const lower = word.toLowerCase()
  const limit = lower.length < 5 ? 1 : lower.length < 10 ? 2 : 3
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  let tried = 0
  for (const candidate of candidates) {
    // A bounded search: thousands of agent ids × hundreds of misspelt references would be quadratic work.
    if (++tried > MAX_CANDIDATES || word.length > 200) break
    if (candidate === word || Math.abs(candidate.length - word.length) > limit) continue
    const edits = editDistance(lower, candidate.toLowerCase())
    // Ties go to the candidate of the closest length: `=>` suggests `>=`, not `>`.
    const distance = edits + Math.abs(candidate.length - word.length) / 100
    if (edits <= limit && distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

/** ` (did you mean X?)` when a close candidate exists, else the empty string. */
export const didYouMean = (word: string, candidates: Iterable<string>): string => {
  const match = closestMatch(word, candidates)
  return match === undefined ? "" : ` (did you mean ${match}?)`
}

/** `a, b or c` */
export const listOf = (items: ReadonlyArray<string>, conjunction = "or"): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`
