import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { sql } from 'kysely';
import { verifyAudit } from '../audit/verifyAudit.js';
import { DubanError } from '../errors/DubanError.js';
import { openStore } from '../store/openStore.js';
import { redactUrl } from '../store/redactUrl.js';
import { runPgTool } from './pgTool.js';
import { verifySqliteFile } from './verifySqliteFile.js';

/** A restore done and verified. */
export interface RestoreResult {
  readonly target: string;
  readonly auditRows: number;
}

const isPostgres = (target: string) => /^postgres(ql)?:\/\//i.test(target);

/**
 * Restores a backup into a new database, never over one. SQLite: the backup is
 * copied beside the target, verified there ({@link verifySqliteFile}) and renamed into
 * place (a failed check leaves nothing). PostgreSQL: `pg_restore` of a `duban backup` archive into a database that must
 * be empty, then the audit chain is verified there.
 *
 * @throws DubanError `BACKUP_TARGET_EXISTS` when the SQLite file exists or the PostgreSQL
 * database holds tables; `BACKUP_INVALID` when the backup or the result fails its checks;
 * `BACKUP_TOOL_MISSING` on PostgreSQL without pg_restore (saying what to run).
 */
export async function restoreDatabase(backup: string, target: string): Promise<RestoreResult> {
  const source = resolve(backup);
  if (!existsSync(source)) throw new DubanError('NOT_FOUND', `no backup at ${source}`, { place: { file: source } });
  if (isPostgres(target)) return restorePostgres(source, target);
  const path = resolve(target);
  if (existsSync(path)) {
    throw new DubanError('BACKUP_TARGET_EXISTS', `${path} exists already: restore goes into a new file only (move the old one away first if it is to be replaced)`, { place: { file: path, argument: '--db' } });
  }
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.partial-${process.pid}`;
  try {
    copyFileSync(source, partial);
    const { auditRows } = await verifySqliteFile(partial);
    renameSync(partial, path);
    return { target: path, auditRows };
  } finally {
    rmSync(partial, { force: true });
  }
}

async function restorePostgres(source: string, url: string): Promise<RestoreResult> {
  const store = await openStore(url);
  try {
    const { rows } = await sql<{ n: number }>`select count(*) as n from information_schema.tables where table_schema = current_schema()`.execute(store.db);
    if (Number(rows[0]?.n ?? 0) > 0) {
      throw new DubanError('BACKUP_TARGET_EXISTS', `${store.target} is not empty: restore goes into an empty database only (createdb a new one)`, { place: { argument: '--db' } });
    }
    await runPgTool('pg_restore', ['--no-owner', `--dbname=${url}`, source], ['--no-owner', `--dbname='${redactUrl(url)}'`, source]);
    const audit = await verifyAudit(store.db);
    if (!audit.ok) throw new DubanError('BACKUP_INVALID', `${store.target}: the restored audit chain breaks at row ${audit.seq} (${audit.problem})`);
    return { target: store.target, auditRows: audit.rows };
  } finally {
    await store.close();
  }
}
