import type { AuditLogTable } from '../store/schema.js';
import type { Db } from '../store/Store.js';

/** An instance's audit rows, oldest first: its history. */
export async function auditOfInstance(db: Db, instanceId: string): Promise<AuditLogTable[]> {
  return (await db.selectFrom('audit_log').selectAll().where('instance_id', '=', instanceId).orderBy('seq').execute()) as AuditLogTable[];
}
