import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { isDubanError, openStore, type Store } from '../../core/index.js';
import type { Logger } from '../../core/runtime/Logger.js';
import { createTestDatabase, DIALECTS, PG_ADMIN_URL, type TestDatabase } from '../support/dialects.js';

/** The server processes serving a database, the admin's own excluded. */
async function backends(database: string): Promise<{ pid: number }[]> {
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    return (await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [database])).rows;
  } finally {
    await admin.end();
  }
}

const nameOf = (target: string) => new URL(target).pathname.slice(1);

it('leaves a SQLite database alone: the postgres settings are for PostgreSQL only', async () => {
  const database = await createTestDatabase('sqlite');
  const store = await openStore(database.target, { postgres: { poolSize: 1, statementTimeoutMs: 1 } });
  try {
    expect((await sql<{ one: number }>`select 1 as one`.execute(store.db)).rows).toEqual([{ one: 1 }]);
  } finally {
    await store.close();
    await database.drop();
  }
});

// These are settings of pg's pool. DIALECTS has PostgreSQL whenever DUBAN_TEST_PG is set (CI).
describe.each(DIALECTS.filter((dialect) => dialect === 'postgres'))('the %s pool', (dialect) => {
  let database: TestDatabase;
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
    await database?.drop();
  });

  it('holds as many connections at once as postgres.poolSize says, beyond the default 5', async () => {
    database = await createTestDatabase(dialect);
    store = await openStore(database.target, { postgres: { poolSize: 7 } });
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let started = 0;
    let allStarted!: () => void;
    const seven = new Promise<void>((resolve) => (allStarted = resolve));
    const held = Array.from({ length: 7 }, () =>
      store!.db.transaction().execute(async (trx) => {
        await sql`select 1`.execute(trx);
        if (++started === 7) allStarted();
        await gate;
      }),
    );
    await seven;
    expect(await backends(nameOf(database.target))).toHaveLength(7);
    open();
    await Promise.all(held);
  });

  it('cancels a statement that runs past postgres.statementTimeoutMs with DB_STATEMENT_TIMEOUT', async () => {
    database = await createTestDatabase(dialect);
    store = await openStore(database.target, { postgres: { statementTimeoutMs: 200 } });
    const error = await sql`select pg_sleep(2)`.execute(store.db).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isDubanError(error) && error.code).toBe('DB_STATEMENT_TIMEOUT');
    // The connection it ran on goes back to the pool and serves the next statement.
    expect((await sql<{ one: number }>`select 1 as one`.execute(store.db)).rows).toEqual([{ one: 1 }]);
  });

  it('logs a failed idle connection with DB_POOL_ERROR instead of dropping it', async () => {
    database = await createTestDatabase(dialect);
    let logged!: (entry: object) => void;
    const warning = new Promise<object>((resolve) => (logged = resolve));
    const logger: Logger = { info: () => undefined, debug: () => undefined, error: () => undefined, warn: (entry) => logged(entry) };
    store = await openStore(database.target, { logger });
    await sql`select 1`.execute(store.db);
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [nameOf(database.target)]);
    await admin.end();
    expect(await warning).toMatchObject({ code: 'DB_POOL_ERROR' });
    expect((await sql<{ one: number }>`select 1 as one`.execute(store.db)).rows).toEqual([{ one: 1 }]);
  });
});
