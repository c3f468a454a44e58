import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KyselyPlugin } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { directSqlite } from '../../core/store/directSqlite.js';
import { migrateToLatest } from '../../core/store/migrateToLatest.js';
import { openStore } from '../../core/store/openStore.js';
import { preparedQuery } from '../../core/store/preparedQuery.js';
import type { Store } from '../../core/store/Store.js';

const HEAD = preparedQuery(0, (db) => db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1));
const SET_HEAD = preparedQuery(2, (db, seq: number, hash: string) => db.updateTable('audit_head').set({ seq, hash }).where('id', '=', 1));
const INSERT_HEAD = preparedQuery(1, (db, id: number) => db.insertInto('audit_head').values({ id, seq: 0, hash: '' }));

// A plugin that changes nothing: under it a prepared statement takes Kysely's own path.
const passThrough: KyselyPlugin = { transformQuery: (args) => args.node, transformResult: async (args) => args.result };

describe('prepared statements run straight on the SQLite handle inside a transaction', () => {
  let store: Store | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const open = async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-direct-'));
    store = await openStore(join(dir, 'direct.db'));
    await migrateToLatest(store);
    return store;
  };

  it('only inside an open transaction, and not under Kysely plugins', async () => {
    const { db } = await open();
    expect(directSqlite(db)).toBeUndefined();
    await db.transaction().execute(async (trx) => {
      expect(directSqlite(trx)).toBeDefined();
      expect(directSqlite(trx.withPlugin(passThrough))).toBeUndefined();
    });
  });

  it('is part of the transaction: kept on commit, undone on rollback, with the results Kysely gives', async () => {
    const { db } = await open();
    const viaKysely = await db.transaction().execute(async (trx) => SET_HEAD.run(trx.withPlugin(passThrough), 1, 'one'));
    const direct = await db.transaction().execute(async (trx) => SET_HEAD.run(trx, 2, 'two'));
    expect(direct).toEqual(viaKysely);
    expect((await HEAD.run(db)).rows).toEqual([{ seq: 2, hash: 'two' }]);
    await expect(
      db.transaction().execute(async (trx) => {
        await SET_HEAD.run(trx, 3, 'three');
        expect((await HEAD.run(trx)).rows).toEqual([{ seq: 3, hash: 'three' }]);
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    expect((await HEAD.run(db)).rows).toEqual([{ seq: 2, hash: 'two' }]);
  });

  it('a transaction handle kept past its commit is refused as Kysely refuses it, even while another transaction is open', async () => {
    const { db } = await open();
    let stale: Parameters<typeof SET_HEAD.run>[0] | undefined;
    await db.transaction().execute(async (trx) => {
      stale = trx;
      await SET_HEAD.run(trx, 1, 'one');
    });
    await db.transaction().execute(async (trx) => {
      await expect(SET_HEAD.run(stale!, 9, 'nine')).rejects.toThrow('Transaction is already committed');
      expect((await HEAD.run(trx)).rows).toEqual([{ seq: 1, hash: 'one' }]);
    });
    expect((await HEAD.run(db)).rows).toEqual([{ seq: 1, hash: 'one' }]);
  });

  it('a failing statement rejects with the error the Kysely path gives', async () => {
    const { db } = await open();
    const viaKysely = await db.transaction().execute((trx) => INSERT_HEAD.run(trx.withPlugin(passThrough), 1)).catch((error: unknown) => error);
    const direct = await db.transaction().execute((trx) => INSERT_HEAD.run(trx, 1)).catch((error: unknown) => error);
    expect(direct).toBeInstanceOf(Error);
    expect(direct).toMatchObject({ code: (viaKysely as { code: unknown }).code, message: (viaKysely as Error).message });
  });

  it('a statement outside the transaction waits for its commit instead of running inside it', async () => {
    const { db } = await open();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const writer = db.transaction().execute(async (trx) => {
      await SET_HEAD.run(trx, 5, 'five');
      entered();
      await gate;
      await SET_HEAD.run(trx, 6, 'six');
    });
    await inside;
    const reader = HEAD.run(db);
    let read = false;
    void reader.then(() => (read = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(read).toBe(false);
    release();
    await writer;
    expect((await reader).rows).toEqual([{ seq: 6, hash: 'six' }]);
  });
});
