/**
 * The trace as NDJSON bytes, written straight from the hooks into one reusable buffer: no event object and no
 * JSON string per event. A trace is millions of short lines; built as objects and strings they fill the young
 * generation and raise the peak memory by tens of MiB, and serialising them is most of a traced run's time.
 * Lines are byte-identical to `JSON.stringify(event)` of the same `TraceEvent` (test/Ndjson.test.ts).
 */
import { formatClockTime } from "@ccsim/scenario/clock-time"
import type { Model } from "./Model.ts"

/** Where `TraceRecorder` puts an event: `begin`, its fields in order, `end`. */
export interface EventSink {
  begin(t: number, event: string): void
  str(key: string, value: string): void
  num(key: string, value: number): void
  bool(key: string, value: boolean): void
  /** A call id from a call number (`c12`, or a scripted call's id). */
  call(key: string, n: number): void
  /** A clock time from ms (`HH:MM:SS`, `.mmm` when needed). */
  clock(key: string, t: number): void
  end(): void
}

const QUOTE = 34
const COMMA = 44
const COLON = 58
const NEWLINE = 10

/**
 * A reusable byte buffer handed to `write` whenever it fills (and at `flush`; chunks may end inside a line).
 * `write` must consume the bytes before it returns (a synchronous file write, or a copy): the buffer is reused. Pass it to `TraceRecorder` to
 * get the trace as NDJSON; `linePrefix` replaces each line's opening `{` (e.g. `{"replication":3,`).
 */
export class NdjsonWriter {
  /** Bytes handed to `write` so far. */
  bytes = 0
  readonly linePrefix: string
  private readonly buf: Uint8Array
  private used = 0
  private readonly write: (bytes: Uint8Array) => void

  constructor(write: (bytes: Uint8Array) => void, options: { linePrefix?: string; size?: number } = {}) {
    this.write = write
    this.linePrefix = options.linePrefix ?? "{"
    this.buf = new Uint8Array(Math.max(64, options.size ?? 1 << 16))
  }

  /** Hands the buffered bytes to `write`. */
  flush(): void {
    if (this.used === 0) return
    this.emit(this.buf.subarray(0, this.used))
    this.used = 0
  }

  /** Makes room for `n` more bytes; false when they can never fit (then `put` hands them over on their own). */
  private room(n: number): boolean {
    if (this.used + n > this.buf.length) this.flush()
    return n <= this.buf.length
  }

  byte(b: number): void {
    this.room(1)
    this.buf[this.used++] = b
  }

  /** A string known to be ASCII (keys, names, digits, clock times). */
  ascii(s: string): void {
    if (!this.room(s.length)) {
      this.put(new TextEncoder().encode(s))
      return
    }
    const b = this.buf
    let u = this.used
    for (let i = 0; i < s.length; i++) b[u++] = s.charCodeAt(i)
    this.used = u
  }

  /** Any string: copied as ASCII when it is, UTF-8 encoded otherwise. */
  text(s: string): void {
    for (let i = 0; i < s.length; i++) {
      if (s.charCodeAt(i) > 127) {
        this.put(new TextEncoder().encode(s))
        return
      }
    }
    this.ascii(s)
  }

  put(bytes: Uint8Array): void {
    if (!this.room(bytes.length)) {
      this.emit(bytes)
      return
    }
    this.buf.set(bytes, this.used)
    this.used += bytes.length
  }

  /** A number as `JSON.stringify` writes it; a non-negative int32 (times, call numbers) without a string. */
  number(n: number): void {
    if (!((n | 0) === n && n >= 0)) {
      this.ascii(Number.isFinite(n) ? String(n) : "null")
      return
    }
    let digits = 1
    for (let x = n; x >= 10; x = (x / 10) | 0) digits++
    this.room(digits)
    const b = this.buf
    let x = n
    for (let i = this.used + digits - 1; i >= this.used; i--) {
      const q = (x / 10) | 0
      b[i] = 48 + x - 10 * q
      x = q
    }
    this.used += digits
  }

  /** `,"key":` for an ASCII key. */
  key(key: string): void {
    this.room(key.length + 4)
    const b = this.buf
    let u = this.used
    b[u++] = COMMA
    b[u++] = QUOTE
    for (let i = 0; i < key.length; i++) b[u++] = key.charCodeAt(i)
    b[u++] = QUOTE
    b[u++] = COLON
    this.used = u
  }

  private emit(bytes: Uint8Array): void {
    this.bytes += bytes.length
    this.write(bytes)
  }
}

/** Writes the recorder's events as NDJSON lines into an {@link NdjsonWriter}. */
export class NdjsonSink implements EventSink {
  private readonly w: NdjsonWriter
  private readonly scripted: ReadonlyArray<{ readonly id: string }>
  /** `"value"` as UTF-8, for the strings seen (ids and names: a bounded set). */
  private readonly quoted = new Map<string, Uint8Array>()
  private readonly encoder = new TextEncoder()
  private lastT = -1
  /** The opening of every line at `lastT`, up to the event name: `{"t":…,"at":"…","event":"`. */
  private head = ""

  private readonly asciiPrefix: boolean

  constructor(model: Model, writer: NdjsonWriter) {
    this.w = writer
    this.scripted = model.scriptedCalls
    this.asciiPrefix = !/[^\x20-\x7e]/.test(writer.linePrefix)
  }

  private string(value: string): void {
    let bytes = this.quoted.get(value)
    if (bytes === undefined) {
      bytes = this.encoder.encode(JSON.stringify(value))
      this.quoted.set(value, bytes)
    }
    this.w.put(bytes)
  }

  begin(t: number, event: string): void {
    if (t !== this.lastT) {
      this.lastT = t
      // join makes a flat string; a concatenation would be a rope, slow to read character by character.
      this.head = [this.w.linePrefix, '"t":', JSON.stringify(t), ',"at":"', formatClockTime(t), '","event":"'].join("")
    }
    if (this.asciiPrefix) this.w.ascii(this.head)
    else this.w.text(this.head)
    this.w.ascii(event)
    this.w.byte(QUOTE)
  }
  str(key: string, value: string): void {
    this.w.key(key)
    this.string(value)
  }
  num(key: string, value: number): void {
    this.w.key(key)
    this.w.number(value)
  }
  bool(key: string, value: boolean): void {
    this.w.key(key)
    this.w.ascii(value ? "true" : "false")
  }
  call(key: string, n: number): void {
    this.w.key(key)
    if (n < this.scripted.length) {
      this.string(this.scripted[n]!.id)
      return
    }
    this.w.ascii('"c')
    this.w.number(n - this.scripted.length + 1)
    this.w.byte(QUOTE)
  }
  clock(key: string, t: number): void {
    this.w.key(key)
    this.w.byte(QUOTE)
    this.w.ascii(formatClockTime(t))
    this.w.byte(QUOTE)
  }
  end(): void {
    this.w.byte(125) // }
    this.w.byte(NEWLINE)
  }
}
