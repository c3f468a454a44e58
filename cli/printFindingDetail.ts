import type { FindingDetail, Language } from '../core/index.js';
import { printLine, printTable } from './output.js';

const L = {
  severity: { 'zh-CN': '严重度', en: 'Severity' },
  status: { 'zh-CN': '状态', en: 'Status' },
  dept: { 'zh-CN': '科室', en: 'Department' },
  subject: { 'zh-CN': '对象', en: 'Subject' },
  category: { 'zh-CN': '类别', en: 'Category' },
  assignee: { 'zh-CN': '负责人', en: 'Assignee' },
  level: { 'zh-CN': '升级层级', en: 'Escalation level' },
  due: { 'zh-CN': '期限', en: 'Due' },
  overdue: { 'zh-CN': '已逾期', en: 'OVERDUE' },
  flagged: { 'zh-CN': '最高层级仍逾期（已标记）', en: 'FLAGGED: overdue at the top level' },
  actions: { 'zh-CN': '整改措施', en: 'Corrective actions' },
  notes: { 'zh-CN': '备注', en: 'Notes' },
  evidence: { 'zh-CN': '证据', en: 'Evidence' },
  verification: { 'zh-CN': '验证', en: 'Verification' },
  timeline: { 'zh-CN': '时间线', en: 'Timeline' },
  opened: { 'zh-CN': '登记', en: 'Opened' },
} as const;

/** Prints a finding for people: fields, actions, notes, evidence and the timeline. */
export function printFindingDetail(f: FindingDetail, lang: Language): void {
  const t = (k: keyof typeof L) => L[k][lang];
  printLine(`${f.id}  ${f.title[lang]}`);
  printTable(
    ['', ''],
    [
      [t('status'), f.status],
      [t('severity'), f.severity],
      [t('dept'), f.department],
      [t('subject'), `${f.subject} (${f.subjectKind})`],
      [t('category'), f.category],
      [t('assignee'), f.assignee ?? '-'],
      [t('level'), f.level],
      [t('due'), `${f.dueAt ?? '-'}${f.overdue ? `  ${t('overdue')}` : ''}`],
      [t('opened'), f.openedAt],
      ...(f.flagged ? [['⚑', t('flagged')]] : []),
    ],
  );
  if (f.actions.length) {
    printLine(`\n${t('actions')}:`);
    for (const a of f.actions) printLine(`  [${a.status === 'done' ? 'x' : ' '}] ${a.id} ${a.text} — ${a.owner}, ${a.due}`);
  }
  if (f.notes.length) {
    printLine(`\n${t('notes')}:`);
    for (const n of f.notes) printLine(`  ${n.at} ${n.by}: ${n.text}`);
  }
  if (f.evidence.length) {
    printLine(`\n${t('evidence')}:`);
    for (const e of f.evidence) printLine(`  ${e.path} sha256:${e.sha256.slice(0, 16)}… (${e.by})`);
  }
  if (f.verification) printLine(`\n${t('verification')}: ${f.verification.note} — ${f.verification.by}, ${f.verification.at}`);
  printLine(`\n${t('timeline')}:`);
  printTable(['#', '', '', '', ''], f.timeline.map((e) => [e.seq, e.at, e.actor, e.event, `${e.from ?? ''} -> ${e.to ?? ''}`]));
}
