import type { Duban, FindingDetail, Language, Localized } from '../core/index.js';
import { findingActorLabel, findingEventLabel } from '../core/findings/findingEventLabel.js';
import { detailsText, findingWords } from '../core/findings/findingWords.js';
import { findingChoice as choiceOf, FINDING_CHOICES as CHOICES } from './findingChoices.js';
import { printLine, printTable } from './output.js';
import { formatTime, formatZone } from './tui/text/formatTime.js';

const L = {
  severity: { 'zh-CN': '严重度', en: 'Severity' },
  status: { 'zh-CN': '状态', en: 'Status' },
  dept: { 'zh-CN': '科室', en: 'Department' },
  subject: { 'zh-CN': '对象', en: 'Subject' },
  description: { 'zh-CN': '描述', en: 'Description' },
  category: { 'zh-CN': '类别', en: 'Category' },
  assignee: { 'zh-CN': '负责人', en: 'Assignee' },
  level: { 'zh-CN': '升级层级', en: 'Escalation level' },
  due: { 'zh-CN': '期限', en: 'Due' },
  overdue: { 'zh-CN': '已逾期', en: 'OVERDUE' },
  flagged: { 'zh-CN': '最高层级仍逾期（已标记）', en: 'FLAGGED: overdue at the top level' },
  rootCause: { 'zh-CN': '根因', en: 'Root cause' },
  actions: { 'zh-CN': '整改措施', en: 'Actions' },
  extensions: { 'zh-CN': '延期申请', en: 'Extension requests' },
  notes: { 'zh-CN': '备注', en: 'Notes' },
  evidence: { 'zh-CN': '证据', en: 'Evidence' },
  verification: { 'zh-CN': '验证', en: 'Verification' },
  timeline: { 'zh-CN': '时间线', en: 'Timeline' },
  opened: { 'zh-CN': '登记', en: 'Opened' },
  times: { 'zh-CN': '时间均为当地时间', en: 'Times are local' },
  agreedIn: { 'zh-CN': '会议议定', en: 'agreed in' },
  done: { 'zh-CN': '完成', en: 'done' },
  granted: { 'zh-CN': '已批准', en: 'granted' },
  refused: { 'zh-CN': '已驳回', en: 'refused' },
  requested: { 'zh-CN': '待批', en: 'waiting' },
  until: { 'zh-CN': '延期至', en: 'until' },
} as const;

/**
 * Prints a finding for people: fields, root cause, actions (kind, owner, due, done),
 * extension requests, notes, evidence and the timeline. People, departments and posts by
 * name, categories by their plugin's label, choices by their labels, times local in the configured zone with the zone said
 * once at the top.
 */
export async function printFindingDetail(duban: Duban, f: FindingDetail, lang: Language): Promise<void> {
  const t = (k: keyof typeof L) => L[k][lang];
  const zone = duban.settings.timeZone;
  const time = (iso: string | null | undefined) => (iso ? formatTime(iso, zone) : '-');
  const choice = (labels: Readonly<Record<string, Localized>>, value: string) => choiceOf(labels, value, lang);
  const peopleIds = [
    f.assignee,
    ...(f.subjectKind === 'person' ? [f.subject] : []),
    ...f.actions.flatMap((a) => [a.owner, a.doneBy]),
    ...f.extensions.flatMap((e) => [e.requestedBy, e.decidedBy]),
    ...f.notes.map((n) => n.by),
    ...f.timeline.map((e) => e.actor),
    f.rootCause?.by,
    f.verification?.by,
  ].filter((id): id is string => typeof id === 'string');
  const people = await duban.org.names('people', peopleIds);
  const departments = await duban.org.names('departments', [f.department]);
  const words = await findingWords(f, { org: duban.org, plugins: duban.plugins, timeZone: zone });
  const who = (id: string | null | undefined) => (id ? (people.get(id)?.[lang] ?? id) : '-');

  printLine(`${f.id}  ${f.title[lang]}`);
  printLine(`${t('times')} (${zone}, ${formatZone(zone, f.dueAt ?? f.openedAt)})`);
  printTable(
    ['', ''],
    [
      [t('status'), choice(CHOICES.status, f.status)],
      [t('severity'), choice(CHOICES.severity, f.severity)],
      [t('dept'), departments.get(f.department)?.[lang] ?? f.department],
      [t('subject'), `${words.subject[lang]} (${choice(CHOICES.subjectKind, f.subjectKind)})`],
      [t('category'), words.category[lang]],
      [t('assignee'), who(f.assignee)],
      [t('level'), f.level],
      [t('due'), `${time(f.dueAt)}${f.overdue ? `  ${t('overdue')}` : ''}`],
      [t('opened'), time(f.openedAt)],
      ...(f.flagged ? [['⚑', t('flagged')]] : []),
    ],
  );
  for (const text of [f.description, detailsText(words.details, lang)]) if (text) printLine(`\n${t('description')}: ${text}`);
  if (f.rootCause) printLine(`\n${t('rootCause')}: ${choice(CHOICES.rootCause, f.rootCause.category)} — ${f.rootCause.text} (${who(f.rootCause.by)}, ${time(f.rootCause.at)})`);
  if (f.actions.length) {
    printLine(`\n${t('actions')}:`);
    for (const a of f.actions) {
      const done = a.status === 'done' ? `; ${t('done')} ${time(a.doneAt)} ${who(a.doneBy)}` : '';
      const agreed = a.agreedIn ? `; ${t('agreedIn')} ${a.agreedIn}` : '';
      printLine(`  [${a.status === 'done' ? 'x' : ' '}] ${a.id} ${choice(CHOICES.kind, a.kind ?? 'corrective')}: ${a.text} — ${who(a.owner)}, ${a.due}${done}${agreed}`);
    }
  }
  if (f.extensions.length) {
    printLine(`\n${t('extensions')}:`);
    for (const e of f.extensions) {
      const decided = e.decidedAt ? `; ${who(e.decidedBy)} ${time(e.decidedAt)}${e.decisionReason ? `: ${e.decisionReason}` : ''}` : '';
      printLine(`  ${e.id} ${t(e.status)} — ${t('until')} ${e.until}: ${e.reason} (${who(e.requestedBy)}, ${time(e.requestedAt)})${decided}`);
    }
  }
  if (f.notes.length) {
    printLine(`\n${t('notes')}:`);
    for (const n of f.notes) printLine(`  ${time(n.at)} ${who(n.by)}: ${n.text}`);
  }
  if (f.evidence.length) {
    printLine(`\n${t('evidence')}:`);
    for (const e of f.evidence) printLine(`  ${e.path} sha256:${e.sha256.slice(0, 16)}… (${who(e.by)})`);
  }
  if (f.verification) printLine(`\n${t('verification')}: ${f.verification.note} — ${who(f.verification.by)}, ${time(f.verification.at)}`);
  printLine(`\n${t('timeline')}:`);
  const step = (s: string | null) => (s ? choice(CHOICES.status, s) : '');
  printTable(['#', '', '', '', ''], f.timeline.map((e) => [e.seq, time(e.at), findingActorLabel(e.actor, who, lang), findingEventLabel(e.event, lang), `${step(e.from)} -> ${step(e.to)}`]));
}
