import { DateTime } from 'luxon';
import type { Localized } from '../i18n/Localized.js';
import type { OverdueFinding } from './OverdueDigestSource.js';

/** How many findings a digest lists one by one; the rest are counted. */
export const DIGEST_MAX_LINES = 20;

const SEVERITY: Record<string, Localized> = {
  critical: { 'zh-CN': '严重', en: 'critical' },
  major: { 'zh-CN': '较重', en: 'major' },
  minor: { 'zh-CN': '一般', en: 'minor' },
};

/**
 * The text of an overdue digest in both languages: a headline with the count (and the
 * department when the digest has one), then one line a finding with its severity, title,
 * department, due time (in `zone`) and escalation level. Pure.
 */
export function composeOverdueDigest(findings: readonly OverdueFinding[], at: Date, zone: string, department?: string): Localized {
  const when = DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM-dd HH:mm');
  const scopeZh = department ? `（${department}）` : '';
  const scopeEn = department ? ` (${department})` : '';
  if (findings.length === 0) {
    return { 'zh-CN': `逾期问题汇总${scopeZh}：截至 ${when} 无逾期问题。`, en: `Overdue digest${scopeEn}: no overdue findings as of ${when}.` };
  }
  const shown = findings.slice(0, DIGEST_MAX_LINES);
  const due = (f: OverdueFinding) => DateTime.fromISO(f.dueAt, { zone }).toFormat('MM-dd HH:mm');
  const sev = (f: OverdueFinding, lang: keyof Localized) => SEVERITY[f.severity]?.[lang] ?? f.severity;
  const zh = shown.map((f) => `- [${sev(f, 'zh-CN')}] ${f.title['zh-CN']}（${f.departmentId}，${due(f)} 到期，第 ${f.level} 级）${f.id}`);
  const en = shown.map((f) => `- [${sev(f, 'en')}] ${f.title.en} (${f.departmentId}, due ${due(f)}, level ${f.level}) ${f.id}`);
  const more = findings.length - shown.length;
  if (more > 0) {
    zh.push(`……另有 ${more} 项`);
    en.push(`... and ${more} more`);
  }
  return {
    'zh-CN': [`逾期问题汇总${scopeZh}：截至 ${when} 共 ${findings.length} 项逾期。`, ...zh].join('\n'),
    en: [`Overdue digest${scopeEn}: ${findings.length} finding(s) overdue as of ${when}.`, ...en].join('\n'),
  };
}
