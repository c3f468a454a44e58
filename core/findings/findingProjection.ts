import type { Insertable } from 'kysely';
import type { Projection } from '../runtime/Engine.js';
import type { FindingTable } from '../store/schema.js';
import type { Db } from '../store/Store.js';

/**
 * Keeps the `findings` read model in step with the finding instances, inside each
 * event's transaction: one row per finding with the fields lists filter on.
 */
export const findingProjection: Projection = async (trx, { row, context, at }) => {
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
  };
  const updated = await trx.updateTable('findings').set(values).where('id', '=', row.id).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await trx.insertInto('findings').values({ id: row.id, opened_at: row.created_at, ...values }).execute();
  }
};

/** Stores read-model rows as they are (bulk fixtures of many findings; the projection writes them otherwise). */
export async function insertFindingRows(trx: Db, rows: readonly Insertable<FindingTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) await trx.insertInto('findings').values(rows.slice(i, i + 400)).execute();
}
