import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { isDubanError, openStore, type Store } from '../../core/index.js';

// Failures of the storage itself, made here without privileges: `query_only` makes SQLite
// refuse writes as a read-only file does (SQLITE_READONLY); `max_page_count` makes the
// file full (SQLITE_FULL), after which SQLite has rolled the transaction back itself.
describe('storage failures at the store boundary (SQLite)', () => {
  let dir: string;
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  const open = async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-store-failure-'));
    store = await openStore(join(dir, 'duban.db'));
    await sql`create table t (a text)`.execute(store.db);
    return store;
  };
  const write = (s: Store, rows = 1, size = 10) =>
    s.db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows; i++) await sql`insert into t values (${'x'.repeat(size)})`.execute(trx);
    });

  it('a refused write is DB_READONLY naming the file, not the driver’s error; the store works once writable again', async () => {
    const s = await open();
    await sql`pragma query_only = 1`.execute(s.db);
    const error = await write(s).catch((e: unknown) => e);
    expect(isDubanError(error, 'DB_READONLY'), String(error)).toBe(true);
    expect((error as Error).message).toContain(join(dir, 'duban.db'));
    await sql`pragma query_only = 0`.execute(s.db);
    await write(s);
    expect((await sql<{ n: number }>`select count(*) as n from t`.execute(s.db)).rows[0]!.n).toBe(1);
  });

  it('a full disk is DB_IO_FAILED, and the rollback after it does not replace the cause with "no transaction is active"', async () => {
    const s = await open();
    await sql`pragma max_page_count = 3`.execute(s.db);
    const error = await write(s, 2000, 500).catch((e: unknown) => e);
    expect(isDubanError(error, 'DB_IO_FAILED'), String(error)).toBe(true);
    expect((error as Error).message).toMatch(/full/);
    expect((error as Error).message).not.toContain('no transaction is active');
  });

  it('mustExist: a missing file is DB_NOT_FOUND and neither it nor its folder is made', async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-store-failure-'));
    const error = await openStore(join(dir, 'nope', 'x.db'), { mustExist: true }).catch((e: unknown) => e);
    expect(isDubanError(error, 'DB_NOT_FOUND'), String(error)).toBe(true);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir)).toEqual([]);
  });
});
