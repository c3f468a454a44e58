import { DubanError } from '../errors/DubanError.js';
import { migrationStatus, type MigrationSet } from './migrationStatus.js';
import type { Store } from './Store.js';

/**
 * Refuses a database whose schema is behind the code (core or a plugin's), without
 * changing it: migrating is the user's decision (`duban migrate`, which backs up first).
 *
 * @throws DubanError `DB_OUTDATED` listing the pending migrations by owner and what to run.
 */
export async function requireCurrentSchema(store: Pick<Store, 'db' | 'dialect' | 'target'>, sets: readonly MigrationSet[]): Promise<void> {
  const behind = (await migrationStatus(store, sets)).filter((s) => s.pending.length > 0);
  if (behind.length === 0) return;
  const list = behind.map((s) => `${s.owner}: ${s.pending.join(', ')}`).join('; ');
  throw new DubanError('DB_OUTDATED', `the database ${store.target} has migrations pending (${list}): run \`duban migrate\` (it backs the database up first); \`duban migrate status\` lists them`, {
    place: { file: store.target },
    details: { pending: Object.fromEntries(behind.map((s) => [s.owner, s.pending])) },
  });
}
