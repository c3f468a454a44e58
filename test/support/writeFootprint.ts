import { sql } from 'kysely';
import type { Db } from '../../core/index.js';

/** What the engine has written: row counts of its tables, the audit head, one instance's row. */
export interface WriteFootprint {
  readonly counts: Readonly<Record<string, number>>;
  readonly auditHead: unknown;
  readonly instance: unknown;
}

const TABLES = ['instances', 'audit_log', 'timers', 'outbox', 'incidents', 'chain_definitions'] as const;

/**
 * Reads everything a refused event could have touched, so a test can assert that two
 * footprints are equal: "nothing written" as a comparison, not as a hope.
 */
export async function writeFootprint(db: Db, instanceId: string): Promise<WriteFootprint> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    counts[table] = Number(row.rows[0]!.n);
  }
  const auditHead = await db.selectFrom('audit_head').selectAll().executeTakeFirst();
  const instance = await db
    .selectFrom('instances')
    .select(['state', 'status', 'revision', 'snapshot', 'updated_at'])
    .where('id', '=', instanceId)
    .executeTakeFirst();
  const timers = await db.selectFrom('timers').select(['id', 'status', 'due_at']).where('instance_id', '=', instanceId).orderBy('id').execute();
  return { counts, auditHead: { ...auditHead, seq: Number(auditHead?.seq) }, instance: { ...instance, revision: Number(instance?.revision), timers } };
}
