import type { Db } from '../store/Store.js';
import type { AuditRow } from './AuditEntry.js';
import { hashAuditRow } from './hashAuditRow.js';

/** Why a row does not fit the chain. Message keys live under `audit.` in the locales. */
export type AuditProblem = 'badHash' | 'gap' | 'badPrev' | 'headMismatch';

/** The outcome of {@link verifyAudit}: a value, never a throw. */
export type AuditVerification =
  | { readonly ok: true; readonly rows: number; readonly headHash: string }
  | { readonly ok: false; readonly rows: number; readonly seq: number; readonly problem: AuditProblem };

/**
 * Walks the whole audit log in order and checks each row's sequence number, its link to
 * the row before and its own hash; then checks the last row against the recorded head
 * (which catches rows removed from the end). Reads in pages, so it runs in constant memory.
 */
export async function verifyAudit(db: Db, pageSize = 5000): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = '';
  let rows = 0;
  for (;;) {
    const page = (await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute()) as AuditRow[];
    for (const row of page) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) return { ok: false, rows, seq: expectedSeq, problem: 'gap' };
      if (row.prev_hash !== prevHash) return { ok: false, rows, seq, problem: 'badPrev' };
      if (hashAuditRow(row) !== row.hash) return { ok: false, rows, seq, problem: 'badHash' };
      prevHash = row.hash;
      expectedSeq++;
      rows++;
    }
    if (page.length < pageSize) break;
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if (!head || Number(head.seq) !== rows || head.hash !== prevHash) {
    // Name the first row that does not fit the head: the first one missing from the end,
    // the first one appended behind it, or the last one when it was rewritten in place.
    const headSeq = head ? Number(head.seq) : 0;
    const seq = headSeq > rows ? rows + 1 : headSeq < rows ? headSeq + 1 : Math.max(rows, 1);
    return { ok: false, rows, seq, problem: 'headMismatch' };
  }
  return { ok: true, rows, headHash: prevHash };
}
