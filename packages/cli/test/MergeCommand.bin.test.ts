/**
 * `ccsim run --shard k/n --partial` and `ccsim merge` as subprocesses: exit codes, one-line refusals, files.
 */
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { isTempFile } from "@ccsim/runner"
import { describe, expect, it } from "vitest"
import { ccsim } from "./run.ts"

const fixture = "packages/cli/test/fixtures/passing.yaml"
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "ccsim-merge-e2e-"))

describe("ccsim merge", () => {
  it("merges two shards into the unsharded run's bytes; a part twice or of another seed is exit 2, one line", async () => {
    const root = tempDir()
    const parts = path.join(root, "parts")
    const common = ["run", fixture, "--workers", "1", "--quiet"]
    const runs = await Promise.all([
      ccsim([...common, "--out", path.join(root, "whole")]),
      ccsim([...common, "--shard", "1/2", "--partial", "--out", parts]),
      ccsim([...common, "--shard", "2/2", "--partial", "--out", parts]),
      ccsim([...common, "--seed", "99", "--shard", "2/2", "--partial", "--out", path.join(root, "seed99")])
    ])
    for (const outcome of runs) expect(outcome.code, outcome.stderr).toBe(0)
    const one = path.join(parts, "part-1-of-2.json")
    const two = path.join(parts, "part-2-of-2.json")
    const out = path.join(root, "merged")

    const merged = await ccsim(["merge", two, one, "--out", out])
    expect(merged.code, merged.stderr).toBe(0)
    expect(merged.stdout).toContain("passing small")
    for (const file of ["results.json", "intervals.csv"]) {
      expect(fs.readFileSync(path.join(out, file)).equals(fs.readFileSync(path.join(root, "whole", file))), file).toBe(
        true
      )
    }
    expect(fs.readdirSync(out).sort()).toEqual(["intervals.csv", "report.html", "results.json"])

    const twice = await ccsim(["merge", one, two, one, "--out", path.join(root, "twice")])
    expect(twice.code).toBe(2)
    expect(twice.stdout).toBe("")
    expect(twice.stderr).toBe(`ccsim: ${one} is given twice\n`)

    const seeds = await ccsim([
      "merge",
      one,
      path.join(root, "seed99", "part-2-of-2.json"),
      "--out",
      path.join(root, "x")
    ])
    expect(seeds.code).toBe(2)
    expect(seeds.stderr).toBe(
      `ccsim: parts of different seeds cannot be merged: ${one} (11) vs ${path.join(root, "seed99", "part-2-of-2.json")} (99)\n`
    )
    expect(fs.existsSync(path.join(root, "twice"))).toBe(false)
    expect(fs.existsSync(path.join(root, "x"))).toBe(false)
    expect(fs.readdirSync(out).filter(isTempFile)).toEqual([])
  })
})
