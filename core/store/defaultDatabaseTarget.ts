import { join } from 'node:path';
import envPaths from 'env-paths';

/**
 * Where the database is when nobody says: `--db` first, then `DUBAN_DB`, then the config
 * file's `db`, then `duban.db` in the user's XDG data folder (`~/.local/share/duban`).
 */
export function defaultDatabaseTarget(
  flag: string | undefined,
  configDb: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return flag ?? env.DUBAN_DB ?? configDb ?? join(envPaths('duban', { suffix: '' }).data, 'duban.db');
}
