import type { Kysely, Migration } from 'kysely';
import type { Store } from './Store.js';

/** Which of a set of migrations a database has run, and which it has not. */
export interface MigrationStatus {
  readonly applied: readonly string[];
  readonly pending: readonly string[];
  /** Run on this database but unknown to this program: a newer duban migrated it. */
  readonly unknown: readonly string[];
}

/**
 * Reads a migration history table (Kysely's, `name` a row) against the migrations this
 * program knows, without creating anything: a database that has no history yet has run none.
 */
export async function readMigrationStatus(
  store: Pick<Store, 'db'>,
  known: Readonly<Record<string, Migration>>,
  tableName = 'duban_migration',
): Promise<MigrationStatus> {
  let applied: string[];
  try {
    // The history table is Kysely's, not one of the core's typed tables.
    const rows = await (store.db as unknown as Kysely<Record<string, { name: string }>>).selectFrom(tableName).select('name').orderBy('name').execute();
    applied = rows.map((r) => r.name);
  } catch {
    applied = [];
  }
  const names = Object.keys(known).sort();
  return { applied, pending: names.filter((n) => !applied.includes(n)), unknown: applied.filter((n) => !names.includes(n)) };
}
