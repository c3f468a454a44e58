import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { sql } from 'kysely';
import { DubanError } from '../core/errors/DubanError.js';
import { openStore } from '../core/store/openStore.js';
import type { Store } from '../core/store/Store.js';

/** The tables whose rows make a database "one with data" (a fresh `duban init` has none). */
const DATA_TABLES = ['people', 'departments', 'instances', 'findings', 'schedules'] as const;

/** A target as messages show it: a PostgreSQL URL's password hidden. */
export function displayTarget(target: string): string {
  return target.replace(/^(postgres(?:ql)?:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}

/** True for a `postgres://` or `postgresql://` target. */
export function isPostgresTarget(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/** What a target holds: nothing yet, an empty database, data, or something that is not a duban database. */
export type TargetState = 'missing' | 'empty' | 'data' | 'unreadable';

/** Looks at a database target without changing what it holds. */
export async function inspectTarget(target: string): Promise<{ readonly state: TargetState; readonly rows: number; readonly problem?: string }> {
  if (!isPostgresTarget(target) && !existsSync(target)) return { state: 'missing', rows: 0 };
  let store: Store | undefined;
  try {
    store = await openStore(target);
    const rows = await countDataRows(store);
    return { state: rows > 0 ? 'data' : 'empty', rows };
  } catch (error) {
    return { state: 'unreadable', rows: 0, problem: (error as Error).message };
  } finally {
    await store?.close();
  }
}

/**
 * Checks that the demo may write to `target`: a missing or empty database always; one
 * with data (people, instances, findings, schedules) or one that is not a duban database
 * only with `force`, in which case a PostgreSQL database is emptied now (every table of
 * its current schema is dropped); a SQLite file is replaced only once the new one is
 * complete ({@link writeSqliteFile}).
 *
 * @throws DubanError `USAGE` naming `--db` when the target holds data and `force` is not given.
 */
export async function prepareDemoTarget(target: string, force: boolean): Promise<void> {
  const { state, rows, problem } = await inspectTarget(target);
  // The folder first: a target that cannot be written fails now, not after the build.
  if (!isPostgresTarget(target)) mkdirSync(dirname(resolve(target)), { recursive: true });
  if (state === 'missing' || state === 'empty') return;
  if (!force) {
    throw refusal(target, state === 'data' ? `it holds data (${rows} rows of people, departments, instances, findings and schedules)` : `it cannot be read as a duban database (${problem})`);
  }
  if (!isPostgresTarget(target)) return;
  const store = await openStore(target);
  try {
    await dropAllTables(store);
  } finally {
    await store.close();
  }
}

/**
 * Copies a finished in-memory SQLite database to `target` as one compact file, replacing
 * what was there only at the very end: an interrupted demo never leaves half a database
 * where the console would open it.
 */
export async function writeSqliteFile(store: Store, target: string): Promise<void> {
  const file = resolve(target);
  const building = `${file}.building-${process.pid}`;
  mkdirSync(dirname(file), { recursive: true });
  rmSync(building, { force: true });
  await sql.raw(`VACUUM INTO '${building.replace(/'/g, "''")}'`).execute(store.db);
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
  renameSync(building, file);
}

async function countDataRows(store: Store): Promise<number> {
  const tables = new Set((await store.db.introspection.getTables()).map((t) => t.name));
  let rows = 0;
  for (const table of DATA_TABLES) {
    if (!tables.has(table)) continue;
    const row = await store.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    rows += Number(row.n);
  }
  return rows;
}

async function dropAllTables(store: Store): Promise<void> {
  const { rows } = await sql<{ tablename: string }>`select tablename from pg_tables where schemaname = current_schema()`.execute(store.db);
  for (const { tablename } of rows) await sql`drop table if exists ${sql.id(tablename)} cascade`.execute(store.db);
}

function refusal(target: string, why: string): DubanError {
  return new DubanError('USAGE', `--db ${displayTarget(target)}: ${why}; duban demo builds a new database: name another one with --db, or add --force to replace it`, {
    place: { argument: '--db' },
  });
}
