import { findingActorLabel, findingEventLabel, findingReasonLabel } from '../../../core/findings/findingEventLabel.js';
import { detailsText, type WordedFinding } from '../../../core/findings/findingWords.js';
import type { Language } from '../../../core/i18n/Localized.js';
import type { Translate } from '../i18n/tuiText.js';
import { displayWidth, padToWidth } from '../text/displayWidth.js';
import { formatTime, formatZone } from '../text/formatTime.js';
import { wrapToWidth } from '../text/wrapToWidth.js';
import type { Theme, Tone } from '../theme/Theme.js';
import { choiceLabel } from './stageChoices.js';
import type { FindingAction } from './findingPermissions.js';

/** A line of a pane, with an optional meaning for its colour (also said in its words). */
export interface StyledLine {
  readonly text: string;
  readonly tone?: Tone;
  readonly bold?: boolean;
}

/** What {@link detailLines} needs besides the finding. */
export interface DetailContext {
  readonly t: Translate;
  readonly lang: Language;
  readonly theme: Theme;
  readonly width: number;
  readonly timeZone: string;
  readonly personName: (id: string) => string;
  readonly departmentName: (id: string) => string;
  /** The actions `can()` allows the current person on this finding, in their order. */
  readonly offered: readonly FindingAction[];
  /** Keys of the actions, as the keymap binds them. */
  readonly actionKeys: Readonly<Record<FindingAction, string>>;
}


/**
 * Everything the detail pane shows of a finding, as lines `width` columns wide: the
 * fields, the actions the current person may take (and why not the others), the
 * corrective actions, notes, evidence, escalations and the timeline from the audit log.
 * Pure, so the pane can scroll through it and tests can read it.
 */
export function detailLines(d: WordedFinding, ctx: DetailContext): StyledLine[] {
  const { t, theme, width } = ctx;
  const time = (iso: string | null | undefined) => formatTime(iso, ctx.timeZone);
  const lines: StyledLine[] = [];
  for (const text of wrapToWidth(d.title[ctx.lang], width)) lines.push({ text, bold: true });

  const overdue = d.overdue ? ` ${theme.glyphs.overdue} ${t('detail.overdueBy')}` : '';
  const fields: [string, string, Tone?][] = [
    [t('field.id'), d.id],
    [t('field.status'), `${theme.status[d.status]} ${t(`status.${d.status}`)}${overdue}`, d.overdue ? 'danger' : undefined],
    [t('field.severity'), `${theme.severity[d.severity]} ${t(`severity.${d.severity}`)}`, d.severity === 'critical' ? 'danger' : d.severity === 'major' ? 'warning' : undefined],
    [t('field.department'), `${d.department} ${ctx.departmentName(d.department)}`.trim()],
    [t('field.subject'), d.words.subject[ctx.lang]],
    [t('field.category'), d.words.category[ctx.lang]],
    [t('field.assignee'), d.assignee ? ctx.personName(d.assignee) : t('detail.none')],
    [t('field.level'), `${d.level}${d.flagged ? ` ${theme.glyphs.flagged} ${t('field.flagged')}` : ''}`, d.flagged ? 'danger' : undefined],
    [t('field.due'), `${time(d.dueAt) || t('detail.none')}${overdue}`, d.overdue ? 'danger' : undefined],
    [t('field.opened'), time(d.openedAt)],
  ];
  if (d.closedAt) fields.push([t('field.closedAt'), time(d.closedAt)]);
  if (d.escalatedAt) fields.push([t('field.escalatedAt'), time(d.escalatedAt)]);
  if (d.reopenCount > 0) fields.push([t('field.reopened'), t('detail.times', { count: d.reopenCount })]);
  if (d.source) fields.push([t('field.source'), d.source]);
  if (d.verification) fields.push([t('field.verification'), `${d.verification.note} (${ctx.personName(d.verification.by)}, ${time(d.verification.at)})`, 'ok']);
  if (d.effective !== null) fields.push([t('field.effective'), d.effective ? t('detail.yes') : t('detail.no')]);
  fields.push([t('field.revision'), String(d.revision)]);
  const labelWidth = Math.min(Math.floor(width / 3), Math.max(...fields.map(([label]) => displayWidth(label))));
  for (const [label, value, tone] of fields) pushField(lines, label, value, labelWidth, width, tone);

  lines.push({ text: '' });
  // Wrapped, not cut: a seat may be offered a dozen actions.
  for (const part of wrapToWidth(actionSummary(ctx), width)) lines.push({ text: part, tone: 'accent' });

  const described = [d.description, detailsText(d.words.details, ctx.lang)].filter((text) => text);
  if (described.length > 0) {
    section(lines, t('field.description'), theme);
    for (const text of described.flatMap((part) => wrapToWidth(part!, width))) lines.push({ text });
  }
  if (d.rootCause) {
    section(lines, t('detail.rootCause'), theme);
    indentWrap(lines, `${choiceLabel('category', d.rootCause.category, ctx.lang)}: ${d.rootCause.text} (${ctx.personName(d.rootCause.by)}, ${time(d.rootCause.at)})`, width);
  }
  section(lines, t('detail.actions'), theme);
  if (d.actions.length === 0) lines.push({ text: t('detail.none'), tone: 'muted' });
  for (const a of d.actions) {
    const done = a.status === 'done';
    const box = theme.ascii ? (done ? '[x]' : '[ ]') : done ? '☑' : '☐';
    const kind = choiceLabel('kind', a.kind ?? 'corrective', ctx.lang);
    const head = `${box} ${a.id} ${t(done ? 'detail.actionDone' : 'detail.actionOpen')} · ${kind}: ${a.text} · ${ctx.personName(a.owner)} · ${a.due.slice(0, 10)}`;
    indentWrap(lines, head, width, done ? 'ok' : undefined);
    if (a.note) indentWrap(lines, `  ${a.note}`, width, 'muted');
  }
  if (d.extensions.length > 0) {
    section(lines, t('detail.extensions'), theme);
    for (const e of d.extensions) {
      const answer = e.decidedBy ? ` · ${ctx.personName(e.decidedBy)}${e.decisionReason ? `: ${e.decisionReason}` : ''}` : '';
      indentWrap(lines, `${time(e.requestedAt)} ${ctx.personName(e.requestedBy)} → ${e.until}: ${e.reason} · ${t(`detail.extension.${e.status}`)}${answer}`, width, e.status === 'refused' ? 'warning' : undefined);
    }
  }
  if (d.notes.length > 0) {
    section(lines, t('detail.notes'), theme);
    for (const n of d.notes) indentWrap(lines, `${time(n.at)} ${ctx.personName(n.by)}: ${n.text}`, width);
  }
  if (d.evidence.length > 0) {
    section(lines, t('detail.evidence'), theme);
    for (const e of d.evidence) indentWrap(lines, `${e.path} sha256:${e.sha256.slice(0, 12)} (${ctx.personName(e.by)}, ${time(e.at)})`, width);
  }
  if (d.escalations.length > 0) {
    section(lines, t('detail.escalations'), theme);
    for (const e of d.escalations) {
      const to = typeof e.to === 'string' ? ` → ${ctx.personName(e.to)}` : '';
      indentWrap(lines, `${time(String(e.at ?? ''))} ${t('detail.level', { level: String(e.level ?? '') })}${to}: ${findingReasonLabel(String(e.reason ?? ''), ctx.lang)}`, width, e.flagged ? 'danger' : undefined);
    }
  }
  // The zone once, beside the times it applies to.
  section(lines, `${t('detail.timeline')} (${formatZone(ctx.timeZone, d.openedAt)})`, theme);
  for (const entry of d.timeline) {
    const step = (s: string) => (s in theme.status ? t(`status.${s}`) : s);
    const move = entry.from && entry.to && entry.from !== entry.to ? ` ${step(entry.from)}${theme.ascii ? '->' : '→'}${step(entry.to)}` : '';
    const said = summary(entry.data, ctx);
    const who = findingActorLabel(entry.actor, ctx.personName, ctx.lang);
    indentWrap(lines, `${time(entry.at)} ${who} ${findingEventLabel(entry.event, ctx.lang)}${move}${said ? `: ${said}` : ''}`, width, entry.event.startsWith('denied:') ? 'danger' : undefined);
  }
  return lines;
}

function actionSummary(ctx: DetailContext): string {
  // Only what may be done is offered; nothing at all is said in words.
  if (ctx.offered.length === 0) return ctx.t('action.none');
  return ctx.offered.map((action) => `${ctx.actionKeys[action]} ${ctx.t(`action.${action}`)}`).join('  ');
}

function pushField(lines: StyledLine[], label: string, value: string, labelWidth: number, width: number, tone?: Tone): void {
  const room = Math.max(8, width - labelWidth - 2);
  const wrapped = wrapToWidth(value, room);
  wrapped.forEach((part, i) => lines.push({ text: `${padToWidth(i === 0 ? label : '', labelWidth)}  ${part}`, tone }));
}

function section(lines: StyledLine[], title: string, theme: Theme): void {
  lines.push({ text: '' });
  lines.push({ text: `${title} ${theme.glyphs.line.repeat(2)}`, bold: true });
}

function indentWrap(lines: StyledLine[], text: string, width: number, tone?: Tone): void {
  wrapToWidth(text, width - 2).forEach((part, i) => lines.push({ text: `${i === 0 ? '' : '  '}${part}`, tone }));
}

/** What an event said, in words: a reason (the engine's codes labelled), a note or text, the person assigned by name. */
function summary(data: unknown, ctx: DetailContext): string {
  if (!data || typeof data !== 'object') return '';
  const d = data as Record<string, unknown>;
  if (typeof d.reason === 'string') return findingReasonLabel(d.reason, ctx.lang);
  for (const key of ['note', 'text']) if (typeof d[key] === 'string') return d[key] as string;
  return typeof d.assignee === 'string' ? ctx.personName(d.assignee) : '';
}
