/**
 * Terminal styling. Colour is on only when stdout is a terminal, `--no-color` is absent and `NO_COLOR` is unset
 * (https://no-color.org), so files, pipes and CI logs get plain text.
 */

/** Text styles; each is the identity when colour is off. */
export interface Style {
  readonly color: boolean
  readonly bold: (text: string) => string
  readonly dim: (text: string) => string
  readonly red: (text: string) => string
  readonly green: (text: string) => string
  readonly yellow: (text: string) => string
  readonly cyan: (text: string) => string
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`
const plain = (text: string) => text

/** A style with colour on or off. */
export const makeStyle = (color: boolean): Style =>
  color
    ? {
        color,
        bold: wrap(1, 22),
        dim: wrap(2, 22),
        red: wrap(31, 39),
        green: wrap(32, 39),
        yellow: wrap(33, 39),
        cyan: wrap(36, 39)
      }
    : { color, bold: plain, dim: plain, red: plain, green: plain, yellow: plain, cyan: plain }

/** Whether to colour stdout: a terminal, no `--no-color`, and `NO_COLOR` unset or empty. */
export const colorWanted = (options: {
  readonly noColorFlag: boolean
  readonly noColorEnv: string | undefined
  readonly isTTY: boolean
}): boolean => !options.noColorFlag && (options.noColorEnv === undefined || options.noColorEnv === "") && options.isTTY

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escape sequences is the point
const ANSI = /\u001b\[[0-9;]*m/g

/** The width of text on screen: ANSI escapes take no room. */
export const visibleWidth = (text: string): number => [...text.replace(ANSI, "")].length

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /(\u001b\[[0-9;]*m)|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g

/**
 * Text safe for a terminal: control characters from names and files (ANSI escapes that retitle the window or move
 * the cursor, `\r` that overwrites a line) are shown escaped, e.g. `\x1b` or `\r`. Newlines and tabs stay. With
 * `keepColor`, colour escapes (SGR, `ESC[…m`, the only kind {@link makeStyle} writes) stay too; they cannot do more
 * than colour text.
 */
export const escapeControl = (text: string, keepColor: boolean): string =>
  text.replace(CONTROL, (match: string, color: string | undefined) => {
    if (color !== undefined && keepColor) return match
    return [...match]
      .map((c) => {
        if (c === "\r") return "\\r"
        const code = c.charCodeAt(0)
        return code < 0x20 || (code >= 0x7f && code <= 0x9f) ? `\\x${code.toString(16).padStart(2, "0")}` : c
      })
      .join("")
  })
