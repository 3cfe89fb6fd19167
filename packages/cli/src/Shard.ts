/**
 * Splitting scenario files between CI machines: `--shard k/n`.
 */

/** A parsed `--shard k/n`: this machine runs share `index` (1-based) of `count`. */
export interface Shard {
  readonly index: number
  readonly count: number
}

/** Parses `k/n` with 1 ≤ k ≤ n; `undefined` when the text is not a valid shard. */
export const parseShard = (text: string): Shard | undefined => {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text)
  if (match === null) return undefined
  const index = Number(match[1])
  const count = Number(match[2])
  return count >= 1 && index >= 1 && index <= count ? { index, count } : undefined
}

/**
 * The files of one shard: the paths are sorted (by code unit, so every machine agrees whatever its locale), then
 * dealt round-robin — file i goes to shard (i mod n) + 1 — which keeps shards within one file of each other in size
 * and spreads neighbouring (often similar) scenarios apart. Every file lands in exactly one shard.
 */
export const shardFiles = (files: ReadonlyArray<string>, shard: Shard): Array<string> =>
  [...files].sort(compareCodeUnits).filter((_, i) => i % shard.count === shard.index - 1)

/** Locale-independent string order. */
export const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
