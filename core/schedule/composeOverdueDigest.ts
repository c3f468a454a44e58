import { DateTime } from 'luxon';
import { coreText } from '../i18n/coreText.js';
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
  const scope = department ? coreText.both('digest.scope', { department }) : '';
  if (findings.length === 0) return coreText.both('digest.none', { scope, when });
  const lines = [coreText.both('digest.headline', { scope, when, findings: coreText.both('digest.findings', { count: findings.length }) })];
  for (const f of findings.slice(0, DIGEST_MAX_LINES)) {
    const due = DateTime.fromISO(f.dueAt, { zone }).toFormat('MM-dd HH:mm');
    const severity = SEVERITY[f.severity] ?? f.severity;
    lines.push(coreText.both('digest.line', { severity, title: f.title, department: f.departmentId, due, level: f.level, id: f.id }));
  }
  const more = findings.length - DIGEST_MAX_LINES;
  if (more > 0) lines.push(coreText.both('digest.more', { count: more }));
  const text = (lang: keyof Localized) => lines.map((line) => line[lang]).join('\n');
  return { 'zh-CN': text('zh-CN'), en: text('en') };
}
