import type { ReportContext } from '../../../core/plugin/index.js';
import type { DisciplineFigures, DutyPostAbsence } from './DisciplineFigures.js';

type FollowUp = Omit<DisciplineFigures['dutyPost'], 'handoverIncomplete' | 'workLogMissing'>;

interface Round {
  readonly at: string;
  readonly posts: readonly { post: string; present?: boolean }[];
}

/**
 * The duty-post inspections of the period and what followed each absence (值班不在岗), in
 * a few queries whatever their number: the period's inspections and absence findings, the
 * corrective meetings the findings started (their child instances), and the inspections
 * the absences came from (their rounds hold the re-inspection).
 *
 * - Meeting: held once the minutes are recorded; self-criticism when a statement is of kind
 *   `self-criticism` (the seeds' 检讨); overdue or pending before that; none when no
 *   meeting was started.
 * - Re-inspection: the first later round of the same inspection that checked the post:
 *   present passes, absent again does not; none yet is pending.
 */
export async function queryDutyPostFollowUp(ctx: ReportContext): Promise<FollowUp> {
  const { period, departments } = ctx;
  const inspections = await ctx.instances.ofChain('duty-post-inspection', { from: period.from, to: period.to, departments });
  const postsChecked = inspections.reduce((n, i) => n + ((i.data.rounds as Round[] | undefined)?.[0]?.posts.length ?? 0), 0);

  const absences = await ctx.findings.all({ category: 'duty-post.absent', openedFrom: period.from, openedBefore: period.to, ...(departments ? { departments } : {}) });
  const meetings = new Map<string, { state: string; data: Readonly<Record<string, unknown>> }>();
  for (const m of await ctx.instances.children(
    absences.map((a) => a.id),
    'corrective-meeting',
  )) {
    // What happened counts: a held meeting is not hidden by another child of the finding
    // (databases from before one meeting per finding may hold two).
    if (!meetings.get(m.parentId!)?.data.minutes) meetings.set(m.parentId!, { state: m.state, data: m.data });
  }
  const sources = new Map((await ctx.instances.byIds(absences.map((a) => a.source).filter((s): s is string => s !== null))).map((i) => [i.id, i]));

  const rotas = absences.map((a) => (a.source ? ((sources.get(a.source)?.input.posts as { post: string; person?: string }[] | undefined) ?? []) : []));
  const postNames = await ctx.org.names('posts', absences.map((a) => a.subject));
  const personNames = await ctx.org.names('people', rotas.flat().flatMap((p) => (p.person ? [p.person] : [])));
  const absenceList = absences.map((a, i): DutyPostAbsence => {
    const meeting = meetings.get(a.id);
    const minutes = meeting?.data.minutes as { heldAt?: string; statements?: { kind?: string }[] } | undefined;
    const source = a.source ? sources.get(a.source) : undefined;
    const rota = rotas[i]!;
    const person = rota.find((p) => p.post === a.subject)?.person ?? null;
    const rounds = [...((source?.data.rounds as Round[] | undefined) ?? [])].sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
    // The round that found the absence is the last one recorded before the finding opened.
    const foundIn = rounds.reduce((found, r, i) => (r.at <= a.openedAt && r.posts.some((p) => p.post === a.subject && p.present === false) ? i : found), -1);
    const next = foundIn < 0 ? undefined : rounds.slice(foundIn + 1).find((r) => r.posts.some((p) => p.post === a.subject));
    const nextRecord = next?.posts.find((p) => p.post === a.subject);
    return {
      findingId: a.id,
      department: a.department,
      post: a.subject,
      postName: postNames.get(a.subject) ?? { 'zh-CN': a.subject, en: a.subject },
      person,
      personName: person ? (personNames.get(person) ?? { 'zh-CN': person, en: person }) : null,
      foundAt: a.openedAt,
      atReinspection: foundIn > 0,
      findingStatus: a.status,
      meeting: !meeting ? 'none' : minutes ? 'held' : meeting.state === 'meeting-overdue' ? 'overdue' : 'pending',
      meetingHeldAt: typeof minutes?.heldAt === 'string' ? minutes.heldAt : null,
      selfCriticism: (minutes?.statements ?? []).some((s) => s.kind === 'self-criticism'),
      reinspection: !nextRecord ? 'pending' : nextRecord.present === true ? 'passed' : 'absent-again',
      reinspectedAt: next?.at ?? null,
    };
  });
  return {
    inspections: inspections.length,
    postsChecked,
    absences: absenceList.length,
    meetingsHeld: absenceList.filter((a) => a.meeting === 'held').length,
    selfCriticisms: absenceList.filter((a) => a.selfCriticism).length,
    reinspectionsPassed: absenceList.filter((a) => a.reinspection === 'passed').length,
    reinspectionsAbsentAgain: absenceList.filter((a) => a.reinspection === 'absent-again').length,
    reinspectionsPending: absenceList.filter((a) => a.reinspection === 'pending').length,
    absenceList,
  };
}
