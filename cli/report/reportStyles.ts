/**
 * The HTML report's stylesheet, inline (the file is self-contained). Screen and A4 print:
 * tables never split a row across pages, headings stay with what follows, charts keep
 * their colours when printed.
 */
export const REPORT_CSS = `
:root { --ink: #1f2933; --muted: #616e7c; --rule: #cbd2d9; --bar: #2f6fad; --target: #c0392b; --head: #eef2f6; }
* { box-sizing: border-box; }
body { margin: 24px auto; max-width: 960px; padding: 0 16px; color: var(--ink);
  font: 14px/1.5 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 15px; margin: 18px 0 6px; }
.meta { color: var(--muted); margin: 0; }
.summary p { margin: 6px 0; }
.summary .lang { color: var(--muted); font-size: 12px; margin-top: 12px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 12.5px; }
th, td { border: 1px solid var(--rule); padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: var(--head); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: 600; background: #f7f9fb; }
figure { margin: 8px 0 14px; }
figcaption { font-size: 13px; color: var(--muted); margin-bottom: 2px; }
figure svg { display: block; max-width: 100%; height: auto; }
svg text { font-size: 12px; fill: var(--ink); }
svg .bar { fill: var(--bar); }
svg .target { stroke: var(--target); stroke-width: 1.5; stroke-dasharray: 4 3; }
svg .target-label { fill: var(--target); font-size: 11px; }
.notes { color: var(--muted); font-size: 12px; }
.empty { color: var(--muted); font-style: italic; }
.failures { border: 1px solid var(--target); padding: 8px 12px; color: var(--target); }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 11pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3, figcaption { break-after: avoid; page-break-after: avoid; }
  tr, figure, svg { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  section.report-section { break-before: auto; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
