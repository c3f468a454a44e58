import { auditLength } from '../../../core/audit/auditLength.js';
import type { Duban } from '../../../core/container/createDuban.js';

/**
 * A value that changes whenever something the console shows may have changed, in this
 * process or any other (a `duban serve`, a colleague's console, the CLI): the audit
 * log's length (every state change appends a row) and the person's inbox size
 * (deliveries are not audited). Two indexed reads, so it can be polled every second.
 */
export async function changeMarker(duban: Pick<Duban, 'store' | 'inbox'>, person: string): Promise<string> {
  return `${await auditLength(duban.store.db)}:${await duban.inbox.size(person)}`;
}
