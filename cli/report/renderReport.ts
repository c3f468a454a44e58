import type { Language, Report } from '../../core/index.js';

/** The formats `duban report` writes. */
export const REPORT_FORMATS = ['md', 'html', 'csv', 'json', 'xlsx'] as const;

/** One of {@link REPORT_FORMATS}. */
export type ReportOutputFormat = (typeof REPORT_FORMATS)[number];

/**
 * Renders a report in a format: text for md, html, csv and json (stable English keys, the
 * {@link Report} itself), bytes for xlsx. Renderers load only when asked for, so a
 * command loads no xlsx writer unless it writes xlsx.
 */
export async function renderReport(report: Report, format: ReportOutputFormat, lang: Language): Promise<string | Buffer> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'md':
      return (await import('./renderMarkdown.js')).renderMarkdown(report, lang);
    case 'html':
      return (await import('./renderHtml.js')).renderHtml(report, lang);
    case 'csv':
      return (await import('./renderCsv.js')).renderCsv(report, lang);
    case 'xlsx':
      return (await import('./renderXlsx.js')).renderXlsx(report, lang);
  }
}
