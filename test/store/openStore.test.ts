import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { isDubanError, openStore, type Store } from '../../core/index.js';
import { migrateToLatest } from '../../core/store/migrateToLatest.js';
import { coreMigrations } from '../../core/store/migrations/coreMigrations.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/dialects.js';

const CORE_TABLES = ['chain_definitions', 'instances', 'audit_log', 'audit_head', 'timers', 'outbox', 'incidents'];

describe.each(DIALECTS)('openStore and the core migrations on %s', (dialect) => {
  let database: TestDatabase;
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
    await database?.drop();
  });

  it('migrates an empty database to the latest, and a second run changes nothing', async () => {
    database = await createTestDatabase(dialect);
    store = await openStore(database.target);
    expect(store.dialect).toBe(dialect);
    const applied = await migrateToLatest(store);
    expect(applied).toEqual(Object.keys(coreMigrations));
    const tables = (await store.db.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(CORE_TABLES));
    expect(await migrateToLatest(store)).toEqual([]);
    // The audit head starts empty, as verify expects.
    expect(await store.db.selectFrom('audit_head').selectAll().execute()).toEqual([{ id: 1, seq: 0, hash: '' }]);
  });

  it('returns bigint and count(*) as numbers on both dialects', async () => {
    database = await createTestDatabase(dialect);
    store = await openStore(database.target);
    await migrateToLatest(store);
    const head = await store.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
    expect(typeof head.seq).toBe('number');
    const count = await store.db.selectFrom('instances').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('rolls a transaction back as a whole when it throws', async () => {
    database = await createTestDatabase(dialect);
    store = await openStore(database.target);
    await migrateToLatest(store);
    const db = store.db;
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.updateTable('audit_head').set({ seq: 99, hash: 'x' }).where('id', '=', 1).execute();
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    expect(await db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirst()).toEqual({ seq: 0, hash: '' });
  });
});

describe('openStore on SQLite', () => {
  let database: TestDatabase;
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
    await database?.drop();
  });

  it('opens a file in WAL mode with synchronous=FULL, foreign keys and a busy timeout', async () => {
    database = await createTestDatabase('sqlite');
    store = await openStore(database.target);
    const pragma = async (name: string) => Object.values((await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(store!.db)).rows[0]!)[0];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('synchronous')).toBe(2);
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('busy_timeout')).toBe(10_000);
  });

  it('creates the folder of a new database file', async () => {
    database = await createTestDatabase('sqlite');
    const nested = database.target.replace(/duban\.db$/, 'a/b/c/duban.db');
    store = await openStore(nested);
    await migrateToLatest(store);
    expect(store.target).toBe(nested);
  });
});

describe('openStore refusals', () => {
  it('names an unsupported target', async () => {
    const error = await openStore('mysql://db.example/duban').catch((e: unknown) => e);
    expect(isDubanError(error, 'DB_UNSUPPORTED_TARGET')).toBe(true);
  });

  it('cannot reach PostgreSQL: DB_OPEN_FAILED, without the password in the message', async () => {
    // Port 1 on localhost: nothing listens, the connection is refused at once.
    const error = await openStore('postgres://duban:s3cret@127.0.0.1:1/duban').catch((e: unknown) => e);
    expect(isDubanError(error, 'DB_OPEN_FAILED')).toBe(true);
    expect((error as Error).message).toContain('postgres://duban:***@127.0.0.1:1/duban');
    expect((error as Error).message).not.toContain('s3cret');
  });
});
