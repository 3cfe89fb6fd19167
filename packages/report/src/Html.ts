/**
 * `renderReport`: one self-contained HTML file. The page holds the charts drawn on the server (so it reads and
 * prints without JavaScript), the report data as inert JSON, and the viewer script that redraws the charts for
 * the scope the reader picks. Nothing is fetched: a Content-Security-Policy allows no network and only the
 * viewer's own script (by its hash).
 */
import { createHash } from "node:crypto"
import { Effect } from "effect"
import { parseHTML } from "linkedom"
import { wrap } from "./draw/Frame.ts"
import { reportSteps } from "./draw/Report.ts"
import { InvalidReportData, ViewerNotBuilt } from "./Errors.ts"
import { embedJson, embedScript, escapeHtml } from "./Escape.ts"
import { type ReportData, reportDataVersion } from "./ReportData.ts"
import { styles } from "./Styles.ts"
import { loadViewer } from "./Viewer.ts"

/** Options of `renderReport`. */
export interface RenderOptions {
  /** The viewer script; the built `dist/viewer.js` by default. */
  readonly viewer?: string
  /** Draw the charts on the server too, so the page reads without JavaScript (default true). */
  readonly staticCharts?: boolean
}

/** The id of the element holding the report data, read by the viewer. */
export const dataElementId = "ccsim-data"

/** A server-side document to draw the static body in, and the steps that draw it (see `reportSteps`). */
const staticDrawing = (data: ReportData): { readonly steps: Array<() => void>; readonly markup: () => string } => {
  const { document } = parseHTML("<!doctype html><html><head></head><body><main></main></body></html>")
  const main = document.querySelector("main")
  if (main === null) return { steps: [], markup: () => "" }
  return { steps: reportSteps(wrap(main as unknown as Element), data, null), markup: () => main.innerHTML }
}

/** Draws the report body for the first scope (the total) with a server-side DOM and returns its markup. */
export const staticBody = (data: ReportData): string => {
  const drawing = staticDrawing(data)
  for (const step of drawing.steps) step()
  return drawing.markup()
}

/** Significant digits the report keeps of a fraction: far below what a chart or a label shows. */
export const reportDigits = 5

/**
 * The data with every non-integer rounded to {@link reportDigits} significant digits: the embedded data of a
 * large center is mostly long fractions (interval estimates of hundreds of scopes), so this keeps the file
 * small. The static charts are drawn from the same rounded data, so they match the viewer's.
 */
export const compactNumbers = (data: ReportData): ReportData =>
  JSON.parse(
    JSON.stringify(data, (_key, v: unknown) =>
      typeof v === "number" && !Number.isInteger(v) && Number.isFinite(v) ? Number(v.toPrecision(reportDigits)) : v
    )
  ) as ReportData

const validate = (data: ReportData): void => {
  if (data.version !== reportDataVersion) {
    throw new InvalidReportData({
      message: `expected report data version ${reportDataVersion}, found ${String(data.version)}`
    })
  }
  if (data.scopes.length === 0) throw new InvalidReportData({ message: "the report data has no scope to show" })
}

/**
 * Renders a report as one HTML file (a string; the caller writes it). Deterministic: the same data gives the
 * same bytes. Throws `InvalidReportData` for data of another version or without scopes, and `ViewerNotBuilt`
 * when the viewer bundle is missing.
 *
 * @category constructors
 */
export const renderReport = (input: ReportData, options: RenderOptions = {}): string => {
  validate(input)
  const data = compactNumbers(input)
  return page(data, options, options.staticCharts === false ? "" : staticBody(data))
}

/**
 * `renderReport` as an Effect that can be interrupted while it draws: it yields to the event loop between
 * charts (each a bounded amount of work, whatever the run's size), so a signal handler's interruption takes
 * effect at the next chart. Same bytes as `renderReport`.
 *
 * @category constructors
 */
export const renderReportEffect = (
  input: ReportData,
  options: RenderOptions = {}
): Effect.Effect<string, InvalidReportData | ViewerNotBuilt> =>
  Effect.gen(function* () {
    yield* attempt(() => validate(input))
    const data = compactNumbers(input)
    yield* Effect.yieldNow
    const viewer = yield* attempt(() => options.viewer ?? loadViewer())
    let body = ""
    if (options.staticCharts !== false) {
      const drawing = staticDrawing(data)
      for (const step of drawing.steps) {
        yield* Effect.yieldNow
        step()
      }
      yield* Effect.yieldNow
      body = drawing.markup()
      yield* Effect.yieldNow
    }
    return page(data, { ...options, viewer }, body)
  })

/** Runs `f`, failing with the report's own errors and dying on anything else (a bug). */
const attempt = <A>(f: () => A): Effect.Effect<A, InvalidReportData | ViewerNotBuilt> =>
  Effect.suspend(() => {
    try {
      return Effect.succeed(f())
    } catch (e) {
      return e instanceof InvalidReportData || e instanceof ViewerNotBuilt ? Effect.fail(e) : Effect.die(e)
    }
  })

/** The page around a drawn body. */
const page = (data: ReportData, options: RenderOptions, body: string): string => {
  const script = embedScript(options.viewer ?? loadViewer())
  const hash = createHash("sha256").update(script, "utf8").digest("base64")
  const csp = [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `script-src 'sha256-${hash}'`,
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'"
  ].join("; ")
  const footer = `ccsim ${data.run.engineVersion} · ${data.run.scenario} · seed ${data.run.seed} · ${data.run.replications} replication${data.run.replications === 1 ? "" : "s"} · one self-contained file, no network access`
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="generator" content="ccsim report">',
    `<title>${escapeHtml(data.run.scenario)} · ccsim report</title>`,
    `<style>${styles}</style>`,
    "</head>",
    "<body>",
    `<main id="report">${body}</main>`,
    `<footer>${escapeHtml(footer)}</footer>`,
    '<div class="tooltip" id="tooltip" role="tooltip" hidden></div>',
    `<script type="application/json" id="${dataElementId}">${embedJson(data)}</script>`,
    `<script>${script}</script>`,
    "</body>",
    "</html>",
    ""
  ].join("\n")
}
