import { sql } from 'kysely';
import type { Db } from '../../../core/store/Store.js';

/**
 * A value that changes whenever something the console shows may have changed, in this
 * process or any other (a `duban serve`, a colleague's console, the CLI): the audit
 * log's head sequence number (every state change appends a row) and the person's inbox
 * size (deliveries are not audited). Two indexed single-row reads, so it can be polled
 * every second.
 */
export async function changeMarker(db: Db, person: string): Promise<string> {
  const head = await db.selectFrom('audit_head').select('seq').where('id', '=', 1).executeTakeFirst();
  let inbox = '-';
  try {
    // The inbox table arrives with a later migration; a database without it still works.
    const row = await sql<{ n: number | string }>`select count(*) as n from inbox where person_id = ${person}`.execute(db);
    inbox = String(row.rows[0]?.n ?? 0);
  } catch {
    inbox = '-';
  }
  return `${head ? Number(head.seq) : 0}:${inbox}`;
}
