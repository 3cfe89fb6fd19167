import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { ccsimInProcess } from "./run.ts"

const scenario = "scenarios/sweep/load-test.yaml"

/** Bad sweep input: exit 2, nothing on stdout, exactly this one line on stderr. */
const refused = (args: ReadonlyArray<string>, line: string) =>
  Effect.gen(function* () {
    const { code, stdout, stderr } = yield* ccsimInProcess(["sweep", scenario, ...args, "--workers", "1"])
    assert.deepStrictEqual({ code, stdout, stderr }, { code: 2, stdout: [], stderr: [line] })
  })

describe("ccsim sweep: bad input is exit 2, one line", () => {
  it.effect("malformed ranges: step 0, FROM > TO, more than 200 points", () =>
    Effect.gen(function* () {
      yield* refused(["--load", "1:2:0"], "ccsim: --load: expected a STEP above 0, found 0")
      yield* refused(["--load", "1.5:1:0.1"], "ccsim: --load: expected FROM ≤ TO, found 1.5 > 1")
      yield* refused(
        ["--load", "0.5:3:0.01"],
        "ccsim: --load: expected at most 200 points, found 251 (0.5 to 3 by 0.01)"
      )
      yield* refused(["--agents", "sales-team=9:4"], "ccsim: --agents: expected FROM ≤ TO, found 9 > 4")
      yield* refused(["--load", "1:2"], 'ccsim: --load: expected FROM:TO:STEP (numbers, e.g. 0.8:1.5:0.1), found "1:2"')
    })
  )

  it.effect("an unknown agent entry and an unknown override path name the valid ids and keys", () =>
    Effect.gen(function* () {
      yield* refused(
        ["--agents", "sales=4:9"],
        "ccsim: --agents: agents[sales].count=4: agents[sales]: agents has no entry sales: expected one of sales-team or support-team"
      )
      yield* refused(
        ["--set", "queues[sales].ringTimout=10s,20s"],
        "ccsim: --set: queues[sales].ringTimout=10s: queues[sales].ringTimout: unknown key ringTimout in queues[sales] (did you mean ringTimeout?): expected one of id, name, ringTimeout, wrapUp, strategy, maxWait, unavailableOnMiss, maxLength, overflow, priority, serviceLevel, tierWait, retryDelay or rolloverWhenNoAgents"
      )
    })
  )

  it.effect("one dimension, and --find-break only on load or agents", () =>
    Effect.gen(function* () {
      yield* refused(
        [],
        "ccsim: ccsim sweep: expected one dimension: --load FROM:TO:STEP, --agents ENTRY=FROM:TO or --set PATH=V1,V2,…, found none"
      )
      yield* refused(
        ["--load", "1:2:0.5", "--agents", "sales-team=4:5"],
        "ccsim: ccsim sweep: expected one dimension: --load FROM:TO:STEP, --agents ENTRY=FROM:TO or --set PATH=V1,V2,…, found 2"
      )
      yield* refused(
        ["--set", "queues[sales].ringTimeout=10s,20s", "--find-break"],
        "ccsim: --find-break: expected --load or --agents, found --set"
      )
    })
  )
})
