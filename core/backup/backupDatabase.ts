import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { sql } from 'kysely';
import { DubanError } from '../errors/DubanError.js';
import { redactUrl } from '../store/redactUrl.js';
import type { Store } from '../store/Store.js';
import { runPgTool } from './pgTool.js';
import { verifySqliteFile } from './verifySqliteFile.js';

/** A backup taken and verified. */
export interface BackupResult {
  readonly file: string;
  readonly dialect: Store['dialect'];
  readonly bytes: number;
  /** Rows of the audit log verified in the copy (SQLite); null for a pg_dump archive. */
  readonly auditRows: number | null;
}

/**
 * Takes a consistent copy of the open database into `file` and verifies it before
 * saying so. SQLite: `VACUUM INTO` (one read transaction: a snapshot, while `serve` or
 * another writer goes on) into a temporary file beside the target, then
 * {@link verifySqliteFile}, then renamed into place; a failed copy leaves nothing.
 * PostgreSQL: `pg_dump --format=custom`, then `pg_restore --list` reads the archive back.
 *
 * @param target the database as given (the PostgreSQL URL with its password, for pg_dump).
 * @throws DubanError `BACKUP_TARGET_EXISTS` when `file` exists and `force` is not set;
 * `BACKUP_INVALID` when the copy fails its verification; `BACKUP_TOOL_MISSING` on
 * PostgreSQL without pg_dump (saying what to run).
 */
export async function backupDatabase(store: Store, target: string, file: string, options: { readonly force?: boolean } = {}): Promise<BackupResult> {
  const path = resolve(file);
  if (existsSync(path) && !options.force) {
    throw new DubanError('BACKUP_TARGET_EXISTS', `${path} exists already: name a new file, or add --force to replace it`, { place: { file: path } });
  }
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.partial-${process.pid}`;
  rmSync(partial, { force: true });
  try {
    let auditRows: number | null = null;
    if (store.dialect === 'sqlite') {
      await sql`vacuum into ${partial}`.execute(store.db);
      auditRows = (await verifySqliteFile(partial)).auditRows;
    } else {
      await runPgTool('pg_dump', ['--format=custom', `--file=${partial}`, target], ['--format=custom', `--file=${path}`, `'${redactUrl(target)}'`]);
      await runPgTool('pg_restore', ['--list', partial], ['--list', path]);
    }
    renameSync(partial, path);
    return { file: path, dialect: store.dialect, bytes: statSync(path).size, auditRows };
  } finally {
    rmSync(partial, { force: true });
  }
}
