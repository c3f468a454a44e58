import { sql } from 'kysely';
import { verifyAudit } from '../audit/verifyAudit.js';
import { DubanError } from '../errors/DubanError.js';
import { openStore } from '../store/openStore.js';

/** What a verified SQLite copy holds. */
export interface VerifiedCopy {
  /** Rows of the audit log, whose hash chain checked out. */
  readonly auditRows: number;
}

/**
 * Checks a SQLite copy the way it will be relied on: `PRAGMA integrity_check` is `ok`
 * and the audit hash chain verifies end to end (what `duban audit verify` checks).
 *
 * @throws DubanError `BACKUP_INVALID` naming the file and what failed.
 */
export async function verifySqliteFile(file: string): Promise<VerifiedCopy> {
  const store = await openStore(file, { mustExist: true });
  try {
    const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(store.db);
    const integrity = rows.map((r) => r.integrity_check).join('; ');
    if (integrity !== 'ok') throw new DubanError('BACKUP_INVALID', `${file}: integrity_check says: ${integrity}`, { place: { file } });
    // A database not yet initialised (before its first migration) has no audit log to check.
    const { rows: logs } = await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = 'audit_log'`.execute(store.db);
    if (Number(logs[0]?.n) === 0) return { auditRows: 0 };
    const audit = await verifyAudit(store.db);
    if (!audit.ok) throw new DubanError('BACKUP_INVALID', `${file}: the audit chain breaks at row ${audit.seq} (${audit.problem})`, { place: { file } });
    return { auditRows: audit.rows };
  } finally {
    await store.close();
  }
}
