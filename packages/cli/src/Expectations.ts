/**
 * Rendering verdicts: the expectation lines of a THRESHOLDS block (shared by `ccsim test` and `ccsim run`). The
 * verdicts themselves are `@ccsim/runner`'s.
 */
import type { Expectation } from "@ccsim/runner"
import type { Style } from "./Style.ts"
import { renderTable } from "./Table.ts"

/** ✓ passed, ✗ failed, ! failed but not strict (a warning). */
export const expectationMark = (e: Expectation, style: Style): string =>
  e.ok ? style.green("✓") : e.strict ? style.red("✗") : style.yellow("!")

/**
 * The expectation lines of a THRESHOLDS block: mark, scope, condition, observed value with its 95 % interval;
 * under each failure its details (the diff of a trace, the first violations).
 */
export const renderExpectations = (
  expectations: ReadonlyArray<Expectation>,
  style: Style,
  options: { readonly indent: string; readonly onlyFailures: boolean }
): Array<string> => {
  const shown = options.onlyFailures ? expectations.filter((e) => !e.ok) : expectations
  if (shown.length === 0) return []
  const rows = shown.map((e) => [
    `${expectationMark(e, style)} ${e.scope}`,
    e.condition,
    e.observed + (e.ok || e.strict ? "" : style.yellow("  (not strict: a warning)"))
  ])
  const [header, ...lines] = renderTable(
    [{ header: "  scope" }, { header: "condition" }, { header: "observed [95% CI]" }],
    rows,
    { indent: options.indent }
  )
  const out = [style.dim(header ?? "")]
  shown.forEach((e, i) => {
    out.push(lines[i] ?? "")
    if (!e.ok) for (const detail of e.details) out.push(`${options.indent}    ${style.dim(detail)}`)
  })
  return out
}
