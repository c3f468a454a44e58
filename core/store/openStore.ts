import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Kysely } from 'kysely';
import type { PostgresConfig } from '../config/DubanConfig.js';
import { DubanError } from '../errors/DubanError.js';
import type { Logger } from '../runtime/Logger.js';
import { withStatementCache } from './cachedStatements.js';
import { attachDirectSqlite, DirectSqliteLane } from './directSqlite.js';
import { CodedPostgresDialect } from './CodedPostgresDialect.js';
import { ImmediateSqliteDialect } from './ImmediateSqliteDialect.js';
import { redactUrl } from './redactUrl.js';
import { storeFailure } from './storeFailure.js';
import type { DubanSchema } from './schema.js';
import type { Store } from './Store.js';

/** Options of {@link openStore}. */
export interface OpenStoreOptions {
  /** SQLite `synchronous` pragma. Default `FULL`: a commit survives power loss. */
  readonly synchronous?: 'FULL' | 'NORMAL' | 'EXTRA';
  /** Milliseconds a writer waits for the lock before failing. Default 10 000. */
  readonly busyTimeoutMs?: number;
  /** PostgreSQL pool size and timeouts (the config's `postgres`). */
  readonly postgres?: PostgresConfig;
  /** Where a failure of an idle PostgreSQL connection is logged (`DB_POOL_ERROR`). */
  readonly logger?: Logger;
  /**
   * The SQLite file must be there already: a missing one is `DB_NOT_FOUND` and nothing
   * (not its folder either) is created. Default false: the file and its folder are made.
   */
  readonly mustExist?: boolean;
}

/**
 * Opens a database. A `postgres://` or `postgresql://` URL means PostgreSQL through pg;
 * anything else is a SQLite file path (created with its folder if missing, unless
 * `mustExist`), opened in WAL mode with `synchronous=FULL`, foreign keys on and a busy timeout.
 *
 * @throws DubanError `DB_NOT_FOUND` for a missing file with `mustExist`; `DB_READONLY`,
 * `DB_IO_FAILED` ({@link storeFailure}) or `DB_OPEN_FAILED` when it cannot be opened.
 */
export async function openStore(target: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(target)) return openPostgres(target, options);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    throw new DubanError('DB_UNSUPPORTED_TARGET', `"${target}" is neither a SQLite file path nor a postgres:// URL`, {
      place: { argument: '--db' },
    });
  }
  return openSqlite(target, options);
}

async function openSqlite(target: string, options: OpenStoreOptions): Promise<Store> {
  const { default: Database } = await import('better-sqlite3');
  const file = target === ':memory:' ? target : resolve(target);
  if (options.mustExist && file !== ':memory:' && !existsSync(file)) {
    throw new DubanError('DB_NOT_FOUND', `no database at ${file}: create one with \`duban init --db ${file}\` (or restore a backup), or name the right one with --db`, {
      place: { file },
    });
  }
  let raw;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    raw = new Database(file, { fileMustExist: options.mustExist === true });
    // Pragmas go on the raw handle before Kysely wraps it (STACK.md pitfall 9).
    if (file !== ':memory:') raw.pragma('journal_mode = WAL');
    raw.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    raw.pragma('foreign_keys = ON');
    raw.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 10_000}`);
  } catch (cause) {
    raw?.close();
    const mapped = storeFailure(cause, file);
    if (mapped !== cause) throw mapped;
    throw new DubanError('DB_OPEN_FAILED', `cannot open SQLite database ${file}: ${(cause as Error).message}`, {
      place: { file },
      cause,
    });
  }
  const handle = raw;
  const lane = new DirectSqliteLane(handle, file);
  const db = new Kysely<DubanSchema>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(raw) }, handle, file, lane) });
  attachDirectSqlite(db, lane);
  return { db, dialect: 'sqlite', target: file, assertPresent: presenceCheck(file), close: () => db.destroy() };
}

/**
 * The file's device and inode now, checked again on each call: a deleted or replaced
 * file (its folder removed, a restore moved over it) would otherwise go on taking writes
 * into an unlinked inode no later command can see.
 */
function presenceCheck(file: string): () => void {
  if (file === ':memory:') return () => undefined;
  const opened = statSync(file);
  return () => {
    let now;
    try {
      now = statSync(file);
    } catch {
      now = undefined;
    }
    if (now?.dev === opened.dev && now.ino === opened.ino) return;
    throw new DubanError('DB_GONE', `the database file ${file} ${now ? 'was replaced by another file' : 'is gone'} since it was opened; nothing more is written to it`, {
      place: { file },
    });
  };
}

async function openPostgres(url: string, { postgres = {}, logger }: OpenStoreOptions): Promise<Store> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url,
    max: postgres.poolSize ?? 5,
    idleTimeoutMillis: postgres.idleTimeoutMs ?? 10_000,
    ...(postgres.statementTimeoutMs !== undefined ? { statement_timeout: postgres.statementTimeoutMs } : {}),
    // pg returns int8 and numeric as strings (STACK.md pitfall 8); duban's counters fit a double.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === 20 || oid === 1700 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle pooled connection can be closed by the server (a restart, an administrator,
  // a dropped database); pg reports that on the pool, and unhandled it would crash the
  // process. The pool replaces the connection on the next query; the log tells why.
  pool.on('error', (error) => logger?.warn({ code: 'DB_POOL_ERROR', err: error.message, db: redactUrl(url) }, 'an idle PostgreSQL connection failed; the pool opens a new one when needed'));
  try {
    const client = await pool.connect();
    client.release();
  } catch (cause) {
    await pool.end();
    throw new DubanError('DB_OPEN_FAILED', `cannot connect to PostgreSQL at ${redactUrl(url)}: ${(cause as Error).message}`, {
      place: { argument: '--db' },
      cause,
    });
  }
  const db = new Kysely<DubanSchema>({ dialect: new CodedPostgresDialect({ pool }, redactUrl(url)) });
  return { db, dialect: 'postgres', target: redactUrl(url), assertPresent: () => undefined, close: () => db.destroy() };
}
