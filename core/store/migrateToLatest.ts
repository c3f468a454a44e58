import { Migrator, type Kysely, type Migration } from 'kysely';
import { DubanError } from '../errors/DubanError.js';
import { coreMigrations } from './migrations/coreMigrations.js';

/**
 * Runs migrations up to the latest. Core migrations use Kysely's default tables; a
 * plugin passes its own `tableName` so its history stays its own.
 *
 * @throws DubanError `DB_OPEN_FAILED` naming the migration that failed; the failed
 * migration's transaction is rolled back.
 */
export async function migrateToLatest(
  db: Kysely<any>,
  migrations: Record<string, Migration> = coreMigrations,
  tableName = 'duban_migration',
): Promise<string[]> {
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
