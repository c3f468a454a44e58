import type { Migration } from 'kysely';
import { coreMigration } from './001_core.js';

/**
 * The core's migrations, in code: Kysely's FileMigrationProvider cannot load `.ts` under
 * vitest, and a compiled CLI should not search the disk for them. Names sort in order.
 */
export const coreMigrations: Record<string, Migration> = {
  '001_core': coreMigration,
};
