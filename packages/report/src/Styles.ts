/**
 * The report's stylesheet, inlined into the page. Laid out for 1280 px screens (charts two by two, the time
 * charts full width) and for print (A4 landscape or portrait: no selector, sections kept whole, colours kept).
 */
export const styles = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #5c5c5c; --line: #d9d9d9; --pass: #009E73; --fail: #D55E00; --warn: #B07A00; }
* { box-sizing: border-box; }
html { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
body { margin: 0 auto; padding: 16px 24px 48px; max-width: 1240px; }
h1 { font-size: 24px; margin: 0; font-weight: 650; overflow-wrap: anywhere; }
h1 .scope-name { color: var(--muted); font-weight: 500; }
h2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
.title-row { display: flex; justify-content: space-between; align-items: center; gap: 16px; flex-wrap: wrap; }
.scope-picker select { font: inherit; padding: 4px 8px; min-width: 220px; }
.js-only { display: none; }
html.js .js-only { display: inline-block; }
.description { margin: 6px 0 0; color: var(--muted); max-width: 80ch; }
.facts { display: flex; flex-wrap: wrap; gap: 4px 22px; margin: 10px 0 0; font-size: 13px; }
.facts div { display: flex; gap: 6px; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.kpis { display: grid; grid-template-columns: repeat(6, 1fr); gap: 10px; margin-top: 16px; }
.kpi { border: 1px solid var(--line); border-top: 4px solid var(--line); border-radius: 6px; padding: 10px 12px; }
.kpi[data-verdict="pass"] { border-top-color: var(--pass); }
.kpi[data-verdict="fail"] { border-top-color: var(--fail); }
.kpi[data-verdict="warn"] { border-top-color: var(--warn); }
.kpi-title { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.03em; }
.kpi-value { font-size: 26px; font-weight: 650; font-variant-numeric: tabular-nums; }
.kpi-ci, .kpi-definition { font-size: 12px; color: var(--muted); font-variant-numeric: tabular-nums; }
.kpi-target, .kpi-thresholds li { font-size: 12px; font-weight: 600; }
.kpi-thresholds { list-style: none; margin: 4px 0 0; padding: 0; }
.pass { color: var(--pass); } .fail { color: var(--fail); } .warn { color: var(--warn); }
table { border-collapse: collapse; font-size: 13px; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 3px 10px 3px 0; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
.thresholds tr.pass td:first-child, .thresholds tr.fail td:first-child, .thresholds tr.warn td:first-child { font-weight: 700; }
.thresholds tr td { color: var(--ink); } .thresholds tr.pass td:first-child { color: var(--pass); }
.thresholds tr.fail td:first-child { color: var(--fail); } .thresholds tr.warn td:first-child { color: var(--warn); }
.charts { display: flex; flex-wrap: wrap; gap: 18px 20px; }
figure.chart { margin: 0; flex: 0 1 calc(50% - 10px); min-width: 0; }
figure.chart-full { flex-basis: 100%; }
@media (max-width: 900px) { figure.chart { flex-basis: 100%; } }
figcaption { display: flex; flex-wrap: wrap; gap: 2px 10px; align-items: baseline; }
.chart-title { font-weight: 650; }
.chart-note { color: var(--muted); font-size: 12px; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 2px 14px; margin: 4px 0 2px; padding: 0; font-size: 12px; color: #333; }
.legend li { display: inline-flex; align-items: center; gap: 5px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; }
.swatch-line { height: 0; border-top: 3px solid; border-radius: 0; width: 16px; }
.swatch-dash { height: 0; border-top: 2px dashed; border-radius: 0; width: 16px; }
.swatch-band { opacity: 0.35; }
svg.chart-svg { display: block; width: 100%; height: auto; overflow: visible; font-size: 11px; }
svg .axis text, svg .axis-label, svg .marker-label, svg .target-label, svg .threshold-label { font-size: 11px; fill: #333; }
svg .axis-label { fill: var(--muted); }
svg .empty-note { fill: var(--muted); font-size: 14px; }
svg .domain { stroke: #999; }
svg .hover rect:hover { fill: rgba(0, 0, 0, 0.05); }
svg .mark:hover { opacity: 0.8; }
.conformance-status { font-weight: 650; margin: 8px 0; }
.conformance-status[data-status="pass"] { color: var(--pass); }
.conformance-status[data-status="fail"] { color: var(--fail); }
.conformance-status[data-status="unchecked"] { color: var(--muted); }
.tooltip { position: fixed; z-index: 10; pointer-events: none; max-width: 420px; padding: 6px 9px; border-radius: 4px; background: rgba(20, 20, 20, 0.92); color: #fff; font-size: 12px; line-height: 1.35; white-space: pre-line; }
.tooltip[hidden] { display: none; }
footer { margin-top: 36px; color: var(--muted); font-size: 12px; }
@media (max-width: 1100px) { .kpis { grid-template-columns: repeat(3, 1fr); } }
@media print {
  html { font-size: 11px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { max-width: none; padding: 0; }
  .scope-picker, .tooltip { display: none !important; }
  h2 { break-after: avoid; }
  figure.chart, .kpis, .thresholds, table { break-inside: avoid; }
  .kpi-value { font-size: 20px; }
  svg .hover rect { fill: transparent !important; }
  @page { margin: 12mm; }
}
`
