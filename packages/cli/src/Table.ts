/**
 * Plain-text tables for the console: columns padded to the widest cell, numbers right-aligned.
 */
import { visibleWidth } from "./Style.ts"

/** A column: its header and alignment. */
export interface Column {
  readonly header: string
  readonly align?: "left" | "right"
}

const pad = (text: string, width: number, align: "left" | "right") => {
  const fill = " ".repeat(Math.max(0, width - visibleWidth(text)))
  return align === "right" ? fill + text : text + fill
}

/**
 * Renders rows under their headers, two spaces between columns, `indent` before each line; trailing spaces trimmed.
 * `styleHeader` styles the header line (e.g. dim), applied after padding so widths stay right.
 */
export const renderTable = (
  columns: ReadonlyArray<Column>,
  rows: ReadonlyArray<ReadonlyArray<string>>,
  options: { readonly indent?: string; readonly styleHeader?: (text: string) => string } = {}
): Array<string> => {
  const widths = columns.map((column, i) =>
    Math.max(visibleWidth(column.header), ...rows.map((row) => visibleWidth(row[i] ?? "")))
  )
  const indent = options.indent ?? ""
  const line = (cells: ReadonlyArray<string>) =>
    indent +
    columns
      .map((column, i) => pad(cells[i] ?? "", widths[i] ?? 0, column.align ?? "left"))
      .join("  ")
      .trimEnd()
  const header = line(columns.map((column) => column.header))
  return [options.styleHeader ? options.styleHeader(header) : header, ...rows.map(line)]
}
