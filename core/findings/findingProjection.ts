import type { Insertable } from 'kysely';
import type { Projection } from '../runtime/Engine.js';
import type { FindingTable } from '../store/schema.js';
import type { Db } from '../store/Store.js';

/**
 * Keeps the `findings` read model in step with the finding instances, inside each
 * event's transaction: one row per finding with the fields lists filter on.
 */
export const findingProjection: Projection = async (trx, { row, context, event, at }) => {
  const input = context.input as Record<string, unknown>;
  const data = context.data as Record<string, unknown>;
  const actions = Array.isArray(data.actions) ? (data.actions as { status?: string }[]) : [];
  const escalated = typeof data.escalatedAt === 'string' ? data.escalatedAt : null;
  const values = {
    department_id: String(input.department),
    subject: String(input.subject),
    subject_kind: String(input.subjectKind ?? 'department'),
    category: String(input.category),
    severity: String(input.severity),
    title_zh: String(input.title),
    title_en: String(input.titleEn ?? input.title),
    status: row.state,
    assignee: typeof data.assignee === 'string' ? data.assignee : null,
    level: typeof data.level === 'number' ? data.level : 1,
    due_at: typeof data.dueAt === 'string' ? data.dueAt : null,
    flagged: data.flagged === true ? 1 : 0,
    open_actions: actions.filter((a) => a.status === 'open').length,
    reopen_count: typeof data.reopenCount === 'number' ? data.reopenCount : 0,
    source_instance: typeof input.source === 'string' ? input.source : null,
    closed_at: row.state === 'closed' && typeof data.closedAt === 'string' ? data.closedAt : null,
    escalated_at: escalated,
    updated_at: at.toISOString(),
    root_cause_category: rootCauseCategory(data.rootCause),
  };
  const updated = await trx.updateTable('findings').set(values).where('id', '=', row.id).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await trx.insertInto('findings').values({ id: row.id, opened_at: row.created_at, ...values }).execute();
  }
  if (CAPA_EVENTS.has(event)) await projectCapa(trx, row.id, values.department_id, data);
};

/** The events that change a finding's actions or extension requests. */
const CAPA_EVENTS = new Set(['PLAN', 'ACTION_DONE', 'REQUEST_EXTENSION', 'GRANT_EXTENSION', 'REFUSE_EXTENSION']);

// The finding's actions and extension requests, one row each, rewritten whole: a finding has few.
async function projectCapa(trx: Db, id: string, department: string, data: Record<string, unknown>): Promise<void> {
  const records = (key: string) => (Array.isArray(data[key]) ? (data[key] as Record<string, unknown>[]) : []);
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  await trx.deleteFrom('finding_actions').where('finding_id', '=', id).execute();
  await trx.deleteFrom('finding_extensions').where('finding_id', '=', id).execute();
  const actions = records('actions').map((a) => ({
    finding_id: id,
    action_id: String(a.id),
    department_id: department,
    kind: text(a.kind) ?? 'corrective',
    owner: String(a.owner ?? ''),
    due: String(a.due ?? ''),
    status: String(a.status ?? 'open'),
    done_at: text(a.doneAt),
    created_at: String(a.createdAt ?? ''),
  }));
  if (actions.length > 0) await trx.insertInto('finding_actions').values(actions).execute();
  const extensions = records('extensions').map((e) => ({
    finding_id: id,
    extension_id: String(e.id),
    department_id: department,
    until: String(e.until ?? ''),
    status: String(e.status ?? 'requested'),
    requested_at: String(e.requestedAt ?? ''),
    decided_at: text(e.decidedAt),
  }));
  if (extensions.length > 0) await trx.insertInto('finding_extensions').values(extensions).execute();
}

function rootCauseCategory(cause: unknown): string | null {
  const category = cause && typeof cause === 'object' ? (cause as { category?: unknown }).category : undefined;
  return typeof category === 'string' ? category : null;
}

/** Stores read-model rows as they are (bulk fixtures of many findings; the projection writes them otherwise). */
export async function insertFindingRows(trx: Db, rows: readonly Insertable<FindingTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) await trx.insertInto('findings').values(rows.slice(i, i + 400)).execute();
}
