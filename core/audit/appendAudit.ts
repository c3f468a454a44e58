import { DubanError } from '../errors/DubanError.js';
import type { Db, DialectName } from '../store/Store.js';
import { preparedQuery } from '../store/preparedQuery.js';
import { canonicalJson } from '../util/canonicalJson.js';
import type { AuditEntry, AuditRow } from './AuditEntry.js';
import { hashAuditRow } from './hashAuditRow.js';

/**
 * The audit head a writer saw last (its own last append), so its next append can advance
 * the head in one compare-and-set instead of reading it first. Only a guess: the
 * compare-and-set checks it against the stored head, and a wrong guess (another writer
 * appended, or the transaction that wrote it rolled back) falls back to reading the head.
 */
export class AuditHeadGuess {
  seq = -1;
  hash = '';
}

const HEAD = preparedQuery(0, (db) => db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1));
const HEAD_FOR_UPDATE = preparedQuery(0, (db) => db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).forUpdate());
const SET_HEAD = preparedQuery(2, (db, seq: number, hash: string) => db.updateTable('audit_head').set({ seq, hash }).where('id', '=', 1));
const ADVANCE_HEAD = preparedQuery(4, (db, seq: number, hash: string, prevSeq: number, prevHash: string) =>
  db.updateTable('audit_head').set({ seq, hash }).where('id', '=', 1).where('seq', '=', prevSeq).where('hash', '=', prevHash),
);
const INSERT = preparedQuery(
  11,
  (db, seq: number, at: string, actor: string, instance: string | null, chain: string | null, event: string, before: string | null, after: string | null, data: string, prev: string, hash: string) =>
    db.insertInto('audit_log').values({ seq, at, actor, instance_id: instance, chain, event, state_before: before, state_after: after, data, prev_hash: prev, hash }),
);
const INSERT_BY = preparedQuery(
  12,
  (db, seq: number, at: string, actor: string, instance: string | null, chain: string | null, event: string, before: string | null, after: string | null, data: string, prev: string, hash: string, by: string) =>
    db.insertInto('audit_log').values({ seq, at, actor, instance_id: instance, chain, event, state_before: before, state_after: after, data, prev_hash: prev, hash, by_person: by }),
);

/**
 * Appends one row to the hash-chained audit log inside the caller's transaction.
 * The head row is locked (PostgreSQL: the head's `UPDATE`, or `FOR UPDATE` when it is
 * read; SQLite's `BEGIN IMMEDIATE` already serialises writers), so concurrent appends
 * never fork the chain. With a {@link AuditHeadGuess} that matches the stored head, the
 * head is checked and advanced in one statement and never read.
 */
export async function appendAudit(trx: Db, dialect: DialectName, entry: AuditEntry, guess?: AuditHeadGuess): Promise<number> {
  if (guess && guess.seq >= 0) {
    const row = auditRow(entry, guess.seq + 1, guess.hash);
    const advanced = await ADVANCE_HEAD.run(trx, row.seq, row.hash, guess.seq, guess.hash);
    if (Number(advanced.numAffectedRows) === 1) return insertRow(trx, row, guess);
  }
  const head = (await (dialect === 'postgres' ? HEAD_FOR_UPDATE : HEAD).run(trx)).rows[0];
  if (!head) throw new DubanError('AUDIT_BROKEN', 'the audit log has no head row: the database was not migrated');
  const row = auditRow(entry, Number(head.seq) + 1, head.hash);
  await SET_HEAD.run(trx, row.seq, row.hash);
  return insertRow(trx, row, guess);
}

function auditRow(entry: AuditEntry, seq: number, prevHash: string): AuditRow {
  const row: { -readonly [K in keyof AuditRow]: AuditRow[K] } = {
    seq,
    at: entry.at,
    actor: entry.actor,
    instance_id: entry.instanceId,
    chain: entry.chain,
    event: entry.event,
    state_before: entry.stateBefore,
    state_after: entry.stateAfter,
    data: canonicalJson(entry.data ?? {}),
    prev_hash: prevHash,
    hash: '',
  };
  if (entry.by) row.by_person = entry.by;
  // Filled in last: the hash covers every other column (the empty one is not hashed).
  row.hash = hashAuditRow(row);
  return row;
}

async function insertRow(trx: Db, row: AuditRow, guess: AuditHeadGuess | undefined): Promise<number> {
  const values = [row.seq, row.at, row.actor, row.instance_id, row.chain, row.event, row.state_before, row.state_after, row.data, row.prev_hash, row.hash] as const;
  if (row.by_person) await INSERT_BY.run(trx, ...values, row.by_person);
  else await INSERT.run(trx, ...values);
  if (guess) {
    guess.seq = row.seq;
    guess.hash = row.hash;
  }
  return row.seq;
}
