import type { Db } from '../store/Store.js';

/** How many rows the audit log holds: its head's sequence number (rows are numbered from 1, without gaps). One indexed read. */
export async function auditLength(db: Db): Promise<number> {
  const head = await db.selectFrom('audit_head').select('seq').where('id', '=', 1).executeTakeFirst();
  return head ? Number(head.seq) : 0;
}
