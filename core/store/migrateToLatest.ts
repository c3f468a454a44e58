import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { DubanError } from '../errors/DubanError.js';
import { coreMigrations } from './migrations/coreMigrations.js';
import type { Store } from './Store.js';

/**
 * Runs migrations up to the latest. Core migrations use Kysely's default tables; a
 * plugin passes its own `tableName` so its history stays its own.
 *
 * On SQLite the whole run holds the write lock (`BEGIN IMMEDIATE` on the one
 * connection): Kysely runs SQLite migrations without a transaction, so two processes
 * starting together on a new file would otherwise both create the same tables. On
 * PostgreSQL Kysely's own migration lock and transactional DDL do the same.
 *
 * @throws DubanError `DB_OPEN_FAILED` naming the migration that failed; nothing of it stays.
 */
export async function migrateToLatest(
  store: Pick<Store, 'db' | 'dialect'>,
  migrations: Record<string, Migration> = coreMigrations,
  tableName = 'duban_migration',
): Promise<string[]> {
  if (store.dialect !== 'sqlite') return run(store.db, migrations, tableName);
  return store.db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const applied = await run(conn, migrations, tableName);
      await sql`commit`.execute(conn);
      return applied;
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
}

async function run(db: Kysely<any>, migrations: Record<string, Migration>, tableName: string): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: tableName,
    migrationLockTableName: `${tableName}_lock`,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new DubanError('DB_OPEN_FAILED', `migration ${tableName}/${failed} failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
