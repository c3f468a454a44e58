import { sql, type Kysely } from 'kysely';
import { coreMigrations } from './migrations/coreMigrations.js';
import type { Store } from './Store.js';

/** One owner's migrations: the core's, or a plugin's (its own history table). */
export interface MigrationSet {
  /** `core` or the plugin's id. */
  readonly owner: string;
  readonly tableName: string;
  /** The names this version of the code knows, in order. */
  readonly names: readonly string[];
}

/** What the database holds of one {@link MigrationSet}. */
export interface MigrationState {
  readonly owner: string;
  readonly tableName: string;
  readonly applied: readonly string[];
  readonly pending: readonly string[];
}

/** The core's migration history table (Kysely's default name, kept). */
export const CORE_MIGRATION_SET: MigrationSet = { owner: 'core', tableName: 'duban_migration', names: Object.keys(coreMigrations) };

/** A plugin's own migration history table. */
export function pluginMigrationTable(pluginId: string): string {
  return `duban_plugin_${pluginId.replace(/-/g, '_')}_migration`;
}

/**
 * Reads which migrations of each set are applied and which are pending: one query for
 * which history tables exist, one per existing table. Changes nothing; a missing table
 * means all of that set is pending.
 */
export async function migrationStatus(store: Pick<Store, 'db' | 'dialect'>, sets: readonly MigrationSet[]): Promise<MigrationState[]> {
  const db = store.db as unknown as Kysely<any>;
  const wanted = sets.filter((s) => s.names.length > 0).map((s) => s.tableName);
  const existing = new Set(
    wanted.length === 0
      ? []
      : (store.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name in (${sql.join(wanted)})`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_name in (${sql.join(wanted)})`.execute(db)
        ).rows.map((r) => r.name),
  );
  const states: MigrationState[] = [];
  for (const set of sets) {
    const rows = existing.has(set.tableName) ? await db.selectFrom(set.tableName).select('name').execute() : [];
    const applied = new Set(rows.map((r: { name: string }) => r.name));
    states.push({ owner: set.owner, tableName: set.tableName, applied: set.names.filter((n) => applied.has(n)), pending: set.names.filter((n) => !applied.has(n)) });
  }
  return states;
}
