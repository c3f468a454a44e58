import type { Language, Report } from '../../core/index.js';
import { formatCell, type CellContext } from './formatCell.js';
import { cliText } from '../i18n/cliText.js';
import { periodText, reportText, reportTitle, scopeText } from './reportText.js';

/**
 * The report as Markdown (GitHub tables), in `lang`; the year-end sentences in both
 * languages. Charts are left to the HTML and xlsx formats.
 */
export function renderMarkdown(report: Report, lang: Language): string {
  const ctx: CellContext = { lang, departments: report.departments, timeZone: report.period.timeZone };
  const out: string[] = [`# ${reportTitle(report, lang)}`, '', `${reportText(lang, 'period')}: ${periodText(report)} · ${reportText(lang, 'scope')}: ${scopeText(report, lang)} · ${reportText(lang, 'asOf')}: ${formatCell(report.period.asOf, { key: 'asOf', label: cliText.both('report.asOf'), format: 'datetime' }, ctx)}`, ''];
  if (report.failures.length > 0) {
    out.push(`> **${reportText(lang, 'failures')}**`, ...report.failures.map((f) => `> - ${f.section}: ${f.code}: ${f.message}`), '');
  }
  const sentences = report.sectionOrder.flatMap((id) => report.sections[id]!.sentences ?? []);
  if (report.report === 'yearly' && sentences.length > 0) {
    out.push(`## ${reportText(lang, 'summary')}`, '');
    for (const l of ['zh-CN', 'en'] as const) out.push(`**${reportText(lang, l === 'zh-CN' ? 'chinese' : 'english')}**`, '', ...sentences.map((s) => s[l]), '');
  }
  for (const id of report.sectionOrder) {
    const s = report.sections[id]!;
    out.push(`## ${s.title[lang]}`, '');
    for (const t of s.tables) {
      out.push(`### ${t.title[lang]}`, '');
      if (t.rows.length === 0) {
        out.push(`_${reportText(lang, 'empty')}_`, '');
        continue;
      }
      const numeric = (format: string) => ['integer', 'decimal', 'percent', 'days'].includes(format);
      out.push(`| ${t.columns.map((c) => cell(c.label[lang])).join(' | ')} |`);
      out.push(`| ${t.columns.map((c) => (numeric(c.format) ? '---:' : '---')).join(' | ')} |`);
      for (const row of t.rows) out.push(`| ${t.columns.map((c) => cell(formatCell(row[c.key], c, ctx))).join(' | ')} |`);
      out.push('');
    }
    for (const note of s.notes ?? []) out.push(`> ${note[lang]}`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
