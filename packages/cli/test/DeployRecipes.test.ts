/**
 * The recipes in deploy/: no registry package ships the Kubernetes or GitHub workflow JSON Schemas for offline
 * use, so each manifest is decoded into a minimal schema of the fields it relies on, checked for consistency
 * (shard count, volumes, job order), and the ccsim commands it runs are RUN here, in-process, on a small
 * scenario — shards then merge — so a recipe with a wrong flag or path fails this test.
 */
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { parseAllDocuments } from "yaml"
import { ccsimInProcess, repoRoot } from "./run.ts"

const fixture = "packages/cli/test/fixtures/passing.yaml"
const readYaml = (file: string): Array<unknown> =>
  parseAllDocuments(fs.readFileSync(path.join(repoRoot, "deploy", file), "utf8")).map((d) => d.toJS())

const EnvVar = Schema.Struct({ name: Schema.String, value: Schema.String })
const Container = Schema.Struct({
  name: Schema.String,
  image: Schema.String,
  command: Schema.Tuple([Schema.Literal("sh"), Schema.Literal("-c"), Schema.String]),
  env: Schema.Array(EnvVar),
  volumeMounts: Schema.Array(Schema.Struct({ name: Schema.String, mountPath: Schema.String }))
})
const Volume = Schema.Struct({
  name: Schema.String,
  persistentVolumeClaim: Schema.optionalKey(Schema.Struct({ claimName: Schema.String })),
  configMap: Schema.optionalKey(Schema.Struct({ name: Schema.String }))
})
const Job = Schema.Struct({
  apiVersion: Schema.Literal("batch/v1"),
  kind: Schema.Literal("Job"),
  metadata: Schema.Struct({ name: Schema.String }),
  spec: Schema.Struct({
    completionMode: Schema.optionalKey(Schema.Literals(["Indexed", "NonIndexed"])),
    completions: Schema.Int,
    parallelism: Schema.optionalKey(Schema.Int),
    template: Schema.Struct({
      spec: Schema.Struct({
        restartPolicy: Schema.Literals(["Never", "OnFailure"]),
        containers: Schema.Tuple([Container]),
        volumes: Schema.Array(Volume)
      })
    })
  })
})
const Pvc = Schema.Struct({
  apiVersion: Schema.Literal("v1"),
  kind: Schema.Literal("PersistentVolumeClaim"),
  metadata: Schema.Struct({ name: Schema.String }),
  spec: Schema.Struct({ accessModes: Schema.Array(Schema.Literal("ReadWriteMany")) })
})

const Step = Schema.Struct({
  uses: Schema.optionalKey(Schema.String),
  run: Schema.optionalKey(Schema.String),
  with: Schema.optionalKey(Schema.Record(Schema.String, Schema.Union([Schema.String, Schema.Boolean])))
})
const Workflow = Schema.Struct({
  name: Schema.String,
  on: Schema.Struct({ workflow_dispatch: Schema.Unknown }),
  env: Schema.Struct({ SHARDS: Schema.Int, SCENARIO: Schema.String }),
  jobs: Schema.Struct({
    shard: Schema.Struct({
      "runs-on": Schema.String,
      strategy: Schema.Struct({ matrix: Schema.Struct({ shard: Schema.Array(Schema.Int) }) }),
      steps: Schema.Array(Step)
    }),
    merge: Schema.Struct({ needs: Schema.Literal("shard"), "runs-on": Schema.String, steps: Schema.Array(Step) })
  })
})

/**
 * A recipe's shell line as ccsim arguments: `$((VAR + 1))`, `$VAR` and `"$VAR"` substituted, words split on
 * spaces, container paths mapped to this test's folders, and `*` expanded against the files there.
 */
const ccsimArgs = (line: string, vars: Record<string, string>, paths: Record<string, string>): Array<string> => {
  const text = line
    .replace(/\$\(\((\w+) \+ 1\)\)/g, (_, name: string) => String(Number(vars[name]) + 1))
    .replace(/"?\$(\w+)"?/g, (_, name: string) => {
      assert.isDefined(vars[name], `$${name} is set`)
      return vars[name]!
    })
  const words = text.trim().split(/\s+/)
  const start = words[0] === "exec" ? 1 : words[0] === "npx" ? 1 : 0
  assert.strictEqual(words[start], "ccsim", line)
  return words.slice(start + 1).flatMap((word) => {
    const mapped = Object.entries(paths).reduce(
      (w, [from, to]) => (w.startsWith(from) ? to + w.slice(from.length) : w),
      word
    )
    if (!mapped.includes("*")) return [mapped]
    const dir = path.dirname(mapped)
    const pattern = new RegExp(`^${path.basename(mapped).replace(/[.]/g, "\\.").replace(/\*/g, ".*")}$`)
    const found = fs
      .readdirSync(dir)
      .filter((f) => pattern.test(f))
      .sort()
    assert.isAbove(found.length, 0, `${word} matches files`)
    return found.map((f) => path.join(dir, f))
  })
}

const runOk = (args: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const outcome = yield* ccsimInProcess([...args])
    assert.strictEqual(outcome.code, 0, `ccsim ${args.join(" ")}: ${outcome.stderr.join("\n")}`)
  })

/** The workflow's matrix placeholder (a GitHub expression, not a template string). */
const MATRIX_SHARD = ["$", "{{ matrix.shard }}"].join("")

const mergedFiles = (dir: string) => fs.readdirSync(dir).sort()

describe("deploy recipes", () => {
  it.effect(
    "Kubernetes: an Indexed Job of SHARDS shards on a shared volume, then a merge Job, whose commands run",
    () =>
      Effect.gen(function* () {
        const [pvcDoc, shardsDoc] = readYaml("kubernetes/ccsim-shards.yaml")
        const [mergeDoc] = readYaml("kubernetes/ccsim-merge.yaml")
        const pvc = Schema.decodeUnknownSync(Pvc)(pvcDoc)
        const shards = Schema.decodeUnknownSync(Job)(shardsDoc)
        const merge = Schema.decodeUnknownSync(Job)(mergeDoc)
        const env = Object.fromEntries(shards.spec.template.spec.containers[0].env.map((e) => [e.name, e.value]))
        const n = Number(env.SHARDS)
        assert.strictEqual(shards.spec.completionMode, "Indexed")
        assert.strictEqual(shards.spec.completions, n)
        assert.strictEqual(shards.spec.parallelism, n)
        assert.notStrictEqual(merge.spec.completionMode, "Indexed")
        for (const job of [shards, merge]) {
          const spec = job.spec.template.spec
          const volumes = new Set(spec.volumes.map((v) => v.name))
          for (const mount of spec.containers[0].volumeMounts) assert.isTrue(volumes.has(mount.name), mount.name)
          const parts = spec.volumes.find((v) => v.persistentVolumeClaim !== undefined)
          assert.strictEqual(parts?.persistentVolumeClaim?.claimName, pvc.metadata.name)
          assert.deepStrictEqual(
            Object.fromEntries(spec.containers[0].env.map((e) => [e.name, e.value])),
            env,
            "the merge Job's SHARDS is the shards Job's"
          )
        }

        const root = fs.mkdtempSync(path.join(os.tmpdir(), "ccsim-k8s-"))
        const paths = { "/scenario/scenario.yaml": fixture, "/parts": path.join(root, "parts") }
        for (let index = 0; index < n; index++) {
          const line = shards.spec.template.spec.containers[0].command[2]
          const args = ccsimArgs(line, { ...env, JOB_COMPLETION_INDEX: String(index) }, paths)
          assert.include(args.join(" "), `--shard ${index + 1}/${n} --partial`)
          yield* runOk(args)
        }
        yield* runOk(ccsimArgs(merge.spec.template.spec.containers[0].command[2], env, paths))
        assert.deepStrictEqual(mergedFiles(path.join(root, "parts", "results")), [
          "intervals.csv",
          "report.html",
          "results.json"
        ])
        const results = JSON.parse(fs.readFileSync(path.join(root, "parts", "results", "results.json"), "utf8"))
        assert.strictEqual(results.replications, 6)

        // Follow-up shards that add replications (what a merge short of a precision target prints): the same
        // merge command takes their parts too.
        for (let index = 0; index < n; index++) {
          const line = `${shards.spec.template.spec.containers[0].command[2]} --replications 10 --from-replication 6`
          yield* runOk(ccsimArgs(line, { ...env, JOB_COMPLETION_INDEX: String(index) }, paths))
        }
        assert.include(fs.readdirSync(path.join(root, "parts")), `part-1-of-${n}-from-6.json`)
        yield* runOk(ccsimArgs(merge.spec.template.spec.containers[0].command[2], env, paths))
        const more = JSON.parse(fs.readFileSync(path.join(root, "parts", "results", "results.json"), "utf8"))
        assert.strictEqual(more.replications, 10)
      })
  )

  it.effect("GitHub Actions: a matrix of 1…SHARDS shards uploading parts, a merge job after, whose commands run", () =>
    Effect.gen(function* () {
      const [doc] = readYaml("github/ccsim-shards.yml")
      const workflow = Schema.decodeUnknownSync(Workflow)(doc)
      const n = workflow.env.SHARDS
      assert.deepStrictEqual(
        workflow.jobs.shard.strategy.matrix.shard,
        Array.from({ length: n }, (_, i) => i + 1)
      )
      const uses = (steps: ReadonlyArray<typeof Step.Type>) =>
        steps.flatMap((s) => (s.uses === undefined ? [] : [s.uses]))
      assert.include(uses(workflow.jobs.shard.steps), "actions/upload-artifact@v4")
      assert.include(uses(workflow.jobs.merge.steps), "actions/download-artifact@v4")
      const download = workflow.jobs.merge.steps.find((s) => s.uses === "actions/download-artifact@v4")
      assert.strictEqual(download?.with?.["merge-multiple"], true)
      const upload = workflow.jobs.shard.steps.find((s) => s.uses === "actions/upload-artifact@v4")
      assert.strictEqual(
        String(download?.with?.pattern).replace("*", "1"),
        String(upload?.with?.name).replace(MATRIX_SHARD, "1")
      )

      const root = fs.mkdtempSync(path.join(os.tmpdir(), "ccsim-gha-"))
      const vars = { SHARDS: String(n), SCENARIO: fixture }
      const paths = { parts: path.join(root, "parts"), results: path.join(root, "results") }
      const ccsimLine = (steps: ReadonlyArray<typeof Step.Type>) => {
        const lines = steps.flatMap((s) => (s.run?.includes("ccsim") ? [s.run] : []))
        assert.lengthOf(lines, 1)
        return lines[0]!
      }
      for (let shard = 1; shard <= n; shard++) {
        const line = ccsimLine(workflow.jobs.shard.steps).replace(MATRIX_SHARD, String(shard))
        yield* runOk(ccsimArgs(line, vars, paths))
      }
      yield* runOk(ccsimArgs(ccsimLine(workflow.jobs.merge.steps), vars, paths))
      assert.deepStrictEqual(mergedFiles(path.join(root, "results")), ["intervals.csv", "report.html", "results.json"])
    })
  )
})
