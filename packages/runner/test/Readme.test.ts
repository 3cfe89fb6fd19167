import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { assert, describe, it } from "@effect/vitest"

const here = path.dirname(fileURLToPath(import.meta.url))
const packageRoot = path.resolve(here, "..")
const repoRoot = path.resolve(packageRoot, "../..")

describe("README", () => {
  it("its example runs an experiment in at most 15 lines", () => {
    const readme = fs.readFileSync(path.join(packageRoot, "README.md"), "utf8")
    const code = /```ts\n([\s\S]*?)```/.exec(readme)?.[1]
    assert.isDefined(code)
    assert.isAtMost(code!.trimEnd().split("\n").length, 15)
    // Run it as written, from the repository root (where its scenario path points), inside the package so that
    // its imports resolve.
    const dir = path.join(packageRoot, "dist")
    fs.mkdirSync(dir, { recursive: true })
    const file = path.join(dir, "readme-example.ts")
    fs.writeFileSync(file, code!)
    const out = execFileSync(path.join(repoRoot, "node_modules/.bin/node"), [file], {
      cwd: repoRoot,
      encoding: "utf8",
      env: { ...process.env, CCSIM_PARALLEL_THRESHOLD_MS: "0" }
    })
    const [replications, serviceLevel, violations] = out.trim().split(" ").map(Number)
    assert.strictEqual(replications, 10)
    assert.isAbove(serviceLevel!, 0.5)
    assert.isAtMost(serviceLevel!, 1)
    assert.strictEqual(violations, 0)
  })
})
