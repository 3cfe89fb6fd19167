import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { intervalVolumes, readIntervalCsv } from "../src/index.ts"

const H = 3_600_000

const rows = (text: string, options = {}) => {
  const result = readIntervalCsv(text, "f.csv", options)
  if (Result.isFailure(result)) throw new Error(result.failure.format())
  return result.success
}
const error = (text: string) => {
  const result = readIntervalCsv(text, "f.csv")
  if (Result.isSuccess(result)) throw new Error("expected the CSV to be rejected")
  return result.failure
}

describe("readIntervalCsv: simple layout", () => {
  it("reads interval_start,queue,offered,aht_s,acw_s with line numbers", () => {
    expect(rows("interval_start,queue,offered,aht_s,acw_s\n08:00,sales,10,180,30\n08:30,sales,12.5,200,\n")).toEqual([
      { line: 2, queue: "sales", start: 8 * H, offered: 10, ahtMs: 180_000, acwMs: 30_000 },
      { line: 3, queue: "sales", start: 8.5 * H, offered: 12.5, ahtMs: 200_000 }
    ])
  })

  it("skips blank lines and counts lines inside quoted cells", () => {
    const read = rows('interval_start,queue,offered\n08:00,"two\nline queue",1\n\n09:00,x,2\n')
    expect(read.map((r) => [r.line, r.queue])).toEqual([
      [2, "two\nline queue"],
      [5, "x"]
    ])
  })

  it("finds columns by name in any order and ignores the others", () => {
    expect(rows("notes,offered,interval_start\nbusy,7,10:15\n")).toEqual([{ line: 2, start: 10.25 * H, offered: 7 }])
  })

  it("names the file, line and column of a bad number", () => {
    expect(error("interval_start,queue,offered\n08:00,q,1\n08:30,q,-4\n").format()).toBe(
      'f.csv:3: offered: expected a number of 0 or more, found "-4"'
    )
    expect(error("interval_start,queue,offered,aht_s\n08:00,q,1,abc\n").format()).toBe(
      'f.csv:2: aht_s: expected a number of 0 or more, found "abc"'
    )
    expect(error("interval_start,queue,offered\n08:00,q,\n").format()).toBe(
      "f.csv:2: offered: expected a number of 0 or more, found nothing"
    )
  })

  it("reports every bad row, one line each", () => {
    expect(error("interval_start,offered\n8h,1\n09:00,x\n").format().split("\n")).toEqual([
      'f.csv:2: interval_start: expected an interval start like 08:30 or 2026-03-02T08:30:00Z, found "8h"',
      'f.csv:3: offered: expected a number of 0 or more, found "x"'
    ])
  })

  it("refuses a short row", () => {
    expect(error("interval_start,queue,offered\n08:00,q\n").format()).toBe(
      "f.csv:2: expected 3 cells like the header, found 2"
    )
  })
})

describe("readIntervalCsv: Genesys-style export", () => {
  const genesys = `Interval Start UTC Date,Queue,Media Type,Skill Set,Language,Offered,Interactions Handled,Total Handle Time
2026-03-02T14:00:00Z,Sales,Voice,,English,18,16,4800
2026-03-02T14:00:00Z,Sales,Chat,,English,9,9,2700
2026-03-02T14:15:00Z,Sales,Voice,,English,10,0,0
`
  it("takes AHT as total handle time over handled calls and skips other media", () => {
    expect(rows(genesys)).toEqual([
      { line: 2, queue: "Sales", date: "2026-03-02", start: 14 * H, offered: 18, ahtMs: 300_000 },
      { line: 4, queue: "Sales", date: "2026-03-02", start: 14.25 * H, offered: 10 }
    ])
  })

  it("divides by offered when the export has no handled column", () => {
    const read = rows(
      "Interval Start UTC Date,Queue,Offered,Total Handle Time (Seconds)\n2026-03-02T14:00:00Z,Q,20,4000\n"
    )
    expect(read[0]!.ahtMs).toBe(200_000)
  })

  it("converts UTC starts to the scenario's time zone", () => {
    const read = rows(genesys, { timeZone: "America/Chicago" })
    expect(read.map((r) => [r.date, r.start])).toEqual([
      ["2026-03-02", 8 * H],
      ["2026-03-02", 8.25 * H]
    ])
  })

  it("names missing columns", () => {
    expect(error("Queue,Media Type,Handled\nA,Voice,3\n").format()).toBe(
      "f.csv:1: missing column interval_start (or Interval Start UTC Date) and offered (or Offered): expected a header like interval_start,queue,offered,aht_s or Interval Start UTC Date,Queue,Offered,Total Handle Time, found Queue, Media Type, Handled"
    )
  })

  it("names a repeated interval", () => {
    expect(error("interval_start,queue,offered\n08:00,a,1\n08:00,b,1\n08:00,a,2\n").format()).toBe(
      "f.csv:4: interval_start: interval 08:00 of queue a appears twice: it is already on line 2"
    )
  })

  it("passes CSV syntax errors on with their line and column", () => {
    expect(error('interval_start,queue,offered\n08:00,"q,1\n').format()).toBe(
      "f.csv:2:2: invalid CSV: Unterminated quoted field"
    )
  })
})

describe("intervalVolumes", () => {
  it("sums queues per interval and weights handle times by volume", () => {
    const read = rows("interval_start,queue,offered,aht_s\n08:00,a,10,100\n08:00,b,30,300\n08:30,a,5,60\n")
    expect(intervalVolumes(read)).toEqual([
      { start: 8 * H, offered: 40, ahtMs: 250_000 },
      { start: 8.5 * H, offered: 5, ahtMs: 60_000 }
    ])
    expect(intervalVolumes(read, "b")).toEqual([{ start: 8 * H, offered: 30, ahtMs: 300_000 }])
  })
})
