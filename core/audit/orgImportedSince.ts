import { sql, type Kysely } from 'kysely';
import type { DubanSchema } from '../store/schema.js';

/**
 * The first org import in the audit log after `seq`, if any: whether the org changed since
 * the last anchor. The event is a literal, not a parameter, so the query reads the partial
 * index that holds only org imports (migration 011) instead of every row since `seq`.
 */
export function orgImportedSince(db: Kysely<DubanSchema>, seq: number) {
  return db.selectFrom('audit_log').select('seq').where('event', '=', sql.lit('org.imported')).where('seq', '>', seq).limit(1);
}
