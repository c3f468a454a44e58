import type { Db, DialectName } from '../store/Store.js';
import { canonicalJson } from '../util/canonicalJson.js';
import type { AuditEntry } from './AuditEntry.js';
import { hashAuditRow } from './hashAuditRow.js';

/**
 * Appends one row to the hash-chained audit log inside the caller's transaction.
 * The head row is locked (PostgreSQL `FOR UPDATE`; SQLite's `BEGIN IMMEDIATE` already
 * serialises writers), so concurrent appends never fork the chain.
 */
export async function appendAudit(trx: Db, dialect: DialectName, entry: AuditEntry): Promise<number> {
  let query = trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
  if (dialect === 'postgres') query = query.forUpdate();
  const head = await query.executeTakeFirstOrThrow();
  const row = {
    seq: Number(head.seq) + 1,
    at: entry.at,
    actor: entry.actor,
    instance_id: entry.instanceId,
    chain: entry.chain,
    event: entry.event,
    state_before: entry.stateBefore,
    state_after: entry.stateAfter,
    data: canonicalJson(entry.data ?? {}),
    prev_hash: head.hash,
    ...(entry.by ? { by_person: entry.by } : {}),
  };
  const hash = hashAuditRow(row);
  await trx.insertInto('audit_log').values({ ...row, hash }).execute();
  await trx.updateTable('audit_head').set({ seq: row.seq, hash }).where('id', '=', 1).execute();
  return row.seq;
}
