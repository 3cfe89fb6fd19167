/**
 * The shell of the reports drawn without scripts (compare, sweep, staffing): one self-contained HTML file whose
 * Content-Security-Policy allows no request, only inline styles and data: images. Deterministic: the same page
 * gives the same bytes.
 */
import { escapeHtml } from "./Escape.ts"

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

export interface StaticPage {
  /** The title, as text (escaped here). */
  readonly title: string
  /** `<meta name="generator">`, when the page names one. */
  readonly generator?: string | undefined
  /** The stylesheet, inlined. */
  readonly styles: string
  /** The body's lines, as HTML. */
  readonly body: ReadonlyArray<string>
}

export const staticPage = (page: StaticPage): string =>
  [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">`,
    ...(page.generator === undefined ? [] : [`<meta name="generator" content="${escapeHtml(page.generator)}">`]),
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${page.styles}</style>`,
    "</head>",
    "<body>",
    ...page.body,
    "</body>",
    "</html>",
    ""
  ].join("\n")

/** The facts line at the top of a page: names and values as a definition list, escaped. */
export const factList = (facts: ReadonlyArray<readonly [string, string]>): string =>
  `<dl class="facts">${facts.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`).join("")}</dl>`
