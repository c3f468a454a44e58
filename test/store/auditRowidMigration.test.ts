import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, verifyAudit, type Store } from '../../core/index.js';
import { appendAudit } from '../../core/audit/appendAudit.js';
import type { AuditEntry } from '../../core/audit/AuditEntry.js';
import { migrateToLatest } from '../../core/store/migrateToLatest.js';
import { coreMigrations } from '../../core/store/migrations/coreMigrations.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/dialects.js';

const REBUILD = '010_audit_rowid';
// The core's migrations as a database made before the audit log was keyed by its rowid has them.
const BEFORE = Object.fromEntries(Object.entries(coreMigrations).filter(([name]) => name < REBUILD));
const THROUGH = Object.fromEntries(Object.entries(coreMigrations).filter(([name]) => name <= REBUILD));

// Rows of every shape the log holds: an instance's event, a change outside any chain, one acted on another's behalf.
const ENTRIES: readonly AuditEntry[] = [
  { at: '2026-03-02T01:00:00.000Z', actor: 'alice', instanceId: 'i-1', chain: 'notes@1', event: 'start', stateBefore: null, stateAfter: 'open', data: { input: {} } },
  { at: '2026-03-02T01:01:00.000Z', actor: 'system:import', instanceId: null, chain: null, event: 'org.imported', stateBefore: null, stateAfter: null, data: { people: 3 } },
  { at: '2026-03-02T01:02:00.000Z', actor: 'bob', by: 'carol', instanceId: 'i-1', chain: 'notes@1', event: 'NOTE', stateBefore: 'open', stateAfter: 'open', data: { text: '记录 a' } },
  { at: '2026-03-02T01:03:00.000Z', actor: 'alice', instanceId: 'i-1', chain: 'notes@1', event: 'CLOSE', stateBefore: 'open', stateAfter: 'closed', data: {} },
];

let database: TestDatabase | undefined;
let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
  await database?.drop();
  database = undefined;
});

// A store on a fresh database of the dialect, migrated as far as a database made before the rebuild.
async function storeBeforeRebuild(dialect: 'sqlite' | 'postgres'): Promise<Store> {
  database = await createTestDatabase(dialect);
  store = await openStore(database.target);
  await migrateToLatest(store, BEFORE);
  return store;
}

describe.each(DIALECTS)('the audit log keyed by its sequence number on %s', (dialect) => {
  const append = (entry: AuditEntry) => store!.db.transaction().execute((trx) => appendAudit(trx, store!.dialect, entry));
  const rows = () => store!.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();

  it('keeps every row and the hash chain of a database written before it, which goes on growing after', async () => {
    store = await storeBeforeRebuild(dialect);
    for (const entry of ENTRIES) await append(entry);
    const before = await rows();
    const verified = await verifyAudit(store.db);
    expect(verified).toMatchObject({ ok: true, rows: ENTRIES.length });

    expect(await migrateToLatest(store, THROUGH)).toEqual([REBUILD]);
    expect(await rows()).toEqual(before);
    expect(await verifyAudit(store.db)).toEqual(verified);
    expect(await append({ ...ENTRIES[2]!, at: '2026-03-02T01:04:00.000Z' })).toBe(ENTRIES.length + 1);
    expect(await verifyAudit(store.db)).toMatchObject({ ok: true, rows: ENTRIES.length + 1 });
    // What the reports and an instance's history read by: both indexes are there again.
    expect(await indexesOf(store)).toEqual(expect.arrayContaining(['audit_event_at_idx', 'audit_instance_idx']));
  });
});

describe('the audit log keyed by its sequence number on SQLite', () => {
  // How SQLite finds a row by its sequence number.
  const planBySeq = async () =>
    (await sql<{ detail: string }>`explain query plan select * from audit_log where seq = 1`.execute(store!.db)).rows.map((r) => r.detail);

  it('stores each row under its sequence number as the rowid: no separate unique index to write', async () => {
    store = await storeBeforeRebuild('sqlite');
    expect(await indexesOf(store)).toContain('sqlite_autoindex_audit_log_1');
    expect(await planBySeq()).toEqual([expect.stringContaining('USING INDEX sqlite_autoindex_audit_log_1')]);
    await migrateToLatest(store, THROUGH);
    expect((await indexesOf(store)).sort()).toEqual(['audit_event_at_idx', 'audit_instance_idx']);
    expect(await planBySeq()).toEqual([expect.stringContaining('USING INTEGER PRIMARY KEY')]);
  });
});

// The names of audit_log's indexes, as the database lists them.
async function indexesOf(on: Store): Promise<string[]> {
  const query =
    on.dialect === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'audit_log'`
      : sql<{ name: string }>`select indexname as name from pg_indexes where tablename = 'audit_log'`;
  return (await query.execute(on.db)).rows.map((r) => r.name);
}
