import { inDepartments, snapshotContext, type ReportContext } from '../../../core/index.js';
import type { DisciplineFigures, DutyPostAbsence } from './DisciplineFigures.js';

type FollowUp = Omit<DisciplineFigures['dutyPost'], 'handoverIncomplete' | 'workLogMissing'>;

interface Round {
  readonly at: string;
  readonly posts: readonly { post: string; present?: boolean }[];
}

// Kept under SQLite's default limit of bound parameters, with room to spare.
const CHUNK = 500;

/**
 * The duty-post inspections of the period and what followed each absence (值班不在岗), in
 * three queries whatever their number: the period's inspections and absence findings, the
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
  const { db, period, departments } = ctx;
  const inspections = (await inDepartments(
    db
      .selectFrom('instances')
      .select(['id', 'snapshot'])
      .where('chain_id', '=', 'duty-post-inspection')
      .where('created_at', '>=', period.from)
      .where('created_at', '<', period.to),
    'department_id',
    departments,
  ).execute()) as { id: string; snapshot: string }[];
  const postsChecked = inspections.reduce((n, row) => n + ((snapshotContext(row.snapshot).data.rounds as Round[] | undefined)?.[0]?.posts.length ?? 0), 0);

  const absences = (await inDepartments(
    db
      .selectFrom('findings')
      .select(['id', 'department_id', 'subject', 'source_instance', 'opened_at', 'status'])
      .where('category', '=', 'duty-post.absent')
      .where('opened_at', '>=', period.from)
      .where('opened_at', '<', period.to),
    'department_id',
    departments,
  )
    .orderBy('opened_at')
    .orderBy('id')
    .execute()) as { id: string; department_id: string; subject: string; source_instance: string | null; opened_at: string; status: string }[];

  const meetings = new Map<string, { state: string; data: Record<string, unknown> }>();
  for (const ids of chunks(absences.map((a) => a.id))) {
    const rows = (await db.selectFrom('instances').select(['parent_id', 'state', 'snapshot']).where('chain_id', '=', 'corrective-meeting').where('parent_id', 'in', ids).execute()) as {
      parent_id: string;
      state: string;
      snapshot: string;
    }[];
    for (const row of rows) meetings.set(row.parent_id, { state: row.state, data: snapshotContext(row.snapshot).data });
  }
  const sources = new Map<string, { input: Record<string, unknown>; data: Record<string, unknown> }>();
  for (const ids of chunks([...new Set(absences.map((a) => a.source_instance).filter((s): s is string => s !== null))])) {
    const rows = (await db.selectFrom('instances').select(['id', 'snapshot']).where('id', 'in', ids).execute()) as { id: string; snapshot: string }[];
    for (const row of rows) sources.set(row.id, snapshotContext(row.snapshot));
  }

  const absenceList = absences.map((a): DutyPostAbsence => {
    const meeting = meetings.get(a.id);
    const minutes = meeting?.data.minutes as { heldAt?: string; statements?: { kind?: string }[] } | undefined;
    const source = a.source_instance ? sources.get(a.source_instance) : undefined;
    const rota = (source?.input.posts as { post: string; person?: string }[] | undefined) ?? [];
    const rounds = [...((source?.data.rounds as Round[] | undefined) ?? [])].sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
    // The round that found the absence is the last one recorded before the finding opened.
    const foundIn = rounds.reduce((found, r, i) => (r.at <= a.opened_at && r.posts.some((p) => p.post === a.subject && p.present === false) ? i : found), -1);
    const next = foundIn < 0 ? undefined : rounds.slice(foundIn + 1).find((r) => r.posts.some((p) => p.post === a.subject));
    const nextRecord = next?.posts.find((p) => p.post === a.subject);
    return {
      findingId: a.id,
      department: a.department_id,
      post: a.subject,
      person: rota.find((p) => p.post === a.subject)?.person ?? null,
      foundAt: a.opened_at,
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

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}
